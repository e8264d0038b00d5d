// The summary feature through the real production server and Chromium, with the loopback fake
// provider/PDF host: from a daily list's card, queue state, progressive rendered answers without
// raw TeX, instant cached reload; 50 concurrent SSE clients sharing one generation; JSON and no-JS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openSqlite } from '@/lib/db';
import { QUESTIONS } from '@/lib/llm/prompts';
import { startApp, type RunningApp } from '../helpers/app';
import { collectErrors, launchBrowser, screenshot } from '../helpers/browser';
import { fakeLlmEnv, startFakeLlm, type FakeLlm } from './fakeLlm';
import { makePdf, samplePaper } from './pdfs';

let fake: FakeLlm;
let app: RunningApp;
let browser: Browser;
let papers: Array<{ id: string; version: number }>;
const LIST = '/arxiv/cs.CL';

before(async () => {
  fake = await startFakeLlm();
  app = await startApp({
    env: { ...fakeLlmEnv(fake), LLM_CONCURRENCY: '1' },
  });
  const db = openSqlite(app.databasePath);
  // Papers off the list page the browser tests open, so each test starts uncached.
  papers = db
    .prepare(
      `SELECT DISTINCT p.id, p.version FROM Paper p JOIN Listing l ON l.paperId = p.id WHERE l.date = (SELECT MAX(date) FROM Listing)
         AND NOT EXISTS (SELECT 1 FROM Listing c WHERE c.paperId = p.id AND c.category = 'cs.CL') ORDER BY p.id LIMIT 4`,
    )
    .all() as Array<{ id: string; version: number }>;
  db.close();
  for (const p of papers) fake.pdfs.set(`${p.id}v${p.version}`, await makePdf(samplePaper()));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await fake?.close();
});

/** Reads an SSE response to its end; returns the parsed events. */
async function readStream(url: string): Promise<Array<{ type: string } & Record<string, unknown>>> {
  const res = await fetch(url, { headers: { Accept: 'text/event-stream' } });
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice(6)) as { type: string } & Record<string, unknown>);
}

/** Waits for the cards' client behaviour (it marks cards data-painted once its listeners are on). */
async function cardsReady(page: Page): Promise<void> {
  await page.locator('article.paper[data-painted]').first().waitFor();
}

/** The ids of the first cards of a daily list page (with their PDFs put on the fake arXiv). */
async function listedCards(page: Page, count: number, js = true): Promise<string[]> {
  await page.goto(`${app.url}${LIST}`);
  if (js) await cardsReady(page);
  const ids = (
    await page
      .locator('article.paper')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.paperId!))
  ).slice(0, count);
  const db = openSqlite(app.databasePath);
  for (const id of ids) {
    const { version } = db.prepare('SELECT version FROM Paper WHERE id = ?').get(id) as { version: number };
    fake.pdfs.set(`${id}v${version}`, await makePdf(samplePaper()));
  }
  db.close();
  return ids;
}

