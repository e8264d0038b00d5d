// Types of lib/isrCache.mjs (plain JavaScript: Next loads it at run time) for proxy.ts and tests.
export const MAX_BYTES: number;

export interface CachedPage {
  html: Buffer;
  gzip: Buffer;
  br: Buffer;
  cacheControl?: { revalidate?: number | false; expire?: number };
}

export interface CacheEntry {
  value: { kind: string; html?: unknown; [field: string]: unknown };
  lastModified: number;
  cacheControl?: CachedPage['cacheControl'];
}

export default class IsrCache {
  static readonly entries: Map<
    string,
    { entry: CacheEntry; size: number; tags: Set<string>; encoded?: { gzip: Buffer; br: Buffer } }
  >;
  static readonly paths: Map<string, string>;
  static bytes: number;
  /** A page still within its revalidate time, with its compressed forms; null otherwise. */
  static freshPage(path: string, now?: number): CachedPage | null;
  get(key: string): Promise<CacheEntry | null>;
  set(
    key: string,
    data: unknown,
    ctx?: { cacheControl?: CachedPage['cacheControl']; tags?: string[] },
  ): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
