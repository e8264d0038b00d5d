// Day lists are cached until arXiv data changes. The data version lives in the database: ingest in
// any process moves it for every process at once; clicks, summaries and rate-limit writes, from this
// process or another, do not.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { arxivDataVersion, closeDb, openSqlite } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { countClick, flushClicks } from '@/lib/papers/clicks';
import { freshDb } from '../helpers/db';

after(closeDb);

test('the arXiv data version moves on ingest here or in another process, not on clicks, summaries or limits', async () => {
  const { db, file } = await freshDb();
  const paper = { id: '2605.00001', title: 'T', abstract: 'A', authors: ['X'], categories: ['cs.CL'] };
  new PaperStore(db).write(
    [paper],
    [{ paperId: paper.id, category: 'cs.CL', date: '2026-05-01', type: 'new', position: 1 }],
  );
  const v1 = arxivDataVersion();
  countClick(paper.id, 'pdf');
  await flushClicks();
  assert.equal(
    (db.prepare('SELECT pdf FROM PaperClicks WHERE paperId = ?').get(paper.id) as { pdf: number }).pdf,
    1,
  );
  const other = openSqlite(file); // e.g. another site process, or the worker
  other.prepare('UPDATE PaperClicks SET summary = summary + 1').run();
  other
    .prepare(
      `INSERT INTO Summary (paperId, language, paperVersion, model, answers, source) VALUES (?, 'en', 1, 'm', '[]', 'pdf')`,
    )
    .run(paper.id);
  other.prepare(`INSERT INTO SummaryStart (client, at) VALUES ('127.0.0.1', 1)`).run();
  assert.equal(arxivDataVersion(), v1, 'clicks, summaries and limits are not arXiv data changes');
  new PaperStore(db).write([paper]); // unchanged record: nothing written
  assert.equal(arxivDataVersion(), v1);
  new PaperStore(db).write([{ ...paper, title: 'New title' }]);
  const v2 = arxivDataVersion();
  assert.notEqual(v2, v1);
  assert.equal(arxivDataVersion(other), v2, 'every connection reads the same version');
  new PaperStore(other).write([{ ...paper, id: '2605.00002' }]);
  assert.equal(arxivDataVersion(), v2, 'a paper without a listing is on no list yet');
  new PaperStore(other).write(
    [],
    [{ paperId: '2605.00002', category: 'cs.CL', date: '2026-05-02', type: 'new', position: 1 }],
  );
  assert.notEqual(arxivDataVersion(), v2, 'an ingest in another process moves it here');
  assert.equal(arxivDataVersion(), arxivDataVersion(other));
  other.close();
  // Another database file never shares versions with this one, even at the same count.
  const { db: second } = await freshDb();
  new PaperStore(second).write([paper]);
  assert.notEqual(arxivDataVersion().split('-')[0], v1.split('-')[0]);
});
