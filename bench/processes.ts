// `npm run bench -- processes [records] [baselineSeconds]`: two site processes over one database
// while the ingest CLI imports ≥200,000 Kaggle-format records into it, with clicks and list
// requests arriving all along. Prints each site process's event-loop delay (monitorEventLoopDelay:
// p50/p99/max) during the import beside the same traffic without an import in the same run, the
// requests' own latency, the clicks sent and stored, and the load average. An idle Node process
// measured alongside shows what the machine's scheduling alone costs (the import takes both cores
// for itself and its parser thread; other users of the machine add their own).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureBuilt, seedDatabase } from '../tests/helpers/app';
import { writeSyntheticKaggle } from './_synthetic';

// A busy hour of a public site, not a load test (`npm run bench -- load` is one): what is measured
// is whether the import makes the site processes wait, so the traffic must not fill the cores itself.
const CLICKS_PER_SECOND = 20;
const LISTS_PER_SECOND = 4;
const WARMUP_SECONDS = 5;
const AIM_P99_MS = 50;

interface Site {
  url: string;
  child: ChildProcess;
}

const preload = (loopDir: string) => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.resolve('bench/_loopDelay.cjs')}`,
  LOOP_DELAY_DIR: loopDir,
});

/** A Node process with nothing to do but keep its event loop, measured like the sites. */
function startIdle(loopDir: string): Site {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    env: { ...process.env, ...preload(loopDir) },
    stdio: 'ignore',
  });
  return { url: '', child };
}

async function startSite(dbFile: string, port: number, loopDir: string): Promise<Site> {
  const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], {
    env: {
      ...process.env,
      ...preload(loopDir),
      DATABASE_PATH: dbFile,
      INGEST_ON_START: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if ((await fetch(url + '/').catch(() => null))?.ok) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the site on ${port} did not start`);
}

/** Each site's event-loop delay since the previous snapshot. */
async function loopDelay(
  sites: Site[],
  dir: string,
): Promise<Array<{ p50: number; p99: number; max: number; samples: number }>> {
  for (const s of sites) s.child.kill('SIGUSR2');
  await new Promise((r) => setTimeout(r, 300));
  return sites.map(
    (s) =>
      JSON.parse(readFileSync(path.join(dir, `${s.child.pid}.json`), 'utf8')) as {
        p50: number;
        p99: number;
        max: number;
        samples: number;
      },
  );
}

/** Clicks and list requests at a steady rate over both sites until stop() resolves; latencies in ms. */
function traffic(sites: Site[], ids: string[]) {
  const latencies: number[] = [];
  let clicks = 0;
  let errors = 0;
  let running = true;
  const one = async (url: string, isClick: boolean) => {
    const started = performance.now();
    try {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status >= 400) errors++;
      else if (isClick) clicks++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  };
  const pending = new Set<Promise<void>>();
  const send = (url: string, isClick: boolean) => {
    const p = one(url, isClick);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  let n = 0;
  const timer = setInterval(() => {
    if (!running) return;
    n++;
    send(`${sites[n % sites.length]!.url}/go/pdf/${ids[n % ids.length]}`, true);
    if (n % Math.round(CLICKS_PER_SECOND / LISTS_PER_SECOND) === 0)
      send(`${sites[(n >> 1) % sites.length]!.url}/arxiv/cs.CL`, false);
  }, 1000 / CLICKS_PER_SECOND);
  return {
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.all(pending);
      const sorted = latencies.sort((x, y) => x - y);
      const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
      return {
        requests: sorted.length,
        clicks,
        errors,
        p50: q(0.5),
        p99: q(0.99),
        max: sorted.at(-1) ?? NaN,
      };
    },
  };
}

const clicksStored = (file: string) => {
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT COALESCE(SUM(pdf), 0) AS n FROM PaperClicks').get() as { n: number };
  db.close();
  return n;
};

