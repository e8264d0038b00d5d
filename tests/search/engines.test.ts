// The same behaviour expectations against both engines through the SearchEngine interface:
// FTS5 for real, Meilisearch against the loopback fake (tests/search/fakeMeili.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PaperRecord } from '@/lib/arxiv/types';
import { closeDb, sqlite } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { drainSearchOutbox } from '@/lib/search';
import { FtsEngine } from '@/lib/search/fts/engine';
import { fillMissingKeywords } from '@/lib/search/keywords';
import { MeiliEngine, meiliId } from '@/lib/search/meili';
import { parseQuery } from '@/lib/search/query';
import { runSearch } from '@/lib/search/service';
import type { SearchEngine, SearchRequest } from '@/lib/search/types';
import { freshDb } from '@/tests/helpers/db';
import { startFakeMeili, type FakeMeili } from './fakeMeili';

const paper = (
  id: string,
  title: string,
  abstract: string,
  authors: string[],
  categories: string[],
  submitted: string,
): PaperRecord => ({
  id,
  title,
  abstract,
  authors,
  categories,
  submittedAt: new Date(`${submitted}T12:00:00Z`),
  version: 1,
});

const PAPERS: PaperRecord[] = [
  paper(
    '2605.00001',
    'Quantum annealing for portfolio optimisation',
    'We map portfolio selection to an Ising model solved by quantum annealing hardware.',
    ['Alice Zhang', 'Bob Smith'],
    ['quant-ph', 'q-fin.PM'],
    '2026-04-01',
  ),
  paper(
    '2605.00002',
    'Graph neural networks for molecules',
    'Message passing graph neural networks predict molecular properties.',
    ['Carol Jones'],
    ['cs.LG', 'physics.chem-ph'],
    '2026-04-20',
  ),
  paper(
    '2605.00003',
    'Neural graph rewriting',
    'Neural networks that rewrite a graph with learned rules.',
    ['Dan Smith'],
    ['cs.LG'],
    '2026-03-15',
  ),
  paper(
    '2605.00004',
    'Vision transformer pruning',
    'Pruning attention heads of a vision transformer keeps accuracy.',
    ['Eve Brown'],
    ['cs.CV'],
    '2026-04-25',
  ),
  paper(
    '2605.00005',
    'Transformer language models for code',
    'A transformer trained on source code completes programs.',
    ['Frank Li'],
    ['cs.CL', 'cs.SE'],
    '2026-02-10',
  ),
  paper(
    '2605.00006',
    'Bounds for <b>sparse</b> matrices & friends',
    'Spectral bounds of sparse random matrices.',
    ['Grace Hopper'],
    ['math.PR'],
    '2026-04-02',
  ),
  paper(
    'hep-th/9901001',
    'Strings on curved backgrounds',
    'Conformal field theory of strings on curved backgrounds.',
    ['Hiro Tanaka'],
    ['hep-th'],
    '1999-01-05',
  ),
  paper(
    '2605.00007',
    'Colouring problems after Erdős',
    'We revisit colouring problems that Erdős and Rényi posed.',
    ['Jürgen Müller', 'Zoë Ångström'],
    ['math.CO'],
    '2026-04-03',
  ),
];
const LISTINGS = [
  { paperId: '2605.00001', category: 'quant-ph', date: '2026-05-01', type: 'new' as const, position: 1 },
  { paperId: '2605.00002', category: 'cs.LG', date: '2026-05-04', type: 'new' as const, position: 1 },
  { paperId: '2605.00003', category: 'cs.LG', date: '2026-05-06', type: 'new' as const, position: 2 },
  { paperId: '2605.00004', category: 'cs.CV', date: '2026-05-06', type: 'new' as const, position: 1 },
  { paperId: '2605.00005', category: 'cs.CL', date: '2026-05-07', type: 'new' as const, position: 1 },
];

const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({
  query: parseQuery(q),
  filters: { categories: [], dateField: 'announced' },
  sort: 'relevance',
  match: 'all',
  offset: 0,
  limit: 20,
  ...over,
});

let fake: FakeMeili;
before(async () => {
  fake = await startFakeMeili();
});
after(async () => {
  await fake.close();
  await closeDb();
});

const engines: [string, () => SearchEngine][] = [
  ['fts5', () => new FtsEngine(sqlite)],
  ['meilisearch', () => new MeiliEngine(sqlite, fake.url)],
];

