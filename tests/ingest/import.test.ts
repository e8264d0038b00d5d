// Importing the shared daily dumps and Kaggle samples: counts, idempotence, versions, bad records.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeDb } from '@/lib/db';
import { importPath } from '@/lib/ingest/files';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { canonicalDump, freshDb, SHARED } from '../helpers/db';

const DAILY = path.join(SHARED, 'metadata/daily');
let db: Awaited<ReturnType<typeof freshDb>>['db'];

before(async () => {
  ({ db } = await freshDb());
});
after(closeDb);

test('the daily dumps give 7,387 distinct papers; a second import changes no row', async () => {
  const first = await importPath(DAILY);
  assert.equal(first.status, 'ok');
  assert.equal(first.errorCount, 0);
  assert.equal((db.prepare('SELECT COUNT(*) n FROM Paper').get() as { n: number }).n, 7387);
  assert.equal(first.inserted, 7387);
  // New papers are indexed a batch at a time (lib/ingest/store.ts): the index must match Paper
  // exactly, and the batch flag must be clear again for every other writer.
  db.exec("INSERT INTO fts_papers (fts_papers, rank) VALUES ('integrity-check', 1)");
  assert.equal((db.prepare('SELECT count(*) AS n FROM fts_papers_docsize').get() as { n: number }).n, 7387);
  assert.deepEqual(db.prepare('SELECT deferred FROM fts_insert_mode').all(), [{ deferred: 0 }]);
  const before = canonicalDump(db);
  const totalChanges = () => (db.prepare('SELECT total_changes() n').get() as { n: number }).n;
  const changesBefore = totalChanges();

  const second = await importPath(DAILY);
  assert.equal(second.status, 'ok');
  assert.deepEqual([second.inserted, second.updated, second.listings], [0, 0, 0]);
  assert.deepEqual(canonicalDump(db), before);
  // Only the run's own bookkeeping row was written: no paper, version or listing row changed.
  const written = totalChanges() - changesBefore;
  assert.ok(written <= 40, `${written} row changes on re-import`);
  const runRows = db
    .prepare("SELECT status, seen, inserted, updated FROM IngestRun WHERE source = 'import' ORDER BY id")
    .all();
  assert.equal(runRows.length, 2);
  assert.deepEqual(runRows[1], { status: 'ok', seen: 13505, inserted: 0, updated: 0 });
});

test('a paper seen on several days keeps the newest day’s text whatever the import order', async () => {
  // 2604.28031 is cs.CL on 2026-05-01 and cs.CL + cs.AI from 2026-05-04 on.
  const row = db.prepare('SELECT categories, asOf FROM Paper WHERE id = ?').get('2604.28031') as {
    categories: string;
    asOf: string;
  };
  assert.equal(row.categories, 'cs.CL cs.AI');
  await importPath(path.join(DAILY, '2026-05-01.jsonl'));
  assert.deepEqual(db.prepare('SELECT categories, asOf FROM Paper WHERE id = ?').get('2604.28031'), row);
  // Its listings from every day are kept; the weekend files repeat Friday's list.
  const days = db
    .prepare("SELECT DISTINCT date FROM Listing WHERE paperId = '2604.28031' ORDER BY date")
    .all() as { date: string }[];
  assert.deepEqual(
    days.map((d) => d.date),
    ['2026-05-01', '2026-05-04'],
  );
});

test('Kaggle samples import with versions and dates', async () => {
  const r = await importPath(path.join(SHARED, 'metadata/kaggle'));
  assert.equal(r.status, 'ok');
  assert.equal(r.seen, 1200);
  const p = db
    .prepare('SELECT version, doi, submittedAt, authors, authorsTex FROM Paper WHERE id = ?')
    .get('0704.0001') as Record<string, unknown>;
  assert.equal(p.version, 2);
  assert.equal(p.doi, '10.1103/PhysRevD.76.013009');
  assert.equal(p.submittedAt, '2007-04-02T19:18:42.000+00:00');
  // Accents as Unicode, the source as arXiv wrote it beside them.
  assert.deepEqual(JSON.parse(p.authors as string), [
    'C. Balázs',
    'E. L. Berger',
    'P. M. Nadolsky',
    'C.-P. Yuan',
  ]);
  assert.deepEqual(JSON.parse(p.authorsTex as string), [
    "C. Bal\\'azs",
    'E. L. Berger',
    'P. M. Nadolsky',
    'C.-P. Yuan',
  ]);
  assert.deepEqual(
    db.prepare("SELECT version FROM PaperVersion WHERE paperId = '0704.0001' ORDER BY version").all(),
    [{ version: 1 }, { version: 2 }],
  );
});

