// The common-word lists (lib/search/topk.ts) give exactly what plain `MATCH … ORDER BY rank`
// gives, on the real seeded papers, and step aside when the index changes.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { FtsEngine } from '@/lib/search/fts';
import { parseQuery } from '@/lib/search/query';
import { buildTopK, refreshTopK, topKSearch } from '@/lib/search/topk';
import { seedDatabase } from '@/tests/helpers/app';

// Lists sized for 8,587 papers, so that all three cases occur: answered by one list, proven by
// the bound from several, and refused (the caller falls back).
const LISTS = { minDocs: 150, k: 1000 };
const QUERIES = [
  'learning', 'model', 'Models', 'data', 'diffusion', 'language', 'training', 'graph', 'networks', 'reasoning',
  'language models', 'large language', 'reinforcement learning', 'neural networks', 'graph neural', 'diffusion models',
  'large language models', 'vision language model', 'deep neural networks', 'multi agent systems', 'we propose method',
];

before(async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-topk-')), 'topk.db');
  await seedDatabase(file, true);
  process.env.DATABASE_PATH = file;
  resetConfig();
  assert.ok(buildTopK(sqlite(), LISTS) > 100);
});
after(closeDb);

/** The plain FTS5 answer with scores, for the same AND query. */
function plain(q: string, offset: number, limit: number): { docid: number; score: number }[] {
  const match = q.split(' ').map((w) => `"${w}"`).join(' AND ');
  return sqlite()
    .prepare<[string, number, number], { docid: number; score: number }>('SELECT rowid AS docid, rank AS score FROM fts_papers WHERE fts_papers MATCH ? ORDER BY rank LIMIT ? OFFSET ?')
    .all(match, limit, offset);
}

test('the lists give the same pages as ORDER BY rank, or decline', () => {
  const answered: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  for (const q of QUERIES) {
    for (const offset of [0, 20, 100]) {
      const fast = topKSearch(sqlite(), q.split(' '), offset, 20, 1000);
      if (!fast) continue;
      answered[q.split(' ').length]!++;
      const want = plain(q, offset, 20);
      // Rows with equal scores may come in either order; every rank must hold an equal score
      // and the pages must hold the same rows.
      const score = new Map(plain(q, 0, offset + 20).map((r) => [r.docid, r.score]));
      assert.deepEqual(fast.rowids.map((id) => score.get(id)), want.map((r) => r.score), `${q} @${offset}`);
      if (q.split(' ').length === 1) assert.deepEqual(fast.rowids, want.map((r) => r.docid), `${q} @${offset}`);
    }
  }
  assert.ok(answered[1]! >= 20, JSON.stringify(answered));
  assert.ok(answered[2]! + answered[3]! >= 5, JSON.stringify(answered));
  assert.equal(topKSearch(sqlite(), ['splatting'], 0, 20, 1000), null, 'a rare word takes the plain path');
  assert.equal(topKSearch(sqlite(), ['learning'], 990, 20, 1000), null, 'a page beyond the list takes the plain path');
});

test('the engine returns the same hits with and without the lists', async () => {
  const engine = new FtsEngine(sqlite);
  const request = (q: string) => ({ query: parseQuery(q), filters: { categories: [], dateField: 'announced' as const }, sort: 'relevance' as const, match: 'all' as const, offset: 0, limit: 20 });
  const fast = await engine.search(request('learning'));
  sqlite().exec('UPDATE fts_topk_state SET fresh = 0');
  const slow = await engine.search(request('learning'));
  assert.deepEqual(fast, slow);
  assert.equal(fast.total, 1000);
  assert.equal(fast.hits.length, 20);
  assert.match(fast.hits[0]!.abstractSnippet + fast.hits[0]!.titleHighlight, /<mark>learning<\/mark>/i);
  buildTopK(sqlite(), LISTS);
});

test('any change to an indexed column turns the lists off until they are rebuilt', () => {
  const db = sqlite();
  assert.ok(topKSearch(db, ['learning'], 0, 20, 1000));
  db.prepare("UPDATE Paper SET title = title || ' learning' WHERE rowid = (SELECT min(rowid) FROM Paper)").run();
  assert.equal(topKSearch(db, ['learning'], 0, 20, 1000), null);
  refreshTopK(db, LISTS);
  const fast = topKSearch(db, ['learning'], 0, 20, 1000)!;
  assert.deepEqual(fast.rowids, plain('learning', 0, 20).map((r) => r.docid));
});
