// Runs before routing, for every address. A method a route does not answer gets a 405 with
// Allow (OPTIONS a 204 with Allow): Next answers some with 500 (TRACE everywhere; anything but GET
// on static files) and renders pages for PUT or PROPFIND. Next's own router answers a path with
// malformed percent-encoding ("/arxiv/%E0%A4%A") with a 500; user input must get a clear 400
// instead. What an /arxiv/ address names is decided once, by app/arxiv/resolve.ts: daily lists are
// rewritten to their cached path-only route, or, when fresh in the page cache, served from there
// compressed once (lib/isrCache.mjs); addresses naming nothing we have go to an unmatched one, so
// the 404 page is rendered on the server; lists and papers go on to their page with the result.
import fresh from 'fresh';
import Negotiator from 'negotiator';
import { NextResponse, type NextRequest } from 'next/server';
import { encodedBody, isDocumentRequest, requestMethod } from '@/lib/frontDoor';
import IsrCache, { type CachedPage } from '@/lib/isrCache.mjs';
import { isDayRoutePath, resolveArxiv, withRoute } from '@/app/arxiv/resolve';
import { legacyRedirect } from '@/lib/papers/legacy';
import { decodeSegment, MISSING_PREFIX } from '@/lib/papers/links';

// Only our own rewrites, marked with this per-process token, may reach the day route: visitors
// must not choose cache keys. (A rewrite Next proxies as external passes through here again.)
const REWRITE_TOKEN = crypto.randomUUID();
const REWRITE_HEADER = 'x-day-list-rewrite';

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new NextResponse(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
const malformed = () => plain(400, 'Bad request: the address has malformed percent-encoding.\n');

// The methods each route answers besides OPTIONS; every route handler with a method other than
// GET must be listed here.
const METHODS: Array<[RegExp, string[]]> = [
  [/^\/api\/summary\//, ['GET', 'HEAD', 'POST']],
  [/^\/go\/pdf\//, ['GET', 'HEAD', 'POST']],
  [/^\/arxiv\/fetch$/, ['POST']],
  [/^\/arxiv\/star$/, ['POST']],
  [/^\/follow$/, ['POST']],
  // papers.cool's: POST starts a summary (lib/papers/legacy.ts), or saves its settings form.
  [/^\/(?:arxiv\/kimi|config)$/, ['GET', 'HEAD', 'POST']],
];
const GET_ONLY = ['GET', 'HEAD'];

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const method = requestMethod(request);
  const allowed = METHODS.find(([route]) => route.test(pathname))?.[1] ?? GET_ONLY;
  if (!allowed.includes(method)) {
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (method === 'OPTIONS') return new NextResponse(null, { status: 204, headers: { allow } });
    return plain(405, `Method ${method.slice(0, 20)} is not allowed here; allowed: ${allow}.\n`, { allow });
  }
  if (decodeSegment(pathname) === null) return malformed();
  // papers.cool's addresses keep working (lib/papers/legacy.ts).
  const legacy = legacyRedirect(method, pathname, searchParams);
  if (legacy) return NextResponse.redirect(new URL(legacy.location, request.url), legacy.status);
  if (!pathname.startsWith('/arxiv/')) return NextResponse.next();
  if (isDayRoutePath(pathname))
    return request.headers.get(REWRITE_HEADER) === REWRITE_TOKEN
      ? NextResponse.next()
      : plain(404, 'Not found.\n');
  const route = resolveArxiv(pathname, searchParams);
  if (route?.kind === 'bad-request') return malformed();
  if (route?.kind === 'missing') return NextResponse.rewrite(new URL(MISSING_PREFIX + pathname, request.url));
  if (route?.kind === 'list' && (method === 'GET' || method === 'HEAD')) {
    // Merged categories have one list, at their canonical name (/arxiv/cs.SY → /arxiv/eess.SY).
    if (route.canonical) {
      const url = request.nextUrl.clone();
      url.pathname = route.canonical;
      return NextResponse.redirect(url, 308);
    }
    if (route.cachedPath) return dayList(request, route.cachedPath);
  }
  return NextResponse.next({ request: { headers: withRoute(request.headers, route) } });
}

/** A daily list from its cached route (`day`, app/arxiv/resolve.ts): a 304, the cached page, or a rewrite. */
function dayList(request: NextRequest, day: string): NextResponse {
  // The key names the data the page shows, so it serves as a weak ETag: a browser holding this
  // version gets a 304 before anything renders (click counts may then be older than `revalidate`).
  // RSC data has URLs of its own (?_rsc=…), so the browser never mixes the two in its cache.
  const etag = `W/"${day.slice(day.lastIndexOf('/') + 1)}"`;
  // Cache-Control: no-cache is not passed on: it asks caches to revalidate, which this is (and
  // fetch() adds it to every conditional request).
  if (fresh({ 'if-none-match': request.headers.get('if-none-match') ?? undefined }, { etag }))
    return new NextResponse(null, { status: 304, headers: { etag } });
  const cached = isDocumentRequest(request.headers) ? IsrCache.freshPage(day) : null;
  if (cached) return cachedPage(request, cached, etag);
  const url = request.nextUrl.clone();
  url.pathname = day;
  const headers = new Headers(request.headers);
  headers.set(REWRITE_HEADER, REWRITE_TOKEN);
  return NextResponse.rewrite(url, { request: { headers }, headers: { etag } });
}

// Next's year-long default for how long a stale page may still be served while it re-renders.
const EXPIRE_SECONDS = 31_536_000;

/**
 * A fresh cached day list in the encoding the browser prefers (brotli over gzip when it takes
 * both), compressed when it was stored; no-transform keeps Next from compressing it again.
 */
function cachedPage(request: NextRequest, page: CachedPage, etag: string): NextResponse {
  const negotiator = new Negotiator({
    headers: { 'accept-encoding': request.headers.get('accept-encoding') ?? undefined },
  });
  const preferred = (
    negotiator.encoding as (available: string[], options: { preferred: string[] }) => string | undefined
  )(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  const encoding = preferred === 'br' || preferred === 'gzip' ? preferred : null;
  const body = encoding ? page[encoding] : page.html;
  const revalidate = typeof page.cacheControl?.revalidate === 'number' ? page.cacheControl.revalidate : 0;
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': `s-maxage=${revalidate}, stale-while-revalidate=${(page.cacheControl?.expire ?? EXPIRE_SECONDS) - revalidate}, no-transform`,
    vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
    etag,
    'x-nextjs-cache': 'HIT',
    ...(encoding ? encodedBody(encoding, body.byteLength) : {}),
  };
  const view = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength); // no copy
  return new NextResponse(requestMethod(request) === 'HEAD' ? null : view, { status: 200, headers });
}

export const config = { matcher: ['/:path*'] };
