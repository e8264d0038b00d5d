// The real site for browser and HTTP tests: `next start` (production build) on a free loopback
// port, over a fresh database seeded with the shared daily dumps and Kaggle samples.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { afterIngest } from '@/lib/ingest/after';
import { importPath } from '@/lib/ingest/files';
import { SHARED } from './db';

export interface RunningApp {
  url: string;
  databasePath: string;
  /** The server process (next start serves in the process it starts in). */
  pid: number;
  close(): Promise<void>;
}

export interface StartAppOptions {
  /** Seed with the sample data (default true); false starts on an empty database. */
  seed?: boolean;
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Builds once per checkout when no build exists (scripts/test.ts builds before the suite). */
export function ensureBuilt(): void {
  if (existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) return;
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('next build failed');
}

export async function seedDatabase(file: string, seed: boolean): Promise<void> {
  // scripts/test.ts seeds one template per run; copying it saves every app start the seeding.
  const template = process.env.SEED_TEMPLATE_DB;
  if (seed && template && existsSync(template)) {
    copyFileSync(template, file);
    return;
  }
  process.env.DATABASE_PATH = file;
  resetConfig();
  await closeDb();
  migrate(sqlite());
  if (seed) {
    await importPath(path.join(SHARED, 'metadata/daily'));
    await importPath(path.join(SHARED, 'metadata/kaggle'));
    await afterIngest();
  }
  await closeDb();
}

/** `next start` on a free port; false when another process took the port first (shared machines). */
async function launch(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess | false> {
  // Started as `npm start` starts it, without -H: with `-H 127.0.0.1` Next 16 sends proxy.ts
  // rewrites through a second loopback HTTP request (vercel/next.js#94745).
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (output.includes('EADDRINUSE')) return false;
      throw new Error(`next start exited ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(url + '/', { signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return child;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  ensureBuilt();
  const databasePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-app-')), 'app.db');
  await seedDatabase(databasePath, options.seed ?? true);
  let port = 0;
  let child: ChildProcess | false = false;
  for (let attempt = 0; !child && attempt < 5; attempt++) {
    port = await freePort();
    child = await launch(port, { ...process.env, ...options.env, DATABASE_PATH: databasePath, INGEST_ON_START: '0', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) });
  }
  if (!child) throw new Error('next start found no free port in 5 attempts');
  const url = `http://127.0.0.1:${port}`;
  const started = child;
  return {
    url,
    databasePath,
    pid: child.pid!,
    close: async () => {
      if (started.exitCode === null) {
        started.kill('SIGTERM');
        await new Promise((r) => started.once('exit', r));
      }
    },
  };
}
