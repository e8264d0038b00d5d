// Hostile requests against the production server (next start) with the loopback fake provider:
// rotating forwarded headers cannot buy more generations, methods the site does not answer get
// 405 on every route (TRACE no longer a 500), cached day lists answer conditional requests with
// lists of tags and `*` and come compressed once, and a 2 MB answer keeps the server's memory,
// the stream and the summary page small.
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openSqlite } from '@/lib/db';
import { startApp, type RunningApp } from '../helpers/app';
import { fakeLlmEnv, startFakeLlm, type FakeLlm } from '../summaries/fakeLlm';

const RATE = 5;
const MAX_CHARS = 8000;
let fake: FakeLlm;
let app: RunningApp;
let ids: string[];

before(async () => {
  fake = await startFakeLlm();
  app = await startApp({
    env: {
      ...fakeLlmEnv(fake),
      SUMMARY_RATE_PER_HOUR: String(RATE),
      LLM_MAX_ANSWER_CHARS: String(MAX_CHARS),
    },
  });
  const db = openSqlite(app.databasePath);
  ids = db.prepare('SELECT id FROM Paper ORDER BY id LIMIT 120').pluck().all() as string[];
  db.close();
});
after(async () => {
  await app?.close();
  await fake?.close();
});

/**
 * A request by node:http, which sends any method (fetch refuses TRACE), with the whole answer;
 * `from` picks the loopback address it comes from (another address, another client).
 */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  from?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(app.url + target, { method, headers, localAddress: from }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('100 summary requests with rotating forwarded headers start at most the per-client limit', async () => {
  const before = fake.requests.length;
  const post = async (i: number) => {
    const spoof = `203.0.${i}.${(i * 7) % 250}`;
    const res = await fetch(`${app.url}/api/summary/${ids[i]}?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'x-forwarded-for': spoof,
        forwarded: `for=${spoof}`,
        'x-real-ip': spoof,
        'x-coolpapers-peer': `x ${spoof}`,
      },
    });
    assert.equal(res.status, 303);
    return new URL(res.headers.get('location')!).searchParams.get('refused');
  };
  const outcomes: Array<string | null> = [];
  for (let i = 0; i < 100; i += 20)
    outcomes.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => post(i + j)))));
  const started = outcomes.filter((o) => o === null).length;
  const reasons = new Set(outcomes.filter((o) => o !== null));
  assert.equal(started, RATE);
  assert.deepEqual([...reasons], ['rate-limit']);
  // What did start runs to the end; nothing else reached the provider.
  for (let i = 0; i < 200 && fake.requests.length - before < 6 * RATE; i++)
    await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(fake.requests.length - before, 6 * RATE);
});

test('TRACE, PROPFIND and other unsupported methods get 405 with Allow on every route; OPTIONS gets Allow', async () => {
  const html = await (await fetch(`${app.url}/arxiv/cs.CL`)).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  const id = ids[0]!;
  const pages = [
    '/',
    '/arxiv/cs.CL',
    '/arxiv/cs.CL?date=2026-05-12&skip=25&show=50',
    `/arxiv/${id}`,
    '/arxiv/cs.CL/feed',
    '/arxiv/zz.ZZ',
    '/search?q=transformer',
    '/search/feed?q=transformer',
    '/api/search?q=transformer',
    `/summary/${id}`,
    '/demos',
    '/demos/rope',
    '/demos/optimizers',
    '/starred',
    '/history',
    '/venue/AAAI',
    '/opensearch.xml',
    '/no/such/page',
    '/mathjax/chtml.css',
    chunk,
  ];
  const routes: Array<[string, string[]]> = [
    ...pages.map((p): [string, string[]] => [p, ['GET', 'HEAD']]),
    [`/api/summary/${id}`, ['GET', 'HEAD', 'POST']],
    [`/go/pdf/${id}`, ['GET', 'HEAD', 'POST']],
    [`/arxiv/kimi?paper=${id}`, ['GET', 'HEAD', 'POST']],
    ['/config', ['GET', 'HEAD', 'POST']],
    ['/arxiv/fetch', ['POST']],
    ['/arxiv/star', ['POST']],
    ['/follow', ['POST']],
  ];
  for (const [target, allowed] of routes) {
    const allow = [...allowed, 'OPTIONS'].join(', ');
    for (const method of ['TRACE', 'PROPFIND', 'PUT', 'DELETE', 'PATCH', 'POST', 'GET'].filter(
      (m) => !allowed.includes(m),
    )) {
      const res = await raw(method, target);
      assert.equal(res.status, 405, `${method} ${target}`);
      assert.equal(res.headers.allow, allow, `${method} ${target}`);
      assert.doesNotMatch(
        res.body.toString(),
        /\bat \S+ \(|Error:|<html/,
        `${method} ${target}: no stack, no page`,
      );
    }
    const options = await raw('OPTIONS', target);
    assert.equal(options.status, 204, `OPTIONS ${target}`);
    assert.equal(options.headers.allow, allow);
    if (allowed.includes('GET')) assert.ok((await raw('GET', target)).status < 500, `GET ${target}`);
  }
});

/** Requests a day list until the page cache has it compressed (compression runs in the background). */
async function compressedDayList(target: string): Promise<Awaited<ReturnType<typeof raw>>> {
  for (let i = 0; i < 100; i++) {
    const res = await raw('GET', target, { 'accept-encoding': 'gzip, deflate, br' });
    if (res.headers['content-encoding'] === 'br') return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${target} never came brotli-compressed`);
}

test('cached day lists come brotli- or gzip-compressed from the page cache, the same bytes as uncompressed', async () => {
  const target = '/arxiv/cs.CL?date=2026-05-12';
  const br = await compressedDayList(target);
  const plain = await raw('GET', target, { 'accept-encoding': 'identity' });
  const gz = await raw('GET', target, { 'accept-encoding': 'gzip' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString());
  assert.equal(gunzipSync(gz.body).toString(), plain.body.toString());
  for (const res of [br, gz]) assert.equal(Number(res.headers['content-length']), res.body.byteLength);
  for (const res of [br, gz, plain]) {
    assert.equal(res.status, 200);
    assert.match(String(res.headers.vary), /Accept-Encoding/);
    assert.equal(res.headers['x-nextjs-cache'], 'HIT');
    assert.match(String(res.headers['content-type']), /^text\/html/);
  }
  assert.ok(br.body.byteLength < gz.body.byteLength);
  // Chrome's order: gzip first in the header, brotli still preferred at equal weight; q=0 refuses it.
  assert.equal(
    (await raw('GET', target, { 'accept-encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding'],
    'br',
  );
  assert.equal(
    (await raw('GET', target, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'],
    'gzip',
  );
  const head = await raw('HEAD', target, { 'accept-encoding': 'br' });
  assert.equal(head.status, 200);
  assert.equal(head.body.byteLength, 0);
  // The client router's data requests still go to Next (through the rewrite), never the cached HTML.
  for (const flight of [{ rsc: '1' }, { rsc: '1', 'next-router-prefetch': '1' }] as Array<
    Record<string, string>
  >) {
    const rsc = await raw('GET', target, { ...flight, 'accept-encoding': 'br' });
    assert.ok(rsc.headers['x-middleware-rewrite'], JSON.stringify(rsc.headers));
    assert.notEqual(rsc.headers['content-encoding'], 'br');
  }
  assert.ok(
    (await raw('GET', `${target}&_rsc=1x2y3`, { 'accept-encoding': 'br' })).headers['x-middleware-rewrite'],
  );
});

test('If-None-Match: a list of tags, weak or strong, or `*`, gets a 304; other tags get the page', async () => {
  const target = '/arxiv/cs.CL';
  await raw('GET', target); // rendered, then the tag names the cached list
  const etag = (await raw('GET', target)).headers.etag!;
  assert.match(etag, /^W\/"v[0-9a-z-]+_latest_0_25"$/);
  const strong = etag.slice(2);
  for (const tags of [etag, `"other", ${etag}`, `W/"a", W/"b",${strong}`, '*']) {
    const res = await raw('GET', target, { 'if-none-match': tags });
    assert.equal(res.status, 304, tags);
    assert.equal(res.headers.etag, etag);
    assert.equal(res.body.byteLength, 0);
  }
  assert.equal((await raw('GET', target, { 'if-none-match': '"other", W/"v0_latest_0_25"' })).status, 200);
  // As fetch() sends a conditional request: a revalidation, still answered from the tag.
  assert.equal(
    (await raw('GET', target, { 'if-none-match': etag, 'cache-control': 'no-cache' })).status,
    304,
  );
});

test('a 2 MB answer: the stream, the summary page and the server’s memory stay bounded', async () => {
  fake.answerChars = 2 * 2 ** 20;
  fake.ignoreMaxTokens = true;
  const id = ids[110]!;
  const peakBefore = peakRssMb(app.pid);
  // From another loopback address, so another client: the first test used up 127.0.0.1's limit.
  const stream = (
    await raw('GET', `/api/summary/${id}?lang=en`, { accept: 'text/event-stream' }, '127.0.0.2')
  ).body.toString();
  fake.answerChars = 0;
  fake.ignoreMaxTokens = false;
  const events = stream
    .split('\n\n')
    .filter((b) => b.startsWith('data: '))
    .map((b) => JSON.parse(b.slice(6)) as { type: string; summary?: { answers: Array<{ html: string }> } });
  const last = events.at(-1)!;
  assert.equal(last.type, 'summary', JSON.stringify(last).slice(0, 300));
  const finalHtml = last.summary!.answers.reduce((n, a) => n + a.html.length, 0);
  // Raw deltas (at most the cut answers) plus HTML changes plus the final summary: a few times the final HTML, not its square.
  assert.ok(
    stream.length < 6 * MAX_CHARS * 4 + 4 * finalHtml,
    `stream of ${stream.length} bytes for ${finalHtml} of final HTML`,
  );
  const page = await (await fetch(`${app.url}/summary/${id}?lang=en`)).text();
  assert.ok(page.length < 3 * finalHtml + 200_000, `summary page of ${page.length} bytes`);
  assert.match(page, /cut off here: it reached the length limit/);
  const grown = peakRssMb(app.pid) - peakBefore;
  assert.ok(grown < 400, `server peak memory grew ${grown} MB`);
});

/** A process's peak resident memory so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return Math.round(Number(kb) / 1024);
}
