// Paper pages (every id form, citation/Open Graph meta, 404), PDF click counting, Atom feeds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { plainText } from '@/lib/render';
import { startApp, type RunningApp } from '../helpers/app';
import { papersIn } from './_pages';

let app: RunningApp;
let db: Database.Database;
before(async () => {
  app = await startApp();
  db = new Database(app.databasePath);
  // The shared data has no old-style ids; add one so /arxiv/hep-th/9901001 is exercised.
  db.prepare(
    `INSERT INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, contentHash, submittedAt)
     VALUES ('hep-th/9901001', 2, 'Old style & <ids>', 'An abstract with $x^2$.', '["A. Author","B. Author"]', 'hep-th', 'hep-th gr-qc', 'test', '1999-01-04T00:00:00.000+00:00')`,
  ).run();
});
after(async () => {
  db?.close();
  await app?.close();
});

const get = async (path: string) => {
  const res = await fetch(app.url + path, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
};
const meta = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);

test('a paper page has every field, its listings, and citation_* / Open Graph meta', async () => {
  const row = db
    .prepare(
      `SELECT p.id, p.title, p.authors FROM Paper p JOIN Listing l ON l.paperId = p.id WHERE l.type = 'cross' LIMIT 1`,
    )
    .get() as { id: string; title: string; authors: string };
  const { status, body } = await get(`/arxiv/${row.id}`);
  assert.equal(status, 200);
  assert.deepEqual(
    papersIn(body).map((p) => p.id),
    [row.id],
  );
  const authors = JSON.parse(row.authors) as string[];
  assert.deepEqual(meta(body, 'citation_author').length, authors.length);
  assert.equal(meta(body, 'citation_arxiv_id')[0], row.id);
  assert.equal(meta(body, 'citation_pdf_url')[0], `https://arxiv.org/pdf/${row.id}`);
  assert.match(meta(body, 'citation_date')[0] ?? '', /^\d{4}\/\d{2}\/\d{2}$/);
  assert.ok(meta(body, 'citation_title')[0]);
  assert.equal(meta(body, 'og:type')[0], 'article');
  assert.ok(meta(body, 'og:title')[0]);
  const listings = db.prepare('SELECT category, date FROM Listing WHERE paperId = ?').all(row.id) as {
    category: string;
    date: string;
  }[];
  for (const l of listings)
    assert.ok(
      body.includes(`${l.category}<!-- --> on <!-- -->${l.date}`),
      `listed in ${l.category} on ${l.date}`,
    );
  assert.match(body, /RELATED PAPERS|class="paper/);
});

test('version suffixes, several ids and old-style ids resolve', async () => {
  const ids = (
    db.prepare('SELECT id FROM Paper WHERE id NOT LIKE ? ORDER BY id LIMIT 3').all('%/%') as { id: string }[]
  ).map((r) => r.id);
  assert.deepEqual(
    papersIn((await get(`/arxiv/${ids[0]}v3`)).body).map((p) => p.id),
    [ids[0]],
  );
  const several = await get(`/arxiv/${ids[2]},${ids[0]},${ids[1]}`);
  assert.deepEqual(
    papersIn(several.body).map((p) => p.id),
    [ids[2], ids[0], ids[1]],
    'in the order asked',
  );
  const old = await get('/arxiv/hep-th/9901001');
  assert.equal(old.status, 200);
  assert.match(old.body, /Old style &amp; &lt;ids&gt;/, 'text is escaped');
  assert.equal((await get('/arxiv/hep-th%2F9901001v2')).status, 200);
});

// The 404 page is in the first response, so it works without JavaScript: proxy.ts sends these
// addresses to one no route matches (app/arxiv/resolve.ts); notFound() in a dynamic page would
// send an empty body for the client to fill (vercel/next.js#62228).
test('unknown ids and specs answer 404 with the page in the HTML, offering to fetch ids', async () => {
  const form = (body: string) =>
    /<form action="\/arxiv\/fetch" method="post"><input type="hidden" name="ids" value="([^"]*)"/.exec(
      body,
    )?.[1];
  const cases: [string, string | undefined][] = [
    ['/arxiv/2601.99999', '2601.99999'],
    ['/arxiv/2601.99999v2,2601.99998', '2601.99999,2601.99998'],
    ['/arxiv/hep-th/9912999', 'hep-th/9912999'],
    ['/arxiv/not-a-thing!', undefined],
    ['/arxiv/cs.XX', undefined],
    ['/no/such/page', undefined],
  ];
  for (const [path, ids] of cases) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.match(res.body, /<h1[^>]*>Not found<\/h1>/, path);
    assert.equal(form(res.body), ids, path); // not a cached copy of an earlier 404
  }
  assert.match(
    (await get('/arxiv/not-a-thing!')).body,
    /not-a-thing!<\/span> is neither an arXiv id nor a category/,
  );
  // Known papers, lists and routes under /arxiv/ are untouched.
  const id = (db.prepare('SELECT id FROM Paper LIMIT 1').get() as { id: string }).id;
  assert.equal((await get(`/arxiv/${id},2601.99999`)).status, 200);
  assert.equal((await get('/arxiv/cs.CL')).status, 200);
  assert.equal((await get('/arxiv/fetch')).status, 405);
});

