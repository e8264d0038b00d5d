// The background lookup of submission dates for papers that came from listings, against a fake
// arXiv API on loopback that answers id_list queries with real API entries (../shared/data/api_atom).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ArxivHttp, defaultHttpOptions } from '@/lib/arxiv/http';
import { parseArxivId } from '@/lib/arxiv/ids';
import { listingsFor } from '@/lib/arxiv/parse/listing';
import { parseApiAtom } from '@/lib/arxiv/parse/atom';
import type { PaperRecord } from '@/lib/arxiv/types';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { backfillSubmissionDates, papersLackingDates } from '@/lib/ingest/backfill';
import { startWorker } from '@/lib/ingest/schedule';
import { defaultContext } from '@/lib/ingest/sources';
import { PaperStore } from '@/lib/ingest/store';
import { freshDb, SHARED } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/http';

// Every entry of the recorded API responses, by id: what the fake arXiv knows.
const DIR = path.join(SHARED, 'api_atom');
const bodies = readdirSync(DIR)
  .map((f) => {
    const raw = readFileSync(path.join(DIR, f), 'utf8');
    return f.endsWith('.json')
      ? (JSON.parse(raw) as { status_code: number; body: string })
      : { status_code: 200, body: raw };
  })
  .filter((r) => r.status_code === 200)
  .map((r) => r.body);
const entries = new Map<string, string>();
for (const body of bodies) {
  for (const entry of body.match(/<entry>[\s\S]*?<\/entry>/g) ?? []) {
    entries.set(parseArxivId(/<id>([^<]+)<\/id>/.exec(entry)![1]!)!.id, entry);
  }
}
// The opening of a 2026 response (before its first entry) frames every answer.
const head = bodies
  .find((b) => b.includes('<opensearch:totalResults>') && b.includes('<entry>'))!
  .split('<entry>')[0]!;
const KNOWN = parseApiAtom(`${head}${[...entries.values()].join('')}</feed>`).papers;

