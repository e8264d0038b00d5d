// The worker thread behind parseJsonlFilesInWorker (entry: jsonlWorker.mjs): answers each 'next' with the next batch, or null at the end.
import { parentPort, workerData } from 'node:worker_threads';
import { parseJsonlFiles } from './jsonlBatches';

const batches = parseJsonlFiles((workerData as { files: string[] }).files);
parentPort!.on('message', () => {
  // A rejection here (an unreadable file) is uncaught, so the parent's Worker emits 'error'.
  void batches.next().then((next) => parentPort!.postMessage(next.done ? null : next.value));
});
