// `npm test` on a machine without Chromium or CJK fonts: it installs them when it can (Debian or
// Ubuntu as root or with sudo) and otherwise stops in its first seconds with one clear message.
// apt-get, the browser and fc-list are stand-ins on a PATH of their own: the real ones are
// installed here and cannot be taken away for a test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

/** A directory of executable Node scripts, and a PATH made of it alone (Node itself may live in /usr/bin, beside the real chromium). */
function fakeBin(scripts: Record<string, string>): { dir: string; PATH: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'test-deps-'));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(path.join(dir, name), `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  }
  return { dir, PATH: dir };
}

function runPreflight(env: Record<string, string | undefined>, entry = 'scripts/test-deps.ts') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry], {
    env: { HOME: os.tmpdir(), NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('npm test stops at once, naming the packages, when nothing can install them', () => {
  const { PATH } = fakeBin({}); // no browser, no fc-list, no apt-get
  const r = runPreflight({ PATH });
  assert.equal(r.status, 1);
  assert.match(r.out, /needs Chromium and CJK fonts/);
  assert.match(r.out, /apt-get install chromium fonts-noto-cjk nginx/);
  assert.match(r.out, /CHROMIUM_PATH/);
});

test('npm test with CHROMIUM_PATH pointing nowhere fails before building anything', () => {
  // The real entry point: the check runs before prisma generate, tsc and next build.
  const r = runPreflight(
    { PATH: process.env.PATH, CHROMIUM_PATH: '/nonexistent/chromium', SKIP_BUILD: '' },
    'scripts/test.ts',
  );
  assert.equal(r.status, 1);
  assert.match(r.out, /CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file/);
  assert.doesNotMatch(r.out, /typecheck|next build|prisma/i);
});

test('npm test installs Chromium and CJK fonts with apt-get when the machine can (a Debian-family machine, as here)', () => {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'apt-log-')), 'calls.json');
  const fs = `const fs = require('node:fs'), p = require('node:path');`;
  const { dir, PATH } = fakeBin({
    'apt-get': `${fs}
const calls = fs.existsSync(${JSON.stringify(log)}) ? JSON.parse(fs.readFileSync(${JSON.stringify(log)}, 'utf8')) : [];
calls.push(process.argv.slice(2)); fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(calls));
if (process.argv[2] === 'install') {
  const bin = p.dirname(process.argv[1]);
  fs.writeFileSync(p.join(bin, 'chromium'), '#!${process.execPath}\\nconsole.log("Chromium 1.0")\\n', { mode: 0o755 });
  fs.writeFileSync(p.join(bin, 'fc-list'), '#!${process.execPath}\\nconsole.log("Noto Sans CJK SC")\\n', { mode: 0o755 });
}`,
    // Password-less sudo, for runs as a user other than root.
    sudo: `const r = require('node:child_process').spawnSync(process.argv[3], process.argv.slice(4), { stdio: 'inherit' }); process.exit(r.status ?? 1);`,
  });
  const r = runPreflight({ PATH });
  assert.equal(r.status, 0, r.out);
  const calls = JSON.parse(readFileSync(log, 'utf8')) as string[][];
  assert.deepEqual(calls[0], ['update']);
  assert.deepEqual(calls[1], [
    'install',
    '-y',
    '--no-install-recommends',
    'chromium',
    'fonts-noto-cjk',
    'nginx',
  ]);
  assert.match(r.out, /Chromium and CJK fonts missing; running: .*apt-get install/, 'says what it does');
  assert.match(r.out, new RegExp(`Chromium at ${path.join(dir, 'chromium')}, CJK fonts present, nginx at `));
});
