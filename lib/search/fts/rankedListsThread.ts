// Ranked list queries (rankedLists.ts) on a worker thread with its own read-only connection, so a
// full list build uses both cores. Only the ingest CLI and worker use it, never the site.
import Database from 'better-sqlite3';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { rankedQuery, type OffloadRanking, type RankedList } from './rankedLists';

export interface WorkerJob {
  dbFile: string;
  matches: string[];
  k: number;
}

/**
 * Starts `job` on a worker thread (the caller must not change fts_papers meanwhile); collect()
 * blocks until the lists are back, so the build stays synchronous.
 */
export function rankOnWorker(job: WorkerJob): ReturnType<OffloadRanking> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./rankedListsWorker.mjs', import.meta.url), {
    workerData: { job, done, port: port2 },
    transferList: [port2],
  });
  return {
    collect() {
      // The worker reports failures itself; the timeout only guards against a thread that died.
      const waited = Atomics.wait(done, 0, 0, 30 * 60_000);
      const reply = receiveMessageOnPort(port1)?.message as
        { lists?: RankedList[]; error?: string } | undefined;
      void worker.terminate();
      if (waited === 'timed-out' || !reply?.lists)
        throw new Error(`list build thread failed: ${reply?.error ?? 'no answer'}`);
      return reply.lists;
    },
  };
}

/** The worker thread's side (entry: rankedListsWorker.mjs). */
export function runWorkerJob({
  job,
  done,
  port,
}: {
  job: WorkerJob;
  done: Int32Array;
  port: MessagePort;
}): void {
  try {
    const db = new Database(job.dbFile, { readonly: true });
    const ranked = rankedQuery(db);
    const lists = job.matches.map((m) => ranked(m, job.k));
    db.close();
    port.postMessage(
      { lists },
      lists.map((l) => l.buffer as ArrayBuffer),
    );
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
