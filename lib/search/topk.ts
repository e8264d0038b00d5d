// Impact-ordered lists for common tokens (migration 20261124010000_search_topk).
//
// `MATCH … ORDER BY rank LIMIT 20` makes FTS5 compute bm25 for every matching row before the
// LIMIT, so a word in a third of a million papers costs seconds. For each token in at least
// `minDocs` rows, buildTopK stores the first K rows of FTS5's own `MATCH '"token"' ORDER BY rank`
// with their bm25. A query whose words are all such tokens is answered from the lists:
//
// - One word: the list IS the answer (same rows, same scores, FTS5's own order), for any page
//   within the first K rows.
// - Several words (AND): bm25 is a sum over phrases, s(d) = Σ s_i(d), where s_i depends only on
//   token i, the row and index-wide statistics — exactly the single-token score in token i's
//   list. A row in every list has its exact score. Any other row that contains every token has
//   s_i(d) ≤ kth_i (the K-th score of list i, in magnitude) for each list it is missing from, so
//   its score is at most Σ_{i in} s_i(d) + Σ_{i missing} kth_i (≤ Σ kth_i for rows in no list).
//   If the rows found in every list include `need` rows scoring strictly better than that bound
//   for every other row, those rows are the exact top `need` (a WAND-style threshold
//   argument); otherwise the caller falls back to the plain FTS5 query.
//
// The lists are only valid for the index state they were built from (row count, average length
// and document counts all enter bm25): triggers clear fts_topk_state.fresh on any change to an
// indexed column, and the fast path is off until buildTopK runs again.
import type Database from 'better-sqlite3';

export const TOPK_DEFAULTS = { minDocs: 5000, k: 1000 };

export interface TopKPage {
  /** Paper rowids in rank order. */
  rowids: number[];
  /** Matching rows, capped at `cap`; undefined when the caller must count. */
  total?: number;
}

/** Rebuilds every list from the current index; returns the number of tokens listed. */
export function buildTopK(db: Database.Database, { minDocs, k } = TOPK_DEFAULTS): number {
  ensureTemp(db);
  const common = db
    .prepare<[number], { term: string; doc: number }>('SELECT term, doc FROM temp.fts_vocab WHERE doc >= ?')
    .all(minDocs)
    // Stored tokens are stemmed; a token whose re-tokenisation differs would match other rows.
    .filter((t) => sameTokens(db, [t.term])[0] === t.term);
  const top = db.prepare<[string, number], { docid: number; score: number }>(
    'SELECT rowid AS docid, rank AS score FROM fts_papers WHERE fts_papers MATCH ? ORDER BY rank LIMIT ?',
  );
  const putTerm = db.prepare('INSERT INTO fts_topk_term (token, docs, kth) VALUES (?, ?, ?)');
  const putRow = db.prepare('INSERT INTO fts_topk (token, pos, docid, score) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM fts_topk; DELETE FROM fts_topk_term;');
    for (const { term, doc } of common) {
      const rows = top.all(`"${term}"`, k);
      rows.forEach((r, i) => putRow.run(term, i, r.docid, r.score));
      putTerm.run(term, doc, rows.at(-1)!.score);
    }
    db.exec('UPDATE fts_topk_state SET fresh = 1');
  })();
  return common.length;
}

/** Rebuilds the lists if an indexed column changed since they were built. */
export function refreshTopK(db: Database.Database, lists = TOPK_DEFAULTS): void {
  if (!isFresh(db)) buildTopK(db, lists);
}

const isFresh = (db: Database.Database) => (db.prepare('SELECT fresh FROM fts_topk_state').get() as { fresh: number }).fresh === 1;

/**
 * The rowids of ranks [offset, offset + limit) of `MATCH word1 AND word2 …` ordered by bm25, or
 * null when the lists cannot prove the answer (stale lists, a rare or multi-token word, a page
 * beyond the lists, or a bound that does not separate).
 */
export function topKSearch(db: Database.Database, words: readonly string[], offset: number, limit: number, cap: number): TopKPage | null {
  if (!words.length || words.length > 4 || !isFresh(db)) return null;
  const tokens = sameTokens(db, words);
  if (tokens.some((t) => t === null) || new Set(tokens).size !== tokens.length) return null;
  const terms = tokens.map((t) => db.prepare<[string], { docs: number; kth: number }>('SELECT docs, kth FROM fts_topk_term WHERE token = ?').get(t!));
  if (terms.some((t) => !t)) return null;
  const need = offset + limit;
  const list = db.prepare<[string, number], { docid: number; score: number }>('SELECT docid, score FROM fts_topk WHERE token = ? AND pos < ? ORDER BY pos');

  if (tokens.length === 1) {
    const rows = list.all(tokens[0]!, need);
    if (need > rows.length && rows.length < terms[0]!.docs) return null;
    return { rowids: rows.slice(offset).map((r) => r.docid), total: Math.min(terms[0]!.docs, cap) };
  }

  // Scores are negative (lower is better); bounds are kept in the same sign.
  const seen = new Map<number, { score: number; lists: number; missingBound: number }>();
  const kths = terms.map((t) => t!.kth);
  const allMissing = kths.reduce((a, b) => a + b, 0);
  tokens.forEach((t, i) => {
    for (const r of list.all(t!, Number.MAX_SAFE_INTEGER)) {
      const e = seen.get(r.docid) ?? { score: 0, lists: 0, missingBound: allMissing };
      e.score += r.score;
      e.lists++;
      e.missingBound -= kths[i]!;
      seen.set(r.docid, e);
    }
  });
  const exact: { docid: number; score: number }[] = [];
  let bound = allMissing; // best score any row outside `exact` can reach
  for (const [docid, e] of seen) {
    if (e.lists === tokens.length) exact.push({ docid, score: e.score });
    else bound = Math.min(bound, e.score + e.missingBound);
  }
  // Ties in FTS5's sort come out in rowid order.
  exact.sort((a, b) => a.score - b.score || a.docid - b.docid);
  if (exact.length < need || !(exact[need - 1]!.score < bound)) return null;
  return { rowids: exact.slice(offset, need).map((r) => r.docid) };
}

/** Each word as the index tokenizes it: its single token, or null if it has none or several. */
function sameTokens(db: Database.Database, words: readonly string[]): (string | null)[] {
  ensureTemp(db);
  return db.transaction(() => {
    const put = db.prepare('INSERT INTO temp.fts_tokenize (rowid, text) VALUES (?, ?)');
    words.forEach((w, i) => put.run(i, w));
    const found = db.prepare<[], { doc: number; term: string }>('SELECT doc, term FROM temp.fts_tokenize_terms').all();
    db.exec('DELETE FROM temp.fts_tokenize');
    return words.map((_, i) => {
      const mine = found.filter((f) => f.doc === i);
      return mine.length === 1 ? mine[0]!.term : null;
    });
  })();
}

const prepared = new WeakSet<Database.Database>();

/** Per connection: a scratch FTS5 table with fts_papers' tokenizer, and vocabulary views. */
function ensureTemp(db: Database.Database): void {
  if (prepared.has(db)) return;
  const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'fts_papers'").get() as { sql: string };
  const tokenize = /tokenize\s*=\s*('(?:[^']|'')*')/i.exec(sql)![1];
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_tokenize USING fts5(text, tokenize = ${tokenize});
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_tokenize_terms USING fts5vocab(temp, fts_tokenize, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, fts_papers, 'row');`);
  prepared.add(db);
}
