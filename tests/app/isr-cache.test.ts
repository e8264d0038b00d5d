// The page cache Next uses for day lists (lib/isrCache.mjs): pages come back as bytes, the least
// recently used go first past the memory cap, and tag revalidation drops the tagged entries.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
// @ts-expect-error: plain JavaScript that Next imports at run time; no declarations
import IsrCache, { MAX_BYTES } from '@/lib/isrCache.mjs';

type Entry = { value: { kind: string; html: unknown; rscData?: Buffer; headers?: Record<string, string> }; lastModified: number; cacheControl?: unknown };

const page = (html: string, tags = '') => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': tags }, status: 200, postponed: undefined, segmentData: new Map() });

let cache: { get(k: string): Promise<Entry | null>; set(k: string, d: unknown, ctx?: object): Promise<void>; revalidateTag(t: string | string[]): Promise<void> };
beforeEach(async () => {
  cache = new IsrCache();
  IsrCache.entries.clear();
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
