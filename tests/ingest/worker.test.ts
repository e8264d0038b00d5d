// The scheduled worker's ingest: fetch the configured categories, then derived data (pre-rendered
// maths, search keywords) for what arrived.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { resetConfig } from '@/lib/config';
import { closeDb } from '@/lib/db';
import { expectedAnnouncementDay, ingestConfiguredCategories, latestListedDay } from '@/lib/ingest/schedule';
import { RENDER_VERSION } from '@/lib/render';
import { freshDb, SHARED } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/http';

let server: TestServer;
const requested: string[] = [];
before(async () => {
  server = await startServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200).end(readFileSync(path.join(SHARED, 'rss/distill_arxiv_cs_cl_2026-04-27_trimmed.xml')));
  });
});
after(async () => {
  await server.close();
  await closeDb();
});

test('a scheduled run ingests the configured categories and pre-renders what it listed', async () => {
  const { db } = await freshDb();
  Object.assign(process.env, {
    ARXIV_RSS_URL: `${server.url}/rss/`,
    INGEST_CATEGORIES: 'cs.CL',
    ARXIV_MIN_INTERVAL_MS: '0',
  });
  resetConfig();
  const r = await ingestConfiguredCategories();
  assert.equal(r.status, 'ok');
  assert.deepEqual(requested, ['/rss/cs.CL']);
  assert.equal(latestListedDay(), '2026-04-27');
  const rows = db.prepare('SELECT titleHtml, renderVersion, keywords FROM Paper').all() as {
    titleHtml: string;
    renderVersion: number;
    keywords: string | null;
  }[];
  assert.equal(rows.length, 3);
  for (const row of rows) {
    assert.equal(row.renderVersion, RENDER_VERSION);
    assert.ok(row.titleHtml.length > 0);
    assert.ok(row.keywords !== null, 'keywords computed');
  }
});

test('the announcement day the worker expects: the next weekday after 20:00 US/Eastern', () => {
  assert.equal(expectedAnnouncementDay(new Date('2026-05-05T15:00:00Z')), '2026-05-05'); // Tue 11:00 ET
  assert.equal(expectedAnnouncementDay(new Date('2026-05-06T01:30:00Z')), '2026-05-06'); // Tue 21:30 ET
  assert.equal(expectedAnnouncementDay(new Date('2026-05-09T15:00:00Z')), '2026-05-08'); // Sat → Fri
  assert.equal(expectedAnnouncementDay(new Date('2026-05-11T00:30:00Z')), '2026-05-11'); // Sun 20:30 ET → Mon
});
