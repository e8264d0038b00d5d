// Work that follows every ingest: derived data kept in step with the papers.
import { sqlite } from '@/lib/db';
import { prerenderPending } from '@/lib/papers/prerender';
import { updateSearchAfterIngest } from '@/lib/search';
import { rankOnWorker } from '@/lib/search/rankedListsThread';

export async function afterIngest(): Promise<void> {
  prerenderPending({ listedOnly: true });
  // A rebuild of the common-word lists (after a bulk import) runs its queries on both cores.
  const dbFile = sqlite().name;
  await updateSearchAfterIngest((matches, k) => rankOnWorker({ dbFile, matches, k }));
}
