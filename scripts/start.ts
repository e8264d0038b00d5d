// npm start: the site (next start) and the ingest worker, side by side, on the embedded database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { config } from '@/lib/config';
import { startWorker } from '@/lib/ingest/schedule';

const port = String(config().PORT);
const site = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', port], { stdio: 'inherit' });
site.on('exit', (code) => process.exit(code ?? 1));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => site.kill(sig));

try {
  startWorker();
} catch (e) {
  // The site must come up even when the worker cannot (no network, bad cron expression).
  console.error('[worker] not started:', e);
}
console.log(`Cool Papers TS on http://localhost:${port}`);
