// Whatever a user types into the address bar gets a page or a clear 4xx, never a 5xx.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp, type RunningApp } from '../helpers/app';

let app: RunningApp;
before(async () => {
  app = await startApp();
});
after(() => app.close());

test('malformed percent-encoding is a 400 with a plain explanation', async () => {
  for (const path of ['/arxiv/%E0%A4%A', '/arxiv/cs.CL%', '/summary/%ZZ', '/go/pdf/%E0', '/search/feed%']) {
    const res = await fetch(app.url + path);
    assert.equal(res.status, 400, path);
    assert.match(await res.text(), /malformed percent-encoding/);
  }
});

test('hostile paths and parameters never answer 5xx', async () => {
  const paths = [
    '/arxiv/..%2F..%2Fetc%2Fpasswd',
    '/arxiv/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/arxiv/cs.CL?date=%ZZ',
    '/arxiv/cs.CL?date=9999-99-99&skip=-5&show=1e9',
    '/arxiv/' + 'a'.repeat(5000),
    '/arxiv/cs.CL,,,+-',
    '/arxiv/2401.12345v999999999999',
    '/search?q=%',
    '/search?q=' + encodeURIComponent('"unbalanced (NEAR* title: \u0000'),
    '/api/search?q=' + 'x'.repeat(12000),
    '/summary/not-an-id',
    '/go/pdf/javascript:alert(1)',
  ];
  for (const path of paths) {
    const res = await fetch(app.url + path, { redirect: 'manual' });
    assert.ok(res.status < 500, `${path.slice(0, 80)} → ${res.status}`);
  }
});
