// Fetch faults against a real HTTP server on loopback serving the shared arXiv files.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ArxivHttp } from '@/lib/arxiv/http';
import { closeDb, openSqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { importPath } from '@/lib/ingest/files';
import { defaultContext, harvestOai, ingestIds, ingestRss, type IngestContext } from '@/lib/ingest/sources';
import { writeSyntheticKaggle } from '../../bench/_synthetic';
import { dumpFile, freshDb, SHARED } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/http';

const read = (rel: string) => readFileSync(path.join(SHARED, rel), 'utf8');
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

let server: TestServer;
let handler: Handler = (_q, res) => res.end();
const hits = new Map<string, number>();
let db: Awaited<ReturnType<typeof freshDb>>['db'];
const logs: string[] = [];

before(async () => {
  ({ db } = await freshDb());
  server = await startServer((req, res) => {
    const key = req.url ?? '';
    const n = (hits.get(key) ?? 0) + 1;
    hits.set(key, n);
    handler(req, res, n);
  });
});
after(async () => {
  await server.close();
  await closeDb();
});

function ctx(): IngestContext {
  hits.clear();
  logs.length = 0;
  return defaultContext({
    http: new ArxivHttp({
      minIntervalMs: 0,
      retries: 3,
      timeoutMs: 5000,
      backoffMs: 20,
      maxRetryAfterMs: 5000,
      userAgent: 'CoolPapersTS-test',
    }),
    log: (m) => logs.push(m),
    endpoints: { rss: `${server.url}/rss/`, api: `${server.url}/api/query`, oai: `${server.url}/oai` },
  });
}

test('503 with Retry-After is honoured, then the feed is ingested', async () => {
  handler = (_req, res, hit) => {
    if (hit === 1) {
      res.writeHead(503, { 'Retry-After': '1' }).end('busy');
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'application/rss+xml' })
      .end(read('rss/distill_arxiv_cs_cl_2026-04-27_trimmed.xml'));
  };
  const started = Date.now();
  const r = await ingestRss(['cs.CL'], ctx());
  const elapsed = Date.now() - started;
  assert.equal(r.status, 'ok');
  assert.equal(r.inserted, 3);
  assert.equal(hits.get('/rss/cs.CL'), 2);
  assert.ok(elapsed >= 1000, `retried after ${elapsed} ms, before Retry-After`);
  assert.match(logs.join('\n'), /HTTP 503/);
});

test('a reset connection is retried', async () => {
  handler = (req, res, hit) => {
    if (hit === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200).end(read('rss/distill_arxiv_cs_ai_2026-04-27_trimmed.xml'));
  };
  const r = await ingestRss(['cs.AI'], ctx());
  assert.equal(r.status, 'ok');
  assert.equal(r.seen, 3);
  assert.equal(hits.get('/rss/cs.AI'), 2);
});

test('persistent 5xx ends the run failed, recorded with its error', async () => {
  handler = (_req, res) => res.writeHead(502).end('bad gateway');
  const r = await ingestRss(['cs.LG'], ctx());
  assert.equal(r.status, 'failed');
  assert.equal(hits.get('/rss/cs.LG'), 4); // 1 try + 3 retries
  const run = db.prepare('SELECT status, errors, finishedAt FROM IngestRun WHERE id = ?').get(r.runId) as {
    status: string;
    errors: string;
    finishedAt: string;
  };
  assert.equal(run.status, 'failed');
  assert.match(run.errors, /HTTP 502/);
  assert.ok(run.finishedAt);
});

test('empty feed: an ok run with nothing; error feed: a failed run that says why', async () => {
  handler = (req, res) => {
    const file = req.url!.includes('astroph')
      ? 'rss/aioarxiv_error-bad-archive_2024-11-28.xml'
      : 'rss/aioarxiv_empty-test-archive_2024-11-28.xml';
    res.writeHead(200).end(read(file));
  };
  const empty = await ingestRss(['test'], ctx());
  assert.deepEqual([empty.status, empty.seen, empty.errorCount], ['ok', 0, 0]);
  const bad = await ingestRss(['astroph'], ctx());
  assert.equal(bad.status, 'failed');
  assert.match(bad.errors[0]!.reason, /Bad archive 'astroph'/);
});

