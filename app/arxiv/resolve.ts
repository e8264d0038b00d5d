// What an address under /arxiv/ names, decided here once per request: proxy.ts calls
// resolveArxiv() and answers from its result, and the pages read that result back instead of
// parsing the address again.
//   /arxiv/<spec>[?date=&skip=&show=]  a daily list: cs.CL, cs (an archive), cs.AI,cs.CL, cs.AI+cs.LG-cs.CY
//   /arxiv/<spec>/feed                 its Atom feed
//   /arxiv/<ids>                       paper(s): 2401.12345, 2401.12345v2, id1,id2, hep-th/9901001
//   a spec without papers, or ids none of which we have: missing. proxy.ts sends these to an
//     address no route matches (MISSING_PREFIX + the path), so Next renders app/not-found.tsx on
//     the server with a 404; a page calling notFound() gets an empty body that only JavaScript
//     fills (vercel/next.js#62228).
//   malformed percent-encoding: a bad request.
// Lists and papers reach the page in a request header (routeFromHeaders), except the daily lists
// served from Next's ISR cache: proxy.ts rewrites those to /arxiv/<spec>/day/<key>, a path-only
// route Next renders once and then serves like a static file, and the route's params carry the
// result (dayRoute). The key holds the arXiv data version kept in the database (lib/db.ts), so an
// ingest by any process moves every list of every process to a fresh key at once, and every
// process serving the same build and database makes the same key (and ETag); click counters
// refresh by the route's revalidate interval. Keys also carry the build, so a browser's page from
// an earlier deploy (whose scripts are gone) is never confirmed with a 304. Query values are
// normalised first, so junk parameters cannot multiply cache entries.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArxivId, type ArxivId } from '@/lib/arxiv/ids';
import { arxivDataVersion, sqlite } from '@/lib/db';
import { specDays } from '@/lib/papers/day';
import { chunkParams, FIRST_CHUNK, NEXT_CHUNK } from '@/lib/papers/dayPage';
import { decodeSegment } from '@/lib/papers/links';
import { canonicalSpecText, parseSpec, type ListSpec } from '@/lib/papers/spec';

/** The part of a day's list a page shows: the latest day or `date`, papers skip+1 to skip+show. */
export interface ListChunk {
  date: string | undefined;
  skip: number;
  show: number;
}
/** A daily list, or (feed) its Atom feed. */
export interface ListRoute {
  kind: 'list';
  spec: ListSpec;
  /** The spec as written in the address, decoded. */
  text: string;
  feed: boolean;
  chunk: ListChunk;
}
export interface PapersRoute {
  kind: 'papers';
  ids: ArxivId[];
}
/** What a page under /arxiv/[spec] renders. */
export type PageRoute = ListRoute | PapersRoute;

export type ArxivRoute =
  | (ListRoute & {
      /** Where the list lives when the address spells a merged category's alias (cs.SY → eess.SY). */
      canonical: string | null;
      /** The cached day route serving it, for the chunks the site links to of days with papers. */
      cachedPath: string | null;
    })
  | PapersRoute
  | { kind: 'missing' }
  | { kind: 'bad-request' };

/** Pages of their own under /arxiv/ that look like specs. */
const ROUTES = new Set(['fetch', 'progress', 'star']);

/**
 * What /arxiv/<x>[/<y>]?query names; null for addresses that routes of their own answer
 * (/arxiv/fetch, a feed of something that is not a list, two segments that are not an old-style id).
 */
export function resolveArxiv(pathname: string, search: URLSearchParams): ArxivRoute | null {
  const segments = /^\/arxiv\/([^/]+)(?:\/([^/]+))?$/.exec(pathname);
  if (!segments) return null;
  if (decodeSegment(pathname) === null) return { kind: 'bad-request' };
  const [first, second] = [segments[1]!, segments[2]];
  if (!second && ROUTES.has(first)) return null;
  const feed = second === 'feed';
  // Old-style ids have a slash (hep-th/9901001); anything else with two segments is a route of its own.
  const target = parseTarget(second && !feed ? `${first}/${second}` : first);
  const list =
    target?.kind === 'list'
      ? { ...target, feed, chunk: chunkOf(search.get('date'), search.get('skip'), search.get('show')) }
      : null;
  if (feed) return list && { ...list, canonical: canonicalListPath(list.text, true), cachedPath: null };
  if (target?.kind === 'papers') return known(target.ids) ? target : { kind: 'missing' };
  if (second) return null;
  if (!list) return { kind: 'missing' };
  const canonical = canonicalListPath(list.text, false);
  if (canonical) return { ...list, canonical, cachedPath: null };
  const days = specDays(list.spec);
  if (!days.length) return { kind: 'missing' };
  // Only the chunks the site itself links to (first screen, then "more" chunks) of days that have
  // papers are cached; anything else (a made-up day, odd skip/show) renders uncached, so visitors
  // cannot fill the cache.
  const { date, skip, show } = list.chunk;
  const linked =
    (skip === 0 && show === FIRST_CHUNK) ||
    (skip >= FIRST_CHUNK && (skip - FIRST_CHUNK) % NEXT_CHUNK === 0 && show === NEXT_CHUNK);
  const cached = linked && (!date || days.some((d) => d.date === date));
  return {
    ...list,
    canonical: null,
    cachedPath: cached ? `/arxiv/${first}/day/${dayKey(`${BUILD}-${arxivDataVersion()}`, list.chunk)}` : null,
  };
}

