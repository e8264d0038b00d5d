// One host, many processes (issue 18): two site processes and two workers over one SQLite file, on
// loopback, with the fake LLM and a fake arXiv speaking the real wire formats, and the README's
// nginx configuration in front. The processes are started once and shared by the tests, in order.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type Database from 'better-sqlite3';
import { openSqlite } from '@/lib/db';
import { JOB_LEASE_MS } from '@/lib/summaries/jobs';
import { writeSyntheticKaggle } from '../../bench/_synthetic';
import { papersIn } from '../browse/_pages';
import { seedDatabase, startSite, startWorkerProcess, type SiteProcess } from '../helpers/app';
import { feedOn, fakeArxivEnv, startFakeArxiv, type FakeArxiv } from '../helpers/fakeArxiv';
import { startNginx, type RunningNginx } from '../helpers/nginx';
import { startFakeLlm, type FakeLlm } from '../summaries/fakeLlm';
import { makePdf, samplePaper } from '../summaries/pdfs';

/**
 * The pace towards arXiv in this file. The gate's code is the same at any interval (lib/arxiv/gate.ts
 * reserves slots and checks send times in milliseconds; tests/processes/gate.test.ts runs it at the
 * real 3 s); 250 ms lets this file send a few dozen requests from four processes in seconds.
 */
const GAP_MS = 250;

let llm: FakeLlm;
let arxiv: FakeArxiv;
let dbFile: string;
let db: Database.Database;
let a: SiteProcess;
let b: SiteProcess;
let workers: SiteProcess[];
let nginx: RunningNginx | undefined;
/** Papers with no summary yet, handed out one per use. */
let fresh: string[];

const env = (): Record<string, string> => ({
  ...fakeArxivEnv(arxiv),
  LLM_BASE_URL: `${llm.url}/v1`,
  LLM_MODEL: 'fake-model',
  LLM_CONCURRENCY: '2',
  ARXIV_MIN_INTERVAL_MS: String(GAP_MS),
  PDF_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-')),
  SUMMARY_RATE_PER_HOUR: '10',
  SUMMARY_MAX_PENDING: '50',
  // nginx (and this test, speaking for clients by X-Forwarded-For) on 127.0.0.1; real clients elsewhere.
  TRUSTED_PROXIES: '127.0.0.1',
  INGEST_CATEGORIES: 'cs.CL',
  INGEST_CRON: '*/3 * * * * *',
  SUMMARY_PREGENERATE_CATEGORIES: 'cs.CL',
});

before(async () => {
  [llm, arxiv] = await Promise.all([startFakeLlm(), startFakeArxiv()]);
  dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-processes-')), 'shared.db');
  await seedDatabase(dbFile, true);
  db = openSqlite(dbFile);
  // Every write of a stored summary, from any process.
  db.exec(`CREATE TABLE test_summary_writes (paperId TEXT, language TEXT);
    CREATE TRIGGER test_summary_insert AFTER INSERT ON Summary BEGIN INSERT INTO test_summary_writes VALUES (new.paperId, new.language); END;
    CREATE TRIGGER test_summary_update AFTER UPDATE ON Summary BEGIN INSERT INTO test_summary_writes VALUES (new.paperId, new.language); END;`);
  fresh = db
    .prepare(
      `SELECT id FROM Paper WHERE id NOT IN (SELECT paperId FROM Listing WHERE category = 'cs.CL') ORDER BY id DESC LIMIT 60`,
    )
    .pluck()
    .all() as string[];
  [a, b, ...workers] = await Promise.all([
    startSite(dbFile, env()),
    startSite(dbFile, env()),
    startWorkerProcess(dbFile, env()),
    startWorkerProcess(dbFile, env()),
  ]);
});

after(async () => {
  await nginx?.close();
  await Promise.all([a, b, ...(workers ?? [])].map((p) => p?.close()));
  db?.close();
  await Promise.all([llm?.close(), arxiv?.close()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

type Event = { type: string } & Record<string, unknown>;

/** Reads an SSE summary stream to its end (or until the connection breaks); `onEvent` sees each event as it arrives. */
async function readStream(
  url: string,
  headers: Record<string, string> = {},
  onEvent?: (e: Event) => void,
): Promise<Event[]> {
  const events: Event[] = [];
  try {
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers } });
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += Buffer.from(chunk).toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('data: ')) continue;
        const e = JSON.parse(block.slice(6)) as Event;
        events.push(e);
        onEvent?.(e);
      }
    }
  } catch (e) {
    events.push({ type: 'connection-lost', message: String(e) });
  }
  return events;
}

const title = (id: string) =>
  (db.prepare('SELECT title FROM Paper WHERE id = ?').get(id) as { title: string }).title;
