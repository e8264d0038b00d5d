// Work that follows every ingest: derived data kept in step with the papers.
import { prerenderPending } from '@/lib/papers/prerender';
import { updateSearchAfterIngest } from '@/lib/search';

export async function afterIngest(): Promise<void> {
  prerenderPending({ listedOnly: true });
  await updateSearchAfterIngest();
}