test('a malformed record is reported with id and reason; the rest of the file is kept', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daily-'));
  const lines = readFileSync(path.join(DAILY, '2026-05-06.jsonl'), 'utf8').trim().split('\n');
  const broken = JSON.parse(lines[3]!) as Record<string, unknown>;
  broken.title = 42;
  const mixed = [
    lines[0],
    '{"id": "2605.99999", "categories": [',
    JSON.stringify(broken),
    'null',
    ...lines.slice(4, 10),
  ];
  const file = path.join(dir, '2026-06-01.jsonl');
  writeFileSync(file, mixed.join('\n') + '\n');
  const r = await importPath(file);
  assert.equal(r.status, 'partial');
  assert.equal(r.errorCount, 3);
  assert.equal(r.errors[0]!.id, '2605.99999');
  assert.match(r.errors[0]!.reason, /2026-06-01\.jsonl:2: not a JSON object/);
  assert.equal(r.errors[1]!.id, broken.id);
  assert.match(r.errors[1]!.reason, /title/);
  const listed = db
    .prepare("SELECT COUNT(DISTINCT paperId) n FROM Listing WHERE date = '2026-06-01'")
    .get() as { n: number };
  assert.equal(
    listed.n,
    new Set([lines[0], ...lines.slice(4, 10)].map((l) => (JSON.parse(l!) as { id: string }).id)).size,
  );
});

test('a file that cannot be read stops the run from the parsing thread; files before it stay written', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daily-'));
  copyFileSync(path.join(DAILY, '2026-05-07.jsonl'), path.join(dir, '2026-05-07.jsonl'));
  mkdirSync(path.join(dir, '2026-05-08.jsonl')); // sorts after the good file; reading it fails (EISDIR)
  const r = await importPath(dir);
  assert.equal(r.status, 'partial');
  assert.equal(
    r.seen,
    readFileSync(path.join(DAILY, '2026-05-07.jsonl'), 'utf8').trim().split('\n').length,
    'the first file was written',
  );
  assert.ok(
    r.errors.some((e) => /EISDIR/.test(e.reason)),
    JSON.stringify(r.errors),
  );
  assert.equal(
    (db.prepare('SELECT status FROM IngestRun WHERE id = ?').get(r.runId) as { status: string }).status,
    'partial',
  );
});

test('a new version updates the paper, appends to its history, and keeps old listings', async () => {
  const item = (version: number, title: string, type: string, day: string) => `<?xml version="1.0"?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
<title>cs.CL updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs.CL</link><pubDate>${day} 00:00:00 -0400</pubDate>
<item><title>${title}</title><link>https://arxiv.org/abs/2606.00001</link>
<description>arXiv:2606.00001v${version} Announce Type: ${type}
Abstract: We study $x_i^2$ in version ${version}.</description>
<guid isPermaLink="false">oai:arXiv.org:2606.00001v${version}</guid><category>cs.CL</category><category>cs.LG</category>
<pubDate>${day} 00:00:00 -0400</pubDate><arxiv:announce_type>${type}</arxiv:announce_type><dc:creator>Ada Lovelace, Alan Turing</dc:creator></item>
</channel></rss>`;
  await ingestFeedXml(item(1, 'First title', 'new', 'Mon, 01 Jun 2026'));
  const r = await ingestFeedXml(item(2, 'Second title', 'replace', 'Wed, 03 Jun 2026'));
  assert.equal(r.updated, 1);
  assert.deepEqual(db.prepare("SELECT version, title, abstract FROM Paper WHERE id = '2606.00001'").get(), {
    version: 2,
    title: 'Second title',
    abstract: 'We study $x_i^2$ in version 2.',
  });
  assert.deepEqual(
    db.prepare("SELECT version FROM PaperVersion WHERE paperId = '2606.00001' ORDER BY version").all(),
    [{ version: 1 }, { version: 2 }],
  );
  // The feed is cs.CL's, so only cs.CL listings come from it.
  assert.deepEqual(
    db
      .prepare(
        "SELECT category, date, type FROM Listing WHERE paperId = '2606.00001' ORDER BY date, category",
      )
      .all(),
    [
      { category: 'cs.CL', date: '2026-06-01', type: 'new' },
      { category: 'cs.CL', date: '2026-06-03', type: 'replace' },
    ],
  );
  // An old version arriving late changes neither text nor version.
  await ingestFeedXml(item(1, 'First title', 'new', 'Mon, 01 Jun 2026'));
  assert.equal(
    (db.prepare("SELECT title FROM Paper WHERE id = '2606.00001'").get() as { title: string }).title,
    'Second title',
  );
  // The search index follows the changed text in the same transaction.
  const found = (q: string) =>
    db
      .prepare(
        'SELECT p.id FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH ?',
      )
      .all(q);
  assert.deepEqual(found('"second title"'), [{ id: '2606.00001' }]);
  assert.deepEqual(found('"first title"'), []);
});