/** arXiv's answer to id_list: the entries it has, in the real wire format. */
function answer(res: ServerResponse, ids: string[]): void {
  const found = ids.flatMap((id) => (entries.has(id) ? [entries.get(id)!] : []));
  const xml = `${head.replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${found.length}`)}${found.join('\n')}\n</feed>\n`;
  res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(xml);
}

let server: TestServer;
const requests: { ids: string[]; at: number }[] = [];
let failRequest = 0; // the n-th request (1-based) answers 503; 0: none
before(async () => {
  server = await startServer((req, res) => {
    const ids = new URL(req.url!, 'http://x').searchParams.get('id_list')!.split(',');
    requests.push({ ids, at: Date.now() });
    if (requests.length === failRequest) return void res.writeHead(503).end('busy');
    answer(res, ids);
  });
  Object.assign(process.env, {
    ARXIV_API_URL: `${server.url}/api/query`,
    ARXIV_MIN_INTERVAL_MS: '400',
    BACKFILL_PER_TICK: '101',
  });
  resetConfig();
});
after(async () => {
  await server.close();
  await closeDb();
});

/** The known papers as listings give them: no dates, no versions, each announced the weekday after its v1. */
async function seedListed(): Promise<void> {
  const { db } = await freshDb();
  const records: PaperRecord[] = KNOWN.map(({ submittedAt, updatedAt, versions, version, ...rest }) => ({
    ...rest,
  }));
  const listings = KNOWN.flatMap((p, i) =>
    listingsFor(p.id, p.categories, p.submittedAt!.toISOString().slice(0, 10), 'new', i + 1),
  );
  new PaperStore(db, { queueSearch: false }).write(records, listings);
  requests.length = 0;
}

const dated = () =>
  sqlite().prepare('SELECT id, submittedAt FROM Paper WHERE submittedAt IS NOT NULL').all() as {
    id: string;
    submittedAt: string;
  }[];
const published = new Map(KNOWN.map((p) => [p.id, p.submittedAt!.toISOString().replace('Z', '+00:00')]));

test('a tick looks up the newest announced papers, 100 ids a request, one request per ARXIV_MIN_INTERVAL_MS', async () => {
  await seedListed();
  assert.ok(KNOWN.length > 101, `${KNOWN.length} known papers`);
  assert.equal(dated().length, 0);
  const newest = papersLackingDates(sqlite(), 101);
  const r = await backfillSubmissionDates();
  assert.equal(r.status, 'ok');
  assert.deepEqual(
    requests.map((q) => q.ids.length),
    [100, 1],
  );
  assert.deepEqual(
    requests.flatMap((q) => q.ids),
    newest,
  );
  assert.ok(
    requests[1]!.at - requests[0]!.at >= 380,
    `requests ${requests[1]!.at - requests[0]!.at} ms apart`,
  );
  // Each looked-up paper now has arXiv's v1 date; the rest wait for the next tick.
  const got = dated();
  assert.equal(got.length, 101);
  for (const p of got) assert.equal(p.submittedAt, published.get(p.id), p.id);
  const run = sqlite()
    .prepare('SELECT source, status, seen, params FROM IngestRun WHERE id = ?')
    .get(r.runId);
  assert.deepEqual(run, { source: 'backfill', status: 'ok', seen: 101, params: '{"limit":101}' });
  // The listing-derived first announcement day stays; the paper keeps its lists.
  const listed = sqlite().prepare('SELECT count(*) AS n FROM Paper WHERE announcedOn IS NOT NULL').get() as {
    n: number;
  };
  assert.equal(listed.n, KNOWN.length);
});

test('the next tick carries on; ids arXiv does not know are reported and asked again only a month later', async () => {
  const store = new PaperStore(sqlite(), { queueSearch: false });
  const unknown = ['2605.99991', '2605.99992'];
  store.write(
    unknown.map((id) => ({
      id,
      title: `Unknown ${id}`,
      abstract: 'a',
      authors: ['A'],
      categories: ['cs.CL'],
    })),
    unknown.flatMap((id, i) => listingsFor(id, ['cs.CL'], '2026-05-29', 'new', i)),
  );
  requests.length = 0;
  const r = await backfillSubmissionDates();
  assert.equal(r.status, 'partial');
  assert.deepEqual(
    r.errors.map((e) => [e.id, e.reason]).sort(),
    unknown.map((id) => [id, 'not found on arXiv']),
  );
  assert.equal(requests.length, 1);
  assert.deepEqual(requests[0]!.ids.slice(0, 2).sort(), unknown, 'newest announced first');
  assert.equal(dated().length, KNOWN.length);
  requests.length = 0;
  const idle = await backfillSubmissionDates();
  assert.deepEqual([idle.status, idle.seen, requests.length], ['ok', 0, 0]);
  assert.deepEqual(papersLackingDates(sqlite(), 10, new Date(Date.now() + 31 * 86_400_000)).sort(), unknown);
});

test('a failing request ends the tick without losing what earlier requests wrote', async () => {
  await seedListed();
  failRequest = 2;
  const ctx = defaultContext({
    http: new ArxivHttp({ ...defaultHttpOptions(), minIntervalMs: 0, retries: 0 }),
    log: () => {},
  });
  const stopped = await backfillSubmissionDates(500, ctx);
  failRequest = 0;
  assert.equal(stopped.status, 'partial');
  assert.match(stopped.errors.at(-1)!.reason, /HTTP 503/);
  const first = requests[0]!.ids;
  assert.equal(dated().length, 100);
  requests.length = 0;
  const resumed = await backfillSubmissionDates(500, ctx);
  assert.equal(resumed.status, 'ok');
  assert.equal(dated().length, KNOWN.length);
  assert.ok(
    requests.flatMap((q) => q.ids).every((id) => !first.includes(id)),
    'what was written is not asked again',
  );
});

test('the worker runs the lookups on their own schedule, off when BACKFILL_PER_TICK is 0', () => {
  Object.assign(process.env, { INGEST_ON_START: '0', BACKFILL_CRON: '*/7 * * * *' });
  resetConfig();
  const on = startWorker();
  on.ingest.stop();
  assert.ok(on.backfill, 'a backfill job');
  assert.equal(on.backfill.getPattern(), '*/7 * * * *');
  on.backfill.stop();
  process.env.BACKFILL_PER_TICK = '0';
  resetConfig();
  const off = startWorker();
  off.ingest.stop();
  assert.equal(off.backfill, undefined);
});
