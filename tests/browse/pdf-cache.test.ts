// PDF_VIEWER_SOURCE=cache: the inline viewer loads PDFs through this server's disk cache
// (/pdf/<id>v<n>, lib/pdf/fetch.ts) instead of from arXiv; arXiv is a loopback fake here.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { openSqlite } from '@/lib/db';
import { startApp, type RunningApp } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/http';
import { makePdf, samplePaper } from '../summaries/pdfs';

let app: RunningApp;
let arxiv: TestServer;
let browser: Browser;
const served: string[] = [];
let pdf: Buffer;

before(async () => {
  pdf = Buffer.from(await makePdf(samplePaper('Cached Paper Title')));
  // No CORS header: only our server fetches from it.
  arxiv = await startServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url?.includes('9999')) return void res.writeHead(404).end('no such paper');
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
  });
  app = await startApp({
    env: {
      PDF_VIEWER_SOURCE: 'cache',
      ARXIV_PDF_URL: `${arxiv.url}/pdf/`,
      ARXIV_MIN_INTERVAL_MS: '1',
      PDF_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-')),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await arxiv?.close();
});

test('/pdf/<id>v<n> serves the PDF from arXiv once, then from the disk cache; bad requests get clear 4xx/5xx', async () => {
  const db = openSqlite(app.databasePath);
  const { id, version } = db.prepare('SELECT id, version FROM Paper ORDER BY id LIMIT 1').get() as {
    id: string;
    version: number;
  };
  db.close();
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${app.url}/pdf/${id}v${version}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
  }
  assert.equal(served.filter((u) => u === `/pdf/${id}v${version}`).length, 1, 'fetched from arXiv once');
  assert.equal((await fetch(`${app.url}/pdf/${id}`)).status, 404, 'a version is required');
  assert.equal((await fetch(`${app.url}/pdf/not-an-id`)).status, 404);
  const missing = await fetch(`${app.url}/pdf/2601.99999v1`);
  assert.equal(missing.status, 502);
  assert.doesNotMatch(await missing.text(), /127\.0\.0\.1/, 'no configuration in the message');
});

test('the inline viewer loads the PDF through the cache', async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/arxiv/cs.CL?date=2026-05-12`);
  await page.waitForSelector('.theme-toggle[aria-pressed]');
  const card = page.locator('article.paper').first();
  const id = await card.getAttribute('id');
  const version = await card.getAttribute('data-version');
  await card.locator('a.pdf-link').click();
  await card.locator('.pdf-panel[data-phase="ready"]').waitFor({ timeout: 30_000 });
  await card.locator('.textLayer', { hasText: 'Cached Paper Title' }).first().waitFor({ timeout: 15_000 });
  assert.equal(await card.locator('a.pdf-new-tab').getAttribute('href'), `/pdf/${id}v${version}`);
  assert.ok(served.includes(`/pdf/${id}v${version}`));
  await page.close();
});
