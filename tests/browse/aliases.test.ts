// arXiv's merged categories (cs.SY/eess.SY, math.IT/cs.IT, …) over HTTP: either spelling leads to
// one list at the canonical name, and unions, exclusions, archives, feeds, search filters and the
// home page all count a paper listed under one spelling as listed under both. The sample's daily
// dumps give one spelling (cs.IT, never math.IT); arXiv's all-archives feed gives both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { resetConfig } from '@/lib/config';
import { closeDb } from '@/lib/db';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { startApp, type RunningApp } from '../helpers/app';
import { SHARED } from '../helpers/db';
import { ALIAS_PAIRS, expectedList, wholeList } from './_pages';

let app: RunningApp;
let db: Database.Database;
before(async () => {
  app = await startApp();
  process.env.DATABASE_PATH = app.databasePath;
  resetConfig();
  const feed = await ingestFeedXml(
    readFileSync(path.join(SHARED, 'rss/aioarxiv_all-archives_2024-11-28.xml'), 'utf8'),
  );
  assert.equal(feed.status, 'ok');
  db = new Database(app.databasePath, { readonly: true });
});
after(async () => {
  db?.close();
  await closeDb();
  await app?.close();
});

const location = async (p: string) => {
  const res = await fetch(app.url + p, { redirect: 'manual' });
  return {
    status: res.status,
    to:
      res.headers.get('location') &&
      new URL(res.headers.get('location')!, app.url).href.slice(app.url.length),
  };
};

test('an alias spelling redirects to the canonical name; the day, the feed and the other terms are kept', async () => {
  for (const [canonical, alias] of ALIAS_PAIRS) {
    assert.deepEqual(await location(`/arxiv/${alias}?date=2024-11-28`), {
      status: 308,
      to: `/arxiv/${canonical}?date=2024-11-28`,
    });
    assert.deepEqual(await location(`/arxiv/${alias}/feed`), { status: 308, to: `/arxiv/${canonical}/feed` });
    assert.equal((await location(`/arxiv/${canonical}`)).status, 200, canonical);
  }
  assert.deepEqual(await location('/arxiv/cs.SY,cs.AI'), { status: 308, to: '/arxiv/eess.SY,cs.AI' });
  assert.deepEqual(await location('/arxiv/eess-cs.SY'), { status: 308, to: '/arxiv/eess-eess.SY' });
  assert.deepEqual(await location('/arxiv/stat.TH+math.IT'), { status: 308, to: '/arxiv/math.ST+cs.IT' });
});

test('either spelling shows one list, on every day, under the canonical heading', async () => {
  for (const [canonical, alias] of ALIAS_PAIRS) {
    for (const date of [undefined, '2024-11-28']) {
      const want = expectedList(db, [canonical], [], date);
      const q = date ? `?date=${date}` : '';
      const { papers, first } = await wholeList(app.url, `/arxiv/${alias}${q}`);
      assert.ok(want.papers.length > 0, `${canonical} ${want.date}`);
      assert.deepEqual(papers, want.papers, `${alias}${q}`);
      assert.match(
        first,
        new RegExp(`<h1[^>]*>${canonical.replace('.', '\\.')}: .*${want.date}`),
        'canonical heading',
      );
    }
  }
  // The dumps list information theory as cs.IT only: math.IT (an alias) now shows that newest day.
  assert.equal(expectedList(db, ['cs.IT'], []).date, '2026-05-29');
});

test('archives, unions and exclusions count both spellings', async () => {
  const cases: [string, string[], string[], string?][] = [
    ['/arxiv/math', ['math'], []], // the dumps' cs.IT papers are in math as math.IT
    ['/arxiv/cs?date=2024-11-28', ['cs'], [], '2024-11-28'],
    ['/arxiv/eess-cs.SY?date=2024-11-28', ['eess'], ['eess.SY'], '2024-11-28'],
    ['/arxiv/cs-math.IT?date=2024-11-28', ['cs'], ['cs.IT'], '2024-11-28'],
    ['/arxiv/cs.SY,math.NA', ['eess.SY', 'math.NA'], []],
  ];
  for (const [p, include, exclude, date] of cases) {
    const want = expectedList(db, include, exclude, date);
    assert.ok(want.papers.length > 0, p);
    assert.deepEqual((await wholeList(app.url, p)).papers, want.papers, p);
  }
  const math = expectedList(db, ['math'], []);
  assert.equal(math.date, '2026-05-29');
  // Nothing is in cs.SY and not in eess.SY: an empty list, answered like any spec without papers.
  assert.equal((await fetch(`${app.url}/arxiv/cs.SY-eess.SY`)).status, 404);
});

test('search cat: filters and feeds treat the spellings as one', async () => {
  const ids = async (qs: string) => {
    const r = (await (await fetch(`${app.url}/api/search?${qs}`)).json()) as {
      total: number;
      hits: { id: string }[];
    };
    return { total: r.total, ids: r.hits.map((h) => h.id) };
  };
  for (const [q, canonical, alias] of [
    ['control', 'eess.SY', 'cs.SY'],
    ['channel', 'cs.IT', 'math.IT'],
    ['numerical', 'math.NA', 'cs.NA'],
  ]) {
    const a = await ids(`q=${q}&cat=${alias}`);
    assert.ok(a.total > 0, `${q} in ${alias}`);
    assert.deepEqual(await ids(`q=${q}&cat=${canonical}`), a);
    assert.deepEqual(await ids(`q=${encodeURIComponent(`${q} cat:${alias}`)}`), a);
  }
  const viaAlias = await (await fetch(`${app.url}/arxiv/cs.SY/feed`)).text();
  assert.equal(viaAlias, await (await fetch(`${app.url}/arxiv/eess.SY/feed`)).text());
  assert.match(viaAlias, /<entry>/);
});

test('the home page names merged categories canonically, under every archive they belong to', async () => {
  const html = await (await fetch(`${app.url}/`)).text();
  for (const [, alias] of ALIAS_PAIRS)
    assert.ok(!html.includes(`href="/arxiv/${alias}"`), `no ${alias} link`);
  // The latest day's cs.IT papers are counted under cs and under math, at cs.IT.
  const csIt = expectedList(db, ['cs.IT'], [], '2026-05-29').papers.length;
  assert.equal(
    html.match(new RegExp(`href="/arxiv/cs\\.IT"[^>]*>.*?</a> <span[^>]*>${csIt}</span>`, 'g'))?.length,
    2,
  );
});
