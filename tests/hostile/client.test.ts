// Who a request comes from, for limits (lib/clientAddress.ts over lib/frontDoor.ts), through a
// real HTTP server on loopback with the front door installed as instrumentation.ts installs it:
// the socket's peer unless the operator trusts it as a proxy, then the usual right-to-left walk
// of the forwarded header that proxy maintains. Clients rotating headers stay one client.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientAddress, limitKey, UNKNOWN_CLIENT } from '@/lib/clientAddress';
import { resetConfig } from '@/lib/config';
import { installFrontDoor, PEER_HEADER, requestMethod } from '@/lib/frontDoor';
import { startServer, type TestServer } from '../helpers/http';

let server: TestServer;

before(async () => {
  await installFrontDoor();
  server = await startServer((req, res) => {
    const headers = new Headers(req.headers as Record<string, string>);
    res.end(
      JSON.stringify({
        client: clientAddress(headers),
        method: requestMethod({ method: req.method!, headers }),
      }),
    );
  });
});
after(async () => {
  await server.close();
  delete process.env.TRUSTED_PROXIES;
  delete process.env.TRUSTED_PROXY_HEADER;
  resetConfig();
});

function trust(proxies: string | undefined, header?: 'x-forwarded-for' | 'forwarded'): void {
  if (proxies === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = proxies;
  if (header) process.env.TRUSTED_PROXY_HEADER = header;
  else delete process.env.TRUSTED_PROXY_HEADER;
  resetConfig();
}

async function ask(
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ client: string; method: string }> {
  return (await fetch(server.url, { method, headers })).json() as Promise<{ client: string; method: string }>;
}

test('by default the socket’s peer is the client: forwarded headers and forged stamps are ignored', async () => {
  trust(undefined);
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const rotating = `198.51.${i}.${i + 1}`;
    const { client } = await ask({
      'x-forwarded-for': rotating,
      forwarded: `for=${rotating}`,
      'x-real-ip': rotating,
      [PEER_HEADER]: `${crypto.randomUUID()} ${rotating}`,
    });
    seen.add(client);
  }
  assert.deepEqual([...seen], ['127.0.0.1']);
});

test('from a trusted proxy: the rightmost untrusted X-Forwarded-For hop, whatever the client wrote to its left', async () => {
  trust('loopback, 10.0.0.0/8');
  assert.equal((await ask({ 'x-forwarded-for': '203.0.113.7' })).client, '203.0.113.7');
  // The proxy appends the address it saw; the client's own header comes first.
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++)
    seen.add((await ask({ 'x-forwarded-for': `6.6.${i}.6, 203.0.113.7` })).client);
  assert.deepEqual([...seen], ['203.0.113.7']);
  // Trusted hops are skipped; ports and brackets are not part of the address.
  assert.equal(
    (await ask({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7:5123, 10.1.2.3' })).client,
    '203.0.113.7',
  );
  // Only trusted hops: the leftmost is the client. No header: the proxy itself.
  assert.equal((await ask({ 'x-forwarded-for': '10.9.9.9, 10.1.2.3' })).client, '10.9.9.9');
  assert.equal((await ask()).client, '127.0.0.1');
  // The header the proxies do not maintain is not read.
  assert.equal((await ask({ forwarded: 'for=192.0.2.99' })).client, '127.0.0.1');
});

test('RFC 7239 Forwarded when the proxies maintain that header instead', async () => {
  trust('127.0.0.1', 'forwarded');
  assert.equal(
    (await ask({ forwarded: 'for=6.6.6.6, for=198.51.100.17;proto=https;by=203.0.113.43' })).client,
    '198.51.100.17',
  );
  assert.equal((await ask({ forwarded: 'for="[2001:db8:cafe::17]:4711"' })).client, '2001:db8:cafe:0::/64');
  assert.equal(
    (await ask({ 'x-forwarded-for': '192.0.2.99' })).client,
    '127.0.0.1',
    'X-Forwarded-For is not read',
  );
  assert.equal((await ask({ forwarded: 'for=unknown' })).client, 'unknown');
  assert.equal(
    (await ask({ forwarded: 'garbage;;==' })).client,
    '127.0.0.1',
    'unreadable: the proxy itself, still limited',
  );
});

test('limit keys: IPv6 per /64, IPv4-mapped addresses as IPv4', () => {
  assert.equal(limitKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(limitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(limitKey('::ffff:192.0.2.5'), '192.0.2.5');
  assert.equal(limitKey('192.0.2.5'), '192.0.2.5');
});

test('a request the front door did not stamp is one shared unknown client', () => {
  trust(undefined);
  assert.equal(clientAddress(new Headers({ [PEER_HEADER]: 'not-the-token 192.0.2.5' })), UNKNOWN_CLIENT);
  assert.equal(clientAddress(new Headers()), UNKNOWN_CLIENT);
});

test('TRACE reaches the application relabelled, with its real method known', async () => {
  // fetch() refuses to send TRACE, like the web Request API Next builds on; node:http sends it.
  const http = await import('node:http');
  const body = await new Promise<string>((resolve, reject) => {
    http
      .request(server.url, { method: 'TRACE' }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(text));
      })
      .on('error', reject)
      .end();
  });
  assert.deepEqual(JSON.parse(body), { client: '127.0.0.1', method: 'TRACE' });
  assert.equal((await ask({}, 'PROPFIND')).method, 'PROPFIND');
});

test('an invalid TRUSTED_PROXIES is a configuration error naming the variable', async () => {
  trust('10.0.0.0/99');
  const { config } = await import('@/lib/config');
  assert.throws(() => config(), /TRUSTED_PROXIES: invalid range on address: 10\.0\.0\.0\/99/);
  trust(undefined);
});
