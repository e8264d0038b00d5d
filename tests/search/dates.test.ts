// Newest-first sorting, date filters and search feeds use the best date known for every paper,
// on the seeded sample (daily dumps without submission dates, Kaggle papers without listings).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { GET as searchFeed } from '@/app/search/feed/route';
import { addDays, listingDay, previousWeekday, weekday } from '@/lib/arxiv/calendar';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { PaperStore } from '@/lib/ingest/store';
import { runSearch } from '@/lib/search/service';
import { seedDatabase, startApp } from '../helpers/app';

before(async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dates-')), 'seed.db');
  await seedDatabase(file, true);
  process.env.DATABASE_PATH = file;
  resetConfig();
});
after(closeDb);

/** The best known days of a paper, written independently of lib/papers/dates.ts. */
function best(
  id: string,
  db: Database.Database = sqlite(),
): { submitted: string | null; announced: string | null } {
  const p = db.prepare('SELECT submittedAt, announcedOn FROM Paper WHERE id = ?').get(id) as {
    submittedAt: string | null;
    announcedOn: string | null;
  };
  const day = p.submittedAt?.slice(0, 10) ?? null;
  let next = day && addDays(day, 1);
  while (next && listingDay(next) !== next) next = addDays(next, 1);
  return {
    submitted: day ?? (p.announcedOn && previousWeekday(p.announcedOn)),
    announced: p.announcedOn ?? next,
  };
}

const matching = (q: string) =>
  (
    sqlite()
      .prepare(
        'SELECT p.id FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH ?',
      )
      .all(q) as { id: string }[]
  ).map((r) => r.id);

test('sort=newest: the newest papers first, by the best submission day known', async () => {
  const r = await runSearch({ q: 'diffusion transformer', sort: 'newest' });
  assert.ok(r.total > 20);
  const days = r.hits.map((h) => best(h.id).submitted!);
  assert.match(days[0]!, /^2026-05-/, 'a May 2026 paper first');
  assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
  // The first page holds exactly the newest days of every match.
  const all = matching('"diffusion" AND "transformer"')
    .map((id) => best(id).submitted ?? '')
    .sort()
    .reverse();
  assert.deepEqual(days, all.slice(0, days.length));
});

test('a paper announced today ranks above one submitted in 2010', async () => {
  const today = listingDay(new Date().toISOString().slice(0, 10));
  const feed = `<?xml version="1.0"?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
<title>cs.CV updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs.CV</link><pubDate>${new Date(`${today}T12:00:00Z`).toUTCString()}</pubDate>
<item><title>Zebra diffusion transformer</title><link>https://arxiv.org/abs/${today.slice(2, 4)}${today.slice(5, 7)}.99901</link>
<description>arXiv:${today.slice(2, 4)}${today.slice(5, 7)}.99901v1 Announce Type: new
Abstract: A zebra diffusion transformer announced today.</description>
<guid isPermaLink="false">oai:arXiv.org:${today.slice(2, 4)}${today.slice(5, 7)}.99901v1</guid><category>cs.CV</category>
<arxiv:announce_type>new</arxiv:announce_type><dc:creator>Ada Lovelace</dc:creator></item>
</channel></rss>`;
  assert.equal((await ingestFeedXml(feed)).inserted, 1);
  new PaperStore(sqlite()).write([
    {
      id: '1001.99901',
      title: 'Zebra diffusion transformer of 2010',
      abstract: 'A zebra diffusion transformer from 2010.',
      authors: ['B'],
      categories: ['cs.CV'],
      submittedAt: new Date('2010-01-15T10:00:00Z'),
      version: 1,
    },
  ]);
  const r = await runSearch({ q: 'zebra diffusion transformer', sort: 'newest' });
  assert.deepEqual(
    r.hits.map((h) => h.id),
    [`${today.slice(2, 4)}${today.slice(5, 7)}.99901`, '1001.99901'],
  );
  assert.equal(r.hits[0]!.announced, today);
  assert.equal(r.hits[0]!.submitted, null, 'hits show only dates a source gave');
});