for (const [name, make] of engines) {
  describe(`${name} engine`, () => {
    let engine: SearchEngine;
    const ids = async (q: string, over: Partial<SearchRequest> = {}) =>
      (await engine.search(request(q, over))).hits.map((h) => h.id);

    before(async () => {
      fake.docs.clear();
      const { db } = await freshDb();
      new PaperStore(db, { queueSearch: true }).write(PAPERS, LISTINGS);
      db.prepare('INSERT INTO PaperClicks (paperId, pdf, summary) VALUES (?, ?, ?), (?, ?, ?)').run(
        '2605.00003',
        9,
        1,
        '2605.00002',
        2,
        0,
      );
      engine = make();
      assert.equal(await drainSearchOutbox(engine), PAPERS.length);
      assert.equal((db.prepare('SELECT count(*) AS n FROM SearchOutbox').get() as { n: number }).n, 0);
      fillMissingKeywords(db);
    });

    test('every word must match', async () => {
      assert.deepEqual(await ids('quantum annealing'), ['2605.00001']);
      assert.deepEqual(await ids('quantum transformer'), []);
    });

    test('quoted phrases keep word order; plain words do not', async () => {
      assert.deepEqual((await ids('graph neural')).sort(), ['2605.00002', '2605.00003']);
      assert.deepEqual(await ids('"graph neural"'), ['2605.00002']);
    });

    test('-word excludes', async () => {
      assert.deepEqual(await ids('transformer -vision'), ['2605.00005']);
    });

    test('author field and category filters (exact and archive)', async () => {
      assert.deepEqual((await ids('au:smith')).sort(), ['2605.00001', '2605.00003']);
      assert.deepEqual(
        await ids('graph', { filters: { categories: ['physics.chem-ph'], dateField: 'announced' } }),
        ['2605.00002'],
      );
      assert.deepEqual(
        await ids('transformer', { filters: { categories: ['cs.CL'], dateField: 'announced' } }),
        ['2605.00005'],
      );
      assert.deepEqual(await ids('bounds', { filters: { categories: ['math'], dateField: 'announced' } }), [
        '2605.00006',
      ]);
      assert.deepEqual(await ids('strings cat:hep-th'), ['hep-th/9901001']);
    });

    test('announcement and submission date ranges', async () => {
      const f = (dateField: 'announced' | 'submitted', from: string, to: string) => ({
        filters: { categories: [], dateField, from, to },
      });
      assert.deepEqual(await ids('graph', f('announced', '2026-05-05', '2026-05-31')), ['2605.00003']);
      assert.deepEqual(await ids('graph', f('submitted', '2026-04-01', '2026-04-30')), ['2605.00002']);
    });

    test('sorts by newest and by popularity', async () => {
      assert.deepEqual(await ids('graph', { sort: 'newest' }), ['2605.00002', '2605.00003']);
      assert.deepEqual(await ids('graph', { sort: 'popularity' }), ['2605.00003', '2605.00002']);
    });

    test('pagination and totals', async () => {
      const all = await engine.search(request('transformer'));
      assert.equal(all.total, 2);
      const second = await engine.search(request('transformer', { offset: 1, limit: 1 }));
      assert.equal(second.total, 2);
      assert.deepEqual(
        second.hits.map((h) => h.id),
        [all.hits[1]!.id],
      );
    });

    test('highlights are escaped HTML with marks', async () => {
      const [hit] = (await engine.search(request('sparse'))).hits;
      assert.equal(
        hit!.titleHighlight,
        'Bounds for &lt;b&gt;<mark>sparse</mark>&lt;/b&gt; matrices &amp; friends',
      );
      assert.match(hit!.abstractSnippet, /<mark>sparse<\/mark> random/);
      assert.deepEqual(hit!.authors, ['Grace Hopper']);
      assert.deepEqual(hit!.categories, ['math.PR']);
    });

    test('case and diacritics never matter', async () => {
      for (const q of [
        'muller',
        'Müller',
        'MÜLLER',
        'au:Muller',
        'erdos',
        'ERDŐS',
        'Erdös',
        'renyi',
        'zoe angstrom',
        'au:"zoe angstrom"',
      ]) {
        assert.deepEqual(await ids(q), ['2605.00007'], q);
      }
    });

    test('every hit carries its own highlights', async () => {
      const { hits } = await engine.search(request('transformer'));
      assert.equal(hits.length, 2);
      for (const h of hits) {
        const abstract = PAPERS.find((p) => p.id === h.id)!.abstract;
        assert.equal(h.titleHighlight.replace(/<\/?mark>/g, ''), h.title, h.id);
        assert.match(h.titleHighlight + h.abstractSnippet, /<mark>transformer<\/mark>/i, h.id);
        assert.ok(
          abstract.includes(h.abstractSnippet.replace(/<\/?mark>/g, '').replace(/^…|…$/g, '')),
          `${h.id}: ${h.abstractSnippet}`,
        );
      }
    });

    test('related papers share keywords and leave the paper out', async () => {
      const kw = (
        sqlite().prepare('SELECT keywords FROM Paper WHERE id = ?').get('2605.00002') as { keywords: string }
      ).keywords;
      assert.ok(kw.split(' ').includes('graph'), kw);
      const rel = await engine.related('2605.00002', kw, 10);
      const relIds = rel.hits.map((h) => h.id);
      assert.ok(!relIds.includes('2605.00002'));
      assert.equal(relIds[0], '2605.00003');
    });

    test('falls back to any-match when no paper has every word', async () => {
      const r = await runSearch({ q: 'annealing zebra' }, engine);
      assert.equal(r.match, 'any');
      assert.deepEqual(
        r.hits.map((h) => h.id),
        ['2605.00001'],
      );
      assert.ok(r.notes.some((n) => /some of them/.test(n)));
    });

    test('updates and deletions reach the index through the outbox', async () => {
      const db = sqlite();
      new PaperStore(db, { queueSearch: true }).write([
        { ...PAPERS[3]!, title: 'Vision transformer distillation', version: 2 },
      ]);
      await drainSearchOutbox(engine);
      assert.deepEqual(await ids('distillation'), ['2605.00004']);
      assert.deepEqual(await ids('pruning vision'), ['2605.00004'], 'abstract still indexed');
      assert.deepEqual(await ids('"transformer pruning"'), []);
      db.prepare('DELETE FROM Paper WHERE id = ?').run('2605.00004');
      await engine.delete(['2605.00004']);
      assert.deepEqual(await ids('distillation'), []);
    });
  });
}

test('Meilisearch receives safe ids and its settings', async () => {
  assert.equal(meiliId('hep-th/9901001'), 'hep-th_9901001');
  assert.equal(meiliId('2605.00001'), '2605_00001');
  assert.ok(fake.docs.has('hep-th_9901001'));
  assert.deepEqual(fake.settings.searchableAttributes, ['title', 'authors', 'abstract']);
  assert.deepEqual(fake.settings.sortableAttributes, ['bestSubmitted', 'popularity']);
});
