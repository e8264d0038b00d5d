// When keywords are computed: at ingest for listed papers, on the first related-papers request for
// papers of a bulk history, and for everything by search:reindex.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDb } from '@/lib/db';
import { writesDone } from '@/lib/db/writer';
import { afterIngest } from '@/lib/ingest/after';
import { importPath } from '@/lib/ingest/files';
import { runSearch } from '@/lib/search/service';
import { freshDb, SHARED } from '../helpers/db';

after(closeDb);

test('listed papers get keywords at ingest; others on their first related request', async () => {
  const { db } = await freshDb();
  await importPath(path.join(SHARED, 'metadata/daily/2026-05-05.jsonl'));
  await importPath(path.join(SHARED, 'metadata/kaggle/kaggle-snapshot_first200_arxivSpider_mnbvc.json'));
  await afterIngest();
  const missing = (listed: boolean) =>
    (
      db
        .prepare(
          `SELECT count(*) n FROM Paper WHERE keywords IS NULL AND id ${listed ? '' : 'NOT'} IN (SELECT paperId FROM Listing)`,
        )
        .get() as { n: number }
    ).n;
  assert.equal(missing(true), 0);
  assert.equal(missing(false), 200);

  const outcome = await runSearch({ related: '0704.0001' });
  assert.equal(outcome.relatedTo?.id, '0704.0001');
  await writesDone(); // stored in the background
  const stored = (
    db.prepare("SELECT keywords FROM Paper WHERE id = '0704.0001'").get() as { keywords: string }
  ).keywords;
  assert.ok(stored.split(' ').length >= 3, stored);
  assert.ok(stored.includes('diphoton'), stored);
  assert.ok(outcome.hits.every((h) => h.id !== '0704.0001'));
  assert.equal(missing(false), 199);
});