test('"Fetch from arXiv" rejects bad input without erroring', async () => {
  const res = await fetch(`${app.url}/arxiv/fetch`, {
    method: 'POST',
    body: new URLSearchParams({ ids: 'nonsense' }),
  });
  assert.equal(res.status, 400);
});

test('PDF links count the click and redirect to arXiv', async () => {
  const id = (db.prepare('SELECT id FROM Paper LIMIT 1').get() as { id: string }).id;
  for (let i = 0; i < 2; i++) {
    const res = await get(`/go/pdf/${id}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `https://arxiv.org/pdf/${id}`);
  }
  // Clicks are written in batches, once a second (lib/papers/clicks.ts).
  const clicks = () =>
    (db.prepare('SELECT pdf FROM PaperClicks WHERE paperId = ?').get(id) as { pdf: number } | undefined)
      ?.pdf ?? 0;
  for (let i = 0; i < 50 && clicks() < 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(clicks(), 2);
  assert.equal(
    (await get('/go/pdf/hep-th/9901001v2')).headers.get('location'),
    'https://arxiv.org/pdf/hep-th/9901001v2',
  );
  assert.equal((await get('/go/pdf/nonsense')).status, 404);
  assert.match((await get(`/arxiv/${id}`)).body, />PDF \(2\)</);
});

test('the Atom feed parses back with the latest day: ids, titles, links, dates', async () => {
  const res = await fetch(`${app.url}/arxiv/cs.CL/feed`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  const xml = await res.text();
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
  }).parse(xml);
  const feed = parsed.feed;
  assert.equal(feed.xmlns, 'http://www.w3.org/2005/Atom');
  const latest = (
    db.prepare(`SELECT MAX(date) AS d FROM Listing WHERE category = 'cs.CL'`).get() as { d: string }
  ).d;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  assert.match(feed.updated, rfc3339);
  assert.ok(feed.updated.startsWith(latest));
  assert.ok(feed.id.endsWith('/arxiv/cs.CL/feed'));
  assert.ok(String(feed.title).length > 0);
  assert.ok(
    feed.link.some(
      (l: { rel: string; href: string }) => l.rel === 'self' && l.href.endsWith('/arxiv/cs.CL/feed'),
    ),
  );
  assert.ok(
    feed.link.some(
      (l: { rel: string; href: string }) =>
        l.rel === 'alternate' && l.href.includes(`/arxiv/cs.CL?date=${latest}`),
    ),
  );

  const want = db
    .prepare(`SELECT DISTINCT paperId FROM Listing WHERE category = 'cs.CL' AND date = ?`)
    .all(latest) as { paperId: string }[];
  assert.equal(feed.entry.length, want.length);
  const ids = new Set(feed.entry.map((e: { id: string }) => e.id));
  assert.equal(ids.size, want.length, 'entry ids are unique');
  const titleOf = db.prepare('SELECT title FROM Paper WHERE id = ?');
  for (const e of feed.entry) {
    const id = e.id.replace('https://arxiv.org/abs/', '');
    assert.ok(
      want.some((w) => w.paperId === id),
      `${id} was listed`,
    );
    // Feeds cannot typeset: the title's plain-text form ("Adopt $\\neq$ Adapt" → "Adopt ≠ Adapt").
    assert.equal(e.title['#text'], plainText((titleOf.get(id) as { title: string }).title));
    assert.match(e.updated, rfc3339);
    assert.ok(e.author.length > 0 && e.author.every((a: { name: string }) => a.name));
    assert.ok(
      e.link.some(
        (l: { rel: string; href: string }) =>
          l.rel === 'alternate' && l.href === `https://arxiv.org/abs/${id}`,
      ),
    );
    assert.ok(String(e.summary['#text']).length > 20);
  }
  assert.equal((await fetch(`${app.url}/arxiv/2601.00001/feed`)).status, 404);
});
