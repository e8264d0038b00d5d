// What only the HTTP server itself knows, handed to proxy.ts and route handlers: Next 16 gives
// them a web Request with no socket, and its own X-Forwarded-For is kept as the client sent it
// (base-server.js sets it with `??=`), so it cannot say who is connected.
// instrumentation.ts subscribes to Node's `http.server.request.start` diagnostics channel, which
// Node publishes for every request just before the server's 'request' listener (Next) runs, and
// - stamps the socket's peer address into PEER_HEADER, overwriting whatever the client sent;
// - relabels TRACE, which the web Request API refuses to carry (Next would answer 500 before
//   proxy.ts runs), as GET with the real method in METHOD_HEADER, so proxy.ts answers 405;
// - marks in FLIGHT_HEADER the client router's requests for RSC data (the `rsc` header or `_rsc`
//   parameter), which Next hides from proxy.ts, so that it serves cached HTML to documents only;
// - lets proxy.ts send a body it compressed itself: Next drops Content-Encoding (and
//   Content-Length) from the headers of proxy and route responses, so proxy.ts names them in
//   ENCODED_HEADER (with `Cache-Control: no-transform`, so Next's compression leaves the body
//   alone) and this turns them back into real headers as the response starts.
// All values carry a per-process token: requests that arrived before the subscription (the first
// instants after start) are not stamped, and a client writing these headers itself is not believed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const PEER_HEADER = 'x-coolpapers-peer';
export const METHOD_HEADER = 'x-coolpapers-method';
export const ENCODED_HEADER = 'x-coolpapers-encoded';
export const FLIGHT_HEADER = 'x-coolpapers-flight';

// On globalThis: instrumentation, proxy.ts and each route are bundled apart but share the process.
const shared = globalThis as { __coolPapersFrontDoor?: { token: string; installed: boolean } };
const state = (shared.__coolPapersFrontDoor ??= { token: crypto.randomUUID(), installed: false });

/** Methods the web Request API cannot represent; Node itself answers TRACK (400) and CONNECT (no 'request'). */
const UNREPRESENTABLE = new Set(['TRACE']);

export async function installFrontDoor(): Promise<void> {
  if (state.installed) return;
  state.installed = true;
  const dc = await import('node:diagnostics_channel');
  dc.subscribe('http.server.request.start', (message) => {
    const { request, response, socket } = message as {
      request: IncomingMessage;
      response: ServerResponse;
      socket: Socket;
    };
    request.headers[PEER_HEADER] = `${state.token} ${socket.remoteAddress ?? ''}`;
    if (request.method && UNREPRESENTABLE.has(request.method)) {
      request.headers[METHOD_HEADER] = `${state.token} ${request.method}`;
      request.method = 'GET';
    }
    if (
      request.headers.rsc !== undefined ||
      request.headers['next-router-prefetch'] !== undefined ||
      /[?&]_rsc=/.test(request.url ?? '')
    ) {
      request.headers[FLIGHT_HEADER] = state.token;
    }
    const writeHead = response.writeHead;
    response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      const encoded = this.getHeader(ENCODED_HEADER);
      if (typeof encoded === 'string') {
        this.removeHeader(ENCODED_HEADER);
        const [token, encoding, length] = encoded.split(' ');
        if (token === state.token && encoding && length) {
          this.setHeader('content-encoding', encoding);
          this.setHeader('content-length', length);
        }
      }
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
  });
}

/** Web Headers, NextRequest's headers, or anything else that reads one header. */
export type HeaderSource = { get(name: string): string | null };

function stamped(headers: HeaderSource, name: string): string | null {
  const value = headers.get(name);
  const prefix = `${state.token} `;
  return value?.startsWith(prefix) ? value.slice(prefix.length) || null : null;
}

/** The address of the socket the request came in on; null when the front door did not see it. */
export const peerAddress = (headers: HeaderSource): string | null => stamped(headers, PEER_HEADER);

/** Response headers for a body already compressed with `encoding`, for a request the front door saw (see above). */
export const encodedBody = (encoding: 'br' | 'gzip', length: number): Record<string, string> => ({
  [ENCODED_HEADER]: `${state.token} ${encoding} ${length}`,
});

/** A browser asking for an HTML document, not the client router asking for RSC data (false when unsure). */
export const isDocumentRequest = (headers: HeaderSource): boolean =>
  peerAddress(headers) !== null && headers.get(FLIGHT_HEADER) !== state.token;

/** The method the client sent (TRACE arrives relabelled; see above). */
export const requestMethod = (request: { method: string; headers: HeaderSource }): string =>
  stamped(request.headers, METHOD_HEADER) ?? request.method;
