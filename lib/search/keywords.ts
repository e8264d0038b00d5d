// TF-IDF keywords of title + abstract, stored in Paper.keywords and run as the related-papers query.
// Document frequencies come from the FTS index itself (one count per distinct candidate word,
// cached per run), so no corpus scan is needed when a day's papers arrive.
import type Database from 'better-sqlite3';
import { read, statement } from '@/lib/db';
import { countRow } from '@/lib/db/rows';
import { write } from '@/lib/db/writer';
import { columnWeights } from './fts/bm25';
import { COLUMNS, queryTokens } from './fts/tokens';

export const KEYWORD_COUNT = 8;
const CANDIDATES = 24;

// Words too common in abstracts to say what a paper is about (beyond what IDF already damps).
const STOPWORDS = new Set(
  `about above after again against also although among an and another any are as at be because been before being below between both but by can could
  did do does doing done during each either etc for from further had has have having here how however i if in into is it its itself just
  may might more most much must neither no nor not of off on once only or other our ours out over own paper per propose proposed
  same several shall should show shows shown since so some such than that the their them then there these they this those through thus to too
  under until up upon us use used uses using very via was we well were what when where whether which while who whom why will with within without would yet you your
  approach method methods results result new based two three one first also existing novel present work study provide provides across
  achieve achieves demonstrate demonstrates significantly significant however furthermore moreover`.split(
    /\s+/,
  ),
);

/**
 * Lower-cased words worth considering, with their counts in the text, a title word counting
 * `titleWeight` times (the index's title weight relative to the abstract's, so keywords weigh
 * where a word occurs as search ranking does).
 */
export function candidateWords(title: string, abstract: string, titleWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const plain = text.replace(/\$[^$]*\$/g, ' ').toLowerCase(); // inline maths is not a keyword
    for (const w of plain.match(/\p{L}[\p{L}\p{N}-]*\p{L}|\p{L}{3,}/gu) ?? []) {
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + weight);
    }
  };
  add(title, titleWeight);
  add(abstract, 1);
  return counts;
}

/** Scores a paper's candidate words by TF-IDF, with document frequencies from the FTS index. */
class KeywordScorer {
  private readonly docCount: number;
  private readonly dfQuery;
  private readonly dfCache = new Map<string, number>();

  private readonly titleWeight: number;

  constructor(private readonly db: Database.Database) {
    this.docCount = read(countRow, 'SELECT count(*) AS n FROM Paper', db).get()?.n ?? 0;
    const [title, , abstract] = columnWeights(db, COLUMNS.length) ?? [1, 1, 1];
    this.titleWeight = title! / abstract!;
    this.dfQuery = statement<[string], { n: number }>(
      'SELECT count(*) AS n FROM fts_papers WHERE fts_papers MATCH ?',
      db,
    );
  }

  private df(w: string): number {
    let n = this.dfCache.get(w);
    if (n === undefined) this.dfCache.set(w, (n = this.dfQuery.get(`"${w.replace(/"/g, '""')}"`)!.n));
    return n;
  }

  /**
   * Space-separated keywords, best first; '' (not NULL) when nothing qualifies, so it is not retried.
   * Words are counted by the index token they search as ("optimizer", "optimizers", "optimization"
   * are one porter token, as the related query will match them), under their most frequent form.
   */
  keywords(title: string, abstract: string): string {
    const words = [...candidateWords(title, abstract, this.titleWeight)];
    const tokens = queryTokens(
      this.db,
      words.map(([w]) => w),
    );
    const byToken = new Map<string, { word: string; top: number; tf: number }>();
    words.forEach(([w, tf], i) => {
      const key = tokens[i] ?? w; // a word of several tokens ("matrix-wise") stays its own keyword
      const entry = byToken.get(key) ?? byToken.set(key, { word: w, top: 0, tf: 0 }).get(key)!;
      entry.tf += tf;
      if (tf > entry.top) Object.assign(entry, { word: w, top: tf });
    });
    return [...byToken.values()]
      .map((e) => [e.word, e.tf] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES)
      .map(([w, tf]) => [w, tf * Math.log((this.docCount + 1) / (this.df(w) + 1))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, KEYWORD_COUNT)
      .map(([w]) => w)
      .join(' ');
  }
}

/**
 * Computes keywords for papers that have none; returns how many it filled. Counting document
 * frequencies costs time in proportion to the index, so ingest fills only listed papers (the ones
 * daily lists show); the rest are filled on first request (keywordsFor) or by search:reindex.
 */
export function fillMissingKeywords(
  db: Database.Database,
  { listedOnly = false, batchSize = 500 } = {},
): number {
  const scorer = new KeywordScorer(db);
  const next = statement<[number], { id: string; title: string; abstract: string }>(
    `SELECT id, title, abstract FROM Paper WHERE keywords IS NULL${listedOnly ? ' AND id IN (SELECT paperId FROM Listing)' : ''} LIMIT ?`,
    db,
  );
  const save = statement('UPDATE Paper SET keywords = ? WHERE id = ?', db);
  let filled = 0;
  for (;;) {
    const batch = next.all(batchSize);
    if (!batch.length) return filled;
    db.transaction(() => {
      for (const p of batch) save.run(scorer.keywords(p.title, p.abstract), p.id);
    })();
    filled += batch.length;
  }
}

/** A paper's stored keywords, computed and stored first if it has none; undefined for unknown ids. */
export function keywordsFor(db: Database.Database, id: string): string | undefined {
  const paper = statement<[string], { title: string; abstract: string; keywords: string | null }>(
    'SELECT title, abstract, keywords FROM Paper WHERE id = ?',
    db,
  ).get(id);
  if (!paper) return undefined;
  if (paper.keywords !== null) return paper.keywords;
  const keywords = new KeywordScorer(db).keywords(paper.title, paper.abstract);
  // Stored in the background: a request never waits for another process's write.
  void write((w) => w.prepare('UPDATE Paper SET keywords = ? WHERE id = ?').run(keywords, id)).catch(
    () => {},
  );
  return keywords;
}
