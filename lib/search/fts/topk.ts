// Impact-ordered lists for common tokens (migrations 20261124010000_search_topk, …020000_…upkeep).
//
// `MATCH … ORDER BY rank LIMIT 20` makes FTS5 compute bm25 for every matching row before the
// LIMIT, so a word in a third of a million papers costs seconds. For each token in at least
// `minDocs` rows, buildTopK stores the first K rows of FTS5's own `MATCH '"word"' ORDER BY rank`
// (word: one that tokenizes to the token) as (w, len): the row's column-weighted hit count and token count, from which bm25.ts recomputes
// FTS5's score bit for bit under the index's CURRENT statistics (row count, average length, the
// token's document count, which upkeep keeps exact). With kth = the K-th row's tf at the build's
// average length A0, every row outside list t has tf ≤ kth at A0, hence ≤ kth·max(1, A/A0) at the
// current average length A (tf's denominator shrinks by at most A/A0): an upper bound U_t on its
// score for t.
//
// - One word: the listed rows, rescored and sorted, are exact down to the first score not above
//   U_t; the page is served if it lies above that.
// - Several words (AND): bm25 sums over phrases. Rows in every list get their exact score; a row
//   in some lists is bounded by its known part plus U_t for the others, a row in none by Σ U_t.
//   Partial rows are scored exactly (topkSearch.ts: a doclist seek drops those lacking a word, the
//   rest are tokenized), best bound first, until `need` exact rows beat every remaining bound (a
//   WAND-style threshold argument); if the bound of rows in no list is what blocks, or too many
//   rows need scoring, the caller falls back to FTS5.
//
// Upkeep (updateTopK, after every ingest): triggers queue changed rows in fts_topk_dirty (with
// the old text of rows that existed); upkeep tokenizes the old texts to take them out of the
// document counts and lists, and the new ones to put them in (added to a list when their tf at
// A0 beats kth). A full rebuild only follows when many rows changed or the average length
// drifted. Until upkeep has run, searches take the plain FTS5 path.
import type Database from 'better-sqlite3';
import { read, statement } from '@/lib/db';
import { countRow } from '@/lib/db/rows';
import { bm25, columnWeights, docTokens, idf, indexStats, tf, weightForTf } from './bm25';
import { rankedQuery, type OffloadRanking } from './rankedLists';
import { COLUMNS, queryTokens, tokenHits, type RowText } from './tokens';

export const TOPK_DEFAULTS = { minDocs: 5000, k: 1000 };
// Upkeep costs ~0.2 ms per changed row, a rebuild ~0.2 ms per row of the index (CPU, 1M papers).
// Lists stay exact however much changes, but they lengthen as new rows join them and bounds
// loosen as the average length grows, so upkeep gives way to a full rebuild when a batch is
// larger than half the index, when the index has doubled since the build…
const REBUILD_BATCH = 0.5;
const REBUILD_CHANGED = 1;
/** …or when the average row length has grown by this factor. */
const REBUILD_DRIFT = 1.1;

interface State {
  built: number;
  avgdl: number;
  rows: number;
  changed: number;
}

const statementsByDb = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    state: statement<[], State>('SELECT built, avgdl, rows, changed FROM fts_topk_state', db),
    anyDirty: statement<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM fts_topk_dirty) AS n', db),
    term: statement<[string], { docs: number; kth: number }>(
      'SELECT docs, kth FROM fts_topk_term WHERE token = ?',
      db,
    ),
    list: statement<[string], { docid: number; w: number; len: number }>(
      'SELECT docid, w, len FROM fts_topk WHERE token = ?',
      db,
    ),
    text: statement<[number], RowText>(
      'SELECT rowid AS docid, title, authors, abstract FROM Paper WHERE rowid = ?',
      db,
    ),
    // FTS5 tests a rowid per IN value (a seek in the token's doclist), without computing bm25.
    having: statement<[string, string], { docid: number }>(
      'SELECT rowid AS docid FROM fts_papers WHERE fts_papers MATCH ? AND rowid IN (SELECT value FROM json_each(?))',
      db,
    ),
    weights: columnWeights(db, COLUMNS.length),
  };
}

