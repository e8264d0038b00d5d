// Day lists are cached until arXiv data changes: ingest moves the version, clicks do not.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { arxivDataVersion, closeDb, openSqlite } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { countClick } from '@/lib/papers/clicks';
import { freshDb } from '../helpers/db';

after(closeDb);

test('the arXiv data version moves on ingest here or in another process, not on clicks', async () => {
  const { db, file } = await freshDb();
  const paper = { id: '2605.00001', title: 'T', abstract: 'A', authors: ['X'], categories: ['cs.CL'] };
  new PaperStore(db).write([paper], [{ paperId: paper.id, category: 'cs.CL', date: '2026-05-01', type: 'new', position: 1 }]);
  const v1 = arxivDataVersion();
  countClick(paper.id, 'pdf');
  assert.equal(arxivDataVersion(), v1, 'a click is not an arXiv data change');
  new PaperStore(db).write([paper]); // unchanged record: nothing written
  assert.equal(arxivDataVersion(), v1);
  new PaperStore(db).write([{ ...paper, title: 'New title' }]);
  const v2 = arxivDataVersion();
  assert.notEqual(v2, v1);
  const other = openSqlite(file); // e.g. the ingest worker's process
  new PaperStore(other).write([{ ...paper, id: '2605.00002' }]);
  other.close();
  assert.notEqual(arxivDataVersion(), v2);
});
