// Next's page cache (ISR), held in memory and bounded (next.config.js `cacheHandler`). Plain
// JavaScript because Next imports it at run time, outside the bundle.
// - Memory, not disk: each process keeps its own pages, and day-list keys name the build and the
//   database's data version (app/arxiv/resolve.ts), so a page is found only while it is current.
//   Next's default disk cache only grew.
// - Pages are kept as Buffers: Node writes a 300 KB page given as a string about 4 ms slower than
//   the same bytes (UTF-8 encoding on every response; measured on the bench's largest day).
// - Least recently used entries go first once MAX_BYTES is reached.
// - The 404 page is never kept: it names the address asked for.
// - Pages are also kept gzip- and brotli-compressed, compressed once (in the background, off the
//   event loop) when stored: Next's own compression recomputes gzip on every response, which
//   halved the throughput of cached day lists. proxy.ts serves fresh pages from here in the
//   encoding the browser takes (see freshPage below); everything else goes through Next.

import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const MAX_BYTES = 64 * 2 ** 20;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
// Quality 6: within 2% of quality 9's size on day lists at a fourteenth of its time.
const BROTLI = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};

/** @param {unknown} v bytes held by a cached value (strings counted as UTF-16) */
function sizeOf(v) {
  if (typeof v === 'string') return v.length * 2;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Map) return [...v.values()].reduce((n, x) => n + sizeOf(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n, x) => n + sizeOf(x), 64);
  return 8;
}

/** The page path in a cache key: Next 16 keys are `/route-cache/<kind>/<route hash>/$<path>`. */
function pathOf(key) {
  const at = key.lastIndexOf('/$/');
  return at === -1 ? key : key.slice(at + 2);
}

/** Cache tags of an entry: the route's own (ctx.tags) and the implicit path tags Next sends as a header. */
function tagsOf(data, ctx) {
  const header = data?.headers?.['x-next-cache-tags'];
  return new Set([...(ctx?.tags ?? []), ...(typeof header === 'string' ? header.split(',') : [])]);
}

// One store per process, on globalThis: Next loads this file itself, and its build also bundles
// copies (proxy.ts imports one); every copy and every instance Next makes must see the same pages.
const store = (globalThis.__coolPapersPageCache ??= {
  /** @type {Map<string, { entry: object, size: number, tags: Set<string>, encoded?: { gzip: Buffer, br: Buffer } }>} */
  entries: new Map(),
  /** @type {Map<string, string>} page path → key (Next's keys end in `/$` + the path; see pathOf) */
  paths: new Map(),
  bytes: 0,
});

export default class IsrCache {
  static get entries() {
    return store.entries;
  }
  static get paths() {
    return store.paths;
  }
  static get bytes() {
    return store.bytes;
  }
  static set bytes(n) {
    store.bytes = n;
  }

  async get(key) {
    return IsrCache.touch(key)?.entry ?? null;
  }

  /** The entry, now the most recently used (Map order is the recency order). */
  static touch(key) {
    const held = IsrCache.entries.get(key);
    if (!held) return undefined;
    IsrCache.entries.delete(key);
    IsrCache.entries.set(key, held);
    return held;
  }

  async set(key, data, ctx) {
    IsrCache.drop(key);
    if (!data || key.endsWith('/_not-found')) return; // the 404 page names the address asked for (app/not-found.tsx)
    const value =
      data.kind === 'APP_PAGE' && typeof data.html === 'string'
        ? { ...data, html: Buffer.from(data.html) }
        : data;
    const size = sizeOf(value);
    if (size > MAX_BYTES / 8) return; // one odd page must not flush everything else
    const held = {
      entry: { value, lastModified: Date.now(), cacheControl: ctx?.cacheControl },
      size,
      tags: tagsOf(data, ctx),
      encoded: undefined,
    };
    IsrCache.entries.set(key, held);
    IsrCache.paths.set(pathOf(key), key);
    IsrCache.bytes += size;
    IsrCache.evict();
    if (Buffer.isBuffer(value.html) && (value.status ?? 200) === 200)
      void IsrCache.compress(key, held).catch(() => {});
  }

  /** Adds the compressed forms to an entry still held (it may have been replaced or dropped meanwhile). */
  static async compress(key, held) {
    const [gz, br] = await Promise.all([gzip(held.entry.value.html), brotli(held.entry.value.html, BROTLI)]);
    if (IsrCache.entries.get(key) !== held) return;
    held.encoded = { gzip: gz, br };
    held.size += gz.byteLength + br.byteLength;
    IsrCache.bytes += gz.byteLength + br.byteLength;
    IsrCache.evict();
  }

  /**
   * A page still fresh (within its revalidate time) with its compressed forms, for proxy.ts;
   * null otherwise, and Next serves the request (a stale page is served and re-rendered there).
   */
  static freshPage(path, now = Date.now()) {
    const key = IsrCache.paths.get(path) ?? path;
    const held = IsrCache.entries.get(key);
    const revalidate = held?.entry.cacheControl?.revalidate;
    if (
      !held?.encoded ||
      typeof revalidate !== 'number' ||
      now - held.entry.lastModified >= revalidate * 1000
    )
      return null;
    IsrCache.touch(key);
    return { html: held.entry.value.html, ...held.encoded, cacheControl: held.entry.cacheControl };
  }

  static evict() {
    while (IsrCache.bytes > MAX_BYTES) IsrCache.drop(IsrCache.entries.keys().next().value);
  }

  async revalidateTag(tags) {
    const gone = new Set([tags].flat());
    for (const [key, held] of IsrCache.entries)
      if ([...held.tags].some((t) => gone.has(t))) IsrCache.drop(key);
  }

  resetRequestCache() {}

  static drop(key) {
    const held = IsrCache.entries.get(key);
    if (!held) return;
    IsrCache.entries.delete(key);
    if (IsrCache.paths.get(pathOf(key)) === key) IsrCache.paths.delete(pathOf(key));
    IsrCache.bytes -= held.size;
  }
}
