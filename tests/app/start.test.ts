// `npm start`: offline, the site answers 200 on an empty database and says how to get papers in,
// while the worker's start-up fetch fails against a dead network without taking the site down;
// a restart rebuilds only when the sources changed.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureBuilt, freePort, seedDatabase, startApp } from '../helpers/app';

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
    assert.equal(
      (await fetch(`http://127.0.0.1:${port}/`)).status,
      200,
      'site still up after the failed fetch',
    );
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

test('npm start builds only when the sources changed since the last build', () => {
  ensureBuilt();
  // A copy of the checkout with this run's build, outside it (inside, Turbopack would take the
  // checkout for the workspace root). node_modules as hard links where the file system allows:
  // Turbopack refuses a symlinked node_modules that resolves outside the project.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'start-copy-'));
  const skip = new Set(['node_modules', '.git', 'data', 'test-results']);
  try {
    for (const entry of readdirSync('.')) {
      if (!skip.has(entry) && !entry.startsWith('.next'))
        cpSync(entry, path.join(copy, entry), { recursive: true });
    }
    const dist = process.env.NEXT_DIST_DIR || '.next';
    cpSync(dist, path.join(copy, '.next'), {
      recursive: true,
      filter: (src) => path.relative(dist, src) !== 'cache',
    });
    try {
      execFileSync('cp', ['-al', path.resolve('node_modules'), path.join(copy, 'node_modules')], {
        stdio: 'ignore',
      });
    } catch {
      rmSync(path.join(copy, 'node_modules'), { recursive: true, force: true });
      execFileSync('cp', ['-a', path.resolve('node_modules'), path.join(copy, 'node_modules')]);
    }
    const env = { ...process.env, DATABASE_PATH: path.join(copy, 'data/app.db'), NEXT_DIST_DIR: '' };
    const setup = () =>
      execFileSync('npm', ['run', 'setup'], {
        cwd: copy,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const buildId = () => readFileSync(path.join(copy, '.next/BUILD_ID'), 'utf8');

    // The suite's own build is current (scripts/test.ts stamps what it built from).
    let out = setup();
    if (!/build: up to date/.test(out)) out = setup(); // run without scripts/test.ts: the first call built
    assert.match(out, /migration\(s\) applied/, 'migrations run at every start');
    assert.match(out, /build: up to date, not rebuilding/);
    const first = buildId();

    // Files the site never reads do not trigger a build.
    appendFileSync(path.join(copy, 'README.md'), '\nmore notes\n');
    appendFileSync(path.join(copy, 'tests/app/start.test.ts'), '\n// edited\n');
    assert.match(setup(), /build: up to date, not rebuilding/);

    // A changed page does, and the build after it is current again.
    appendFileSync(path.join(copy, 'app/page.tsx'), '\n// edited\n');
    assert.match(setup(), /running next build/);
    assert.notEqual(buildId(), first, 'a new build replaced the old one');
    assert.match(setup(), /build: up to date, not rebuilding/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
