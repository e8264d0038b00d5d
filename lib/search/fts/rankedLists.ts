// The ranked FTS5 queries a full list build (topk.ts) is made of: one token's
// `MATCH … ORDER BY rank LIMIT k` each. They only read, and at 1M papers they are ~150 s of CPU,
// so a build can hand some to another thread (rankedListsThread.ts).
import type Database from 'better-sqlite3';
import { docTokens } from './bm25';
import { statement } from '@/lib/db';

/** One token's first k rows in FTS5's order: docid, score (FTS5's rank) and token count per row, flattened. */
export type RankedList = Float64Array;

export function rankedQuery(db: Database.Database): (match: string, k: number) => RankedList {
  const top = statement<[string, number], { docid: number; score: number; sz: Buffer }>(
    `WITH top AS MATERIALIZED (SELECT rowid AS docid, rank AS score FROM fts_papers WHERE fts_papers MATCH ? ORDER BY rank LIMIT ?)
     SELECT docid, score, (SELECT sz FROM fts_papers_docsize WHERE id = docid) AS sz FROM top`,
    db,
  );
  return (match, k) =>
    Float64Array.from(top.all(match, k).flatMap((r) => [r.docid, r.score, docTokens(r.sz)]));
}

/** Runs ranked queries elsewhere; collect() returns their lists in order. */
export type OffloadRanking = (matches: string[], k: number) => { collect: () => RankedList[] };