/** Chat requests the fake provider received for a paper (its title is in the system prompt). */
const generationsOf = (id: string) =>
  llm.requests.filter((r) => r.messages[0]!.content.includes(title(id))).length;
const summaryWrites = (id: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM test_summary_writes WHERE paperId = ?').get(id) as { n: number }).n;
const etagOf = async (base: string, path = '/arxiv/cs.CL') => (await fetch(base + path)).headers.get('etag');

test('clicks on one process leave the lists’ keys alone; both processes give the same ETag and a 304', async () => {
  // Each process renders the list once; from then on it is served from its page cache under the key.
  await Promise.all([etagOf(a.url), etagOf(b.url)]);
  const before = await etagOf(a.url);
  assert.match(before!, /^W\/"v[0-9a-f]{8}-[0-9a-f]{12}-\d+_latest_0_25"$/);
  assert.equal(await etagOf(b.url), before, 'the same list, the same ETag from either process');
  const paper = fresh[0]!;
  for (let i = 0; i < 100; i += 20) {
    await Promise.all(
      Array.from({ length: 20 }, async () =>
        assert.equal((await fetch(`${a.url}/go/pdf/${paper}`, { redirect: 'manual' })).status, 302),
      ),
    );
  }
  await until(
    'the clicks stored',
    () =>
      (db.prepare('SELECT pdf FROM PaperClicks WHERE paperId = ?').get(paper) as { pdf: number } | undefined)
        ?.pdf === 100,
  );
  for (const site of [a, b]) {
    assert.equal(await etagOf(site.url), before, 'clicks do not move the key');
    const again = await fetch(site.url + '/arxiv/cs.CL', { headers: { 'if-none-match': before! } });
    assert.equal(again.status, 304);
  }
});

test('/api/health: this process, the database, the last ingest, the queue and every process sharing the database', async () => {
  const res = await fetch(a.url + '/api/health');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const health = (await res.json()) as {
    status: string;
    process: { pid: number };
    database: { dataVersion: string; latestDay: string };
    ingest: { last: { source: string } | null };
    summaries: { queued: number; running: number };
    processes: Array<{ role: string; pid: number }>;
  };
  assert.equal(health.status, 'ok');
  assert.equal(health.process.pid, a.pid);
  assert.match(health.database.dataVersion, /^[0-9a-f]{12}-\d+$/);
  assert.ok(health.database.latestDay >= '2026-05-01');
  assert.ok(health.ingest.last, 'the workers have run');
  assert.deepEqual(health.summaries, { queued: 0, running: 0 });
  const roles = (role: string) => new Set(health.processes.filter((p) => p.role === role).map((p) => p.pid));
  assert.deepEqual(roles('web'), new Set([a.pid, b.pid]));
  assert.deepEqual(roles('worker'), new Set(workers.map((w) => w.pid)));
});

test('200 concurrent requests for one uncached summary over both processes: one generation, no errors', async () => {
  const paper = fresh.pop()!;
  const { version } = db.prepare('SELECT version FROM Paper WHERE id = ?').get(paper) as { version: number };
  arxiv.pdfs.set(`${paper}v${version}`, await makePdf(samplePaper()));
  llm.tokenDelayMs = 5; // a generation of a few seconds, so the requests arrive while it runs
  const streams = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      readStream(`${(i % 2 ? a : b).url}/api/summary/${paper}?lang=en`, {
        'x-forwarded-for': `192.0.2.${i % 50}`,
      }),
    ),
  );
  const ends = streams.map((events) => events.at(-1)!);
  assert.deepEqual(new Set(ends.map((e) => e.type)), new Set(['summary']), 'every reader got the summary');
  assert.ok(ends.every((e) => (e.summary as { answers: unknown[] }).answers.length === 6));
  assert.equal(generationsOf(paper), 6, 'six questions of one generation upstream');
  assert.equal(summaryWrites(paper), 1, 'stored once');
  assert.equal(arxiv.log.filter((r) => r.url.startsWith(`/pdf/${paper}`)).length, 1, 'the PDF fetched once');
});

