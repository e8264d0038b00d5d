// arXiv's pace at its real interval (3 s) across processes: two site processes and a worker over one
// SQLite file all send to the fake arXiv at once ("fetch from arXiv" on both sites, the worker's
// feeds on its schedule), and the fake's own log of arrival times shows no two requests closer than
// 3 s. processes.test.ts checks the same with more kinds of request at a shorter interval.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seedDatabase, startSite, startWorkerProcess, type SiteProcess } from '../helpers/app';
import { fakeArxivEnv, startFakeArxiv, type FakeArxiv } from '../helpers/fakeArxiv';

const INTERVAL_MS = 3000;
/** "Fetch from arXiv" requests per site process, all at once. */
const FETCHES = 10;

let arxiv: FakeArxiv;
let processes: SiteProcess[] = [];

before(async () => {
  arxiv = await startFakeArxiv();
  const dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pace-')), 'shared.db');
  await seedDatabase(dbFile, true);
  const env = {
    ...fakeArxivEnv(arxiv),
    ARXIV_MIN_INTERVAL_MS: String(INTERVAL_MS),
    INGEST_CATEGORIES: 'cs.CL',
    INGEST_CRON: '*/10 * * * * *',
  };
  processes = await Promise.all([
    startSite(dbFile, env),
    startSite(dbFile, env),
    startWorkerProcess(dbFile, env),
  ]);
});

after(async () => {
  await Promise.all(processes.map((p) => p.close()));
  await arxiv?.close();
});

test('20 requests to arXiv from two site processes and a worker: no two arrive closer than 3 s', async (t) => {
  const [a, b] = processes;
  // Each request names an id of its own (absent from the fake's answer), so the log tells which process sent it.
  const site = (s: SiteProcess, prefix: string) =>
    Array.from({ length: FETCHES }, (_, i) =>
      fetch(`${s.url}/arxiv/fetch`, {
        method: 'POST',
        body: new URLSearchParams({ ids: `1111.2011,${prefix}.${String(i).padStart(5, '0')}` }),
        redirect: 'manual',
      }),
    );
  const answers = await Promise.all([...site(a!, '2901'), ...site(b!, '2902')]);
  assert.deepEqual(
    answers.map((r) => r.status),
    Array<number>(2 * FETCHES).fill(303),
  );
  // The worker's ticks took their turns in the order they asked, some behind the sites' requests.
  for (
    const deadline = Date.now() + 60_000;
    !arxiv.log.some((r) => r.url.startsWith('/rss/')) && Date.now() < deadline;
  )
    await new Promise((r) => setTimeout(r, 200));
  const log = [...arxiv.log].sort((x, y) => x.at - y.at);
  const from = (what: RegExp) => log.filter((r) => what.test(r.url)).length;
  assert.equal(from(/^\/api\/query.*2901\./), FETCHES, 'site A’s requests');
  assert.equal(from(/^\/api\/query.*2902\./), FETCHES, 'site B’s requests');
  assert.ok(from(/^\/rss\//) >= 1, 'the worker’s feeds');
  assert.ok(log.length >= 20, `${log.length} requests`);
  const gaps = log.slice(1).map((r, i) => r.at - log[i]!.at);
  assert.ok(Math.min(...gaps) >= INTERVAL_MS, `gaps between arrivals: ${gaps.join(', ')} ms`);
  t.diagnostic(
    `${log.length} requests (${from(/^\/rss\//)} from the worker's schedule, ${2 * FETCHES} from the sites); smallest gap ${Math.min(...gaps)} ms at ARXIV_MIN_INTERVAL_MS=${INTERVAL_MS}`,
  );
});
