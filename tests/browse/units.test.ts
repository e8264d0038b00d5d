// List specs, URL targets, day-list cache keys, card HTML, BibTeX and Atom escaping, papers.cool
// addresses, followed categories: the pure parts of browsing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { dayKey, parseDayKey, parseTarget } from '@/app/arxiv/resolve';
import { paperCardHtml } from '@/components/paper/cardHtml';
import { atomFeed } from '@/lib/feed/atom';
import { bibtexEntry } from '@/lib/papers/bibtex';
import { followPath, parseFollowed } from '@/lib/papers/follow';
import { legacyRedirect } from '@/lib/papers/legacy';
import { mathFontUrls } from '@/lib/papers/mathFonts';
import { parseSpec } from '@/lib/papers/spec';
import type { PaperView } from '@/lib/papers/view';

test('specs: categories, archives, unions, include/exclude, hyphenated codes', () => {
  assert.deepEqual(parseSpec('cs.CL'), { include: ['cs.CL'], exclude: [] });
  assert.deepEqual(parseSpec('cs'), { include: ['cs'], exclude: [] });
  assert.deepEqual(parseSpec('cs.AI,cs.CL'), { include: ['cs.AI', 'cs.CL'], exclude: [] });
  assert.deepEqual(parseSpec('cs.AI+cs.LG-cs.CY'), { include: ['cs.AI', 'cs.LG'], exclude: ['cs.CY'] });
  assert.deepEqual(parseSpec('hep-th-cond-mat.mes-hall'), {
    include: ['hep-th'],
    exclude: ['cond-mat.mes-hall'],
  });
  assert.deepEqual(parseSpec('cs.AI-hep-th'), { include: ['cs.AI'], exclude: ['hep-th'] });
  for (const bad of ['', '-cs.AI', 'cs.AI,,cs.CL', '<x>', 'cs.AI;drop', '2401.12345'])
    assert.equal(parseSpec(bad), null, bad);
});

test('targets: ids in every form go to paper pages, the rest to lists', () => {
  assert.deepEqual(parseTarget('2401.12345v2'), { kind: 'papers', ids: [{ id: '2401.12345', version: 2 }] });
  assert.deepEqual(parseTarget('hep-th%2F9901001'), { kind: 'papers', ids: [{ id: 'hep-th/9901001' }] });
  assert.deepEqual(parseTarget('2401.12345,2401.12346,2401.12345v3'), {
    kind: 'papers',
    ids: [{ id: '2401.12345', version: 3 }, { id: '2401.12346' }],
  });
  assert.equal(parseTarget('cs.AI%2Bcs.LG')?.kind, 'list');
  assert.equal(parseTarget('%E0%A4%A'), null);
});

test('BibTeX entries keep braces balanced whatever the title holds', () => {
  const entry = bibtexEntry({
    id: '2401.12345',
    title: 'A {bad} title} with $\\{x\\}$ {',
    authors: ['Ada Lovelace', 'Émile Borel'],
    year: 2024,
    primaryCategory: 'cs.LG',
  });
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
    id: '2401.12345',
    version: 1,
    title: 'Bounds for <b> & "quotes"',
    titleText: 'Bounds for <b> & "quotes"',
    titleHtml: '',
    abstract: 'We show x < y & y > z.',
    abstractHtml: '',
    authors: ['A & B'],
    categories: ['cs.LG', 'stat.ML'],
    primaryCategory: 'cs.LG',
    comments: null,
    commentsHtml: null,
    journalRef: null,
    doi: null,
    submittedAt: '2024-01-22T10:00:00.000Z',
    updatedAt: null,
    announcedOn: null,
    clicks: { pdf: 0, summary: 0 },
    hasSummary: false,
  };
  const xml = atomFeed({
    title: 'T & U',
    selfUrl: 'http://x/feed',
    alternateUrl: 'http://x/',
    updated: '2024-01-23T00:00:00Z',
    entries: [paper],
  });
  assert.ok(!xml.includes('<b>'));
  const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).feed;
  assert.equal(feed.title, 'T & U');
  assert.equal(feed.entry.title['#text'], 'Bounds for <b> & "quotes"');
  assert.equal(feed.entry.summary['#text'], 'We show x < y & y > z.');
  assert.equal(feed.entry.author.name, 'A & B');
  assert.equal(feed.entry.published, '2024-01-22T10:00:00.000Z');
  assert.deepEqual(
    feed.entry.category.map((c: { term: string }) => c.term),
    ['cs.LG', 'stat.ML'],
  );
});

