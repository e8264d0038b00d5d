// Worker-thread entry for parseJsonlFilesInWorker. Worker threads do not inherit tsx's `--import`
// hooks (privatenumber/tsx#354), so this plain module registers tsx before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./jsonlWorkerBody.ts');
