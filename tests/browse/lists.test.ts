// Daily lists against a direct database query: ids, order, sections, no duplicates.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { startApp, type RunningApp } from '../helpers/app';
import { expectedList, SECTION, wholeList } from './_pages';

let app: RunningApp;
let db: Database.Database;
before(async () => {
  app = await startApp();
  db = new Database(app.databasePath, { readonly: true });
});
after(async () => {
  db?.close();
  await app?.close();
});

const TITLES: Record<string, string> = {
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
};
const expected = (include: string[], exclude: string[], date?: string) =>
  expectedList(db, include, exclude, date);

const cases: { path: string; include: string[]; exclude: string[]; date?: string }[] = [
  { path: '/arxiv/cs.CL', include: ['cs.CL'], exclude: [] },
  { path: '/arxiv/cs', include: ['cs'], exclude: [] },
  { path: '/arxiv/cs.AI,cs.CL', include: ['cs.AI', 'cs.CL'], exclude: [] },
  { path: '/arxiv/cs.AI+cs.LG-cs.CY', include: ['cs.AI', 'cs.LG'], exclude: ['cs.CY'] },
  { path: '/arxiv/cs.CL?date=2026-05-12', include: ['cs.CL'], exclude: [], date: '2026-05-12' },
  { path: '/arxiv/cs?date=2026-05-12', include: ['cs'], exclude: [], date: '2026-05-12' },
  {
    path: '/arxiv/cs.LG,cs.CV-cs.AI?date=2026-05-19',
    include: ['cs.LG', 'cs.CV'],
    exclude: ['cs.AI'],
    date: '2026-05-19',
  },
];

for (const c of cases) {
  test(`${c.path} lists what the database says, in order, once each`, async () => {
    const want = expected(c.include, c.exclude, c.date);
    assert.ok(want.papers.length > 20, `${c.path}: a meaningful day (${want.papers.length} papers)`);
    const { papers, first } = await wholeList(app.url, c.path);
    assert.equal(new Set(papers.map((p) => p.id)).size, papers.length, 'no duplicates');
    assert.deepEqual(papers, want.papers);
    assert.match(first, new RegExp(`<h1[^>]*>.*${want.date}`), 'the heading names the day');
    for (const s of SECTION) {
      const n = want.papers.filter((p) => p.section === s).length;
      // A link to the section (in the page, or the chunk where it starts), or plain text when it is empty.
      const link = new RegExp(
        `<a href="[^"]*#section-${s}" class="mr-3 underline" data-section-link="" data-first="\\d+" data-count="${n}">`,
      );
      assert.ok(
        n ? link.test(first) : first.includes(`<span class="mr-3 text-zinc-500">${TITLES[s]} (0)</span>`),
        `${s} count ${n} in the header`,
      );
    }
  });
}

test('exclusion drops every paper carrying the excluded category, and it drops some', () => {
  const withCy = expected(['cs.AI', 'cs.LG'], []).papers;
  const without = new Set(expected(['cs.AI', 'cs.LG'], ['cs.CY']).papers.map((p) => p.id));
  const categories = db.prepare('SELECT categories FROM Paper WHERE id = ?');
  const dropped = withCy.filter((p) => !without.has(p.id));
  assert.ok(dropped.length > 0);
  for (const p of dropped)
    assert.match((categories.get(p.id) as { categories: string }).categories, /\bcs\.CY\b/);
});

test('a union lists a paper of both categories once, in its best section', async () => {
  const { papers } = await wholeList(app.url, '/arxiv/cs.AI,cs.CL');
  const both = db
    .prepare(
      `SELECT paperId FROM Listing WHERE date = (SELECT MAX(date) FROM Listing WHERE category = 'cs.CL')
       AND category IN ('cs.AI','cs.CL') GROUP BY paperId HAVING COUNT(*) = 2 AND MIN(type) <> MAX(type)`,
    )
    .all() as { paperId: string }[];
  assert.ok(both.length > 0, 'the data has papers new in one and cross-listed in the other');
  for (const { paperId } of both)
    assert.deepEqual(
      papers.filter((p) => p.id === paperId).map((p) => p.section),
      ['new'],
    );
});

test('the first response holds the first 25 papers; prev/next link the neighbouring days', async () => {
  const html = await (await fetch(`${app.url}/arxiv/cs.CL?date=2026-05-12`)).text();
  assert.equal(html.match(/<article /g)?.length, 25);
  assert.match(
    html,
    /href="\/arxiv\/cs\.CL\?date=2026-05-11"[^>]*rel="prev"|rel="prev"[^>]*href="\/arxiv\/cs\.CL\?date=2026-05-11"/,
  );
  assert.match(
    html,
    /href="\/arxiv\/cs\.CL\?date=2026-05-13"[^>]*rel="next"|rel="next"[^>]*href="\/arxiv\/cs\.CL\?date=2026-05-13"/,
  );
});

test('bad input never errors: junk dates, skips and specs', async () => {
  for (const path of [
    '/arxiv/cs?date=garbage&skip=-1&show=abc',
    '/arxiv/cs.CL?date=1999-01-01',
    '/arxiv/cs.CL?skip=99999',
  ]) {
    assert.equal((await fetch(app.url + path)).status, 200, path);
  }
  for (const path of ['/arxiv/%3Cscript%3E', '/arxiv/zz.ZZ', '/arxiv/cs.AI,,']) {
    assert.equal((await fetch(app.url + path)).status, 404, path);
  }
});
