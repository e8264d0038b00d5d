// The page cache Next uses for day lists (lib/isrCache.mjs): pages come back as bytes, the least
// recently used go first past the memory cap, tag revalidation drops the tagged entries, and pages
// are compressed once for proxy.ts to serve while fresh.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import IsrCache, { MAX_BYTES } from '@/lib/isrCache.mjs';

const page = (html: string, tags = '') => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
  postponed: undefined,
  segmentData: new Map(),
});

let cache: IsrCache;
beforeEach(async () => {
  cache = new IsrCache();
  IsrCache.entries.clear();
  IsrCache.paths.clear();
  IsrCache.bytes = 0;
});

test('a page is stored as UTF-8 bytes with its lifetime, and comes back until replaced or removed', async () => {
  const html = '<p>Schrödinger ☆ α</p>';
  const before = Date.now();
  await cache.set('/arxiv/cs/day/k', page(html), { cacheControl: { revalidate: 60 } });
  const hit = await cache.get('/arxiv/cs/day/k');
  assert.ok(Buffer.isBuffer(hit!.value.html));
  assert.equal((hit!.value.html as Buffer).toString('utf8'), html);
  assert.deepEqual(hit!.cacheControl, { revalidate: 60 });
  assert.ok(hit!.lastModified >= before);
  await cache.set('/arxiv/cs/day/k', null);
  assert.equal(await cache.get('/arxiv/cs/day/k'), null);
  assert.equal(IsrCache.bytes, 0);
});

test('past the memory cap the least recently used pages go first', async () => {
  const big = 'x'.repeat(Math.floor(MAX_BYTES / 10));
  for (let i = 0; i < 9; i++) await cache.set(`p${i}`, page(big));
  await cache.get('p0'); // recently read: kept
  for (let i = 9; i < 12; i++) await cache.set(`p${i}`, page(big));
  assert.ok(IsrCache.bytes <= MAX_BYTES);
  assert.ok(await cache.get('p0'));
  assert.equal(await cache.get('p1'), null);
  assert.ok(await cache.get('p11'));
  // One page larger than an eighth of the cap is not kept at all, so it cannot flush the rest.
  await cache.set('huge', page('y'.repeat(Math.ceil(MAX_BYTES / 8) + 1)));
  assert.equal(await cache.get('huge'), null);
  assert.ok(await cache.get('p11'));
});

test('revalidating a tag drops the pages carrying it, by route tag or by implicit path tag', async () => {
  await cache.set('a', page('a', '_N_T_/layout,_N_T_/arxiv/cs'));
  await cache.set('b', page('b', '_N_T_/layout'), { tags: ['lists'] });
  await cache.set('c', page('c', '_N_T_/demos'));
  await cache.revalidateTag('_N_T_/arxiv/cs');
  assert.equal(await cache.get('a'), null);
  await cache.revalidateTag(['lists']);
  assert.equal(await cache.get('b'), null);
  assert.ok(await cache.get('c'));
});

test('pages are compressed once, gzip and brotli, and found by path while fresh', async () => {
  const html = '<article><p>Schrödinger ☆ α</p></article>'.repeat(500);
  const path = '/arxiv/cs/day/k';
  const key = `/route-cache/APP_PAGE/0123abcd/$${path}`; // Next 16's key for a page path
  await cache.set(key, page(html), { cacheControl: { revalidate: 60 } });
  let served = IsrCache.freshPage(path);
  for (let i = 0; i < 200 && !served; i++) {
    await new Promise((r) => setTimeout(r, 10)); // compressed off the event loop
    served = IsrCache.freshPage(path);
  }
  assert.ok(served, 'compressed forms ready');
  assert.equal(gunzipSync(served.gzip).toString(), html);
  assert.equal(brotliDecompressSync(served.br).toString(), html);
  assert.ok(
    served.br.byteLength < served.gzip.byteLength && served.gzip.byteLength < Buffer.byteLength(html),
  );
  // Every later hit gets the same bytes: nothing is compressed again.
  const again = IsrCache.freshPage(path)!;
  assert.equal(again.br, served.br);
  assert.equal(again.gzip, served.gzip);
  assert.equal(IsrCache.bytes, [...IsrCache.entries.values()][0]!.size, 'compressed bytes are counted');
  assert.ok(IsrCache.bytes > Buffer.byteLength(html) + served.gzip.byteLength);
  // Past its revalidate time the page is left to Next (it serves it stale and re-renders).
  assert.equal(IsrCache.freshPage(path, Date.now() + 61_000), null);
  await cache.revalidateTag('_N_T_/arxiv/cs');
  await cache.set(key, null);
  assert.equal(IsrCache.freshPage(path), null);
  assert.equal(IsrCache.paths.size, 0);
});
