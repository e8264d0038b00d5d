// arXiv's merged categories: either spelling is one category, named by its canonical spelling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aliasesInto,
  archivesOf,
  canonicalCategory,
  categoryName,
  categorySpellings,
  termPatterns,
  termScope,
} from '@/lib/arxiv/taxonomy';
import { canonicalSpecText, parseSpec } from '@/lib/papers/spec';

// arXiv's taxonomy (arxiv-base CATEGORY_ALIASES): alias → canonical.
const ALIASES = {
  'cs.NA': 'math.NA',
  'cs.SY': 'eess.SY',
  'math.IT': 'cs.IT',
  'math.MP': 'math-ph',
  'q-fin.EC': 'econ.GN',
  'stat.TH': 'math.ST',
};

test('each alias has the canonical spelling arXiv lists, and both spellings name the pair', () => {
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    assert.equal(canonicalCategory(alias), canonical);
    assert.equal(canonicalCategory(canonical), canonical);
    assert.deepEqual(categorySpellings(alias), [canonical, alias]);
    assert.deepEqual(categorySpellings(canonical), [canonical, alias]);
    assert.ok(categoryName(canonical), `${canonical} has a name`);
  }
  assert.deepEqual(categorySpellings('cs.CL'), ['cs.CL']);
  assert.equal(canonicalCategory('cs.CL'), 'cs.CL');
});

test('archives include the categories whose other spelling is theirs', () => {
  assert.deepEqual(aliasesInto('cs').sort(), ['eess.SY', 'math.IT', 'math.NA']);
  assert.deepEqual(aliasesInto('math').sort(), ['cs.IT', 'cs.NA', 'math-ph', 'stat.TH']);
  assert.deepEqual(aliasesInto('math-ph'), ['math.MP']);
  assert.deepEqual(aliasesInto('hep-th'), []);
  assert.deepEqual(archivesOf('eess.SY'), ['eess', 'cs']);
  assert.deepEqual(archivesOf('math-ph'), ['math-ph', 'math']);
  assert.deepEqual(termScope('cs.SY'), { categories: ['eess.SY', 'cs.SY'] });
  assert.deepEqual(termScope('math-ph'), { archive: 'math-ph', categories: ['math-ph', 'math.MP'] });
  assert.deepEqual(termPatterns('hep-th'), ['% hep-th.%', '% hep-th %']);
  assert.deepEqual(termPatterns('stat.TH'), ['% math.ST %', '% stat.TH %']);
});

test('specs name merged categories canonically, keeping how they were written', () => {
  const cases: [string, string, ReturnType<typeof parseSpec>][] = [
    ['cs.SY', 'eess.SY', { include: ['eess.SY'], exclude: [] }],
    ['eess.SY', 'eess.SY', { include: ['eess.SY'], exclude: [] }],
    ['cs.SY,cs.AI', 'eess.SY,cs.AI', { include: ['eess.SY', 'cs.AI'], exclude: [] }],
    ['cs.SY+eess.SY', 'eess.SY', { include: ['eess.SY'], exclude: [] }],
    ['cs.SY-eess.SY', 'eess.SY-eess.SY', { include: ['eess.SY'], exclude: ['eess.SY'] }],
    ['eess-cs.SY', 'eess-eess.SY', { include: ['eess'], exclude: ['eess.SY'] }],
    ['math.MP', 'math-ph', { include: ['math-ph'], exclude: [] }],
    ['stat.TH,math.IT', 'math.ST,cs.IT', { include: ['math.ST', 'cs.IT'], exclude: [] }],
    ['cs.AI+cs.LG-cs.CY', 'cs.AI+cs.LG-cs.CY', { include: ['cs.AI', 'cs.LG'], exclude: ['cs.CY'] }],
  ];
  for (const [text, canonical, spec] of cases) {
    assert.equal(canonicalSpecText(text), canonical, text);
    assert.deepEqual(parseSpec(text), spec, text);
  }
  assert.equal(canonicalSpecText('2401.12345'), null);
});
