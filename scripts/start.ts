// npm start: the site (next start) and the ingest worker on the embedded database, by ROLE:
// `all` (default) runs both, the worker in this process and the site as its child; `web` runs the
// site only, `worker` the worker only. Several web processes (each on its own PORT) and one worker
// may share one database file (README: "Several processes").
import { spawn } from 'node:child_process';
import path from 'node:path';
import { config } from '@/lib/config';
import { startWorker } from '@/lib/ingest/schedule';
import { batchProcess } from '@/lib/processes/batch';
import { startBeat } from '@/lib/processes/beat';

const { ROLE: role, PORT } = config();
const port = String(PORT);

if (role !== 'worker') {
  const site = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', port], { stdio: 'inherit' });
  site.on('exit', (code) => process.exit(code ?? 1));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => site.kill(sig));
}

if (role !== 'web') {
  try {
    batchProcess(); // after the site started: it keeps the usual priority
    startWorker();
    startBeat('worker');
  } catch (e) {
    // The site must come up even when the worker cannot (no network, bad cron expression).
    console.error('[worker] not started:', e);
    if (role === 'worker') process.exit(1);
  }
}
console.log(
  role === 'worker'
    ? `Cool Papers TS worker (${path.resolve(config().DATABASE_PATH)})`
    : `Cool Papers TS on http://localhost:${port}${role === 'web' ? ' (web only)' : ''}`,
);
