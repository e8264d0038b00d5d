// Maths in a paper's comments is typeset like its title and abstract.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeDb } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { loadPaperViews } from '@/lib/papers/view';
import { freshDb } from '../helpers/db';

after(closeDb);

test('comments with maths get HTML; plain comments stay text', async () => {
  const { db } = await freshDb();
  const base = { title: 'T', abstract: 'A', authors: ['X'], categories: ['cs.GR'] };
  new PaperStore(db).write([
    { ...base, id: '2605.00001', comments: 'Keywords: rotations, $SO(3)$, <b>bold</b>' },
    { ...base, id: '2605.00002', comments: '12 pages, 3 figures' },
  ]);
  const [withMaths, plain] = await loadPaperViews(['2605.00001', '2605.00002']);
  assert.match(withMaths!.commentsHtml!, /class="math math-inline notranslate"/);
  assert.ok(!withMaths!.commentsHtml!.includes('$SO(3)$'));
  assert.ok(!withMaths!.commentsHtml!.includes('<b>'), 'HTML in comments is escaped');
  assert.equal(plain!.commentsHtml, null);
  assert.equal(plain!.comments, '12 pages, 3 figures');
});
