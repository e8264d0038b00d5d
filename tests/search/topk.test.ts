// The common-word lists (lib/search/fts/topk.ts) give exactly what plain `MATCH … ORDER BY rank`
// gives (also restricted to the rows with the exact words, exact.ts), on the real seeded papers,
// before and after upkeep for inserted, edited and deleted rows.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { exactExpression, rowsMatchingExact } from '@/lib/search/fts/exact';
import { FtsEngine } from '@/lib/search/fts/engine';
import { parseQuery } from '@/lib/search/query';
import { rankOnWorker } from '@/lib/search/fts/rankedListsThread';
import { buildTopK, updateTopK } from '@/lib/search/fts/topk';
import { topKAnswer } from '@/lib/search/fts/topkSearch';
import { queryTokens } from '@/lib/search/fts/tokens';
import { seedDatabase } from '@/tests/helpers/app';

// Lists sized for 8,587 papers, so that all three cases occur: answered by one list, proven by
// the bound from several, and refused (the caller falls back).
const LISTS = { minDocs: 150, k: 1000 };
const QUERIES = [
  'learning',
  'model',
  'Models',
  'data',
  'diffusion',
  'language',
  'training',
  'graph',
  'networks',
  'reasoning',
  'language models',
  'large language',
  'reinforcement learning',
  'neural networks',
  'graph neural',
  'diffusion models',
  'large language models',
  'vision language model',
  'deep neural networks',
  'multi agent systems',
  'we propose method',
];

let listed = 0;
before(async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-topk-')), 'topk.db');
  await seedDatabase(file, true);
  process.env.DATABASE_PATH = file;
  resetConfig();
  listed = buildTopK(sqlite(), LISTS);
});
after(closeDb);

/** The plain FTS5 answer for the same AND query. */
function plain(q: string, offset: number, limit: number): number[] {
  const match = q
    .split(' ')
    .map((w) => `"${w}"`)
    .join(' AND ');
  return sqlite()
    .prepare<[string, number, number], { docid: number }>(
      'SELECT rowid AS docid FROM fts_papers WHERE fts_papers MATCH ? ORDER BY rank LIMIT ? OFFSET ?',
    )
    .all(match, limit, offset)
    .map((r) => r.docid);
}

/** Checks every query page the lists answer against FTS5 (same rows, same order); returns how many were answered by word count. */
function assertExact(): Record<number, number> {
  const answered: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  for (const q of QUERIES) {
    for (const offset of [0, 20, 100]) {
      const fast = topKAnswer(sqlite(), q.split(' '), offset, 20, 1000).page;
      if (!fast) continue;
      answered[q.split(' ').length]!++;
      assert.deepEqual(fast.rowids, plain(q, offset, 20), `${q} @${offset}`);
    }
  }
  return answered;
}

