// `npm start` offline: the site answers 200 on an empty database and says how to get papers in,
// while the worker's start-up fetch fails against a dead network without taking the site down.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureBuilt, seedDatabase, startApp } from '../helpers/app';

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

test('scripts/start.ts serves HTTP 200 with no network and an empty database', async () => {
  ensureBuilt();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'start-')), 'empty.db');
  await seedDatabase(file, false);
  const [port, deadPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_PATH: file,
      PORT: String(port),
      INGEST_ON_START: '1',
      // Nothing listens here: the start-up fetch fails as it would offline.
      ARXIV_RSS_URL: `http://127.0.0.1:${deadPort}/rss/`,
      HTTP_RETRIES: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    let res: Response | undefined;
    for (let i = 0; i < 200 && !res; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
    }
    assert.ok(res, `no answer:\n${output}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /No papers yet/);
    assert.match(html, /npm run seed:sample/);
    for (let i = 0; i < 40 && !/rss .*failed/.test(output); i++) await new Promise((r) => setTimeout(r, 250));
    assert.match(output, /\[worker\] rss .*: failed/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200, 'site still up after the failed fetch');
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
});

test('the seeded site shows the latest day and its categories', async () => {
  const app = await startApp();
  try {
    const res = await fetch(app.url + '/');
    assert.equal(res.status, 200);
    const html = await res.text();
    // 05-30 and 05-31 repeat Friday 05-29's list: the latest announcement day is that Friday.
    assert.match(html, /arXiv, (<!-- -->)?2026-05-29/);
    assert.doesNotMatch(html, /2026-05-3[01]/);
    assert.match(html, /href="\/arxiv\/cs\.CL"/);
  } finally {
    await app.close();
  }
});