test('SUMMARY_RATE_PER_HOUR=10: 12 requests alternating between the processes, 10 accepted and 2 refused', async () => {
  llm.tokenDelayMs = 0;
  const papers = fresh.splice(-12);
  const outcomes: string[] = [];
  for (const [i, paper] of papers.entries()) {
    const res = await fetch(`${(i % 2 ? b : a).url}/api/summary/${paper}?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'x-forwarded-for': '198.51.100.10' },
    });
    assert.equal(res.status, 303);
    outcomes.push(new URL(res.headers.get('location')!).searchParams.get('refused') ?? 'accepted');
  }
  assert.deepEqual(outcomes, [...Array<string>(10).fill('accepted'), 'rate-limit', 'rate-limit']);
  // Another client is not limited by this one.
  const other = await fetch(`${b.url}/api/summary/${papers[11]}?lang=en`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'x-forwarded-for': '198.51.100.11' },
  });
  assert.equal(new URL(other.headers.get('location')!).searchParams.get('refused'), null);
  await until(
    'the 11 generations stored',
    () => [...papers.slice(0, 10), papers[11]!].every((p) => summaryWrites(p) === 1),
    120_000,
  );
});

/** A POST from another loopback address (a client that is not a trusted proxy), through nginx. */
function postFrom(
  localAddress: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; location: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location ?? '' }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('behind the README’s nginx: both processes serve, a client cannot forge its address, summaries stream', async () => {
  const proxy = (nginx = await startNginx([new URL(a.url).host, new URL(b.url).host]));
  const pids = new Set<number>();
  for (let i = 0; i < 4; i++) {
    const res = await fetch(proxy.url + '/api/health');
    assert.equal(res.status, 200);
    pids.add(((await res.json()) as { process: { pid: number } }).process.pid);
  }
  assert.deepEqual(pids, new Set([a.pid, b.pid]), 'requests reach both web processes');

  // 11 requests from 127.0.0.2, each claiming another address: nginx appends the real one, which is what counts.
  const papers = fresh.splice(-11);
  const outcomes: string[] = [];
  for (const [i, paper] of papers.entries()) {
    const r = await postFrom('127.0.0.2', `${proxy.url}/api/summary/${paper}?lang=en`, {
      'x-forwarded-for': `203.0.113.${i}`,
    });
    assert.equal(r.status, 303);
    outcomes.push(new URL(r.location, proxy.url).searchParams.get('refused') ?? 'accepted');
  }
  assert.deepEqual(outcomes, [...Array<string>(10).fill('accepted'), 'rate-limit']);

  // Server-sent events pass through as they come, not at the end.
  const paper = fresh.pop()!;
  llm.tokenDelayMs = 8;
  const started = Date.now();
  let firstHtml = 0;
  const events = await readStream(`${proxy.url}/api/summary/${paper}?lang=en`, {}, (e) => {
    if (e.type === 'html' && !firstHtml) firstHtml = Date.now() - started;
  });
  const total = Date.now() - started;
  assert.equal(events.at(-1)!.type, 'summary');
  assert.ok(firstHtml > 0 && total - firstHtml > 1000, `first answer after ${firstHtml} ms of ${total} ms`);
  llm.tokenDelayMs = 0;
  await until(
    'the generations stored',
    () => papers.slice(0, 10).every((p) => summaryWrites(p) === 1),
    120_000,
  );
});

test('an ingest by the worker: both processes serve the new day next; one run per tick; a reader joins the worker’s pre-generation', async (t) => {
  const before = await etagOf(a.url);
  llm.tokenDelayMs = 15; // pre-generation slow enough to join
  arxiv.feed = feedOn('Mon, 01 Jun 2026');
  await until('the worker’s ingest of 2026-06-01', () =>
    db.prepare(`SELECT 1 FROM Listing WHERE date = '2026-06-01'`).get(),
  );
  for (const site of [a, b]) {
    const papers = papersIn(await (await fetch(site.url + '/arxiv/cs.CL')).text()).map((p) => p.id);
    assert.deepEqual(
      papers,
      ['2604.22002', '2604.22027', '2604.22038'],
      'the new day, on the first request after the ingest',
    );
  }
  const after = await etagOf(a.url);
  assert.notEqual(after, before);
  assert.equal(await etagOf(b.url), after);

  // The worker that ingested pre-generates the new papers; a reader on B asks for the one it is writing.
  const workerPids = new Set(workers.map((w) => w.pid));
  const job = await until('the worker generating', () => {
    const rows = db
      .prepare(`SELECT paperId, owner FROM SummaryJob WHERE state = 'running' AND paperId LIKE '2604.%'`)
      .all() as Array<{ paperId: string; owner: string }>;
    return rows.find((r) => workerPids.has((JSON.parse(r.owner) as { pid: number }).pid));
  });
  const events = await readStream(`${b.url}/api/summary/${job.paperId}?lang=en`);
  assert.equal(events.at(-1)!.type, 'summary');
  assert.equal(generationsOf(job.paperId), 6, 'one generation: the reader followed the worker’s');
  assert.equal(summaryWrites(job.paperId), 1);

  const ticks = db
    .prepare(
      `SELECT scheduledFor, COUNT(*) AS runs, COUNT(DISTINCT owner) AS owners FROM IngestRun WHERE scheduledFor IS NOT NULL GROUP BY scheduledFor`,
    )
    .all() as Array<{ runs: number }>;
  assert.ok(ticks.length >= 3, `${ticks.length} ticks`);
  assert.ok(
    ticks.every((tick) => tick.runs === 1),
    JSON.stringify(ticks),
  );
  t.diagnostic(`${ticks.length} schedule ticks seen by two workers, one IngestRun each`);
  llm.tokenDelayMs = 0;
});

test('every request to arXiv, from all four processes, keeps the pace', async (t) => {
  // "Fetch from arXiv" on both site processes at once, beside the workers' feeds and the PDFs of summaries.
  const fetches = Array.from({ length: 8 }, (_, i) =>
    fetch(`${(i % 2 ? a : b).url}/arxiv/fetch`, {
      method: 'POST',
      body: new URLSearchParams({ ids: '1111.2011' }),
      redirect: 'manual',
    }),
  );
  assert.deepEqual(
    (await Promise.all(fetches)).map((r) => r.status),
    Array<number>(8).fill(303),
  );
  const times = arxiv.log.map((r) => r.at).sort((x, y) => x - y);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const kinds = new Set(arxiv.log.map((r) => r.url.split('/')[1]));
  assert.ok(times.length >= 20, `${times.length} requests`);
  assert.deepEqual(kinds, new Set(['rss', 'pdf', 'api']));
  assert.ok(
    Math.min(...gaps) >= GAP_MS,
    `smallest gap ${Math.min(...gaps)} ms over ${times.length} requests`,
  );
  t.diagnostic(
    `${times.length} requests to the fake arXiv (${[...kinds].join(', ')}); smallest gap ${Math.min(...gaps)} ms at ARXIV_MIN_INTERVAL_MS=${GAP_MS}`,
  );
});

test('a worker restarted during a CLI import leaves that import running, and it ends ok', async () => {
  const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'processes-import-')), 'kaggle.json');
  await writeSyntheticKaggle(source, 20_000);
  const cli = spawn(process.execPath, ['--import', 'tsx', 'workers/ingest.ts', 'import', source], {
    env: { ...process.env, DATABASE_PATH: dbFile },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((r) => cli.once('exit', r));
  const run = await until(
    'the import running',
    () =>
      db.prepare(`SELECT id FROM IngestRun WHERE source = 'import' AND status = 'running'`).get() as
        { id: number } | undefined,
  );
  await workers[1]!.kill();
  workers[1] = await startWorkerProcess(dbFile, env()); // marks the runs of gone processes interrupted at start
  assert.equal(
    (db.prepare('SELECT status FROM IngestRun WHERE id = ?').get(run.id) as { status: string }).status,
    'running',
    'still running after the worker restarted',
  );
  assert.equal(await exited, 0);
  assert.equal(
    (db.prepare('SELECT status FROM IngestRun WHERE id = ?').get(run.id) as { status: string }).status,
    'ok',
  );
});

test('kill -9 of the process generating a summary: the other takes it over at once, and it is stored once', async (t) => {
  const paper = fresh.pop()!;
  llm.tokenDelayMs = 15;
  let onA = false;
  const first = readStream(
    `${a.url}/api/summary/${paper}?lang=en`,
    {},
    (e) => void (e.type === 'question' && (onA = true)),
  );
  await until('A generating', () => onA);
  let killedAt = 0;
  let resumed = 0;
  const follower = readStream(`${b.url}/api/summary/${paper}?lang=en`, {}, (e) => {
    if (killedAt && !resumed && e.type === 'question') resumed = Date.now() - killedAt;
  });
  await sleep(500); // B follows A's progress
  killedAt = Date.now();
  await a.kill();
  const [lost, events] = await Promise.all([first, follower]);
  assert.equal(lost.at(-1)!.type, 'connection-lost', 'the reader on A lost its connection, and may retry');
  assert.equal(events.at(-1)!.type, 'summary', 'the reader on B got the summary');
  assert.ok(resumed > 0 && resumed < JOB_LEASE_MS, `B took over ${resumed} ms after the kill`);
  t.diagnostic(
    `B's reader saw the generation start again ${resumed} ms after A was killed (lease ${JOB_LEASE_MS} ms)`,
  );
  assert.equal(summaryWrites(paper), 1, 'stored once');
  const row = db.prepare('SELECT state, owner FROM SummaryJob WHERE paperId = ?').get(paper) as {
    state: string;
    owner: string;
  };
  assert.equal(row.state, 'done');
  assert.equal((JSON.parse(row.owner) as { pid: number }).pid, b.pid);
});
