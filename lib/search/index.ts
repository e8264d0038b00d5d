// lib/search's public face: what the rest of the app imports. The engine interface and the shapes
// it speaks are in types.ts; this module picks the engine (FTS5 by default, Meilisearch when
// MEILISEARCH_HOST is set) and keeps it in step after each ingest. A search as pages run it is
// service.ts; the FTS5 engine's internals live in fts/ and are imported only from lib/search (lint
// enforces it, eslint.config.mjs).
import { config } from '@/lib/config';
import { sqlite, statement } from '@/lib/db';
import { FtsEngine } from './fts/engine';
import { fillMissingKeywords } from './keywords';
import { MeiliEngine } from './meili';
import type { OffloadRanking } from './fts/rankedLists';
import type { SearchEngine } from './types';

export type * from './types';
export { FtsEngine, MeiliEngine };
/** The FTS5 tables a bulk writer indexes its new rows into (lib/ingest/store.ts). */
export { FTS_TABLES } from './fts/tables';

let cached: { key: string; engine: SearchEngine } | undefined;

/** FTS5 unless MEILISEARCH_HOST is set. */
export function searchEngine(): SearchEngine {
  const { MEILISEARCH_HOST, MEILISEARCH_API_KEY } = config();
  const key = `${MEILISEARCH_HOST ?? ''}|${MEILISEARCH_API_KEY ?? ''}`;
  if (cached?.key !== key) {
    cached = {
      key,
      engine: MEILISEARCH_HOST
        ? new MeiliEngine(sqlite, MEILISEARCH_HOST, MEILISEARCH_API_KEY)
        : new FtsEngine(sqlite),
    };
  }
  return cached.engine;
}

/**
 * Brings the engine up to date with SearchOutbox. A row is removed only if it was not re-queued
 * while its paper was being indexed, so a crash or a concurrent ingest never loses an update.
 */
export async function drainSearchOutbox(engine = searchEngine(), batchSize = 1000): Promise<number> {
  const db = sqlite();
  const next = statement<[number], { paperId: string; queuedAt: string }>(
    'SELECT paperId, queuedAt FROM SearchOutbox ORDER BY queuedAt LIMIT ?',
    db,
  );
  const done = statement('DELETE FROM SearchOutbox WHERE paperId = ? AND queuedAt = ?', db);
  let drained = 0;
  for (;;) {
    const rows = next.all(batchSize);
    if (!rows.length) return drained;
    await engine.index(rows.map((r) => r.paperId));
    db.transaction(() => rows.forEach((r) => done.run(r.paperId, r.queuedAt)))();
    drained += rows.length;
  }
}

/**
 * Called once after every ingest (lib/ingest/after.ts): keywords for listed papers, then the index
 * and its common-word lists (a full rebuild of those can hand ranked queries to `offload`).
 */
export async function updateSearchAfterIngest(offload?: OffloadRanking): Promise<void> {
  fillMissingKeywords(sqlite(), { listedOnly: true });
  const engine = searchEngine();
  await drainSearchOutbox(engine);
  if (engine instanceof FtsEngine) engine.updateTopK(offload);
}
