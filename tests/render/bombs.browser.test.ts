// Formula bombs and oversized papers on the real site, in Chromium (issue 15 items 2 and 4): a
// paper page, its day list, search results and a cached summary page, each carrying `x^{` nested
// 110 deep, `\sqrt` nested 150 deep and their kin, \rule{500em}{500em}, and an 80 KB abstract.
// Before the limits each of these pages crashed the tab; now the page loads, stays responsive,
// shows the bombs as marked source and nothing is drawn thousands of pixels across.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { PaperStore } from '@/lib/ingest/store';
import { MAX_MATH_EM } from '@/lib/render/limits';
import { saveSummary } from '@/lib/summaries/store';
import { startApp, type RunningApp } from '../helpers/app';
import { collectErrors, launchBrowser, screenshot } from '../helpers/browser';

const nest = (open: string, close: string, n: number, core = 'x') => open.repeat(n) + core + close.repeat(n);
const BOMBS = [
  nest('x^{', '}', 110),
  nest('\\sqrt{', '}', 150),
  nest('\\frac{1}{', '}', 100),
  nest('\\left(', '\\right)', 100),
  nest('\\underbrace{', '}_{x}', 60),
  nest('\\frac{1}{', '}', 20),
  '\\rule{500em}{500em}',
  'a\\hspace{10000em}b',
  '\\raise 500em x',
];
const DAY = '2026-12-01';
const PAGES = {
  'paper page': '/arxiv/2612.00001',
  'day list': `/arxiv/cs.LG?date=${DAY}`,
  'search results': '/search?q=bombproof',
  'cached summary': '/summary/2612.00001?lang=en',
};

let app: RunningApp;
let browser: Browser;

before(async () => {
  app = await startApp({ seed: false });
  process.env.DATABASE_PATH = app.databasePath;
  resetConfig();
  await closeDb();
  const bombs = BOMBS.map((b) => `$${b}$`).join(' and ');
  const papers = [
    {
      id: '2612.00001',
      title: `Bombproof typesetting of $${BOMBS[0]}$`,
      abstract: `We study ${bombs}. Then $x^2$ still renders.`,
    },
    // 80 KB of abstract, maths all through it: cut at ingest, its maths bounded when rendered.
    {
      id: '2612.00002',
      title: 'Bombproof and long',
      abstract: Array.from(
        { length: 2_000 },
        (_, i) => `We bound $x_{${i}}^{2} + \\frac{a_{${i}}}{b}$ here.`,
      ).join(' '),
    },
  ];
  new PaperStore(sqlite(), { queueSearch: false }).write(
    papers.map((p) => ({
      ...p,
      version: 1,
      authors: ['Ada Lovelace'],
      categories: ['cs.LG'],
      comments: `Comments $${BOMBS[1]}$`,
      asOf: DAY,
    })),
    papers.map((p, i) => ({
      paperId: p.id,
      category: 'cs.LG',
      date: DAY,
      type: 'new' as const,
      position: i + 1,
    })),
  );
  saveSummary(sqlite(), {
    paperId: '2612.00001',
    language: 'en',
    paperVersion: 1,
    model: 'fake',
    source: 'abstract',
    truncated: false,
    promptTokens: 0,
    completionTokens: 0,
    answers: Array.from({ length: 6 }, (_, i) => ({
      q: `Question ${i + 1}`,
      a: `An answer with ${BOMBS.map((b) => `$${b}$`).join(', ')} and $$${BOMBS[1]}$$ and ![x](https://tracker.example/p.png)`,
    })),
  });
  await closeDb();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** A round trip through the page's event loop, in ms. */
const roundTrip = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t)));
      }),
  );

for (const [name, path] of Object.entries(PAGES)) {
  test(
    `${name} with formula bombs stays alive and responsive in Chromium`,
    { timeout: 180_000 },
    async () => {
      const response = await fetch(app.url + path);
      const body = await response.text();
      assert.equal(response.status, 200);
      assert.ok(body.length < 3_000_000, `${name}: ${body.length} bytes`);
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      let crashed = false;
      page.on('crash', () => (crashed = true));
      const errors = collectErrors(page);
      try {
        await page.goto(app.url + path, { waitUntil: 'load', timeout: 120_000 });
        const ms = await roundTrip(page);
        const seen = await page.evaluate(() => ({
          refused: document.querySelectorAll('.math-refused').length,
          typeset: document.querySelectorAll('mjx-container').length,
          widest: Math.max(
            0,
            ...[...document.querySelectorAll('mjx-container, mjx-container *')].map(
              (e) => e.getBoundingClientRect().width,
            ),
          ),
          images: document.querySelectorAll('img[src^="https://tracker.example"]').length,
        }));
        await screenshot(page, `bombs-${name.replace(/\s+/g, '-')}`);
        console.log(
          `${name}: ${body.length} bytes, ${seen.refused} formulas shown as source, ${seen.typeset} typeset, widest ${Math.round(seen.widest)} px, round trip ${ms.toFixed(0)} ms`,
        );
        assert.equal(crashed, false);
        assert.ok(seen.refused >= (name === 'search results' ? 1 : 5), `${name}: ${seen.refused} refused`);
        assert.ok(seen.widest <= MAX_MATH_EM * 16 * 2.5, `${name}: a formula ${seen.widest} px wide`); // clamped sizes at the largest font
        assert.equal(seen.images, 0);
        assert.ok(ms < 5_000, `${name}: ${ms} ms for one round trip`);
        assert.deepEqual(
          errors.filter((e) => !/Failed to load resource/.test(e)),
          [],
        );
      } finally {
        await page.close().catch(() => {});
      }
    },
  );
}
