import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archiveOf, normaliseArxivId, parseArxivId } from '@/lib/arxiv/ids';

test('every pasted form normalises to the canonical id and version', () => {
  const cases: [string, string, number | undefined][] = [
    ['2401.12345', '2401.12345', undefined],
    ['2401.12345v2', '2401.12345', 2],
    ['0704.0001', '0704.0001', undefined],
    ['1406.2661v3', '1406.2661', 3],
    ['hep-th/9901001', 'hep-th/9901001', undefined],
    ['hep-th/9901001v3', 'hep-th/9901001', 3],
    ['math.AG/0601001', 'math/0601001', undefined],
    ['arXiv:2401.12345', '2401.12345', undefined],
    ['arxiv: 2401.12345v1', '2401.12345', 1],
    ['https://arxiv.org/abs/2401.12345v2', '2401.12345', 2],
    ['http://arxiv.org/pdf/2401.12345.pdf', '2401.12345', undefined],
    ['https://arxiv.org/pdf/2401.12345v4', '2401.12345', 4],
    ['https://export.arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001', 1],
    ['http://lanl.arxiv.org/abs/1209.2411', '1209.2411', undefined],
    ['https://www.arxiv.org/abs/2401.12345?context=cs', '2401.12345', undefined],
    ['oai:arXiv.org:2411.17700v1', '2411.17700', 1],
    ['  2401.12345  ', '2401.12345', undefined],
    ['<https://arxiv.org/abs/2401.12345>', '2401.12345', undefined],
  ];
  for (const [input, id, version] of cases) {
    assert.deepEqual(parseArxivId(input), version ? { id, version } : { id }, input);
  }
});

test('things that are not arXiv ids are rejected', () => {
  for (const bad of [
    '',
    'abc',
    '2401.123',
    '2413.12345',
    '1401.12345',
    '1501.1234',
    '2401.123456',
    'hep-th/99',
    '2401.12345v',
    'javascript:alert(1)',
    '../../etc/passwd',
  ]) {
    assert.equal(parseArxivId(bad), null, bad);
  }
  assert.throws(() => normaliseArxivId('abc'), /not an arXiv id: "abc"/);
});

test('archive of a category', () => {
  assert.equal(archiveOf('cs.CL'), 'cs');
  assert.equal(archiveOf('hep-th'), 'hep-th');
  assert.equal(archiveOf('astro-ph.CO'), 'astro-ph');
});