test('common tokens get lists whose scores reproduce FTS5 bit for bit', () => {
  const db = sqlite();
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, fts_papers, 'row')`);
  const common = db
    .prepare<[number], { term: string }>('SELECT term FROM temp.fts_vocab WHERE doc >= ?')
    .all(LISTS.minDocs)
    .map((t) => t.term);
  const tokens = queryTokens(db, common);
  const hasList = new Set(
    db
      .prepare<[], { token: string }>('SELECT token FROM fts_topk_term')
      .all()
      .map((t) => t.token),
  );
  // buildTopK leaves out any token for which one stored row's recomputed score differs from FTS5's:
  // none may be left out.
  assert.deepEqual(
    common.filter((t, i) => tokens[i] === t && !hasList.has(t)),
    [],
  );
  // Tokens that porter would stem again are listed too, queried through a word that yields them.
  assert.ok(hasList.has(queryTokens(db, ['diffusion'])[0]!) && queryTokens(db, ['diffus'])[0] !== 'diffus');
  assert.ok(listed === hasList.size && listed > tokens.filter((t, i) => t === common[i]).length);
});

test('a build that runs half its ranked queries on a second thread stores the same lists', () => {
  const db = sqlite();
  const dump = () =>
    JSON.stringify([
      db.prepare('SELECT * FROM fts_topk ORDER BY token, docid').all(),
      db.prepare('SELECT * FROM fts_topk_term ORDER BY token').all(),
    ]);
  const single = dump();
  let offloaded = 0;
  const listedOnTwo = buildTopK(db, LISTS, (matches, k) => {
    offloaded = matches.length;
    return rankOnWorker({ dbFile: db.name, matches, k });
  });
  assert.equal(listedOnTwo, listed);
  assert.ok(offloaded >= listed / 2 - 1, `${offloaded} of ${listed} queries ran on the worker`);
  assert.equal(dump(), single);
});

test('the lists give the same pages as ORDER BY rank, or decline', () => {
  const answered = assertExact();
  console.log('pages answered from the lists, by words:', answered);
  assert.ok(answered[1]! >= 20, JSON.stringify(answered));
  assert.ok(answered[2]! + answered[3]! >= 20, JSON.stringify(answered));
  assert.equal(
    topKAnswer(sqlite(), ['splatting'], 0, 20, 1000).page,
    null,
    'a rare word takes the plain path',
  );
  assert.equal(
    topKAnswer(sqlite(), ['learning'], 990, 20, 1000).page,
    null,
    'a page beyond the list takes the plain path',
  );
});

test('with the exact-word filter the lists give the pages of ORDER BY rank over the exact rows, or decline', () => {
  const db = sqlite();
  let answered = 0;
  for (const q of QUERIES) {
    const exact = exactExpression(db, parseQuery(q))!;
    const match = q
      .split(' ')
      .map((w) => `"${w}"`)
      .join(' AND ');
    for (const offset of [0, 20, 100]) {
      const fast = topKAnswer(db, q.split(' '), offset, 20, 1000, rowsMatchingExact(db, exact)).page;
      if (!fast) continue;
      answered++;
      const plainExact = db
        .prepare<[string, string, number], { docid: number }>(
          `SELECT rowid AS docid FROM fts_papers WHERE fts_papers MATCH ? AND +rowid IN (SELECT rowid FROM fts_exact WHERE fts_exact MATCH ?) ORDER BY rank LIMIT 20 OFFSET ?`,
        )
        .all(match, exact, offset)
        .map((r) => r.docid);
      assert.deepEqual(fast.rowids, plainExact, `${q} @${offset}`);
    }
  }
  assert.ok(answered >= 30, `${answered} pages answered`);
});

test('the engine returns the same hits with and without the lists', async () => {
  const engine = new FtsEngine(sqlite);
  const request = (q: string) => ({
    query: parseQuery(q),
    filters: { categories: [], dateField: 'announced' as const },
    sort: 'relevance' as const,
    match: 'all' as const,
    offset: 0,
    limit: 20,
  });
  for (const q of ['learning', 'language models']) {
    const fast = await engine.search(request(q));
    sqlite().exec('UPDATE fts_topk_state SET built = 0');
    const slow = await engine.search(request(q));
    sqlite().exec('UPDATE fts_topk_state SET built = 1');
    assert.deepEqual(fast, slow, q);
    assert.equal(fast.hits.length, 20);
  }
  const fast = await engine.search(request('learning'));
  assert.equal(fast.total, 1000);
  assert.match(fast.hits[0]!.abstractSnippet + fast.hits[0]!.titleHighlight, /<mark>learning<\/mark>/i);
});

test('upkeep after inserts, edits and deletes keeps the lists exact without a rebuild', () => {
  const db = sqlite();
  const vocab = db.prepare<[string], { doc: number }>('SELECT doc FROM temp.fts_vocab WHERE term = ?');
  // New rows built to rank at the top of common lists, an edited title, deleted rows.
  db.exec(`INSERT INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, submittedAt, contentHash)
    SELECT 'topk-' || rowid, version, 'Learning language models: learning ' || title, abstract, authors, primaryCategory, categories, submittedAt, contentHash
    FROM Paper ORDER BY rowid LIMIT 40`);
  db.exec(
    `UPDATE Paper SET title = 'Graph neural networks for language models' WHERE rowid = (SELECT min(rowid) + 7 FROM Paper)`,
  );
  db.exec(`UPDATE Paper SET title = title || ' again' WHERE rowid = (SELECT min(rowid) + 7 FROM Paper)`);
  const learned = plain('learning', 0, 3);
  db.exec(`DELETE FROM Paper WHERE rowid IN (${learned.join(', ')})`);
  assert.equal(
    topKAnswer(db, ['learning'], 0, 20, 1000).page,
    null,
    'changed rows not yet applied: plain path',
  );

  assert.equal(updateTopK(db, LISTS), 'updated');
  const answered = assertExact();
  assert.ok(answered[1]! >= 20 && answered[2]! + answered[3]! >= 10, JSON.stringify(answered));
  assert.ok(
    plain('learning', 0, 20).some((id) =>
      topKAnswer(db, ['learning'], 0, 20, 1000).page!.rowids.includes(id),
    ),
  );
  for (const { token, docs } of db
    .prepare<[], { token: string; docs: number }>('SELECT token, docs FROM fts_topk_term')
    .all()) {
    assert.equal(docs, vocab.get(token)!.doc, `document count of ${token}`);
  }
  assert.equal(updateTopK(db, LISTS), 'fresh');
});

test('upkeep rebuilds when a batch changed most of the index', () => {
  const db = sqlite();
  db.exec(`UPDATE Paper SET abstract = abstract || ' learning' WHERE rowid % 5 <> 0`);
  assert.equal(updateTopK(db, LISTS), 'rebuilt');
  assertExact();
});
