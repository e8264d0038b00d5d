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

/**
 * Of the given rowids, those a caller keeps (exact.ts: rows holding the exact words). It is asked
 * about the same rows again as the page grows, so it should remember its answers; `all`, when
 * given, lists every kept row at once (worth it when some word is rare).
 */
export type RowFilter = ((docids: readonly number[]) => Set<number>) & { all?: () => ReadonlySet<number> };

export interface TopKAnswer {
  /** The page, or null when the lists cannot prove it. */
  page: TopKPage | null;
  /**
   * With `keep` and no page: ranks [0, offset + limit) of every matching row (what `ORDER BY rank`
   * gives without the filter), when the lists proved those.
   */
  unfiltered?: number[];
}

/**
 * `page`: the rowids of ranks [offset, offset + limit) of `MATCH word1 AND word2 …` ordered by
 * bm25 — with `keep`, of the rows it keeps, i.e. `… AND rowid IN (kept) ORDER BY rank` — or null when
 * the lists cannot prove the answer (lists not up to date, a rare or multi-token word, a page
 * beyond the lists, a bound that does not separate, or fewer kept rows than the page needs).
 *
 * With `keep`, when the page is left unproven, `unfiltered` holds the unfiltered ranks the lists
 * did prove, where the caller's fallback starts.
 */
export function topKAnswer(
  db: Database.Database,
  words: readonly string[],
  offset: number,
  limit: number,
  cap: number,
  keep?: RowFilter,
): TopKAnswer {
  if (!words.length || words.length > 4) return { page: null };
  // One read snapshot: lists, counts and FTS5 statistics must describe the same state.
  return db.transaction(() => fromLists(db, words, offset, offset + limit, cap, keep))();
}

/** Once more rows than a page must be asked about one by one, `keep.all()` answers instead if some word is in at most this many rows. */
const ALL_KEPT_DOCS = 40_000;

/**
 * The first `need` rows of `ranked` (best first) scoring above `floor` that `keep` keeps; fewer
 * when the rows above the floor cannot fill the page (then `keep` is not asked: rows at or below
 * the floor cannot be proven on this pass). Asks about no more rows than the page still lacks.
 */
function keptRows<R extends { docid: number; score: number }>(
  ranked: readonly R[],
  need: number,
  floor: number,
  keep: RowFilter | undefined,
): R[] {
  const end = ranked.findIndex((r) => r.score <= floor);
  const above = end < 0 ? ranked : ranked.slice(0, end);
  if (!keep) return above.slice(0, need);
  if (above.length < need) return [];
  const out: R[] = [];
  for (let i = 0; i < above.length && out.length < need;) {
    const ask = above.slice(i, i + need - out.length);
    i += ask.length;
    const kept = keep(ask.map((r) => r.docid));
    for (const r of ask) if (kept.has(r.docid)) out.push(r);
  }
  return out;
}

// A porter token keeps its word's first character, and unicode61 splits ASCII text at every
// character but letters and digits and folds it only by case: so an ASCII word (between spaces)
// with no letter-or-digit run starting with a wanted token's first character holds none of the
// wanted tokens. Tokenizing only the other words gives the same hit counts for far less text.
// Words with other characters (accents, other scripts, combining marks) are always kept.
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

function wantedWords(tokens: readonly string[]): (text: string) => string {
  const initials = [...new Set(tokens.map((t) => t[0]!).filter((c) => /[a-z0-9]/.test(c)))].join('');
  const start = new RegExp(`[^\\x00-\\x7f]${initials ? `|(?<![a-z0-9])[${initials}]` : ''}`, 'gi');
  return (text) => {
    const words: string[] = [];
    start.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = start.exec(text));) {
      let [from, to] = [m.index, m.index + 1];
      while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
      while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
      words.push(text.slice(from, to));
      start.lastIndex = to;
    }
    return words.join(' ');
  };
}