test('date=submitted&from=… finds papers by the best submission day; a looked-up date replaces the estimate', async () => {
  const r = await runSearch({ q: 'learning', date: 'submitted', from: '2026-05-20', limit: '100' });
  assert.ok(r.total > 100, `${r.total} papers`);
  for (const h of r.hits) assert.ok(best(h.id).submitted! >= '2026-05-20', h.id);
  const id = r.hits.find((h) => !h.submitted)!.id;
  const p = sqlite().prepare('SELECT * FROM Paper WHERE id = ?').get(id) as {
    title: string;
    abstract: string;
    authors: string;
    categories: string;
  };
  // What the worker's backfill writes: arXiv's v1 date, here one before the range.
  new PaperStore(sqlite()).write([
    {
      id,
      title: p.title,
      abstract: p.abstract,
      authors: JSON.parse(p.authors),
      categories: p.categories.split(' '),
      submittedAt: new Date('2026-05-10T09:00:00Z'),
    },
  ]);
  const again = await runSearch({ q: 'learning', date: 'submitted', from: '2026-05-20', limit: '100' });
  assert.equal(again.total, Math.min(r.total - 1, 1000));
  const before = await runSearch({
    q: 'learning',
    date: 'submitted',
    from: '2026-05-10',
    to: '2026-05-10',
    limit: '100',
  });
  assert.ok(before.hits.some((h) => h.id === id && h.submitted === '2026-05-10'));
});

test('date=announced ranges take the first announcement day, or the weekday after submission', async () => {
  const friday = await runSearch({ q: 'learning', from: '2026-05-29', to: '2026-05-29', limit: '100' });
  assert.ok(friday.total > 20);
  for (const h of friday.hits) assert.equal(best(h.id).announced, '2026-05-29', h.id);
  const listedThen = sqlite()
    .prepare(
      "SELECT count(*) AS n FROM Paper WHERE announcedOn = '2026-05-29' AND rowid IN (SELECT rowid FROM fts_papers WHERE fts_papers MATCH 'learning')",
    )
    .get() as { n: number };
  assert.equal(friday.total, listedThen.n);
  // Kaggle papers have no listings: their v1 date stands in.
  const kaggle = await runSearch({ q: 'diphoton', from: '2007-04-01', to: '2007-04-30' });
  assert.ok(kaggle.hits.some((h) => h.id === '0704.0001'));
  assert.equal(weekday(best('0704.0001').announced!), 2, 'submitted Monday 2007-04-02, announced Tuesday');
});

test('the search feed lists the newest papers, each dated', async () => {
  const res = await searchFeed(new Request('http://localhost/search/feed?q=diffusion+transformer'));
  const feed = new XMLParser({ ignoreAttributes: false }).parse(await res.text()).feed as {
    updated: string;
    entry: { id: string; updated: string }[];
  };
  const ids = feed.entry.map((e) => e.id.replace('https://arxiv.org/abs/', ''));
  const newest = (await runSearch({ q: 'diffusion transformer', sort: 'newest' })).hits.map((h) => h.id);
  assert.deepEqual(ids, newest);
  for (const e of feed.entry) assert.match(e.updated, /^20\d\d-/, `${e.id} is dated`);
  assert.ok(
    feed.entry.every((e) => e.updated >= '2026-05-01'),
    'all from May 2026 or later',
  );
  assert.equal(
    feed.updated,
    feed.entry
      .map((e) => e.updated)
      .sort()
      .at(-1),
  );
});

test('over HTTP on the seeded sample: the acceptance queries', async () => {
  const app = await startApp();
  try {
    const page = await (await fetch(`${app.url}/search?q=diffusion+transformer&sort=newest`)).text();
    const first = /data-paper-id="([^"]+)"/.exec(page)![1]!;
    const db = new Database(app.databasePath, { readonly: true });
    assert.match(best(first, db).submitted!, /^2026-05-/, `${first} is from May 2026`);
    db.close();
    const feed = await (await fetch(`${app.url}/search/feed?q=diffusion+transformer`)).text();
    assert.match(/<entry>.*?<updated>([^<]+)<\/updated>/s.exec(feed)![1]!, /^2026-05-/);
    const found = (await (
      await fetch(`${app.url}/api/search?q=learning&date=submitted&from=2026-05-20`)
    ).json()) as { total: number };
    assert.ok(found.total > 0, `${found.total} papers submitted from 2026-05-20`);
  } finally {
    await app.close();
  }
});
