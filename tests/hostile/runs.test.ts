// An import killed from the command line (SIGKILL: no chance to record anything) is marked
// 'interrupted' when the next ingest of any kind starts, while an import still running in another
// process is left alone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDb, sqlite } from '@/lib/db';
import { importPath } from '@/lib/ingest/files';
import { writeSyntheticKaggle } from '../../bench/_synthetic';
import { freshDb, SHARED } from '../helpers/db';

after(closeDb);

type Run = { id: number; status: string; finishedAt: string | null; errors: string; owner: string | null };
const runs = () =>
  sqlite().prepare('SELECT id, status, finishedAt, errors, owner FROM IngestRun ORDER BY id').all() as Run[];

test('a CLI import killed mid-run is marked interrupted at the next ingest; a live one is not', async () => {
  const { file } = await freshDb();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'killed-run-'));
  const source = path.join(dir, 'kaggle.json');
  await writeSyntheticKaggle(source, 20_000);
  const cli = spawn(process.execPath, ['--import', 'tsx', 'workers/ingest.ts', 'import', source], {
    env: { ...process.env, DATABASE_PATH: file, NODE_ENV: 'test' },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => cli.once('exit', r));
  while (!runs().some((r) => r.status === 'running' && JSON.parse(r.owner ?? '{}').pid === cli.pid)) {
    assert.equal(cli.exitCode, null, 'the import ended before it could be checked');
    await new Promise((r) => setTimeout(r, 50));
  }

  // Another ingest starting while the CLI import runs leaves that run alone.
  const daily = path.join(SHARED, 'metadata/daily/2026-05-01.jsonl');
  assert.equal((await importPath(daily)).status, 'ok');
  const live = runs()[0]!;
  assert.equal(live.status, 'running', 'a live import is not marked');
  assert.deepEqual(Object.keys(JSON.parse(live.owner!)).sort(), ['host', 'pid', 'started']);

  cli.kill('SIGKILL');
  await exited;
  assert.equal(runs()[0]!.status, 'running', 'nothing could record the kill');

  assert.equal((await importPath(daily)).status, 'ok');
  const [killed, ...others] = runs();
  assert.equal(killed!.status, 'interrupted');
  assert.ok(killed!.finishedAt);
  assert.match(
    JSON.parse(killed!.errors).at(-1).reason,
    new RegExp(`interrupted: process ${cli.pid} on .+ ended while the run was going`),
  );
  assert.deepEqual(
    others.map((r) => r.status),
    ['ok', 'ok'],
  );
});