/** True when we have at least one of these papers. */
function known(ids: ArxivId[]): boolean {
  const list = ids.map((i) => i.id);
  return !!sqlite()
    .prepare(`SELECT 1 FROM Paper WHERE id IN (${list.map(() => '?').join(',')}) LIMIT 1`)
    .get(...list);
}

/**
 * The address of a list (or its feed) written with merged categories' canonical names, when
 * `text` spells one as its alias: cs.SY → /arxiv/eess.SY. Null otherwise.
 */
function canonicalListPath(text: string, feed: boolean): string | null {
  const canonical = canonicalSpecText(text);
  if (!canonical || canonical === text) return null;
  return `/arxiv/${encodeURIComponent(canonical).replace(/%2B/g, '+').replace(/%2C/g, ',')}${feed ? '/feed' : ''}`;
}

// Request headers carry a list or papers from proxy.ts to the page. Only proxy.ts writes this
// header, for every /arxiv/ address it passes on, so a visitor's own value never reaches a page.
const ROUTE_HEADER = 'x-arxiv-route';

/** The request's headers with `route` for the page (none when null). */
export function withRoute(headers: Headers, route: PageRoute | null): Headers {
  const out = new Headers(headers);
  if (route) out.set(ROUTE_HEADER, encodeURIComponent(JSON.stringify(route)));
  else out.delete(ROUTE_HEADER);
  return out;
}

/** What proxy.ts resolved for this request (withRoute); null when it names nothing a page shows. */
export function routeFromHeaders(headers: Headers): PageRoute | null {
  const value = headers.get(ROUTE_HEADER);
  return value ? (JSON.parse(decodeURIComponent(value)) as PageRoute) : null; // written by proxy.ts alone
}

// What /arxiv/<spec> names: a list spec or paper ids.
export type ArxivTarget = PapersRoute | { kind: 'list'; spec: ListSpec; text: string };

const MAX_IDS = 200;

/** Parses a (still percent-encoded) segment; null when it is neither ids nor a spec. */
export function parseTarget(raw: string): ArxivTarget | null {
  const text = decodeSegment(raw)?.trim();
  if (text === undefined) return null;
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const ids = parts.map((p) => parseArxivId(p));
  if (parts.length && parts.length <= MAX_IDS && ids.every(Boolean)) {
    const unique = [...new Map((ids as ArxivId[]).map((i) => [i.id, i])).values()];
    return { kind: 'papers', ids: unique };
  }
  const spec = parseSpec(text);
  return spec ? { kind: 'list', spec, text } : null;
}

const isDay = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function chunkOf(
  date: string | null | undefined,
  skip: string | null | undefined,
  show: string | null | undefined,
): ListChunk {
  return { date: isDay(date) ? date : undefined, ...chunkParams(skip ?? undefined, show ?? undefined) };
}

// The day route: /arxiv/<spec>/day/<key>.

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

export function dayKey(
  version: string,
  query: { date?: string | null; skip?: string | number | null; show?: string | number | null },
): string {
  const { date, skip, show } = chunkOf(query.date, query.skip?.toString(), query.show?.toString());
  return `v${version.replace(/[^0-9a-z]+/g, '-')}_${date ?? 'latest'}_${skip}_${show}`;
}

/** The list query a key stands for; null for anything that is not a key (a 404, never a 500). */
export function parseDayKey(key: string): DayQuery | null {
  const m = KEY.exec(key);
  if (!m) return null;
  return { date: m[2] === 'latest' ? undefined : m[2], skip: m[3]!, show: m[4]! };
}

/** The list a day route's params stand for (proxy.ts made them); null for anything else. */
export function dayRoute(params: { spec: string; key: string }): ListRoute | null {
  const query = parseDayKey(params.key);
  const target = parseTarget(params.spec);
  if (!query || target?.kind !== 'list') return null;
  return { ...target, feed: false, chunk: chunkOf(query.date, query.skip, query.show) };
}

/** True for the day route's own paths: only proxy.ts may make keys, never a visitor. */
export const isDayRoutePath = (pathname: string) => /^\/arxiv\/[^/]+\/day(\/|$)/.test(pathname);