/** Statements of the lists' hot paths (lib/db.ts's cache) and the column weights, looked up once per connection. */
export const statements = (db: Database.Database) =>
  statementsByDb.get(db) ?? statementsByDb.set(db, prepare(db)).get(db)!;

/**
 * Rebuilds every list from the current index; returns the number of tokens listed. With
 * `offload`, every other token's ranked query runs there (another thread) meanwhile.
 */
export function buildTopK(
  db: Database.Database,
  { minDocs, k } = TOPK_DEFAULTS,
  offload?: OffloadRanking,
): number {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, fts_papers, 'row')`);
  const weights = columnWeights(db, COLUMNS.length);
  const ranked = rankedQuery(db);
  const putTerm = db.prepare('INSERT INTO fts_topk_term (token, docs, kth) VALUES (?, ?, ?)');
  const putRow = db.prepare('INSERT INTO fts_topk (token, docid, w, len) VALUES (?, ?, ?, ?)');
  return db
    .transaction(() => {
      const { rows, avgdl } = indexStats(db);
      db.exec('DELETE FROM fts_topk; DELETE FROM fts_topk_term; DELETE FROM fts_topk_dirty;');
      let listed = 0;
      const common =
        weights && rows
          ? db
              .prepare<[number], { term: string; doc: number }>(
                'SELECT term, doc FROM temp.fts_vocab WHERE doc >= ?',
              )
              .all(minDocs)
          : [];
      const sources = sourceWords(
        db,
        common.map((c) => c.term),
      );
      const tokens = common.flatMap(({ term, doc }) =>
        sources.has(term) ? [{ term, doc, match: `"${sources.get(term)!}"` }] : [],
      );
      const elsewhere =
        offload && tokens.length >= 2
          ? offload(
              tokens.filter((_, i) => i % 2).map((t) => t.match),
              k,
            )
          : null;
      const here = tokens.map((t, i) => (elsewhere && i % 2 ? null : ranked(t.match, k)));
      const fromElsewhere = elsewhere?.collect() ?? [];
      tokens.forEach(({ term, doc }, i) => {
        const list = here[i] ?? fromElsewhere[(i - 1) / 2]!;
        const tokenIdf = idf(db, rows, doc);
        const entries: { docid: number; w: number; len: number }[] = [];
        for (let j = 0; j < list.length; j += 3) {
          const [docid, score, len] = [list[j]!, list[j + 1]!, list[j + 2]!];
          const w = Math.round(weightForTf(-score / tokenIdf, len, avgdl));
          // Only rows whose FTS5 score we reproduce exactly are stored (so never a wrong order).
          if (bm25([tokenIdf], [w], len, avgdl) !== -score) return;
          entries.push({ docid, w, len });
        }
        if (!entries.length) return;
        for (const e of entries) putRow.run(term, e.docid, e.w, e.len);
        const last = entries.at(-1)!;
        putTerm.run(term, doc, entries.length < k ? 0 : tf(last.w, last.len, avgdl));
        listed++;
      });
      db.prepare('UPDATE fts_topk_state SET built = 1, avgdl = ?, rows = ?, changed = 0').run(
        avgdl || 0,
        rows,
      );
      return listed;
    })
    .immediate();
}

// Porter stems again what it stemmed ("diffusion" → "diffus" → "diffu"), so a stored token is not
// always its own query; some word with a common ending usually tokenizes to it.
const SUFFIXES = [
  '',
  'e',
  's',
  'es',
  'ed',
  'ing',
  'ion',
  'ions',
  'al',
  'ation',
  'ity',
  'ive',
  'ment',
  'ness',
  'ous',
  'er',
  'ly',
  'ic',
  'ical',
  'ize',
  'ism',
  'ist',
  'ant',
  'ent',
  'ence',
  'ance',
  'able',
  'ible',
];

/** For each stored token, a word the tokenizer turns into exactly that token (to query FTS5 with), when one is found. */
function sourceWords(db: Database.Database, tokens: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const suffix of SUFFIXES) {
    const stems = tokens
      .filter((t) => !found.has(t))
      .flatMap((t) =>
        (t.endsWith('i') ? [t, `${t.slice(0, -1)}y`] : [t]).map((stem) => [t, stem + suffix] as const),
      );
    const tokenized = queryTokens(
      db,
      stems.map(([, word]) => word),
    );
    stems.forEach(([t, word], i) => {
      if (tokenized[i] === t && !found.has(t)) found.set(t, word);
    });
  }
  return found;
}

export type TopKUpkeep = 'fresh' | 'updated' | 'rebuilt';

/** Brings the lists up to date with rows changed since the last upkeep (cheap), or rebuilds them when drift is large. */
export function updateTopK(
  db: Database.Database,
  lists = TOPK_DEFAULTS,
  offload?: OffloadRanking,
): TopKUpkeep {
  const st = statements(db);
  const state = st.state.get()!;
  if (state.built && !st.anyDirty.get()!.n) return 'fresh';
  const dirty = read(countRow, 'SELECT count(*) AS n FROM fts_topk_dirty', db).get()?.n ?? 0;
  const { avgdl } = indexStats(db);
  const tooMany = dirty > REBUILD_BATCH * state.rows || state.changed + dirty > REBUILD_CHANGED * state.rows;
  if (!state.built || !st.weights || tooMany || avgdl > state.avgdl * REBUILD_DRIFT) {
    buildTopK(db, lists, offload);
    return 'rebuilt';
  }
  db.transaction(() => applyChanges(db, st.weights!, state)).immediate();
  return 'updated';
}

function applyChanges(db: Database.Database, weights: number[], state: State): void {
  const terms = new Map(
    statement<[], { token: string; docs: number; kth: number }>(
      'SELECT token, docs, kth FROM fts_topk_term',
      db,
    )
      .all()
      .map((t) => [t.token, t]),
  );
  const listed = [...terms.keys()];
  const changedDocs = new Set<string>();
  const drop = statement('DELETE FROM fts_topk WHERE token = ? AND docid = ?', db);
  const put = statement('INSERT OR REPLACE INTO fts_topk (token, docid, w, len) VALUES (?, ?, ?, ?)', db);
  const oldTexts = statement<[number, number], RowText>(
    'SELECT docid, title, authors, abstract FROM fts_topk_dirty WHERE counted = 1 AND docid > ? ORDER BY docid LIMIT ?',
    db,
  );
  const current = statement<[number, number], RowText & { sz: Buffer }>(
    `SELECT x.docid, p.title, p.authors, p.abstract, d.sz FROM fts_topk_dirty x JOIN Paper p ON p.rowid = x.docid JOIN fts_papers_docsize d ON d.id = x.docid
     WHERE x.docid > ? ORDER BY x.docid LIMIT ?`,
    db,
  );
  const chunk = 2000; // rows tokenized together: each chunk costs one scratch-index seek per listed token
  // 1. Take out what the lists and counts hold for each row's previous text.
  for (
    let after = 0, rows: RowText[];
    (rows = oldTexts.all(after, chunk)).length;
    after = rows.at(-1)!.docid
  ) {
    for (const { docid, token } of tokenHits(db, rows, weights, listed)) {
      terms.get(token)!.docs--;
      changedDocs.add(token);
      drop.run(token, docid);
    }
  }
  // 2. Put in each row's current text; it joins a list when its tf at the build's avgdl beats kth.
  for (
    let after = 0, rows: (RowText & { sz: Buffer })[];
    (rows = current.all(after, chunk)).length;
    after = rows.at(-1)!.docid
  ) {
    const lengths = new Map(rows.map((r) => [r.docid, docTokens(r.sz)]));
    for (const { docid, token, w } of tokenHits(db, rows, weights, listed)) {
      const term = terms.get(token)!;
      term.docs++;
      changedDocs.add(token);
      const len = lengths.get(docid)!;
      if (tf(w, len, state.avgdl) > term.kth) put.run(token, docid, w, len);
    }
  }
  const setDocs = statement('UPDATE fts_topk_term SET docs = ? WHERE token = ?', db);
  for (const token of changedDocs) setDocs.run(terms.get(token)!.docs, token);
  const { n } = statement<[], { n: number }>('SELECT count(*) AS n FROM fts_topk_dirty', db).get()!;
  db.prepare('DELETE FROM fts_topk_dirty').run();
  db.prepare('UPDATE fts_topk_state SET changed = changed + ?').run(n);
}
