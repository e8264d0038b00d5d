// Optional pre-generation after an ingest, against the loopback fake provider: off by default,
// the chosen categories' new papers of the newest day only, both languages, cached ones skipped,
// the daily budget respected, and the worker command end to end.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, beforeEach, test } from 'node:test';
import { closeDb, sqlite } from '@/lib/db';
import { pregenerateSummaries } from '@/lib/summaries/pregenerate';
import { getSummary } from '@/lib/summaries/store';
import { freshDb } from '../helpers/db';
import { startFakeLlm, useFakeLlm, type FakeLlm } from './fakeLlm';
import { makePdf, samplePaper } from './pdfs';

let fake: FakeLlm;

function setEnv(extra: Record<string, string> = {}): void {
  useFakeLlm(fake, {
    PDF_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-')),
    // Zero: pre-generation is not a client and must not be rate-limited like one.
    SUMMARY_RATE_PER_HOUR: '0',
    SUMMARY_PREGENERATE_CATEGORIES: '',
    SUMMARY_PREGENERATE_LANGUAGES: 'en',
    ...extra,
  });
}

function list(id: string, category: string, date: string, type = 'new'): void {
  sqlite()
    .prepare(
      `INSERT OR IGNORE INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, contentHash) VALUES (?, 1, ?, ?, '[]', ?, ?, 'x')`,
    )
    .run(id, `Paper ${id}`, `Abstract of ${id}.`, category, category);
  sqlite()
    .prepare(
      `INSERT INTO Listing (paperId, category, archive, date, type, position) VALUES (?, ?, 'cs', ?, ?, 0)`,
    )
    .run(id, category, date, type);
}

before(async () => {
  fake = await startFakeLlm();
  fake.pdfs.set('2605.00101v1', await makePdf(samplePaper()));
});
after(async () => {
  await closeDb();
  await fake.close();
});
beforeEach(async () => {
  await freshDb();
  setEnv();
  fake.requests.length = 0;
  list('2605.00101', 'cs.CL', '2026-05-29');
  list('2605.00102', 'cs.CL', '2026-05-29');
  list('2605.00103', 'cs.LG', '2026-05-29'); // another category
  list('2605.00104', 'cs.CL', '2026-05-29', 'cross'); // not a new submission
  list('2605.00105', 'cs.CL', '2026-05-28'); // an older day
});

test('off by default: nothing is requested', async () => {
  const r = await pregenerateSummaries();
  assert.deepEqual(r, { date: null, papers: 0, generated: 0, cached: 0, failed: 0 });
  assert.equal(fake.requests.length, 0);
});

test('summarises the newest day’s new papers of the chosen categories in each language, once', async () => {
  setEnv({ SUMMARY_PREGENERATE_CATEGORIES: 'cs.CL', SUMMARY_PREGENERATE_LANGUAGES: 'en,zh' });
  const r = await pregenerateSummaries();
  assert.deepEqual(r, { date: '2026-05-29', papers: 2, generated: 4, cached: 0, failed: 0 });
  assert.equal(fake.requests.length, 4 * 6);
  for (const id of ['2605.00101', '2605.00102'])
    for (const l of ['en', 'zh'] as const) assert.ok(getSummary(id, l), `${id} ${l}`);
  assert.equal(getSummary('2605.00101', 'en')!.source, 'pdf');
  for (const id of ['2605.00103', '2605.00104', '2605.00105']) assert.equal(getSummary(id, 'en'), null, id);

  const again = await pregenerateSummaries();
  assert.deepEqual(again, { date: '2026-05-29', papers: 2, generated: 0, cached: 4, failed: 0 });
  assert.equal(fake.requests.length, 4 * 6);
});

test('stops when the daily budget is used up', async () => {
  setEnv({ SUMMARY_PREGENERATE_CATEGORIES: 'cs.CL', SUMMARY_DAILY_GENERATIONS: '1' });
  const r = await pregenerateSummaries('2026-05-29');
  assert.equal(r.generated, 1);
  assert.match(r.stopped ?? '', /budget/);
  assert.equal(fake.requests.length, 6);
});

test('the worker command summarises a given day and reports it', async () => {
  setEnv({ SUMMARY_PREGENERATE_CATEGORIES: 'cs.CL' });
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'workers/summaries.ts', '2026-05-28'],
    { env: process.env },
  );
  assert.match(
    stdout,
    /pre-generated summaries for 2026-05-28: 1 papers, 1 generated, 0 already cached, 0 failed/,
  );
  assert.ok(getSummary('2605.00105', 'en'));
  assert.equal(getSummary('2605.00101', 'en'), null);
});
