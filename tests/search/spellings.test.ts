// Names with letters Unicode does not decompose (ø, ł, ß, æ, ı, đ): FTS5's remove_diacritics leaves
// them alone, so the engine looks a one-word term up under its other spellings (lib/search/fts/spellings.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PaperRecord } from '@/lib/arxiv/types';
import { closeDb } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { runSearch } from '@/lib/search/service';
import { foldLetters, otherSpellings } from '@/lib/search/fts/spellings';
import { freshDb } from '../helpers/db';

const paper = (id: string, authors: string[], title = 'A study of graph colouring'): PaperRecord => ({
  id,
  title,
  abstract: 'We colour graphs and count the colours used, with a bound on the chromatic number.',
  authors,
  categories: ['math.CO'],
});

// Authors as arXiv writes them: TeX accents, which ingest turns into Unicode letters.
const PAPERS = [
  paper('2601.00001', ['Mette S{\\o}rensen', 'Anna Kowalski']),
  paper('2601.00002', ['Wojciech {\\L}ukasik', 'Rafa\\l{} Rak']),
  paper('2601.00003', ['Hans Gro\\ss{}mann']),
  paper('2601.00004', ['Vésteinn Sn\\ae{}bjarnarson']),
  paper('2601.00005', ['Furkan K{\\i}nl{\\i}']),
  paper('2601.00006', ['Mette Sorensen']), // the same name spelled in ASCII by another paper
  paper('2601.00007', ['Ðorđe Petrović'], 'Edge colourings'),
];

let db: Awaited<ReturnType<typeof freshDb>>['db'];
before(async () => {
  ({ db } = await freshDb());
  new PaperStore(db, { queueSearch: false }).write(PAPERS, []);
});
after(closeDb);

const found = async (q: string) => new Set((await runSearch({ q, limit: '50' })).hits.map((h) => h.id));

test('ingest stored the letters themselves', () => {
  const authors = (id: string) =>
    JSON.parse(
      (db.prepare('SELECT authors FROM Paper WHERE id = ?').get(id) as { authors: string }).authors,
    ) as string[];
  assert.deepEqual(authors('2601.00001'), ['Mette Sørensen', 'Anna Kowalski']);
  assert.deepEqual(authors('2601.00002'), ['Wojciech Łukasik', 'Rafał Rak']);
  assert.deepEqual(authors('2601.00003'), ['Hans Großmann']);
});

test('a name is found with its own letters and with the ASCII a keyboard types', async () => {
  const cases: Array<[string[], string[]]> = [
    [
      ['Sørensen', 'Sorensen', 'sorensen', 'au:Sorensen', 'au:Sørensen', 'SØRENSEN'],
      ['2601.00001', '2601.00006'],
    ],
    [['Łukasik', 'Lukasik', 'au:lukasik'], ['2601.00002']],
    [['Rafał', 'Rafal'], ['2601.00002']],
    [['Großmann', 'Grossmann'], ['2601.00003']],
    [['Snæbjarnarson', 'Snaebjarnarson'], ['2601.00004']],
    [['Kınlı', 'Kinli'], ['2601.00005']],
    [['Đorđe', 'Dorde', 'Petrović', 'Petrovic'], ['2601.00007']],
  ];
  for (const [queries, ids] of cases) {
    for (const q of queries) assert.deepEqual([...(await found(q))].sort(), ids, q);
  }
  // With other words, and excluded: every spelling counts.
  assert.deepEqual([...(await found('Sorensen Kowalski'))], ['2601.00001']);
  assert.deepEqual([...(await found('colour -Sorensen'))].sort(), [
    '2601.00002',
    '2601.00003',
    '2601.00004',
    '2601.00005',
    '2601.00007',
  ]);
});

test('other spellings come from the index and fold back to the word; plain words have none', () => {
  assert.equal(foldLetters('jørgensen'), 'jorgensen');
  assert.equal(foldLetters('großmann'), 'grossmann');
  assert.deepEqual(otherSpellings(db, 'sorensen'), ['sørensen']);
  assert.deepEqual(otherSpellings(db, 'sørensen'), ['sorensen']);
  assert.deepEqual(otherSpellings(db, 'kinli'), ['kınlı']);
  assert.deepEqual(otherSpellings(db, 'colour'), []);
  assert.deepEqual(otherSpellings(db, 'graphs'), []);
});