test('a card’s Summary opens inline: queue state, answers streaming in with maths and no raw TeX, instant after a reload', async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(new URL(r.url()).pathname);
  });
  const [mine] = await listedCards(page, 1);
  const busy = papers.find((p) => p.id !== mine)!;
  fake.tokenDelayMs = 8;
  // Occupy the single generation slot so our paper has to queue.
  const busyDone = readStream(`${app.url}/api/summary/${busy.id}?lang=en`);
  await new Promise((r) => setTimeout(r, 300));

  const card = page.locator(`article.paper[data-paper-id="${mine}"]`);
  await card.locator('a.summary').click();
  assert.equal(new URL(page.url()).pathname, LIST, 'the list stays; the panel opens under the card');
  const panel = card.getByTestId('summary-panel');
  await panel
    .getByTestId('summary-progress')
    .filter({ hasText: 'Queued: position 1' })
    .waitFor({ timeout: 10_000 });

  // While answers stream: typeset maths appears before the end, and the visible text never shows TeX.
  await card.locator('[data-phase="generating"] .faq-a mjx-container').first().waitFor({ timeout: 20_000 });
  let samples = 0;
  while ((await panel.getAttribute('data-phase')) === 'generating') {
    const visible = await panel.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('mjx-container').forEach((m) => m.remove());
      return copy.textContent ?? '';
    });
    assert.doesNotMatch(visible, /\$|\\mathcal|\\frac|\\sum/, `raw TeX on screen: ${visible.slice(0, 200)}`);
    samples++;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(samples >= 5, `sampled the stream ${samples} times`);
  await panel.locator('xpath=self::*[@data-phase="done"]').waitFor();
  assert.deepEqual(await panel.locator('.faq-q').allTextContents(), QUESTIONS.en);
  assert.ok((await panel.locator('.faq-a mjx-container').count()) >= 12);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'summary-card-streamed');
  await busyDone;

  // After a reload the summary is cached: a click shows it at once, without the provider.
  const before = fake.requests.length;
  await page.reload();
  await cardsReady(page);
  const start = Date.now();
  await card.locator('a.summary').click();
  await card.locator('[data-phase="done"] .faq-a mjx-container').first().waitFor({ timeout: 5000 });
  const shownMs = Date.now() - start;
  assert.equal(await panel.locator('.faq-q').count(), 6);
  assert.equal(fake.requests.length, before, 'served from cache');
  assert.ok(shownMs < 1500, `cached summary shown ${shownMs} ms after the click`);

  // The language switch is a click: Chinese streams as its own generation.
  await panel.getByRole('button', { name: '中文' }).click();
  await card.locator('[data-phase="done"]').waitFor({ timeout: 20_000 });
  assert.deepEqual(await panel.locator('.faq-q').allTextContents(), QUESTIONS.zh);
  // A second click on Summary closes the panel.
  await card.locator('a.summary').click();
  assert.equal(await panel.count(), 0);
  // Other features' links (prefetched nav targets, favicon) are not this test's concern; ours must load.
  assert.deepEqual(
    failed.filter((p) => /^\/(?:summary|api\/summary|_next)\//.test(p)),
    [],
  );
  assert.deepEqual(
    errors.filter((e) => !e.startsWith('Failed to load resource')),
    [],
  );
  await page.close();
});

test('50 simultaneous SSE clients get one upstream generation; JSON serves the cached summary', async () => {
  const paper = papers[2]!;
  fake.tokenDelayMs = 0;
  const before = fake.requests.length;
  const streams = await Promise.all(
    Array.from({ length: 50 }, () => readStream(`${app.url}/api/summary/${paper.id}?lang=en`)),
  );
  assert.equal(fake.requests.length - before, 6);
  for (const events of streams) {
    const last = events.at(-1)!;
    assert.equal(last.type, 'summary');
    assert.equal((last.summary as { answers: unknown[] }).answers.length, 6);
  }
  const res = await fetch(`${app.url}/api/summary/${paper.id}?lang=en`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    summary: { paperVersion: number; stale: boolean; answers: Array<{ q: string; html: string }> };
  };
  assert.equal(body.summary.stale, false);
  assert.match(body.summary.answers[0]!.html, /<mjx-container/);
  assert.equal((await fetch(`${app.url}/api/summary/not-an-id`)).status, 404);
  assert.equal((await fetch(`${app.url}/summary/2605.99999`)).status, 404);
});

test('the production server reads a Chinese paper’s text (pdf.js finds its character maps at run time)', async () => {
  const paper = papers[3]!;
  fake.pdfs.set(
    `${paper.id}v${paper.version}`,
    new Uint8Array(readFileSync(path.join(import.meta.dirname, '../pdf/papers/zh.pdf'))),
  );
  const before = fake.requests.length;
  const events = await readStream(`${app.url}/api/summary/${paper.id}?lang=zh`);
  assert.equal(events.at(-1)?.type, 'summary');
  assert.equal((events.at(-1)!.summary as { source: string }).source, 'pdf');
  assert.match(
    fake.requests[before]!.messages[0]!.content,
    /本文的核心观察是：每个词元需要关注的键的数量本身可以从数据中学习得到。/,
  );
});

test('without JavaScript: the card’s Summary link leads to the summary page, where a form starts the generation', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const id = (await listedCards(page, 2, false))[1]!;
  await page.locator(`article.paper[data-paper-id="${id}"] a.summary`).click();
  await page.waitForURL(new RegExp(`/summary/${id.replace('.', '\\.')}$`));
  await page.getByRole('button', { name: 'Generate the summary' }).click();
  await page.waitForURL(/\/summary\//);
  for (let i = 0; i < 40 && (await page.locator('.faq-q').count()) < 6; i++) {
    await new Promise((r) => setTimeout(r, 500));
    await page.goto(`${app.url}/summary/${id}?lang=en`);
  }
  assert.equal(await page.locator('.faq-q').count(), 6);
  assert.ok((await page.locator('.faq-a mjx-container').count()) >= 12);
  await ctx.close();
});
