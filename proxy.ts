// Runs before routing. Next's own router answers a path with malformed percent-encoding
// ("/arxiv/%E0%A4%A") with a 500; user input must get a clear 400 instead.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse('Bad request: the address has malformed percent-encoding.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return NextResponse.next();
}

export const config = { matcher: ['/arxiv/:path*', '/summary/:path*', '/go/:path*', '/api/:path*', '/search/:path*'] };