test('day-list cache keys: normalised values, and only keys parse back', () => {
  assert.equal(dayKey('12:3', { date: '2026-05-12', skip: '25', show: '50' }), 'v12-3_2026-05-12_25_50');
  assert.equal(dayKey('12:3', { date: 'junk', skip: '-1', show: '99999' }), 'v12-3_latest_0_200');
  assert.equal(dayKey('1:0', {}), 'v1-0_latest_0_25');
  assert.deepEqual(parseDayKey('v12-3_2026-05-12_25_50'), { date: '2026-05-12', skip: '25', show: '50' });
  assert.deepEqual(parseDayKey('v1-0_latest_0_25'), { date: undefined, skip: '0', show: '25' });
  for (const bad of [
    '',
    'latest',
    'v1-0_latest_0_2500',
    'vX_latest_0_25',
    'v1-0_2026-5-1_0_25',
    'v1-0_latest_0_25_x',
  ])
    assert.equal(parseDayKey(bad), null, bad);
});

test('card HTML escapes plain-text fields and keeps the sanitised HTML fields', () => {
  const paper: PaperView = {
    id: '2401.12345',
    version: 1,
    title: 'T <img src=x onerror=alert(1)> "q"',
    titleText: 'T <img src=x onerror=alert(1)> "q"',
    titleHtml: 'T <em>ok</em>',
    abstract: 'A',
    abstractHtml: '<p>A <mjx-container></mjx-container></p>',
    authors: ['<b>Eve</b>', "O'Brien"],
    categories: ['cs.LG', '<x>'],
    primaryCategory: 'cs.LG',
    comments: '<script>alert(1)</script>',
    commentsHtml: null,
    journalRef: null,
    doi: null,
    submittedAt: '2024-01-22T10:00:00.000Z',
    updatedAt: null,
    announcedOn: null,
    clicks: { pdf: 3, summary: 0 },
    hasSummary: false,
    listing: { date: '2024-01-23', type: 'cross', category: 'cs.LG' },
  };
  const html = paperCardHtml(paper, { index: 7, total: 9, highlightTerms: ['a"b'], summaries: true });
  assert.ok(!/<(img|b|x|script)\b/.test(html), 'no markup from plain-text fields');
  assert.match(
    html,
    /^<article id="2401\.12345" data-paper-id="2401\.12345" data-title="T &#60;img src=x onerror=alert\(1\)&#62; &#34;q&#34;"/,
  );
  assert.match(html, /data-authors="&#60;b&#62;Eve&#60;\/b&#62;; O&#39;Brien"/);
  assert.match(html, /data-clicks="3" data-index="7" data-highlight="a&#34;b"/);
  assert.match(html, /<a href="\/arxiv\/2401\.12345" class="title-link hover:underline">T <em>ok<\/em><\/a>/);
  assert.match(html, /<div class="abstract[^"]*"><p>A <mjx-container><\/mjx-container><\/p><\/div>/);
  assert.match(html, /<dd class="comments break-words">&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/dd>/);
  assert.match(html, /<time datetime="2024-01-23">2024-01-23<\/time><span class="ml-2">\(cross\)<\/span>/);
  assert.match(html, />PDF \(3\)<\/a>.*>Summary<\/a>/);
  assert.match(html, /title="arXiv 2401\.12345 \(7 of 9\)">#7<\/a>/);
});

test('maths font preloads: none without maths, MathJax zero/main plus each variant used', () => {
  assert.deepEqual(mathFontUrls('<p>no maths</p>'), []);
  const urls = mathFontUrls(
    '<mjx-c class="mjx-c28"></mjx-c><mjx-c class="mjx-c1D44E TEX-I"></mjx-c><mjx-c class="mjx-c41 TEX-C"></mjx-c>',
  );
  const names = urls.map((u) => /^\/_next\/static\/media\/(MathJax_[\w-]+)\.[\w-]+\.woff$/.exec(u)?.[1]);
  assert.deepEqual(names.sort(), [
    'MathJax_Calligraphic-Regular',
    'MathJax_Main-Regular',
    'MathJax_Math-Italic',
    'MathJax_Zero',
  ]);
});

test('card HTML: authors link to an author search, subjects to their lists; no Summary where none can be had', () => {
  const paper: PaperView = {
    id: '2401.12345',
    version: 2,
    title: 'T',
    titleText: 'T',
    titleHtml: 'T',
    abstract: 'A',
    abstractHtml: 'A',
    authors: ['Ada "The" Lovelace', 'Émile Borel'],
    categories: ['cs.LG', 'stat.ML'],
    primaryCategory: 'cs.LG',
    comments: null,
    commentsHtml: null,
    journalRef: null,
    doi: null,
    submittedAt: null,
    updatedAt: null,
    announcedOn: null,
    clicks: { pdf: 0, summary: 0 },
    hasSummary: false,
  };
  const html = paperCardHtml(paper, { index: 1, summaries: false });
  const authors = [...html.matchAll(/<a href="([^"]+)" class="author">([^<]+)<\/a>/g)].map((m) => [
    new URL(m[1]!, 'http://x').searchParams.get('q'),
    m[2],
  ]);
  assert.deepEqual(authors, [
    ['au:"Ada The Lovelace"', 'Ada &#34;The&#34; Lovelace'],
    ['au:"Émile Borel"', 'Émile Borel'],
  ]);
  assert.match(
    html,
    /<strong><a href="\/arxiv\/cs\.LG" class="subject">cs\.LG<\/a><\/strong>, <a href="\/arxiv\/stat\.ML" class="subject">stat\.ML<\/a>/,
  );
  assert.match(html, /data-version="2"/);
  assert.ok(!html.includes('class="summary'), 'no Summary button without a provider or a stored summary');
  assert.ok(
    paperCardHtml({ ...paper, hasSummary: true }, { index: 1, summaries: false }).includes(
      'href="/summary/2401.12345"',
    ),
  );
  assert.ok(paperCardHtml(paper, { index: 1, summaries: true }).includes('href="/summary/2401.12345"'));
  // Links leaving the site open in a new tab; PDF too (through the click counter) when there is no script.
  for (const m of html.matchAll(/<a href="(https?:[^"]+|\/go\/pdf\/[^"]+)"([^>]*)>/g))
    assert.match(m[0], /target="_blank" rel="noopener"/, m[1]);
  assert.match(
    html,
    /class="pdf-link[^"]*" href="\/go\/pdf\/2401\.12345" target="_blank" rel="noopener" data-visit="pdf"/,
  );
});

