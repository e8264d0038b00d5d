// arXiv's calendar: announcement days are weekdays, ids bound the first announcement, and the SQL
// that stands one date in for the other follows the same schedule as the TypeScript.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import {
  addDays,
  couldBeFirstAnnouncement,
  idMonth,
  listingDay,
  previousWeekday,
  weekday,
} from '@/lib/arxiv/calendar';
import { firstAnnounced, listingsFor } from '@/lib/arxiv/parse/listing';
import { announcedDaySql, submittedDaySql } from '@/lib/papers/dates';

test('a weekend date stands for Friday; weekdays are themselves', () => {
  assert.equal(listingDay('2026-05-29'), '2026-05-29'); // Fri
  assert.equal(listingDay('2026-05-30'), '2026-05-29'); // Sat
  assert.equal(listingDay('2026-05-31'), '2026-05-29'); // Sun
  assert.equal(listingDay('2026-06-01'), '2026-06-01'); // Mon
  assert.equal(listingDay('2024-03-02'), '2024-03-01'); // leap-year Saturday
  assert.equal(previousWeekday('2026-06-01'), '2026-05-29');
  assert.equal(previousWeekday('2026-05-27'), '2026-05-26');
  // Every day of two years maps to a weekday no later than itself and at most two days earlier.
  for (let d = '2025-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
    const l = listingDay(d);
    assert.ok(weekday(l) >= 1 && weekday(l) <= 5, d);
    assert.ok(l <= d && l >= addDays(d, -2), d);
  }
});

test('ids carry the month they were issued in', () => {
  assert.equal(idMonth('2605.00962'), '2026-05');
  assert.equal(idMonth('0704.0001'), '2007-04');
  assert.equal(idMonth('hep-th/9901001'), '1999-01');
  assert.equal(idMonth('math/0601001'), '2006-01');
  assert.equal(idMonth('not-an-id'), undefined);
});

test('a listing two months after the id’s month is not a first announcement', () => {
  assert.ok(couldBeFirstAnnouncement('2604.28190', '2026-05-01')); // April id, announced May 1
  assert.ok(couldBeFirstAnnouncement('2604.28190', '2026-05-29'));
  assert.ok(!couldBeFirstAnnouncement('2604.28190', '2026-06-01'));
  assert.ok(!couldBeFirstAnnouncement('2601.01972', '2026-05-15')); // a replacement in the 05-16 dump
  assert.ok(couldBeFirstAnnouncement('2512.00001', '2026-01-31')); // across a year end
  assert.ok(!couldBeFirstAnnouncement('2512.00001', '2026-02-01'));
  assert.ok(!couldBeFirstAnnouncement('hep-th/9901001', '2026-05-01'));
});

test('listings take the announcement day; the first announcement skips replacements and late cross-lists', () => {
  const listings = [
    ...listingsFor('2605.16265', ['cs.CL', 'cs.AI'], '2026-05-30', 'new', 1), // a Saturday dump: Friday's list
    ...listingsFor('2605.16265', ['cs.CL'], '2026-06-03', 'replace', 2),
    ...listingsFor('2101.00001', ['cs.LG', 'cs.AI'], '2026-05-29', 'cross', 3, ['cs.AI']), // a late cross-list
  ];
  assert.deepEqual(
    listings.map((l) => [l.paperId, l.category, l.date, l.type]),
    [
      ['2605.16265', 'cs.CL', '2026-05-29', 'new'],
      ['2605.16265', 'cs.AI', '2026-05-29', 'cross'],
      ['2605.16265', 'cs.CL', '2026-06-03', 'replace'],
      ['2101.00001', 'cs.AI', '2026-05-29', 'cross'],
    ],
  );
  assert.deepEqual([...firstAnnounced(listings)], [['2605.16265', '2026-05-29']]);
});

test('the SQL best dates follow the calendar: submitted by the weekday before, announced the weekday after', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE Paper (submittedAt TEXT, announcedOn TEXT)');
  const insert = db.prepare('INSERT INTO Paper VALUES (?, ?)');
  const days: string[] = [];
  for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) days.push(d);
  for (const d of days) {
    insert.run(null, listingDay(d) === d ? d : null); // announcement days only
    insert.run(`${d}T12:00:00.000+00:00`, null);
  }
  insert.run(null, null);
  const rows = db
    .prepare(
      `SELECT p.submittedAt, p.announcedOn, ${submittedDaySql()} AS s, ${announcedDaySql()} AS a FROM Paper p`,
    )
    .all() as {
    submittedAt: string | null;
    announcedOn: string | null;
    s: string | null;
    a: string | null;
  }[];
  for (const r of rows) {
    if (r.announcedOn) {
      assert.equal(r.s, previousWeekday(r.announcedOn), `submitted by the weekday before ${r.announcedOn}`);
      assert.equal(r.a, r.announcedOn);
    } else if (r.submittedAt) {
      const day = r.submittedAt.slice(0, 10);
      assert.equal(r.s, day);
      let next = addDays(day, 1);
      while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, 1);
      assert.equal(r.a, next, `announced the weekday after ${day}`);
    } else {
      assert.deepEqual([r.s, r.a], [null, null]);
    }
  }
  db.close();
});
