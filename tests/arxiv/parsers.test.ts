// Every file in ../shared/data parses, with the counts its README gives, plus field spot checks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseApiAtom } from '@/lib/arxiv/parse/atom';
import { dailyDumpDate, parseDailyLine, parseKaggleLine, readLines } from '@/lib/arxiv/parse/jsonl';
import { parseOaiPage } from '@/lib/arxiv/parse/oai';
import { parseFeed } from '@/lib/arxiv/parse/rss';
import { FeedError } from '@/lib/arxiv/types';
import { SHARED } from '../helpers/db';

const read = (rel: string) => readFileSync(path.join(SHARED, rel), 'utf8');
const recorded = (rel: string) => JSON.parse(read(rel)) as { url: string; status_code: number; body: string };

test('current RSS: all-archives feed has 1504 items with the README announce-type counts', () => {
  const feed = parseFeed(read('rss/aioarxiv_all-archives_2024-11-28.xml'));
  assert.equal(feed.papers.length, 1504);
  assert.equal(feed.errors.length, 0);
  assert.equal(feed.date, '2024-11-28');
  // The item's own type is the type of its first in-scope listing.
  const firstListing = new Map<string, string>();
  for (const l of feed.listings) if (!firstListing.has(l.paperId)) firstListing.set(l.paperId, l.type);
  const byType: Record<string, number> = {};
  for (const t of firstListing.values()) byType[t] = (byType[t] ?? 0) + 1;
  assert.deepEqual(byType, { new: 926, replace: 569, cross: 9 });

  const p = feed.papers.find((x) => x.id === '2411.17702')!;
  assert.equal(p.version, 1);
  assert.equal(
    p.title,
    'Finding "Good Views" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition',
  );
  assert.deepEqual(p.authors, ['Hyewon Jeong', 'Suyeol Yun', 'Hammaad Adam']);
  assert.deepEqual(p.categories, ['eess.SP', 'cs.LG']);
  assert.match(p.abstract, /^Electrocardiograms \(ECGs\) are an established technique/);
  assert.equal(p.license, 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/');
  assert.deepEqual(
    feed.listings.filter((l) => l.paperId === '2411.17702').map((l) => [l.category, l.type]),
    [
      ['eess.SP', 'new'],
      ['cs.LG', 'cross'],
    ],
  );
  // A late cross-list does not make the paper new in its primary category.
  const late = feed.listings.filter((l) => l.paperId === '2411.15345');
  assert.ok(late.length > 0 && late.every((l) => l.type === 'cross' && l.category !== 'math.GT'));
});

test('current RSS: LaTeX in abstracts survives exactly', () => {
  const feed = parseFeed(read('rss/aioarxiv_all-archives_2024-11-28.xml'));
  const withMath = feed.papers.filter((p) => /\$[^$]+\$/.test(p.abstract));
  assert.ok(withMath.length > 50, `only ${withMath.length} abstracts with $…$`);
  const raw = read('rss/aioarxiv_all-archives_2024-11-28.xml');
  for (const p of withMath.slice(0, 30)) {
    for (const m of p.abstract.match(/\$[^$]+\$/g)!) {
      const escaped = m.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      assert.ok(raw.includes(m) || raw.includes(escaped), `${p.id}: ${m} not in the source`);
    }
  }
});

test('current RSS: per-category feeds, scoped listings', () => {
  for (const [file, cat] of [
    ['distill_arxiv_cs_ai_2026-04-27_trimmed.xml', 'cs.AI'],
    ['distill_arxiv_cs_cl_2026-04-27_trimmed.xml', 'cs.CL'],
    ['distill_arxiv_cs_lg_2026-04-27_trimmed.xml', 'cs.LG'],
  ] as const) {
    const feed = parseFeed(read(`rss/${file}`));
    assert.equal(feed.papers.length, 3, file);
    assert.deepEqual(feed.scope, [cat]);
    assert.equal(feed.date, '2026-04-27');
    assert.ok(feed.listings.every((l) => l.category === cat && l.date === '2026-04-27'));
  }
  const ai = parseFeed(read('rss/distill_arxiv_cs_ai_2026-04-27_trimmed.xml'));
  assert.equal(ai.papers[0]!.id, '2604.21935');
  assert.equal(
    ai.papers[0]!.title,
    'Math Takes Two: A test for emergent mathematical reasoning in communication',
  );
});

test('current RSS: empty feed is empty, error feed is an error', () => {
  const empty = parseFeed(read('rss/aioarxiv_empty-test-archive_2024-11-28.xml'));
  assert.equal(empty.papers.length, 0);
  assert.equal(empty.errors.length, 0);
  assert.throws(
    () => parseFeed(read('rss/aioarxiv_error-bad-archive_2024-11-28.xml')),
    (e: unknown) =>
      e instanceof FeedError && e.kind === 'error-feed' && /Bad archive 'astroph'/.test(e.message),
  );
});

test('legacy RSS 1.0/RDF (math, 2012): 126 items', () => {
  const feed = parseFeed(read('rss_legacy/arXivHaiku_rdf_math_2012-09-12.xml'));
  assert.equal(feed.papers.length, 126);
  assert.equal(feed.errors.length, 0);
  assert.equal(feed.date, '2012-09-13'); // mailed 20:30 ET on the 12th
  const p = feed.papers.find((x) => x.id === '1209.2411')!;
  assert.equal(p.title, 'On the first time that an Ito process hits a barrier');
  assert.deepEqual(p.authors, ['Gerardo Hernandez-del-Valle']);
  assert.deepEqual(p.categories, ['math.PR']);
  assert.match(
    p.abstract,
    /^This work deals with first hitting time densities of Ito processes whose local drift/,
  );
  const updated = feed.listings.find((l) => l.paperId === '0804.1418')!;
  assert.deepEqual([updated.category, updated.type], ['math.DG', 'replace']);
  const crossed = feed.listings.find((l) => l.paperId === '0909.2017')!; // [cs.CV] in the math feed
  assert.deepEqual([crossed.category, crossed.type], ['math', 'replace-cross']);
});

test('legacy export.arxiv.org RSS 2.0 (astro-ph, 2023): 118 items', () => {
  const feed = parseFeed(read('rss_legacy/producer-rss_export-arxiv-org-rss-astro-ph_2023-09-28.xml'));
  assert.equal(feed.papers.length, 118);
  assert.equal(feed.errors.length, 0);
  assert.equal(feed.date, '2023-09-28');
  const p = feed.papers.find((x) => x.id === '2309.15134')!;
  assert.equal(
    p.title,
    'A general method to reconstruct strong gravitational lenses based on the singular perturbative approach',
  );
  assert.deepEqual(p.authors, ['Christophe Alard']);
  assert.match(
    p.abstract,
    /^The number of gravitational arcs systems detected is increasing quickly and should even/,
  );
  const math = feed.papers.find((x) => x.id === '2309.15141')!;
  assert.ok(math.abstract.includes('$\\alpha=u_{\\rm A}/u_{\\rm MWN}$'), math.abstract);
  assert.ok(feed.papers.some((x) => x.id === 'astro-ph/0012023' && x.version === 2));
});

test('API Atom: entry counts and fields', () => {
  const counts: Record<string, number> = {
    'arxivpy_2016_id_list_1111.2011v2.xml': 1,
    'arxivpy_2016_search_au-del_maestro.xml': 10,
    'arxivpy_2016_search_au-del_maestro_ANDNOT.xml': 10,
    'arxivpy_2016_search_au-del_maestro_AND_checkerboard.xml': 1,
    'arxivpy_2016_search_au-del_maestro_AND_quantum_criticality.xml': 2,
  };
  for (const [file, n] of Object.entries(counts)) {
    const atom = parseApiAtom(read(`api_atom/${file}`));
    assert.equal(atom.papers.length, n, file);
    assert.equal(atom.errors.length, 0, file);
  }
  const [p] = parseApiAtom(read('api_atom/arxivpy_2016_id_list_1111.2011v2.xml')).papers;
  assert.equal(p!.id, '1111.2011');
  assert.equal(p!.version, 2);
  assert.equal(
    p!.title,
    'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
  );
  assert.deepEqual(p!.authors, ['James M. Murray', 'Adrian Del Maestro', 'Zlatko Tesanovic']);
  assert.equal(p!.doi, '10.1103/PhysRevB.85.115117');
  assert.equal(p!.journalRef, 'Phys. Rev. B 85, 115117 (2012)');
  assert.equal(p!.comments, '8 pages, 3 figures. Published version');
  assert.equal(p!.submittedAt?.toISOString(), '2011-11-08T18:48:36.000Z');
  assert.equal(p!.categories[0], 'cond-mat.str-el');
});

test('API Atom: recorded responses (100 entries, empty result, HTTP 400 error entry)', () => {
  const q = recorded('api_atom/arxivpy_2026_recorded_q_testing_s0_m100_cfe7536492ca.json');
  assert.equal(q.status_code, 200);
  const many = parseApiAtom(q.body);
  assert.equal(many.papers.length, 100);
  assert.ok(many.papers.every((p) => p.title && p.categories.length && p.authors.length));

  const none = recorded('api_atom/arxivpy_2026_recorded_id_0000.0000_s0_m100_8b51d9633a68.json');
  assert.equal(parseApiAtom(none.body).papers.length, 0);

  const bad = recorded('api_atom/arxivpy_2026_recorded_id_abc_s0_m100_b79c8dcf6bc3.json');
  assert.equal(bad.status_code, 400);
  assert.throws(
    () => parseApiAtom(bad.body),
    (e: unknown) =>
      e instanceof FeedError && e.kind === 'api-error' && /incorrect id format for abc/.test(e.message),
  );
});

test('OAI-PMH ListRecords: 1000 records and the resumption token', () => {
  const page = parseOaiPage(read('oai_pmh/arxivXMLParser_ListRecords_arXiv_set-cs_2016-03-01.xml'));
  assert.equal(page.papers.length, 1000);
  assert.equal(page.errors.length, 0);
  assert.equal(page.resumptionToken, '1114880|1001');
  assert.equal(page.completeListSize, 102133);
  const p = page.papers.find((x) => x.id === '0704.0002')!;
  assert.equal(p.title, 'Sparsity-certifying Graph Decompositions');
  assert.deepEqual(p.authors, ['Ileana Streinu', 'Louis Theran']);
  assert.deepEqual(p.categories, ['math.CO', 'cs.CG']);
  assert.ok(
    p.abstract.startsWith(
      'We describe a new algorithm, the $(k,\\ell)$-pebble game with colors, and use it obtain',
    ),
  );
  assert.equal(p.submittedAt?.toISOString().slice(0, 10), '2007-03-30');
  assert.equal(p.updatedAt?.toISOString().slice(0, 10), '2008-12-13');
});

test('OAI-PMH GetRecord: one record with paragraphs, DOI and journal-ref', () => {
  const page = parseOaiPage(read('oai_pmh/hepcrawl_arxiv-single.xml'));
  assert.equal(page.papers.length, 1);
  assert.equal(page.resumptionToken, undefined);
  const p = page.papers[0]!;
  assert.equal(p.id, '1401.2122');
  assert.deepEqual(p.categories, ['math.AP', 'hep-th', 'math-ph', 'math.DG', 'math.MP', 'nlin.SI']);
  assert.equal(p.doi, '10.1007/s11005-017-1013-4');
  assert.equal(p.journalRef, 'Lett. Math. Phys. 108 (2018), no. 2, 359-376');
  assert.equal(p.abstract.split('\n').length, 2); // two paragraphs kept
  assert.match(
    p.comments!,
    /^16 pages, LaTeX, no figures, revised and abridged, in this version \(v5\) the typos/,
  );
});

test('OAI-PMH: noRecordsMatch is an empty page, other errors are errors', () => {
  const wrap = (inner: string) =>
    `<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z</responseDate>${inner}</OAI-PMH>`;
  assert.equal(parseOaiPage(wrap('<error code="noRecordsMatch">none</error>')).papers.length, 0);
  assert.throws(
    () => parseOaiPage(wrap('<error code="badResumptionToken">expired</error>')),
    /badResumptionToken/,
  );
});

test('Kaggle snapshot samples: 200 + 500 + 500 records, fields and versions', async () => {
  const expected: Record<string, number> = {
    'kaggle-snapshot_first200_arxivSpider_mnbvc.json': 200,
    'kaggle-snapshot_sample_DE-Project-Tartu_batch500-1.json': 500,
    'kaggle-snapshot_sample_DE-Project-Tartu_batch500-2.json': 500,
  };
  for (const [file, n] of Object.entries(expected)) {
    let count = 0;
    for await (const { line } of readLines(path.join(SHARED, 'metadata/kaggle', file))) {
      parseKaggleLine(line);
      count++;
    }
    assert.equal(count, n, file);
  }
  const first = readFileSync(
    path.join(SHARED, 'metadata/kaggle/kaggle-snapshot_first200_arxivSpider_mnbvc.json'),
    'utf8',
  ).split('\n')[0]!;
  const p = parseKaggleLine(first);
  assert.equal(p.id, '0704.0001');
  assert.equal(p.version, 2);
  assert.equal(
    p.title,
    'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
  );
  assert.deepEqual(p.authors, ["C. Bal\\'azs", 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan']);
  assert.equal(p.doi, '10.1103/PhysRevD.76.013009');
  assert.deepEqual(
    p.versions!.map((v) => v.version),
    [1, 2],
  );
  assert.equal(p.submittedAt?.toISOString(), '2007-04-02T19:18:42.000Z');
});

test('daily dumps: 31 files, 13,505 lines, first category new and the rest cross', async () => {
  const dir = path.join(SHARED, 'metadata/daily');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  assert.equal(files.length, 31);
  let lines = 0;
  const ids = new Set<string>();
  for (const f of files) {
    const date = dailyDumpDate(f)!;
    for await (const { line, lineNo } of readLines(path.join(dir, f))) {
      const r = parseDailyLine(line, date, lineNo);
      ids.add(r.paper.id);
      lines++;
    }
  }
  assert.equal(lines, 13505);
  assert.equal(ids.size, 7387);
  const line = readFileSync(path.join(dir, '2026-05-05.jsonl'), 'utf8').split('\n')[1]!;
  const r = parseDailyLine(line, '2026-05-05', 2);
  assert.equal(r.paper.id, '2605.00962');
  assert.equal(r.paper.comments, '12 pages, 1 diagram');
  assert.ok(r.paper.abstract.includes('the general kernel $W$'));
  assert.deepEqual(
    r.listings.map((l) => [l.category, l.type]),
    [
      ['cs.GT', 'new'],
      ['math.CO', 'cross'],
      ['math.GR', 'cross'],
      ['math.RT', 'cross'],
    ],
  );
});

test('malformed input: truncated XML is rejected whole, bad JSON lines name their id', () => {
  const xml = read('oai_pmh/arxivXMLParser_ListRecords_arXiv_set-cs_2016-03-01.xml');
  assert.throws(
    () => parseOaiPage(xml.slice(0, xml.length / 2)),
    (e: unknown) => e instanceof FeedError && e.kind === 'malformed',
  );
  assert.throws(() => parseFeed('<rss><channel><item><title>x</title></channel></rss>'), /malformed XML/);
  assert.throws(
    () => parseKaggleLine('{"id": "2401.00001", "title": 5}'),
    (e: unknown) => (e as { id?: string }).id === '2401.00001',
  );
  assert.throws(
    () =>
      parseDailyLine(
        '{"id": "nope", "categories": ["cs.CL"], "authors": [], "title": "t", "summary": ""}',
        '2026-05-01',
        1,
      ),
    /invalid arXiv id/,
  );
  assert.throws(() => parseKaggleLine('not json'), /not a JSON object/);
});