test('papers.cool addresses map to ours', () => {
  const go = (path: string, method = 'GET') => {
    const url = new URL(path, 'http://x');
    return legacyRedirect(method, url.pathname, url.searchParams);
  };
  assert.deepEqual(go('/arxiv/search?query=large+language&highlight=1'), {
    location: '/search?q=large+language',
    status: 308,
  });
  assert.deepEqual(go('/arxiv/search?query=x&sort=0'), { location: '/search?q=x&sort=newest', status: 308 });
  assert.deepEqual(go('/venue/search/feed?query=x'), { location: '/search/feed?q=x', status: 308 });
  assert.deepEqual(go('/search?q=x&sort=1&page=2'), {
    location: '/search?q=x&sort=popularity&page=2',
    status: 308,
  });
  assert.equal(go('/search?q=x&sort=newest'), null);
  assert.deepEqual(go('/arxiv/kimi?paper=2401.12345v2'), { location: '/summary/2401.12345', status: 308 });
  assert.deepEqual(go('/arxiv/kimi?paper=arXiv:2401.12345&lang=zh', 'POST'), {
    location: '/api/summary/2401.12345?lang=zh',
    status: 307,
  });
  assert.equal(go('/arxiv/kimi?paper=nonsense'), null);
  assert.deepEqual(go('/arxiv/1406.02661?date=x'), { location: '/arxiv/1406.2661?date=x', status: 308 });
  assert.deepEqual(go('/arxiv/0704.00001v3'), { location: '/arxiv/0704.0001v3', status: 308 });
  assert.equal(go('/arxiv/1506.02661'), null, 'five digits since 2015');
  assert.equal(go('/arxiv/1406.2661'), null);
  assert.equal(go('/arxiv/cs.CL?sort=1'), null, 'lists read their own sort');
  assert.deepEqual(go('/pdf?url=https://arxiv.org/pdf/2401.12345v2'), {
    location: '/go/pdf/2401.12345v2',
    status: 307,
  });
  assert.equal(go('/pdf?url=https://evil.example/x.pdf'), null, 'no open redirect');
  assert.deepEqual(go('/config', 'POST'), { location: '/', status: 303 });
});

test('followed categories: codes only, in order, without repeats, capped', () => {
  assert.deepEqual(parseFollowed('cs.CL,cs.LG cs.CL+math.AG'), ['cs.CL', 'cs.LG', 'math.AG']);
  assert.deepEqual(parseFollowed(['hep-th', 'cond-mat.mes-hall', '<script>', 'a b', '']), [
    'hep-th',
    'cond-mat.mes-hall',
    'a',
    'b',
  ]);
  assert.equal(
    parseFollowed(
      Array.from({ length: 100 }, (_, i) => `cs.X${String.fromCharCode(65 + (i % 26))}${i}`).join(','),
    ).length,
    0,
    'digits are no category',
  );
  assert.equal(
    parseFollowed(
      Array.from(
        { length: 100 },
        (_, i) => `a${'bcdefghij'[i % 9]}.${'KLMNOPQRS'[Math.floor(i / 9) % 9]}`,
      ).join(','),
    ).length,
    60,
  );
  assert.equal(followPath(['cs.CL', 'cs.LG']), '/?follow=cs.CL,cs.LG');
  assert.equal(followPath([]), '/');
});