export default async function bench(args: string[]): Promise<void> {
  const records = Number(args[0] ?? 200_000);
  const baselineSeconds = Number(args[1] ?? 15);
  ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-processes-'));
  const dbFile = path.join(dir, 'shared.db');
  const source = path.join(dir, 'kaggle.json');
  console.log(
    `writing ${records.toLocaleString('en')} re-numbered Kaggle records; seeding the site's database…`,
  );
  await writeSyntheticKaggle(source, records);
  await seedDatabase(dbFile, true);
  const seed = new Database(dbFile, { readonly: true });
  const ids = seed
    .prepare(`SELECT paperId FROM Listing WHERE category = 'cs.CL' GROUP BY paperId LIMIT 500`)
    .pluck()
    .all() as string[];
  seed.close();
  const sites = [
    await startSite(dbFile, 3900 + Math.floor(Math.random() * 50), dir),
    await startSite(dbFile, 3950 + Math.floor(Math.random() * 50), dir),
  ];
  const measured = [...sites, startIdle(dir)];
  try {
    for (const s of sites) await fetch(`${s.url}/arxiv/cs.CL`).then((r) => r.arrayBuffer());
    console.log(
      `traffic: ${CLICKS_PER_SECOND} clicks/s and ${LISTS_PER_SECOND} list requests/s over 2 site processes (${WARMUP_SECONDS} s warm-up first)`,
    );
    const warmup = traffic(sites, ids);
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    await warmup.stop();
    await new Promise((r) => setTimeout(r, 1500)); // its clicks written
    const before = clicksStored(dbFile);
    await loopDelay(measured, dir); // the windows start now
    let load = traffic(sites, ids);
    await new Promise((r) => setTimeout(r, baselineSeconds * 1000));
    const quiet = {
      client: await load.stop(),
      loops: await loopDelay(measured, dir),
      load: os.loadavg()[0]!,
    };

    load = traffic(sites, ids);
    const started = Date.now();
    const cli = spawn(process.execPath, ['--import', 'tsx', 'workers/ingest.ts', 'import', source], {
      env: { ...process.env, DATABASE_PATH: dbFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const loadDuring: number[] = [];
    const sampler = setInterval(() => loadDuring.push(os.loadavg()[0]!), 5000);
    const code = await new Promise<number | null>((r) => cli.once('exit', r));
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const importing = {
      client: await load.stop(),
      loops: await loopDelay(measured, dir),
      load: Math.max(...loadDuring, os.loadavg()[0]!),
    };
    if (code !== 0) throw new Error(`the import failed (exit ${code})`);
    await new Promise((r) => setTimeout(r, 2500)); // the last second's clicks are written
    const stored = clicksStored(dbFile) - before;
    const sent = quiet.client.clicks + importing.client.clicks;

    const row = (name: string, r: typeof quiet) =>
      `${name.padEnd(22)} ${r.loops.map((l, i) => `${i < sites.length ? `site ${i + 1}` : 'idle node'}: p50 ${l.p50.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(0)} ms`).join(' | ')}` +
      `  | requests ${r.client.requests} (errors ${r.client.errors}) p50 ${r.client.p50.toFixed(1)} p99 ${r.client.p99.toFixed(1)} ms | load ${r.load.toFixed(1)}`;
    console.log(`event-loop delay of the site processes (monitorEventLoopDelay), and the requests' latency:`);
    console.log(row(`no import (${baselineSeconds} s)`, quiet));
    console.log(row(`importing (${seconds.toFixed(0)} s)`, importing));
    console.log(
      `import of ${records.toLocaleString('en')} records with derived data: ${seconds.toFixed(1)} s; clicks sent ${sent}, stored ${stored}`,
    );
    const worst = Math.max(...importing.loops.slice(0, sites.length).map((l) => l.p99));
    console.log(
      `aim p99 ≤ ${AIM_P99_MS} ms while importing: ${worst <= AIM_P99_MS ? 'met' : 'NOT met'} (worst site ${worst.toFixed(1)} ms); every click stored: ${stored === sent ? 'yes' : 'NO'}; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    for (const s of measured) s.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
