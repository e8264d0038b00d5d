// Runs before routing. Next's own router answers a path with malformed percent-encoding
// ("/arxiv/%E0%A4%A") with a 500; user input must get a clear 400 instead. Daily lists are
// rewritten to their cached path-only route (lib/papers/dayRoute.ts), and addresses naming nothing
// we have to an unmatched one, so the 404 page is rendered on the server (lib/papers/missing.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { dayListPath, isDayRoutePath } from '@/lib/papers/dayRoute';
import { legacyRedirect } from '@/lib/papers/legacy';
import { MISSING_PREFIX } from '@/lib/papers/links';
import { namesNothing } from '@/lib/papers/missing';

// Only our own rewrites, marked with this per-process token, may reach the day route: visitors
// must not choose cache keys. (A rewrite Next proxies as external passes through here again.)
const REWRITE_TOKEN = crypto.randomUUID();
const REWRITE_HEADER = 'x-day-list-rewrite';

const plain = (status: number, text: string) => new NextResponse(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return plain(400, 'Bad request: the address has malformed percent-encoding.\n');
  }
  // papers.cool's addresses keep working (lib/papers/legacy.ts).
  const legacy = legacyRedirect(request.method, pathname, searchParams);
  if (legacy) return NextResponse.redirect(new URL(legacy.location, request.url), legacy.status);
  if (isDayRoutePath(pathname)) return request.headers.get(REWRITE_HEADER) === REWRITE_TOKEN ? NextResponse.next() : plain(404, 'Not found.\n');
  const day = request.method === 'GET' || request.method === 'HEAD' ? dayListPath(pathname, searchParams) : null;
  if (day) {
    // The key names the data the page shows, so it serves as a weak ETag: a browser holding this
    // version gets a 304 before anything renders (click counts may then be older than `revalidate`).
    // RSC data has URLs of its own (?_rsc=…), so the browser never mixes the two in its cache.
    const etag = `W/"${day.slice(day.lastIndexOf('/') + 1)}"`;
    if (request.headers.get('if-none-match') === etag) return new NextResponse(null, { status: 304, headers: { etag } });
    const url = request.nextUrl.clone();
    url.pathname = day;
    const headers = new Headers(request.headers);
    headers.set(REWRITE_HEADER, REWRITE_TOKEN);
    return NextResponse.rewrite(url, { request: { headers }, headers: { etag } });
  }
  if (namesNothing(pathname)) return NextResponse.rewrite(new URL(MISSING_PREFIX + pathname, request.url));
  return NextResponse.next();
}

export const config = { matcher: ['/arxiv/:path*', '/summary/:path*', '/go/:path*', '/api/:path*', '/search/:path*', '/venue/:path*', '/pdf', '/config'] };
