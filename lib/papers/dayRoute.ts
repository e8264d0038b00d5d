// Daily lists are served from Next's ISR cache: proxy.ts rewrites /arxiv/<spec>?date=&skip=&show=
// to /arxiv/<spec>/day/<key>, a path-only route Next renders once and then serves like a static
// file. The key holds the arXiv data version kept in the database (lib/db.ts), so an ingest by any
// process moves every list of every process to a fresh key at once, and every process serving the
// same build and database makes the same key (and ETag); click counters refresh by the route's
// revalidate interval. Keys also carry the build, so a browser's page from an earlier deploy
// (whose scripts are gone) is never confirmed with a 304.
// Query values are normalised first, so junk parameters cannot multiply cache entries.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { arxivDataVersion } from '@/lib/db';
import { specDays } from './day';
import { chunkParams, FIRST_CHUNK, NEXT_CHUNK } from './dayPage';
import { canonicalSpecText } from './spec';
import { isDay, parseTarget } from './target';

export type DayQuery = { date: string | undefined; skip: string; show: string };

const KEY = /^v([0-9a-z-]{1,40})_(\d{4}-\d{2}-\d{2}|latest)_(\d{1,6})_(\d{1,3})$/;

/** A short name of the running build (`next dev` has none: its pages change with every edit anyway). */
function buildName(): string {
  try {
    const id = readFileSync(path.resolve(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim();
    return createHash('sha256').update(id).digest('hex').slice(0, 8);
  } catch {
    return 'dev';
  }
}
const BUILD = buildName();

export function dayKey(version: string, query: { date?: string | null; skip?: string | null; show?: string | null }): string {
  const date = query.date ?? undefined;
  const { skip, show } = chunkParams(query.skip ?? undefined, query.show ?? undefined);
  return `v${version.replace(/[^0-9a-z]+/g, '-')}_${isDay(date) ? date : 'latest'}_${skip}_${show}`;
}

/** The list query a key stands for; null for anything that is not a key (a 404, never a 500). */
export function parseDayKey(key: string): DayQuery | null {
  const m = KEY.exec(key);
  if (!m) return null;
  return { date: m[2] === 'latest' ? undefined : m[2], skip: m[3]!, show: m[4]! };
}

/** True for the day route's own paths: only proxy.ts may make keys, never a visitor. */
export const isDayRoutePath = (pathname: string) => /^\/arxiv\/[^/]+\/day(\/|$)/.test(pathname);

/**
 * Where a request for /arxiv/<segment> is served from: the cached day route for list specs, for
 * the chunks the site itself links to (first screen, then "more" chunks) of days that have papers.
 * Anything else (a made-up day, odd skip/show) renders uncached, so visitors cannot fill the cache.
 */
export function dayListPath(pathname: string, search: URLSearchParams): string | null {
  const segment = /^\/arxiv\/([^/]+)$/.exec(pathname)?.[1];
  const target = segment ? parseTarget(segment) : null;
  if (target?.kind !== 'list') return null;
  // Specs without papers (or that are really a route name, like /arxiv/fetch) stay uncached.
  const days = specDays(target.spec);
  const date = search.get('date');
  if (!days.length || (isDay(date ?? undefined) && !days.some((d) => d.date === date))) return null;
  const { skip, show } = chunkParams(search.get('skip') ?? undefined, search.get('show') ?? undefined);
  const linked = (skip === 0 && show === FIRST_CHUNK) || (skip >= FIRST_CHUNK && (skip - FIRST_CHUNK) % NEXT_CHUNK === 0 && show === NEXT_CHUNK);
  if (!linked) return null;
  return `/arxiv/${segment}/day/${dayKey(`${BUILD}-${arxivDataVersion()}`, { date, skip: String(skip), show: String(show) })}`;
}

/**
 * The address of a list (or its feed) written with merged categories' canonical names, when
 * `pathname` spells one as its alias: /arxiv/cs.SY → /arxiv/eess.SY. Null otherwise.
 */
export function canonicalListPath(pathname: string): string | null {
  const m = /^\/arxiv\/([^/]+)(\/feed)?$/.exec(pathname);
  const target = m ? parseTarget(m[1]!) : null;
  if (target?.kind !== 'list') return null;
  const canonical = canonicalSpecText(target.text);
  if (!canonical || canonical === target.text) return null;
  return `/arxiv/${encodeURIComponent(canonical).replace(/%2B/g, '+').replace(/%2C/g, ',')}${m![2] ?? ''}`;
}
