// Announcement days follow arXiv's calendar: a weekend dump or feed is Friday's list, a list that
// repeats the previous announcement day adds no day, and databases filled before these rules are
// repaired by their migration to exactly what an import writes now.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type Database from 'better-sqlite3';
import { listingDay, weekday } from '@/lib/arxiv/calendar';
import { dailyDumpDate, parseDailyLine } from '@/lib/arxiv/parse/jsonl';
import { closeDb, openSqlite, sqlite } from '@/lib/db';
import { listMigrations, migrate, MIGRATIONS_DIR } from '@/lib/db/migrate';
import { importPath } from '@/lib/ingest/files';
import { REPEAT_SHARE } from '@/lib/ingest/days';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { dayList } from '@/lib/papers/day';
import { homeSummary } from '@/lib/papers/home';
import { freshDb, SHARED } from '../helpers/db';

const DAILY = path.join(SHARED, 'metadata/daily');
const FILES = readdirSync(DAILY)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const idsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'days-'));

let db: Database.Database;
before(async () => {
  ({ db } = await freshDb());
  await importPath(DAILY);
});
after(closeDb);

const listedDays = (d = db) =>
  (d.prepare('SELECT DISTINCT date FROM Listing ORDER BY date').all() as { date: string }[]).map(
    (r) => r.date,
  );
const listing = (d: Database.Database) =>
  d
    .prepare('SELECT paperId, category, date, type, position FROM Listing ORDER BY paperId, category, date')
    .all();

test('one day per weekday dump, none on a weekend: a weekend dump adds its papers to Friday', () => {
  const expected = new Map<string, Set<string>>();
  for (const f of FILES) {
    const day = listingDay(dailyDumpDate(f)!);
    for (const id of idsOf(path.join(DAILY, f)))
      (expected.get(day) ?? expected.set(day, new Set()).get(day)!).add(id);
  }
  assert.deepEqual(listedDays(), [...expected.keys()].sort());
  for (const day of listedDays()) {
    assert.ok(weekday(day) >= 1 && weekday(day) <= 5, `${day} is a weekday`);
    const ids = (
      db.prepare('SELECT DISTINCT paperId FROM Listing WHERE date = ?').all(day) as { paperId: string }[]
    ).map((r) => r.paperId);
    assert.deepEqual(new Set(ids), expected.get(day), day);
  }
  // 05-30 and 05-31 copy 05-29; the 05-16 dump holds all of Friday 05-15's list, 89 more than 05-15's own.
  assert.ok(!listedDays().includes('2026-05-30') && !listedDays().includes('2026-05-31'));
  assert.equal(
    (
      db.prepare("SELECT count(DISTINCT paperId) AS n FROM Listing WHERE date = '2026-05-15'").get() as {
        n: number;
      }
    ).n,
    340,
  );
});

test('no day repeats the list of the day before it', () => {
  const days = listedDays();
  const announced = db.prepare(
    "SELECT DISTINCT paperId FROM Listing WHERE date = ? AND type IN ('new', 'cross')",
  );
  const onDay = db.prepare('SELECT 1 FROM Listing WHERE paperId = ? AND date = ? LIMIT 1');
  for (let i = 1; i < days.length; i++) {
    const ids = (announced.all(days[i]) as { paperId: string }[]).map((r) => r.paperId);
    const repeated = ids.filter((id) => onDay.get(id, days[i - 1])).length;
    assert.ok(
      repeated < ids.length * REPEAT_SHARE,
      `${days[i]} shares ${repeated} of ${ids.length} papers with ${days[i - 1]}`,
    );
  }
});

test('the home page and the lists open on the latest announcement day, a Friday', async () => {
  const home = await homeSummary();
  assert.equal(home.latestDay, '2026-05-29');
  assert.ok(
    home.recentDays.every((d) => weekday(d.date) >= 1 && weekday(d.date) <= 5),
    JSON.stringify(home.recentDays),
  );
  assert.equal(dayList({ include: ['cs'], exclude: [] }).date, '2026-05-29');
  assert.equal(dayList({ include: ['cs'], exclude: [] }, '2026-05-29').next, null);
});

