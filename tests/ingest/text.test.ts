// Stored text (issues 12 and 15): accents and special letters become Unicode at ingest, for pages
// and the search index, with the TeX source kept; re-ingest changes nothing; rows stored before
// the converter are upgraded by the re-render path; oversized fields are cut and the run says so.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { paperCardHtml } from '@/components/paper/cardHtml';
import { closeDb } from '@/lib/db';
import { importPath } from '@/lib/ingest/files';
import { prerenderPending } from '@/lib/papers/prerender';
import { loadPaperViews } from '@/lib/papers/view';
import { RENDER_VERSION } from '@/lib/render';
import { CUT_MARKER, FIELD_CAPS } from '@/lib/render/limits';
import { runSearch } from '@/lib/search/service';
import { canonicalDump, freshDb, SHARED } from '../helpers/db';

const KAGGLE = path.join(SHARED, 'metadata/kaggle');
let db: Awaited<ReturnType<typeof freshDb>>['db'];

before(async () => {
  ({ db } = await freshDb());
});
after(closeDb);

type Row = {
  title: string;
  authors: string;
  abstract: string;
  titleTex: string | null;
  authorsTex: string | null;
  abstractTex: string | null;
  renderVersion: number;
};
const row = (id: string) =>
  db
    .prepare(
      'SELECT title, authors, abstract, titleTex, authorsTex, abstractTex, renderVersion FROM Paper WHERE id = ?',
    )
    .get(id) as Row;
const names = (json: string) => JSON.parse(json) as string[];
const found = async (q: string) => (await runSearch({ q, limit: '50' })).hits.map((h) => h.id);

test('accents become Unicode at ingest, the TeX source is kept, and search finds names with and without accents', async () => {
  const first = await importPath(KAGGLE);
  assert.equal(first.status, 'ok');
  const muller = row('0704.0199');
  assert.ok(
    names(muller.authors).includes('Thomas Müller (Queen Mary & Westfield College, University of London)'),
  );
  assert.ok(
    names(muller.authorsTex!).includes(
      'Thomas M\\"uller (Queen Mary & Westfield College, University of London)',
    ),
  );
  assert.equal(row('0704.0073').title, "A transcendental approach to Kollár's injectivity theorem");
  assert.equal(row('0704.0073').titleTex, "A transcendental approach to Koll\\'ar's injectivity theorem");
  assert.equal(row('0704.0001').titleTex, null, 'no source kept where nothing was converted');
  const unconverted = db
    .prepare(
      `SELECT count(*) n FROM Paper WHERE authors LIKE '%\\"%' ESCAPE '!' OR title LIKE '%\\"%' ESCAPE '!'`,
    )
    .get() as { n: number };
  assert.equal(unconverted.n, 0);

  for (const q of ['Müller', 'Muller', 'muller', 'au:Müller', 'au:Muller'])
    assert.ok((await found(q)).includes('0704.0199'), q);
  for (const q of ['Kollár', 'Kollar']) assert.ok((await found(q)).includes('0704.0073'), q);
  for (const q of ['Balázs', 'Balazs']) assert.ok((await found(q)).includes('0704.0001'), q);
});

test('a second import changes no row', async () => {
  const dump = canonicalDump(db);
  const again = await importPath(KAGGLE);
  assert.deepEqual([again.status, again.inserted, again.updated], ['ok', 0, 0]);
  assert.deepEqual(canonicalDump(db), dump);
});

test('rows stored before the converter are upgraded by the re-render path, with progress; the index follows', async () => {
  // The state an older version left: TeX in the columns, no source kept, an older renderer.
  db.exec(`UPDATE Paper SET title = coalesce(titleTex, title), abstract = coalesce(abstractTex, abstract), authors = coalesce(authorsTex, authors),
             comments = coalesce(commentsTex, comments), titleTex = NULL, abstractTex = NULL, authorsTex = NULL, commentsTex = NULL, renderVersion = 2`);
  assert.ok(names(row('0704.0199').authors)[1]!.startsWith('Thomas M\\"uller'));
  assert.ok(!(await found('Muller')).includes('0704.0199'), 'the old index holds the TeX');
  // Re-importing the same data is still no change: the content hash is of the source text.
  const reimport = await importPath(KAGGLE);
  assert.deepEqual([reimport.inserted, reimport.updated], [0, 0]);

  const progress: Array<[number, number]> = [];
  const done = prerenderPending({ onProgress: (n, total) => progress.push([n, total]) });
  const total = (db.prepare('SELECT count(*) n FROM Paper').get() as { n: number }).n;
  assert.equal(done, total);
  assert.deepEqual(progress.at(-1), [total, total]);
  assert.ok(progress.length > 1);
  assert.equal(row('0704.0199').renderVersion, RENDER_VERSION);
  assert.ok(names(row('0704.0199').authors)[1]!.startsWith('Thomas Müller'));
  assert.ok(names(row('0704.0199').authorsTex!)[1]!.startsWith('Thomas M\\"uller'));
  db.exec("INSERT INTO fts_papers (fts_papers, rank) VALUES ('integrity-check', 1)");
  for (const q of ['Muller', 'Müller']) assert.ok((await found(q)).includes('0704.0199'), q);
  const after = await importPath(KAGGLE);
  assert.deepEqual([after.inserted, after.updated], [0, 0]);
});

test('oversized fields are cut with a marker, the run records it, and the card stays small', async () => {
  const line = readFileSync(
    path.join(KAGGLE, 'kaggle-snapshot_first200_arxivSpider_mnbvc.json'),
    'utf8',
  ).split('\n')[0]!;
  const record = JSON.parse(line) as Record<string, unknown>;
  const huge = {
    ...record,
    id: '0704.9999',
    title: `A title ${'very '.repeat(400)}long`,
    abstract: Array.from(
      { length: 2_000 },
      (_, i) => `We bound $x_{${i}}^{2} + \\frac{a_${i}}{b}$ here.`,
    ).join(' '), // ~80 KB
    authors: Array.from({ length: 20_000 }, (_, i) => `Author Number${i}`).join(', '),
    comments: 'c'.repeat(50_000),
  };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-huge-')), 'huge.json');
  writeFileSync(file, JSON.stringify(huge) + '\n');
  const run = await importPath(file);
  assert.equal(run.status, 'partial');
  assert.equal(run.inserted, 1);
  const note = run.errors.find((e) => e.id === '0704.9999')?.reason ?? '';
  for (const part of ['title cut to 1000', 'abstract cut to 10000', 'comments cut to 2000', 'authors cut to'])
    assert.ok(note.includes(part), note);
  const stored = db.prepare('SELECT errors FROM IngestRun ORDER BY id DESC LIMIT 1').get() as {
    errors: string;
  };
  assert.match(stored.errors, /0704\.9999.*abstract cut to 10000/);

  const paper = row('0704.9999');
  assert.ok(paper.abstract.length <= FIELD_CAPS.abstract && paper.abstract.endsWith(CUT_MARKER));
  assert.ok(paper.title.length <= FIELD_CAPS.title && paper.title.endsWith(CUT_MARKER));
  const authors = JSON.parse(paper.authors) as string[];
  assert.ok(authors.join('').length <= FIELD_CAPS.authorsChars + 100 && /more authors/.test(authors.at(-1)!));

  const [view] = await loadPaperViews(['0704.9999']);
  const card = paperCardHtml(view!, { index: 1, summaries: true });
  console.log(`card of an 80 KB abstract, 20,000 authors: ${card.length} characters`);
  assert.ok(card.length < 1_000_000, `${card.length} characters`);
});
