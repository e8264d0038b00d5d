// 5,000+ hostile queries against /api/search on the real production server: never a 5xx.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp, type RunningApp } from '@/tests/helpers/app';

let app: RunningApp;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

// Deterministic generator (mulberry32) so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(a b, 3)',
  'near/2',
  '*',
  'mod*',
  '^title',
  'title:',
  'abstract:x',
  '{title authors}: x',
  '-',
  '--',
  '-"',
  '"',
  '""',
  '"unbalanced',
  '(',
  ')',
  '((a)',
  'a)',
  ':',
  ';',
  "'",
  '\\',
  '%',
  '_',
  '%_%',
  '[',
  ']',
  '{',
  '}',
  '+',
  '~',
  '|',
  '&',
  '$x$',
  'au:',
  'au:"',
  'cat:',
  'cat:cs.CL',
  'cat:../../etc',
  'ti:"a',
  'abs:-',
  'rank',
  'bm25()',
  'MATCH',
  "'; DROP TABLE Paper; --",
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍🔬',
  '中文',
  '日本語',
  'ﬁ',
  'Å',
  'é',
  'e\u0301',
  'transformer',
  'language',
  'model',
  'diffusion',
  'graph',
  '2605.00921',
  'arXiv:2605.00921v2',
  'https://arxiv.org/abs/2605.00921',
  'hep-th/9901001',
  '9999.99999',
  '<script>alert(1)</script>',
  '&amp;',
  '%00',
  '%ZZ',
];

function hostileQuery(r: () => number): string {
  const kind = r();
  if (kind < 0.05) return 'x'.repeat(10_000 + Math.floor(r() * 2000));
  if (kind < 0.1) return Array.from({ length: 200 }, () => PIECES[Math.floor(r() * PIECES.length)]).join(' ');
  if (kind < 0.15) return String.fromCharCode(...Array.from({ length: 30 }, () => Math.floor(r() * 0xffff)));
  const n = 1 + Math.floor(r() * 6);
  return Array.from({ length: n }, () => PIECES[Math.floor(r() * PIECES.length)]).join(r() < 0.5 ? ' ' : '');
}

const OTHER = [
  'sort=newest',
  'sort=popularity',
  'sort=bogus',
  'page=0',
  'page=-1',
  'page=999999',
  'page=abc',
  'limit=1000',
  'from=2026-99-99',
  'from=2026-05-01&to=2026-05-10',
  'date=submitted&from=2020-01-01',
  'cat=cs',
  'cat=cs.CL,cs.LG',
  'cat=%27',
  'related=2605.00921',
  'related=%22',
  'related=' + 'x'.repeat(300),
];

test('5,000 hostile queries: zero 5xx, every answer JSON', async () => {
  const r = rng(20261123);
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const N = 5000;
  let next = 0;
  const worker = async () => {
    while (next < N) {
      next++;
      const q = hostileQuery(r);
      const extra = r() < 0.3 ? '&' + OTHER[Math.floor(r() * OTHER.length)] : '';
      // Lone surrogates cannot be percent-encoded as UTF-8: send them as invalid byte sequences.
      const encoded = encodeURIComponent(q.replace(/\p{Cs}/gu, '\ufffd')).replaceAll(
        '%EF%BF%BD',
        '%ED%A0%80',
      );
      const url = `${app.url}/api/search?q=${encoded}${extra}`;
      const res = await fetch(url);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500 && failures.length < 10) failures.push(`${res.status} ${url.slice(0, 300)}`);
      else if (res.status === 200) assert.ok(Array.isArray(JSON.parse(text).hits), url);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  assert.deepEqual(failures, []);
  assert.equal(statuses.get(200), N, JSON.stringify([...statuses]));
});