test('a database filled before the calendar rules is repaired by its migration to what an import writes', async () => {
  // The migrations before this work, in a folder of their own.
  const older = tmp();
  for (const m of listMigrations().filter((m) => m.name < '20261205020000')) {
    mkdirSync(path.join(older, m.name));
    symlinkSync(
      path.join(MIGRATIONS_DIR, m.name, 'migration.sql'),
      path.join(older, m.name, 'migration.sql'),
    );
  }
  const old = openSqlite(path.join(tmp(), 'old.db'));
  migrate(old, older);
  // What the earlier code stored: every dump's own date, its first category new and the rest cross.
  const paper = old.prepare(
    `INSERT OR IGNORE INTO Paper (id, title, abstract, authors, primaryCategory, categories, contentHash) VALUES (?, ?, ?, '[]', ?, ?, '')`,
  );
  const insert = old.prepare(
    'INSERT OR IGNORE INTO Listing (paperId, category, archive, date, type, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const oldType = { new: 'new', cross: 'cross', replace: 'new', 'replace-cross': 'cross' } as const;
  const files = [
    ...FILES.map((f) => [f, f] as const),
    ['2026-05-29.jsonl', '2026-06-01.jsonl'] as const,
    ['2026-05-29.jsonl', '2026-06-02.jsonl'] as const,
  ];
  old.transaction(() => {
    for (const [source, named] of files) {
      const date = dailyDumpDate(named)!;
      readFileSync(path.join(DAILY, source), 'utf8')
        .trim()
        .split('\n')
        .forEach((line, i) => {
          const r = parseDailyLine(line, date, i + 1);
          paper.run(
            r.paper.id,
            r.paper.title,
            r.paper.abstract,
            r.paper.categories[0],
            r.paper.categories.join(' '),
          );
          for (const l of r.listings)
            insert.run(l.paperId, l.category, l.category.split('.')[0], date, oldType[l.type], l.position);
        });
    }
  })();
  assert.ok(
    listedDays(old).includes('2026-05-30') && listedDays(old).includes('2026-06-02'),
    'the phantom days are there',
  );

  const applied = migrate(old).applied;
  assert.ok(
    applied.includes('20261205020000_announcement_days') && applied.includes('20261205020100_paper_dates'),
    applied.join(),
  );
  assert.deepEqual(listedDays(old), listedDays());
  assert.deepEqual(listing(old), listing(db));
  const announced = (d: Database.Database) =>
    d.prepare('SELECT id, announcedOn FROM Paper ORDER BY id').all();
  assert.deepEqual(announced(old), announced(db));
  old.close();
});

test('a dump repeating the previous announcement day (a holiday) adds no day; a new list does', async () => {
  const dir = tmp();
  const friday = readFileSync(path.join(DAILY, '2026-05-29.jsonl'), 'utf8');
  writeFileSync(path.join(dir, '2026-06-01.jsonl'), friday); // Monday, a holiday repeating Friday
  const before = listing(db);
  const holiday = await importPath(dir);
  assert.equal(holiday.listings, 0);
  assert.deepEqual(listing(db), before);
  assert.equal(listedDays().at(-1), '2026-05-29');

  // A fresh list (ids of a month not seen before) is a new day; a partial crawl repeating it is not.
  const fresh = friday.replaceAll('"2605.', '"2606.');
  const next = tmp();
  writeFileSync(path.join(next, '2026-06-02.jsonl'), fresh);
  const lines = fresh.trim().split('\n');
  writeFileSync(
    path.join(next, '2026-06-03.jsonl'),
    lines.slice(0, Math.ceil(lines.length * 0.6)).join('\n') + '\n',
  );
  await importPath(next);
  assert.deepEqual(listedDays().slice(-2), ['2026-05-29', '2026-06-02']);
  const june = (
    db.prepare("SELECT count(DISTINCT paperId) AS n FROM Listing WHERE date = '2026-06-02'").get() as {
      n: number;
    }
  ).n;
  assert.equal(june, new Set(idsOf(path.join(next, '2026-06-02.jsonl'))).size);
  const announcedOn = db.prepare("SELECT DISTINCT announcedOn FROM Paper WHERE id LIKE '2606.%'").all();
  assert.deepEqual(announcedOn, [{ announcedOn: '2026-06-02' }]);
});

test('feeds: a weekend-dated feed lists on Friday; a feed repeating the day before adds no day', async () => {
  await freshDb();
  const xml = readFileSync(path.join(SHARED, 'rss/distill_arxiv_cs_cl_2026-04-27_trimmed.xml'), 'utf8');
  const dated = (day: string) => xml.replaceAll('Mon, 27 Apr 2026', day);
  const saturday = await ingestFeedXml(dated('Sat, 25 Apr 2026'));
  assert.equal(saturday.listings, 3);
  const feedDb = sqlite();
  assert.deepEqual(listedDays(feedDb), ['2026-04-24']);
  const monday = await ingestFeedXml(dated('Mon, 27 Apr 2026'));
  assert.equal(monday.listings, 0, 'Monday repeats Friday’s list');
  assert.deepEqual(listedDays(feedDb), ['2026-04-24']);
  assert.deepEqual(feedDb.prepare('SELECT DISTINCT announcedOn FROM Paper').all(), [
    { announcedOn: '2026-04-24' },
  ]);
});
