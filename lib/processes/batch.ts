// Batch processes (the worker, the ingest CLI) give way to the site's processes sharing the host:
// a lower CPU priority, because a bulk import keeps both cores of a small host busy (a parser
// thread and the writer) and every request would otherwise wait its turn for a core; and long
// waits for the database's write lock (lib/db.ts databaseRole). Threads started afterwards (the
// import's parser) inherit the priority. They may also start threads the site never does: the
// ingest aftermath's rebuild of the common-word lists runs its queries on a second one.
import os from 'node:os';
import { databaseRole } from '@/lib/db';
import { useRankingThread } from '@/lib/ingest/after';
// A thread entry, not on lib/search's public face: the site's bundle must never pull it in.
// eslint-disable-next-line no-restricted-imports
import { rankOnWorker } from '@/lib/search/fts/rankedListsThread';

export function batchProcess(): void {
  databaseRole('batch');
  useRankingThread(rankOnWorker);
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here (some containers): the import still runs, at the usual priority.
  }
}
