// Answers `MATCH word1 AND word2 … ORDER BY rank` from the common-word lists (topk.ts, whose header
// gives the argument) when their bounds prove the page, exactly as FTS5 would order it.
import type Database from 'better-sqlite3';
import { bm25, idf, indexStats, tf } from './bm25';
import { statements } from './topk';
import { queryTokens, tokenHits } from './tokens';

/** Bounds are rounded up past floating-point error, so ties at a bound count as not separated. */
const SLACK = 1 + 1e-9;
/** Partial rows a multi-word query may look at (in batches) before giving up… */
const MAX_SCORED = 384;
/** …or, if none of them beat the bound of rows in no list, this many. */
const HOPELESS_AFTER = 256;
const BATCH = 32;

export interface TopKPage {
  /** Paper rowids in rank order. */
  rowids: number[];
  /** Matching rows, capped at `cap`; undefined when the caller must count. */
  total?: number;
}

/** Of the given rowids, those a caller keeps (exact.ts: rows holding the exact words). */
export type RowFilter = (docids: readonly number[]) => Set<number>;

/**
 * The rowids of ranks [offset, offset + limit) of `MATCH word1 AND word2 …` ordered by bm25 —
 * with `keep`, of the rows it keeps, i.e. `… AND rowid IN (kept) ORDER BY rank` — or null when
 * the lists cannot prove the answer (lists not up to date, a rare or multi-token word, a page
 * beyond the lists, a bound that does not separate, or fewer kept rows than the page needs).
 */
export function topKSearch(db: Database.Database, words: readonly string[], offset: number, limit: number, cap: number, keep?: RowFilter): TopKPage | null {
  if (!words.length || words.length > 4) return null;
  // One read snapshot: lists, counts and FTS5 statistics must describe the same state.
  return db.transaction(() => fromLists(db, words, offset, offset + limit, cap, keep))();
}

// Rows asked about at once: a page is 20 rows, and every row asked about costs a doclist seek.
const KEEP_BATCH = 32;

/** The first `need` rows of `ranked` (best first) that `keep` keeps, asking it only about rows not yet known. */
function keptRows<R extends { docid: number }>(ranked: readonly R[], need: number, keep: RowFilter | undefined, known: Map<number, boolean>): R[] {
  if (!keep) return ranked.slice(0, need);
  const out: R[] = [];
  for (let i = 0; i < ranked.length && out.length < need; i += KEEP_BATCH) {
    const chunk = ranked.slice(i, i + KEEP_BATCH);
    const unknown = chunk.filter((r) => !known.has(r.docid)).map((r) => r.docid);
    if (unknown.length) {
      const kept = keep(unknown);
      for (const d of unknown) known.set(d, kept.has(d));
    }
    for (const r of chunk) if (known.get(r.docid) && out.length < need) out.push(r);
  }
  return out;
}

function fromLists(db: Database.Database, words: readonly string[], offset: number, need: number, cap: number, keep?: RowFilter): TopKPage | null {
  const st = statements(db);
  const state = st.state.get()!;
  if (!state.built || !st.weights || st.anyDirty.get()!.n) return null;
  const tokens = queryTokens(db, words);
  if (tokens.some((t) => t === null) || new Set(tokens).size !== tokens.length) return null;
  const terms = tokens.map((t) => st.term.get(t!));
  if (terms.some((t) => !t)) return null;
  const { rows, avgdl } = indexStats(db);
  const grow = Math.max(1, avgdl / state.avgdl);
  const idfs = terms.map((t) => idf(db, rows, t!.docs));
  const unlisted = terms.map((t, i) => idfs[i]! * t!.kth * grow * SLACK);

  // Every listed row, with w for the tokens whose lists hold it.
  const found = new Map<number, { len: number; ws: (number | undefined)[] }>();
  tokens.forEach((t, i) => {
    for (const e of st.list.all(t!)) {
      const row = found.get(e.docid) ?? found.set(e.docid, { len: e.len, ws: tokens.map(() => undefined) }).get(e.docid)!;
      row.ws[i] = e.w;
    }
  });
  // Magnitudes (FTS5's rank is minus these): higher is better.
  const exact: { docid: number; score: number }[] = [];
  const partial: { docid: number; len: number; ws: (number | undefined)[]; bound: number }[] = [];
  for (const [docid, { len, ws }] of found) {
    if (ws.every((w) => w !== undefined)) exact.push({ docid, score: bm25(idfs, ws as number[], len, avgdl) });
    else partial.push({ docid, len, ws, bound: ws.reduce<number>((b, w, i) => b + (w === undefined ? unlisted[i]! : idfs[i]! * tf(w, len, avgdl)), 0) * SLACK });
  }
  const inNoList = unlisted.reduce((a, b) => a + b, 0) * SLACK;
  partial.sort((a, b) => b.bound - a.bound);
  const byRank = (a: { docid: number; score: number }, b: { docid: number; score: number }) => b.score - a.score || a.docid - b.docid;

  const known = new Map<number, boolean>();
  let page: { docid: number; score: number }[] = [];
  for (let next = 0; ; ) {
    exact.sort(byRank);
    const blocking = Math.max(inNoList, partial[next]?.bound ?? 0);
    page = keptRows(exact, need, keep, known);
    if (page.length >= need && page[need - 1]!.score > blocking) break;
    // A word whose list holds every row containing it: the list is the whole answer.
    if (tokens.length === 1 && exact.length >= terms[0]!.docs) break;
    if (next >= partial.length || partial[next]!.bound <= inNoList || next >= MAX_SCORED) return null;
    // Partial rows come best bound first: when those scored so far gave a page's worth of rows, or
    // HOPELESS_AFTER were looked at, and none beats the bound of rows in no list, later ones are
    // unlikely to (and the fallback is cheaper than trying).
    if (next > 0 && (exact.length >= need || next >= HOPELESS_AFTER) && !exact.some((e) => e.score > inNoList)) return null;
    const batch = partial.slice(next, next + BATCH);
    next += batch.length;
    // Most partial rows lack some word altogether: drop those with cheap doclist seeks, then
    // tokenize the rest for their hit counts.
    let matching = batch;
    tokens.forEach((_, i) => {
      const unknown = matching.filter((p) => p.ws[i] === undefined);
      if (!unknown.length) return;
      // The user's word, not the stored token: FTS5 tokenizes the query (and porter may stem a stem again).
      const phrase = `"${words[i]!.replace(/"/g, '""')}"`;
      const has = new Set(st.having.all(phrase, JSON.stringify(unknown.map((p) => p.docid))).map((r) => r.docid));
      matching = matching.filter((p) => p.ws[i] !== undefined || has.has(p.docid));
    });
    const hits = new Map<string, number>();
    for (const h of tokenHits(db, matching.map((p) => st.text.get(p.docid)!), st.weights, tokens as string[])) hits.set(`${h.docid} ${h.token}`, h.w);
    for (const p of matching) {
      const ws = p.ws.map((w, i) => w ?? hits.get(`${p.docid} ${tokens[i]}`));
      if (ws.some((w) => w === undefined)) return null; // FTS5 and the scratch tokenizer disagree: stay exact
      exact.push({ docid: p.docid, score: bm25(idfs, ws as number[], p.len, avgdl) });
    }
  }
  // Kept rows run out before the page ends: the rest of the page is the caller's (not kept rows).
  if (keep && page.length < need) return null;
  return {
    rowids: page.slice(offset, need).map((r) => r.docid),
    total: tokens.length === 1 ? Math.min(terms[0]!.docs, cap) : undefined,
  };
}