function fromLists(
  db: Database.Database,
  words: readonly string[],
  offset: number,
  need: number,
  cap: number,
  keep?: RowFilter,
): TopKAnswer {
  const st = statements(db);
  const state = st.state.get()!;
  if (!state.built || !st.weights || st.anyDirty.get()!.n) return { page: null };
  const tokens = queryTokens(db, words);
  if (tokens.some((t) => t === null) || new Set(tokens).size !== tokens.length) return { page: null };
  const terms = tokens.map((t) => st.term.get(t!));
  if (terms.some((t) => !t)) return { page: null };
  const { rows, avgdl } = indexStats(db);
  const grow = Math.max(1, avgdl / state.avgdl);
  const idfs = terms.map((t) => idf(db, rows, t!.docs));
  const unlisted = terms.map((t, i) => idfs[i]! * t!.kth * grow * SLACK);

  // Every listed row, with w for the tokens whose lists hold it.
  const found = new Map<number, { len: number; ws: (number | undefined)[] }>();
  tokens.forEach((t, i) => {
    for (const e of st.list.all(t!)) {
      const row =
        found.get(e.docid) ??
        found.set(e.docid, { len: e.len, ws: tokens.map(() => undefined) }).get(e.docid)!;
      row.ws[i] = e.w;
    }
  });
  // Magnitudes (FTS5's rank is minus these): higher is better.
  const exact: { docid: number; score: number }[] = [];
  let partial: { docid: number; len: number; ws: (number | undefined)[]; bound: number }[] = [];
  for (const [docid, { len, ws }] of found) {
    if (ws.every((w) => w !== undefined))
      exact.push({ docid, score: bm25(idfs, ws as number[], len, avgdl) });
    else
      partial.push({
        docid,
        len,
        ws,
        bound:
          ws.reduce<number>(
            (b, w, i) => b + (w === undefined ? unlisted[i]! : idfs[i]! * tf(w, len, avgdl)),
            0,
          ) * SLACK,
      });
  }
  const inNoList = unlisted.reduce((a, b) => a + b, 0) * SLACK;
  partial.sort((a, b) => b.bound - a.bound);
  const byRank = (a: { docid: number; score: number }, b: { docid: number; score: number }) =>
    b.score - a.score || a.docid - b.docid;
  const wanted = wantedWords(tokens as string[]);

  // keep, counting the rows it is asked about: past a page's worth, `keep.all()` answers if cheap.
  const asked = new Set<number>();
  let keepAll = keep?.all && Math.min(...terms.map((t) => t!.docs)) <= ALL_KEPT_DOCS ? keep.all : undefined;
  let everyKept: ReadonlySet<number> | undefined;
  const ask: RowFilter | undefined =
    keep &&
    ((docids) => {
      for (const d of docids) asked.add(d);
      if (keepAll && asked.size > need) [everyKept, keepAll] = [keepAll(), undefined];
      return keep(docids);
    });

  let page: { docid: number; score: number }[] = [];
  let unfiltered: number[] | undefined;
  const declined = (): TopKAnswer => ({ page: null, unfiltered });
  for (let next = 0, keptOnly = false; ;) {
    exact.sort(byRank);
    // A word whose list holds every row containing it: the list is the whole answer.
    const complete = tokens.length === 1 && exact.length >= terms[0]!.docs;
    const blocking = complete ? -Infinity : Math.max(inNoList, partial[next]?.bound ?? 0);
    // The unfiltered page, proven while `partial` still holds every partial row.
    if (
      keep &&
      !unfiltered &&
      !keptOnly &&
      (complete || (exact.length >= need && exact[need - 1]!.score > blocking))
    )
      unfiltered = exact.slice(0, need).map((r) => r.docid);
    page = keptRows(exact, need, blocking, ask);
    if (page.length >= need || complete) break;
    // Every kept row known: partial rows that are not kept cannot be on the page.
    if (everyKept && !keptOnly) {
      partial = partial.slice(next).filter((p) => everyKept!.has(p.docid));
      [next, keptOnly] = [0, true];
      continue;
    }
    if (next >= partial.length || partial[next]!.bound <= inNoList || next >= MAX_SCORED) return declined();
    // Partial rows come best bound first: when those scored so far gave a page's worth of rows, or
    // HOPELESS_AFTER were looked at, and none beats the bound of rows in no list, later ones are
    // unlikely to (and the fallback is cheaper than trying).
    if (
      next > 0 &&
      (exact.length >= need || next >= HOPELESS_AFTER) &&
      !exact.some((e) => e.score > inNoList)
    )
      return declined();
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
      const has = new Set(
        st.having.all(phrase, JSON.stringify(unknown.map((p) => p.docid))).map((r) => r.docid),
      );
      matching = matching.filter((p) => p.ws[i] !== undefined || has.has(p.docid));
    });
    const hits = new Map<string, number>();
    const texts = matching
      .map((p) => st.text.get(p.docid)!)
      .map((t) => ({
        docid: t.docid,
        title: wanted(t.title),
        authors: wanted(t.authors),
        abstract: wanted(t.abstract),
      }));
    for (const h of tokenHits(db, texts, st.weights, tokens as string[]))
      hits.set(`${h.docid} ${h.token}`, h.w);
    for (const p of matching) {
      const ws = p.ws.map((w, i) => w ?? hits.get(`${p.docid} ${tokens[i]}`));
      if (ws.some((w) => w === undefined)) return declined(); // FTS5 and the scratch tokenizer disagree: stay exact
      exact.push({ docid: p.docid, score: bm25(idfs, ws as number[], p.len, avgdl) });
    }
  }
  // Kept rows run out before the page ends: the rest of the page is the caller's (not kept rows).
  if (keep && page.length < need) return declined();
  return {
    page: {
      rowids: page.slice(offset, need).map((r) => r.docid),
      total: tokens.length === 1 ? Math.min(terms[0]!.docs, cap) : undefined,
    },
  };
}
