// List specs, URL targets, BibTeX and Atom escaping: the pure parts of browsing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed } from '@/lib/feed/atom';
import { bibtexEntry } from '@/lib/papers/bibtex';
import { parseSpec } from '@/lib/papers/spec';
import { parseTarget } from '@/lib/papers/target';
import type { PaperView } from '@/lib/papers/view';

test('specs: categories, archives, unions, include/exclude, hyphenated codes', () => {
  assert.deepEqual(parseSpec('cs.CL'), { include: ['cs.CL'], exclude: [] });
  assert.deepEqual(parseSpec('cs'), { include: ['cs'], exclude: [] });
  assert.deepEqual(parseSpec('cs.AI,cs.CL'), { include: ['cs.AI', 'cs.CL'], exclude: [] });
  assert.deepEqual(parseSpec('cs.AI+cs.LG-cs.CY'), { include: ['cs.AI', 'cs.LG'], exclude: ['cs.CY'] });
  assert.deepEqual(parseSpec('hep-th-cond-mat.mes-hall'), { include: ['hep-th'], exclude: ['cond-mat.mes-hall'] });
  assert.deepEqual(parseSpec('cs.AI-hep-th'), { include: ['cs.AI'], exclude: ['hep-th'] });
  for (const bad of ['', '-cs.AI', 'cs.AI,,cs.CL', '<x>', 'cs.AI;drop', '2401.12345']) assert.equal(parseSpec(bad), null, bad);
});

test('targets: ids in every form go to paper pages, the rest to lists', () => {
  assert.deepEqual(parseTarget('2401.12345v2'), { kind: 'papers', ids: [{ id: '2401.12345', version: 2 }] });
  assert.deepEqual(parseTarget('hep-th%2F9901001'), { kind: 'papers', ids: [{ id: 'hep-th/9901001' }] });
  assert.deepEqual(parseTarget('2401.12345,2401.12346,2401.12345v3'), { kind: 'papers', ids: [{ id: '2401.12345', version: 3 }, { id: '2401.12346' }] });
  assert.equal(parseTarget('cs.AI%2Bcs.LG')?.kind, 'list');
  assert.equal(parseTarget('%E0%A4%A'), null);
});

test('BibTeX entries keep braces balanced whatever the title holds', () => {
  const entry = bibtexEntry({ id: '2401.12345', title: 'A {bad} title} with $\\{x\\}$ {', authors: ['Ada Lovelace', 'Émile Borel'], year: 2024, primaryCategory: 'cs.LG' });
  let depth = 0;
  for (const ch of entry) {
    depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    assert.ok(depth >= 0);
  }
  assert.equal(depth, 0);
  assert.match(entry, /^@misc\{lovelace2024_2401\.12345,\n/);
  assert.match(entry, /author = \{Ada Lovelace and Émile Borel\}/);
  assert.match(entry, /eprint = \{2401\.12345\}/);
});

test('Atom output escapes markup in titles and abstracts and parses back', () => {
  const paper: PaperView = {
    id: '2401.12345', version: 1, title: 'Bounds for <b> & "quotes"', titleHtml: '', abstract: 'We show x < y & y > z.', abstractHtml: '',
    authors: ['A & B'], categories: ['cs.LG', 'stat.ML'], primaryCategory: 'cs.LG', comments: null, commentsHtml: null, journalRef: null, doi: null,
    submittedAt: '2024-01-22T10:00:00.000Z', updatedAt: null, clicks: { pdf: 0, summary: 0 },
  };
  const xml = atomFeed({ title: 'T & U', selfUrl: 'http://x/feed', alternateUrl: 'http://x/', updated: '2024-01-23T00:00:00Z', entries: [paper] });
  assert.ok(!xml.includes('<b>'));
  const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).feed;
  assert.equal(feed.title, 'T & U');
  assert.equal(feed.entry.title['#text'], 'Bounds for <b> & "quotes"');
  assert.equal(feed.entry.summary['#text'], 'We show x < y & y > z.');
  assert.equal(feed.entry.author.name, 'A & B');
  assert.equal(feed.entry.published, '2024-01-22T10:00:00.000Z');
  assert.deepEqual(feed.entry.category.map((c: { term: string }) => c.term), ['cs.LG', 'stat.ML']);
});