test('OAI-PMH: resumption paging; a truncated page is recorded and nothing of it is written', async () => {
  // Page 1: the real GetRecord response re-wrapped as a ListRecords page that points to page 2.
  const page1 = read('oai_pmh/hepcrawl_arxiv-single.xml')
    .replace('<GetRecord>', '<ListRecords>')
    .replace(
      '</GetRecord>',
      '<resumptionToken cursor="0" completeListSize="1001">page-2</resumptionToken></ListRecords>',
    );
  const full = read('oai_pmh/arxivXMLParser_ListRecords_arXiv_set-cs_2016-03-01.xml');
  const truncated = full.slice(0, Math.floor(full.length / 2)); // ~500 whole records, then cut
  handler = (req, res) => {
    const url = new URL(req.url!, server.url);
    res.writeHead(200).end(url.searchParams.get('resumptionToken') === 'page-2' ? truncated : page1);
  };
  const before = (db.prepare('SELECT COUNT(*) n FROM Paper').get() as { n: number }).n;
  const r = await harvestOai({ set: 'math', from: '2018-01-25' }, ctx());
  assert.equal(r.status, 'partial');
  assert.match(r.errors.at(-1)!.reason, /malformed XML/);
  assert.equal(r.inserted, 1);
  const after = (db.prepare('SELECT COUNT(*) n FROM Paper').get() as { n: number }).n;
  assert.equal(after - before, 1);
  assert.ok(db.prepare("SELECT 1 FROM Paper WHERE id = '1401.2122'").get());
  assert.equal(db.prepare("SELECT 1 FROM Paper WHERE id = '0704.0002'").get(), undefined);
  assert.deepEqual(
    [...hits.keys()].map((k) => new URL(k, server.url).searchParams.get('verb')),
    ['ListRecords', 'ListRecords'],
  );
  assert.ok([...hits.keys()][0]!.includes('from=2018-01-25'));
});

test('API by id: HTTP 400 error entry fails the run with arXiv’s message; unknown ids are reported', async () => {
  const bad = JSON.parse(read('api_atom/arxivpy_2026_recorded_id_abc_s0_m100_b79c8dcf6bc3.json')) as {
    body: string;
  };
  const empty = JSON.parse(read('api_atom/arxivpy_2026_recorded_id_0000.0000_s0_m100_8b51d9633a68.json')) as {
    body: string;
  };
  const one = read('api_atom/arxivpy_2016_id_list_1111.2011v2.xml');
  handler = (req, res) => {
    const ids = new URL(req.url!, server.url).searchParams.get('id_list');
    if (ids === '2401.00001') res.writeHead(400).end(bad.body);
    else if (ids === '2401.99999') res.writeHead(200).end(empty.body);
    else res.writeHead(200).end(one);
  };
  const failed = await ingestIds(['2401.00001'], ctx());
  assert.equal(failed.status, 'failed');
  assert.match(failed.errors[0]!.reason, /arXiv API error: incorrect id format/);
  const missing = await ingestIds(['2401.99999', 'not-an-id'], ctx());
  assert.equal(missing.status, 'partial');
  assert.deepEqual(
    missing.errors.map((e) => e.reason),
    ['not an arXiv id', 'not found on arXiv'],
  );
  const found = await ingestIds(['https://arxiv.org/abs/1111.2011v2'], ctx());
  assert.deepEqual([found.status, found.inserted], ['ok', 1]);
});

test('SIGKILL during an import, then a re-run, gives the database an uninterrupted run gives', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigkill-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const source = path.join(dir, 'kaggle.json');
  await writeSyntheticKaggle(source, 20_000);
  const run = (dbFile: string) =>
    spawn(process.execPath, ['--import', 'tsx', 'workers/ingest.ts', 'import', source], {
      env: { ...process.env, DATABASE_PATH: dbFile, NODE_ENV: 'test' },
      stdio: 'ignore',
    });
  const finish = (p: ReturnType<typeof run>) =>
    new Promise<number | null>((r) => p.on('exit', (code) => r(code)));

  const killed = path.join(dir, 'killed.db');
  const first = run(killed);
  const watcher = openSqlite(killed);
  migrate(watcher); // so the watcher can read before the child creates tables
  let seenAtKill = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const row = watcher.prepare('SELECT MAX(seen) s FROM IngestRun').get() as { s: number | null };
    if ((row.s ?? 0) >= 4000) {
      first.kill('SIGKILL');
      seenAtKill = row.s!;
      break;
    }
    assert.equal(first.exitCode, null, 'import finished before it could be killed');
  }
  await finish(first);
  watcher.close();
  assert.ok(seenAtKill < 20_000);
  const half = dumpFile(killed);
  assert.ok(
    half.counts.Paper! > 0 && half.counts.Paper! < 20_000,
    `${half.counts.Paper} papers after the kill`,
  );
  assert.equal(half.counts.Paper! % 2000, 0, 'a batch was half-written');

  assert.equal(await finish(run(killed)), 0);
  const clean = path.join(dir, 'clean.db');
  assert.equal(await finish(run(clean)), 0);
  const resumed = dumpFile(killed);
  const uninterrupted = dumpFile(clean);
  assert.equal(resumed.counts.Paper, 20_000);
  assert.deepEqual(resumed, uninterrupted);
});

test('importing a path that does not exist is a clear error, not a run', async () => {
  const runs = (db.prepare('SELECT COUNT(*) n FROM IngestRun').get() as { n: number }).n;
  await assert.rejects(
    importPath('/nonexistent/file.jsonl'),
    /nothing to import at \/nonexistent\/file\.jsonl/,
  );
  assert.equal((db.prepare('SELECT COUNT(*) n FROM IngestRun').get() as { n: number }).n, runs);
});
