// Daily lists come from Next's ISR cache (proxy.ts → /arxiv/<spec>/day/<key>): repeat requests
// are cache hits, an ingest in another process shows at once, junk parameters share one entry,
// and client-side navigation between days goes through the same route.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSqlite } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { startApp, type RunningApp } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { papersIn } from './_pages';

let app: RunningApp;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const get = (path: string) => fetch(app.url + path);

test('a day list is rendered once, then served from the cache', async () => {
  const path = '/arxiv/cs.CL?date=2026-05-12';
  const first = await (await get(path)).text();
  const again = await get(path);
  assert.equal(again.headers.get('x-nextjs-cache'), 'HIT');
  assert.deepEqual(papersIn(await again.text()), papersIn(first));
  assert.equal(papersIn(first).length, 25);
});

test('junk parameters share the default entry; only linked chunks of listed days are cached', async () => {
  const rewrite = async (path: string) => {
    const res = await get(path);
    assert.ok(res.status < 500, path);
    const to = res.headers.get('x-middleware-rewrite');
    if (to) return new URL(to, app.url).pathname; // a path: the rewrite stays inside the server
    // A list fresh in the cache comes from proxy.ts itself, without a rewrite; its ETag is the key.
    const key = /^W\/"(v[^"]+)"$/.exec(res.headers.get('etag') ?? '')?.[1];
    return key ? `/arxiv/${new URL(path, app.url).pathname.split('/')[2]}/day/${key}` : null;
  };
  const plain = await rewrite('/arxiv/cs');
  assert.match(plain!, /^\/arxiv\/cs\/day\/v[0-9a-f]{8}-[0-9a-f]{12}-\d+_latest_0_25$/);
  assert.equal(await rewrite('/arxiv/cs?date=garbage&skip=-1&show=abc&include=x'), plain);
  assert.equal(await rewrite('/arxiv/cs?skip=75&show=50'), plain!.replace(/_0_25$/, '_75_50'));
  // Made-up days and chunk sizes render uncached, so visitors cannot fill the cache.
  for (const path of [
    '/arxiv/cs?date=1999-01-01',
    '/arxiv/cs?skip=3&show=7',
    '/arxiv/cs?show=200',
    '/arxiv/fetch',
  ]) {
    assert.equal(await rewrite(path), null, path);
  }
  // Ids and specs we have nothing for go to the 404 page (app/arxiv/resolve.ts).
  for (const path of ['/arxiv/2401.12345', '/arxiv/zz.ZZ'])
    assert.equal(await rewrite(path), `/__missing${path}`, path);
  for (const path of [
    '/arxiv/cs/day/nonsense',
    '/arxiv/cs/day/v1-0_latest_0_25',
    '/arxiv/2605.00001/day/v1-0_latest_0_25',
  ]) {
    assert.equal((await get(path)).status, 404, path);
  }
});

test('an ingest by another process shows on the next request, no waiting for revalidation', async () => {
  const before = papersIn(await (await get('/arxiv/cs.CL')).text());
  assert.ok(before.length > 0);
  const hit = await get('/arxiv/cs.CL');
  assert.equal(hit.headers.get('x-nextjs-cache'), 'HIT');
  // A browser holding this version revalidates with its ETag and gets a 304, without a render.
  const etag = hit.headers.get('etag')!;
  assert.match(etag, /^W\/"v[0-9a-z-]+_latest_0_25"$/);
  const unchanged = await fetch(app.url + '/arxiv/cs.CL', { headers: { 'if-none-match': etag } });
  assert.equal(unchanged.status, 304);
  assert.equal(await unchanged.text(), '');
  const worker = openSqlite(app.databasePath); // the ingest worker's own connection
  const paper = {
    id: '2606.00001',
    title: 'A freshly announced paper',
    abstract: 'Fresh.',
    authors: ['New Author'],
    categories: ['cs.CL'],
  };
  new PaperStore(worker).write(
    [paper],
    [{ paperId: paper.id, category: 'cs.CL', date: '2026-06-02', type: 'new', position: 1 }],
  );
  worker.close();
  const changed = await fetch(app.url + '/arxiv/cs.CL', { headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200, 'new data, new ETag');
  assert.notEqual(changed.headers.get('etag'), etag);
  const html = await changed.text();
  assert.deepEqual(papersIn(html), [{ id: paper.id, section: 'new' }]);
  assert.match(html, /A freshly announced paper/);
  assert.match(html, /<h1[^>]*>.*2026-06-02/);
});

test('client-side navigation to the next day renders that day without errors', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // (The site has no favicon; the browser's own request for one is not the page's doing.)
    page.on(
      'response',
      (r) =>
        void (
          r.status() >= 400 &&
          !r.url().endsWith('/favicon.ico') &&
          errors.push(`${r.status()} ${r.url()}`)
        ),
    );
    await page.goto(`${app.url}/arxiv/cs.CL?date=2026-05-12`);
    await page.waitForSelector('.filter-toggle:not([disabled])');
    await page.click('a.next-day');
    await page.waitForURL(/date=2026-05-13/);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2026-05-13'));
    assert.equal(await page.locator('article.paper').count(), 25);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
