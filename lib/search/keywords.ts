// TF-IDF keywords of title + abstract, stored in Paper.keywords and run as the related-papers query.
// Document frequencies come from the FTS index itself (one count per distinct candidate word,
// cached per run), so no corpus scan is needed when a day's papers arrive.
import type Database from 'better-sqlite3';

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
  achieve achieves demonstrate demonstrates significantly significant however furthermore moreover`.split(/\s+/),
);

/** Lower-cased words worth considering, with their counts in the text (title counted twice). */
export function candidateWords(title: string, abstract: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const plain = text.replace(/\$[^$]*\$/g, ' ').toLowerCase(); // inline maths is not a keyword
    for (const w of plain.match(/\p{L}[\p{L}\p{N}-]*\p{L}|\p{L}{3,}/gu) ?? []) {
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + weight);
    }
  };
  add(title, 2);
  add(abstract, 1);
  return counts;
}

/** Computes keywords for every paper that has none; returns how many it filled. */
export function fillMissingKeywords(db: Database.Database, batchSize = 500): number {
  const docCount = (db.prepare('SELECT count(*) AS n FROM Paper').get() as { n: number }).n;
  const dfQuery = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM fts_papers WHERE fts_papers MATCH ?');
  const dfCache = new Map<string, number>();
  const df = (w: string) => {
    let n = dfCache.get(w);
    if (n === undefined) dfCache.set(w, (n = dfQuery.get(`"${w.replace(/"/g, '""')}"`)!.n));
    return n;
  };
  const next = db.prepare<[number], { id: string; title: string; abstract: string }>(
    'SELECT id, title, abstract FROM Paper WHERE keywords IS NULL LIMIT ?',
  );
  const save = db.prepare('UPDATE Paper SET keywords = ? WHERE id = ?');
  let filled = 0;
  for (;;) {
    const batch = next.all(batchSize);
    if (!batch.length) return filled;
    db.transaction(() => {
      for (const p of batch) {
        const counts = candidateWords(p.title, p.abstract);
        const scored = [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, CANDIDATES)
          .map(([w, tf]) => [w, tf * Math.log((docCount + 1) / (df(w) + 1))] as const)
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        // '' rather than NULL when nothing qualifies, so the paper is not retried every run.
        save.run(scored.slice(0, KEYWORD_COUNT).map(([w]) => w).join(' '), p.id);
      }
    })();
    filled += batch.length;
  }
}
