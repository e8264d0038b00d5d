// Who is asking, for limits: the address of the socket's peer (stamped by lib/frontDoor.ts), or,
// when that peer is a reverse proxy the operator listed in TRUSTED_PROXIES, the address that proxy
// forwarded. The forwarded header is walked from the right (the hop our peer appended) leftwards
// while the hops are trusted proxies; the first untrusted hop is the client. Whatever a client
// writes into the header itself lies to the left of that hop and is never read.
// The result is a key for limiting, not for display: IPv6 addresses count per /64 (one
// subscriber's usual allocation), so rotating through one's own prefix earns nothing.
// Any process can call clientAddress() with a request's headers; limits may live anywhere.
import parseForwarded from 'forwarded-parse';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';
import { config } from '@/lib/config';
import { peerAddress, type HeaderSource } from '@/lib/frontDoor';

/** Every request the front door did not stamp (the first instants after start) shares this key. */
export const UNKNOWN_CLIENT = 'unknown';

let compiled: { list: string[]; trust: (addr: string, i: number) => boolean } | undefined;
function trusted(list: string[]): (addr: string, i: number) => boolean {
  if (compiled?.list !== list) compiled = { list, trust: proxyaddr.compile(list) };
  return compiled.trust;
}

/** "[2001:db8::1]:4711" → "2001:db8::1", "192.0.2.1:80" → "192.0.2.1"; other tokens unchanged. */
function hostOf(node: string): string {
  const s = node.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) return bracketed[1]!;
  return /^[^:]+:\d+$/.test(s) ? s.slice(0, s.indexOf(':')) : s;
}

/** The forwarded hops, client first, as the operator's proxies write them; [] when unreadable. */
function forwardedHops(headers: HeaderSource, header: 'x-forwarded-for' | 'forwarded'): string[] {
  const value = headers.get(header);
  if (!value) return [];
  if (header === 'x-forwarded-for') return value.split(',').map(hostOf).filter(Boolean);
  try {
    return parseForwarded(value)
      .map((element) => element.for)
      .filter((node): node is string => typeof node === 'string')
      .map(hostOf);
  } catch {
    return []; // malformed: the client is taken to be the proxy itself, which is still limited
  }
}

/** The limit key of an address: IPv4 as is (also when IPv4-mapped), IPv6 as its /64. */
export function limitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 100);
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes IPv4
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** The client's limit key for a request's headers. */
export function clientAddress(headers: HeaderSource): string {
  const peer = peerAddress(headers);
  if (!peer) return UNKNOWN_CLIENT;
  const c = config();
  if (!c.TRUSTED_PROXIES.length) return limitKey(peer);
  const trust = trusted(c.TRUSTED_PROXIES);
  const hops = [peer, ...forwardedHops(headers, c.TRUSTED_PROXY_HEADER).reverse()];
  let i = 0;
  while (i < hops.length - 1 && trust(hops[i]!, i)) i++;
  return limitKey(hops[i]!);
}
