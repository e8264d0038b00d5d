// FTS5's bm25, recomputed outside SQLite so the common-word lists (topk.ts) can score rows
// without asking FTS5 (whose `rank` scans every posting of every query word). Mirrors
// fts5Bm25Function in SQLite's ext/fts5/fts5_aux.c operation by operation, so the doubles come out
// bit-identical (x86-64, no FMA contraction); buildTopK checks that on every entry it stores.
//
//   score(d) = -Σ_i idf_i · tf(w_i(d), D(d), avgdl)        (phrases in query order, from 0.0)
//   idf_i    = log((N - n_i + 0.5) / (n_i + 0.5)), clamped to 1e-6 when ≤ 0 (C's log, via SQLite)
//   w_i(d)   = Σ over instances of token i in d of its column's weight;  D(d) = tokens in d
import type Database from 'better-sqlite3';
import { statement } from '@/lib/db';

const K1 = 1.2;
const B = 0.75;

export function tf(w: number, docTokens: number, avgdl: number): number {
  return (w * (K1 + 1.0)) / (w + K1 * (1 - B + (B * docTokens) / avgdl));
}

/** The w for which tf(w, docTokens, avgdl) = t (tf solved for w; callers round and check). */
export function weightForTf(t: number, docTokens: number, avgdl: number): number {
  return (t * K1 * (1 - B + (B * docTokens) / avgdl)) / (K1 + 1.0 - t);
}

/** FTS5's idf. The log is C's, through SQLite's ln(): Math.log differs from it in the last bit for some inputs. */
export function idf(db: Database.Database, rows: number, docs: number): number {
  const v = statement<[number], { v: number }>('SELECT ln(?) AS v', db).get(
    (rows - docs + 0.5) / (docs + 0.5),
  )!.v;
  return v <= 0.0 ? 1e-6 : v;
}

/** Σ_i idf_i · tf_i in FTS5's order (the magnitude of `rank`). */
export function bm25(
  idfs: readonly number[],
  ws: readonly number[],
  docTokens: number,
  avgdl: number,
): number {
  let score = 0.0;
  for (let i = 0; i < idfs.length; i++) score += idfs[i]! * tf(ws[i]!, docTokens, avgdl);
  return score;
}

/** SQLite's record varints, which FTS5 uses in its averages record and docsize blobs. */
export function readVarints(blob: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < blob.length;) {
    let v = 0;
    for (let n = 0; ; n++) {
      const byte = blob[i++]!;
      if (n === 8) {
        v = v * 256 + byte;
        break;
      }
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    out.push(v);
  }
  return out;
}

export interface IndexStats {
  rows: number;
  avgdl: number;
}

/** Row count and average row length as bm25 reads them (the FTS5 averages record). */
export function indexStats(db: Database.Database): IndexStats {
  const rec = statement<[], { block: Buffer }>('SELECT block FROM fts_papers_data WHERE id = 1', db).get();
  if (!rec) return { rows: 0, avgdl: 0 };
  const [rows, ...columns] = readVarints(rec.block);
  return { rows: rows!, avgdl: columns.reduce((a, b) => a + b, 0) / rows! };
}

/** Tokens in one row (all columns), from FTS5's docsize blob. */
export const docTokens = (sz: Buffer) => readVarints(sz).reduce((a, b) => a + b, 0);

/** Column weights of the table's `rank` setting, e.g. 'bm25(8.0, 4.0, 1.0)' → [8, 4, 1]; null if rank is not plain bm25. */
export function columnWeights(db: Database.Database, columns: number): number[] | null {
  const row = statement<[], { v: string }>("SELECT v FROM fts_papers_config WHERE k = 'rank'", db).get();
  const args = row ? /^\s*bm25\s*\(([^)]*)\)\s*$/i.exec(row.v)?.[1] : ''; // no setting: bm25()
  if (args === undefined) return null;
  const given = args.trim() ? args.split(',').map(Number) : [];
  if (given.some((x) => !Number.isFinite(x))) return null;
  return Array.from({ length: columns }, (_, i) => given[i] ?? 1.0);
}
