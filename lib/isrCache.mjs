// Next's page cache (ISR), held in memory and bounded (next.config.js `cacheHandler`). Plain
// JavaScript because Next imports it at run time, outside the bundle.
// - Memory, not disk: day-list keys carry the server's start id (lib/papers/dayRoute.ts), so
//   nothing an earlier process wrote could ever be read again. Next's default disk cache only grew.
// - Pages are kept as Buffers: Node writes a 300 KB page given as a string about 4 ms slower than
//   the same bytes (UTF-8 encoding on every response; measured on the bench's largest day).
// - Least recently used entries go first once MAX_BYTES is reached.
// - The 404 page is never kept: it names the address asked for.

export const MAX_BYTES = 64 * 2 ** 20;

/** @param {unknown} v bytes held by a cached value (strings counted as UTF-16) */
function sizeOf(v) {
  if (typeof v === 'string') return v.length * 2;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Map) return [...v.values()].reduce((n, x) => n + sizeOf(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n, x) => n + sizeOf(x), 64);
  return 8;
}

/** Cache tags of an entry: the route's own (ctx.tags) and the implicit path tags Next sends as a header. */
function tagsOf(data, ctx) {
  const header = data?.headers?.['x-next-cache-tags'];
  return new Set([...(ctx?.tags ?? []), ...(typeof header === 'string' ? header.split(',') : [])]);
}

export default class IsrCache {
  /** @type {Map<string, { entry: object, size: number, tags: Set<string> }>} shared by every instance Next makes */
  static entries = new Map();
  static bytes = 0;

  async get(key) {
    const held = IsrCache.entries.get(key);
    if (!held) return null;
    IsrCache.entries.delete(key); // re-insert: Map order is the recency order
    IsrCache.entries.set(key, held);
    return held.entry;
  }

  async set(key, data, ctx) {
    IsrCache.drop(key);
    if (!data || key.endsWith('/_not-found')) return; // the 404 page names the address asked for (app/not-found.tsx)
    const value = data.kind === 'APP_PAGE' && typeof data.html === 'string' ? { ...data, html: Buffer.from(data.html) } : data;
    const size = sizeOf(value);
    if (size > MAX_BYTES / 8) return; // one odd page must not flush everything else
    IsrCache.entries.set(key, { entry: { value, lastModified: Date.now(), cacheControl: ctx?.cacheControl }, size, tags: tagsOf(data, ctx) });
    IsrCache.bytes += size;
    while (IsrCache.bytes > MAX_BYTES) IsrCache.drop(IsrCache.entries.keys().next().value);
  }

  async revalidateTag(tags) {
    const gone = new Set([tags].flat());
    for (const [key, held] of IsrCache.entries) if ([...held.tags].some((t) => gone.has(t))) IsrCache.drop(key);
  }

  resetRequestCache() {}

  static drop(key) {
    const held = IsrCache.entries.get(key);
    if (!held) return;
    IsrCache.entries.delete(key);
    IsrCache.bytes -= held.size;
  }
}
