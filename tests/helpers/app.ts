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
import { ingestTogether } from '@/lib/ingest/after';
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

/** A port nothing listens on just now (another process may still take it first). */
export async function freePort(): Promise<number> {
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
  const r = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
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
    await ingestTogether(async () => {
      await importPath(path.join(SHARED, 'metadata/daily'));
      await importPath(path.join(SHARED, 'metadata/kaggle'));
    });
  }
  await closeDb();
}

export interface SiteProcess extends RunningApp {
  /** What the process printed so far. */
  output(): string;
  /** SIGKILL, no chance to clean up; resolves once it is gone. */
  kill(): Promise<void>;
}

/** `next start` on a free port; false when another process took the port first (shared machines). */
async function launch(
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string } | false> {
  // Started as `npm start` starts it, without -H: with `-H 127.0.0.1` Next 16 sends proxy.ts
  // rewrites through a second loopback HTTP request (vercel/next.js#94745).
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
      if (res.status < 500) return { child, output: () => output };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `next start` on an existing database (several may share one file), answering on a free port. */
export async function startSite(
  databasePath: string,
  env: Record<string, string> = {},
): Promise<SiteProcess> {
  ensureBuilt();
  let port = 0;
  let started: Awaited<ReturnType<typeof launch>> = false;
  for (let attempt = 0; !started && attempt < 5; attempt++) {
    port = await freePort();
    started = await launch(port, {
      ...process.env,
      ...env,
      DATABASE_PATH: databasePath,
      INGEST_ON_START: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
    });
  }
  if (!started) throw new Error('next start found no free port in 5 attempts');
  return processHandle(started.child, {
    url: `http://127.0.0.1:${port}`,
    databasePath,
    output: started.output,
  });
}

/** The ingest worker as `ROLE=worker npm run serve` runs it, on an existing database; resolves once it has started. */
export async function startWorkerProcess(
  databasePath: string,
  env: Record<string, string> = {},
): Promise<SiteProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, INGEST_ON_START: '0', ...env, ROLE: 'worker', DATABASE_PATH: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (!/\[worker\] next ingest at/.test(output)) {
    if (child.exitCode !== null) throw new Error(`the worker exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return processHandle(child, { url: '', databasePath, output: () => output });
}

function processHandle(
  child: ChildProcess,
  about: { url: string; databasePath: string; output: () => string },
): SiteProcess {
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return { ...about, pid: child.pid!, close: () => stop('SIGTERM'), kill: () => stop('SIGKILL') };
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const databasePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-app-')), 'app.db');
  await seedDatabase(databasePath, options.seed ?? true);
  return startSite(databasePath, options.env);
}
