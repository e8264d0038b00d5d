// Work that follows every ingest: derived data kept in step with the papers (pre-rendered maths,
// keywords, the search index and its common-word lists). Every ingest run ends with it by
// construction: `recorded` (lib/ingest/sources.ts), which every run goes through, calls
// ingestEnded; callers never call it themselves.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sqlite, statement } from '@/lib/db';
import { prerenderPending } from '@/lib/papers/prerender';
import { updateSearchAfterIngest } from '@/lib/search';
import type { rankOnWorker } from '@/lib/search/fts/rankedListsThread';

type RankingThread = typeof rankOnWorker;

/**
 * Set by batch processes (lib/processes/batch.ts: the ingest CLI and worker, the seed), which may
 * start threads: a full rebuild of the common-word lists then runs its queries on both cores. The
 * site's bundle has no thread entry, so there the (rare) rebuild runs inline.
 */
let rankingThread: RankingThread | undefined;
export function useRankingThread(run: RankingThread): void {
  rankingThread = run;
}

export async function afterIngest(): Promise<void> {
  prerenderPending({ listedOnly: true });
  const dbFile = sqlite().name;
  const thread = rankingThread;
  await updateSearchAfterIngest(thread && ((matches, k) => thread({ dbFile, matches, k })));
}

/** Open ingestTogether scopes: whether a run inside has changed anything yet. */
const together = new AsyncLocalStorage<{ changed: boolean }>();

/**
 * Runs several ingests (a seed's imports and feeds, a measured import) as one: their aftermath runs
 * once, when `body` ends (even by throwing), instead of after each run. Nested scopes join the outermost.
 */
export async function ingestTogether<T>(body: () => Promise<T>): Promise<T> {
  if (together.getStore()) return body();
  const scope = { changed: false };
  try {
    return await together.run(scope, body);
  } finally {
    if (scope.changed) await afterIngest();
  }
}

/** Search documents an earlier aftermath could not deliver (say Meilisearch was down). */
const searchWorkQueued = () => statement('SELECT 1 AS queued FROM SearchOutbox LIMIT 1').get() !== undefined;

/**
 * Called as every ingest run ends: the aftermath follows a run that changed papers or listings, or
 * one that finds work an earlier aftermath left queued.
 */
export async function ingestEnded(changed: boolean): Promise<void> {
  if (!changed && !searchWorkQueued()) return;
  const scope = together.getStore();
  if (scope) scope.changed = true;
  else await afterIngest();
}
