// Worker-thread entry for rankOnWorker (rankedListsThread.ts). Worker threads do not inherit tsx's
// `--import` hooks (privatenumber/tsx#354), so this plain module registers tsx first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runWorkerJob } = await import('./rankedListsThread.ts');
runWorkerJob(workerData);
