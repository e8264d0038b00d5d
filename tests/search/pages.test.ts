// The search page, its feed, the OpenSearch description and id jumps on the real server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSqlite } from '@/lib/db';
import { startApp, type RunningApp } from '@/tests/helpers/app';

let app: RunningApp;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

test('/search shows counted, highlighted results with pagination in the URL', async () => {
  const res = await fetch(`${app.url}/search?q=diffusion&cat=cs&sort=newest`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(
    html,
    /data-testid="result-count"[^>]*>1,000\+ papers|data-testid="result-count"[^>]*>[\d,]+ papers/,
  );
  assert.match(html, /href="\/search\?q=diffusion&amp;cat=cs&amp;sort=newest&amp;page=2"/);
  assert.match(html, /rel="search"[^>]*opensearch/);
});

test('/api/search: every hit carries its own highlights (q=speculative decoding)', async () => {
  const body = (await (
    await fetch(`${app.url}/api/search?q=${encodeURIComponent('speculative decoding')}&limit=20`)
  ).json()) as {
    hits: { id: string; title: string; titleHighlight: string; abstractSnippet: string }[];
  };
  assert.ok(body.hits.length >= 10, `${body.hits.length} hits`);
  const db = openSqlite(app.databasePath);
  const abstractOf = db.prepare<[string], { abstract: string }>('SELECT abstract FROM Paper WHERE id = ?');
  const text = (html: string) =>
    html
      .replace(/<\/?mark>/g, '')
      .replace(
        /&(amp|lt|gt|quot|#39);/g,
        (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
      );
  try {
    for (const h of body.hits) {
      assert.equal(text(h.titleHighlight), h.title, h.id);
      assert.ok(
        abstractOf.get(h.id)!.abstract.includes(text(h.abstractSnippet).replace(/^…|…$/g, '')),
        `${h.id}: ${h.abstractSnippet}`,
      );
      assert.match(h.titleHighlight + h.abstractSnippet, /<mark>(speculative|decoding)<\/mark>/i, h.id);
    }
  } finally {
    db.close();
  }
});

test('/search?related=<id> lists related papers without the paper', async () => {
  const res = await fetch(`${app.url}/api/search?related=2605.00921`);
  const body = (await res.json()) as { relatedTo: { id: string }; hits: { id: string }[] };
  assert.equal(body.relatedTo.id, '2605.00921');
  assert.ok(body.hits.length > 0);
  assert.ok(body.hits.every((h) => h.id !== '2605.00921'));
  const page = await fetch(`${app.url}/search?related=2605.00921`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Related to/);
});

test('an arXiv id or URL in the box jumps to the paper', async () => {
  for (const q of ['2605.00921', 'https://arxiv.org/abs/2605.00921v2']) {
    const res = await fetch(`${app.url}/search?q=${encodeURIComponent(q)}`, { redirect: 'manual' });
    assert.equal(res.status, 307);
    assert.equal(new URL(res.headers.get('location')!, app.url).pathname, '/arxiv/2605.00921');
  }
});

test('hostile input on the page gives a page with a message, not an error', async () => {
  const res = await fetch(`${app.url}/search?q=${encodeURIComponent('(* "" -- ^ \u0000')}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Ignored \d parts of the query/);
  assert.match(html, /Nothing to search for/);
  // Operators are searched as words, never interpreted.
  const near = (await (
    await fetch(`${app.url}/api/search?q=${encodeURIComponent('NEAR(a b) OR *')}`)
  ).json()) as { hits: unknown[] };
  assert.ok(Array.isArray(near.hits));
});

test('/search/feed is an Atom feed of the search; /opensearch.xml describes the site', async () => {
  const feed = await fetch(`${app.url}/search/feed?q=diffusion`);
  assert.match(feed.headers.get('content-type')!, /atom\+xml/);
  const xml = await feed.text();
  assert.match(xml, /<feed[^>]*xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.equal((xml.match(/<entry>/g) ?? []).length, 20);
  const os = await (await fetch(`${app.url}/opensearch.xml`)).text();
  assert.match(os, /template="http[^"]*\/search\?q=\{searchTerms\}"/);
});
