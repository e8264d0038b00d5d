// The daily list in Chromium: lazy loading, filter/highlight, stars and visited marks, the
// starred page's BibTeX, keyboard, dark mode, a 360 px phone. Screenshots land in test-results/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { collectErrors, launchBrowser, screenshot } from '../helpers/browser';

let app: RunningApp;
let browser: Browser;
before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const BIG_DAY = '/arxiv/cs?date=2026-05-12';
const DAY = '/arxiv/cs.CL?date=2026-05-12';

/** A context whose arXiv requests (PDF redirects) are answered locally: there is no internet here. */
async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext(options);
  await ctx.route('https://arxiv.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: 'arXiv stand-in' }),
  );
  return ctx;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(app.url + path);
  await page.waitForSelector('.filter-toggle:not([disabled]), .theme-toggle[aria-pressed]');
}

const count = (page: Page, selector: string) => page.locator(selector).count();

test('scrolling loads the whole day, with a position indicator and back to top', async () => {
  const ctx = await context({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await open(page, BIG_DAY);
  const total = Number(await page.locator('#day-list').getAttribute('data-total'));
  assert.ok(total > 500, `the largest day (${total})`);
  assert.equal(await count(page, 'article.paper'), 25);
  await screenshot(page, 'browse-list');
  const deadline = Date.now() + 90_000;
  while ((await count(page, 'article.paper')) < total && Date.now() < deadline) {
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(150);
  }
  const ids = await page.locator('article.paper').evaluateAll((cards) => cards.map((c) => c.id));
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total, 'no duplicates');
  const indices = await page
    .locator('article.paper')
    .evaluateAll((cards) => cards.map((c) => Number((c as HTMLElement).dataset.index)));
  assert.deepEqual(
    indices,
    indices.map((_, i) => i + 1),
    'numbered in order',
  );
  assert.equal(await count(page, '[data-more]'), 0);
  await page.locator('article.paper').nth(300).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const position = await page.locator('.day-position .position').textContent();
  assert.match(position ?? '', new RegExp(`^\\d+ / ${total}$`));
  await page.getByRole('link', { name: 'Back to top' }).click();
  await page.waitForFunction(() => window.scrollY === 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('filter with include and exclude words, then highlight, then AND (Ctrl+F opens it)', async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await open(page, DAY);
  await page.keyboard.press('Control+f');
  const include = page.locator('textarea[name="include"]');
  await include.waitFor();
  assert.equal(
    await include.evaluate((el) => el === document.activeElement),
    true,
    'the include box has focus',
  );
  await include.fill('language\nreasoning');
  await page.locator('textarea[name="exclude"]').fill('benchmark');
  await page.waitForFunction(() =>
    /\d+ of \d+ papers match/.test(document.querySelector('.filter-count')?.textContent ?? ''),
  );
  await page.waitForFunction(
    () =>
      document.querySelectorAll('article.paper').length ===
      Number(document.querySelector('#day-list')!.getAttribute('data-total')),
  );
  await screenshot(page, 'browse-filter');

  const cards = await page.locator('article.paper').evaluateAll((all) =>
    all.map((c) => {
      const e = c as HTMLElement;
      const text =
        `${e.dataset.title}\n${e.querySelector('.abstract')!.textContent}\n${e.dataset.authors}`.toLowerCase();
      return { hidden: e.hidden, text, marks: e.querySelectorAll('mark.hl').length };
    }),
  );
  const matches = (t: string) =>
    (t.includes('language') || t.includes('reasoning')) && !t.includes('benchmark');
  const shown = cards.filter((c) => !c.hidden);
  assert.ok(shown.length > 0 && shown.length < cards.length, `${shown.length} of ${cards.length} shown`);
  for (const c of cards) assert.equal(!c.hidden, matches(c.text));
  assert.ok(
    shown.every((c) => c.marks > 0),
    'matches are marked',
  );
  const status = await page.locator('.filter-count').textContent();
  assert.equal(status, `${shown.length} of ${cards.length} papers match`);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('include'), 'language\nreasoning');
  assert.equal(url.searchParams.get('exclude'), 'benchmark');

  await page.locator('input[name="mode"][value="highlight"]').check();
  await page.waitForFunction(
    () => ![...document.querySelectorAll<HTMLElement>('article.paper')].some((c) => c.hidden),
  );
  assert.ok((await count(page, 'article.paper.match mark.hl')) >= shown.length);

  await page.locator('input[name="mode"][value="filter"]').check();
  await page.locator('input[name="all"]').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('match') === 'all');
  const both = await page
    .locator('article.paper')
    .evaluateAll((all) => all.filter((c) => !(c as HTMLElement).hidden).map((c) => c.id));
  const bothWanted = cards.filter(
    (c) => c.text.includes('language') && c.text.includes('reasoning') && !c.text.includes('benchmark'),
  ).length;
  assert.equal(both.length, bothWanted);

  // The filtered view is a shareable URL.
  const again = await ctx.newPage();
  await open(again, new URL(page.url()).pathname + new URL(page.url()).search);
  await again.waitForFunction(() =>
    /papers match/.test(document.querySelector('.filter-count')?.textContent ?? ''),
  );
  assert.equal(await again.locator('article.paper:not([hidden])').count(), bothWanted);
  await ctx.close();
});

test('stars and visited marks survive a reload; the starred page exports valid BibTeX', async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await open(page, DAY);
  const cards = page.locator('article.paper');
  const [first, second, third] = await cards.evaluateAll((all) => all.slice(0, 3).map((c) => c.id));
  await cards.nth(0).locator('[data-action="star"]').click();
  await cards.nth(2).locator('[data-action="star"]').click();
  await cards.nth(1).locator('.pdf-link').click();
  await cards.nth(1).locator('.pdf-panel').waitFor(); // the PDF opens under the card
  await open(page, DAY);
  assert.equal(
    await page.locator(`article[id="${first}"] [data-action="star"]`).getAttribute('aria-pressed'),
    'true',
  );
  assert.equal(
    await page.locator(`article[id="${third}"] [data-action="star"]`).getAttribute('aria-pressed'),
    'true',
  );
  assert.equal(
    await page.locator(`article[id="${second}"] [data-action="star"]`).getAttribute('aria-pressed'),
    'false',
  );
  assert.match((await page.locator(`article[id="${second}"]`).getAttribute('class')) ?? '', /\bvisited\b/);
  assert.doesNotMatch(
    (await page.locator(`article[id="${first}"]`).getAttribute('class')) ?? '',
    /\bvisited\b/,
  );

  await open(page, '/starred');
  await page.getByRole('button', { name: 'Show BibTeX' }).click();
  const bibtex = await page.locator('textarea.bibtex-export').inputValue();
  const entries = bibtex.trim().split(/\n\n/);
  assert.equal(entries.length, 2);
  for (const entry of entries) {
    assert.match(
      entry,
      /^@misc\{[A-Za-z0-9_.]+,\n(  [a-zA-Z]+ = \{[^\n]*\},\n)*  [a-zA-Z]+ = \{[^\n]*\}\n\}$/,
    );
    let depth = 0;
    for (const ch of entry) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      assert.ok(depth >= 0, 'braces never close early');
    }
    assert.equal(depth, 0, 'braces balance');
    assert.match(entry, /  title = \{.+\}/);
    assert.match(entry, /  author = \{.+\}/);
  }
  assert.ok(bibtex.includes(`eprint = {${first}}`) && bibtex.includes(`eprint = {${third}}`));
  const share = await page.locator('a.share-link').getAttribute('href');
  assert.equal(share, `/arxiv/${third},${first}`);
  await open(page, share!);
  assert.deepEqual(await page.locator('article.paper').evaluateAll((all) => all.map((c) => c.id)), [
    third,
    first,
  ]);
  await ctx.close();
});

test('keyboard: j/k move, s stars, o opens and closes the PDF, ? shows help', async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await open(page, DAY);
  const ids = await page.locator('article.paper').evaluateAll((all) => all.map((c) => c.id));
  const current = () => page.locator('article.paper.current').getAttribute('id');
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await current(), ids[2]);
  await page.keyboard.press('k');
  assert.equal(await current(), ids[1]);
  await page.keyboard.press('s');
  assert.equal(
    await page.locator(`article[id="${ids[1]}"] [data-action="star"]`).getAttribute('aria-pressed'),
    'true',
  );
  const requested: string[] = [];
  ctx.on('request', (r) => requested.push(`${r.method()} ${r.url()}`));
  await page.keyboard.press('o');
  await page.locator(`article[id="${ids[1]}"] .pdf-panel`).waitFor();
  await page.waitForFunction(() => document.querySelector('article.paper.current.visited') !== null);
  assert.ok(requested.includes(`POST ${app.url}/go/pdf/${ids[1]}`), 'opening the PDF counts a click');
  await page.keyboard.press('o');
  assert.equal(await page.locator('.pdf-panel').count(), 0, 'o again closes it');
  await page.bringToFront();
  await page.keyboard.press('?');
  assert.ok(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible());
  await page.keyboard.press('Escape');
  assert.equal(await count(page, '.shortcut-help'), 0);
  await ctx.close();
});

test('dark mode follows the system, the toggle overrides it and sticks', async () => {
  const ctx = await context({ colorScheme: 'dark' });
  const page = await ctx.newPage();
  await open(page, DAY);
  const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await dark(), true);
  const darkBackground = await background();
  await screenshot(page, 'browse-dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  assert.equal(await dark(), false);
  assert.notEqual(await background(), darkBackground);
  await page.reload();
  assert.equal(await dark(), false, 'the choice survives a reload');
  await ctx.close();
});

test('a 360 px phone has no horizontal scroll; the paper page and 404 page render', async () => {
  const ctx = await context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  for (const path of [DAY, '/arxiv/cs.AI+cs.LG-cs.CY', '/', '/starred']) {
    await open(page, path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path}: page is ${width}px wide`);
  }
  await open(page, DAY);
  const first = await page.locator('article.paper').first().getAttribute('id');
  await open(page, `/arxiv/${first}`);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
  assert.ok(await page.locator('h2 .title-link').isVisible());
  await screenshot(page, 'browse-paper');
  assert.deepEqual(errors, []);

  const missing = await page.goto(`${app.url}/arxiv/2601.99999`);
  assert.equal(missing?.status(), 404);
  await page.getByText('is not in this database yet').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Fetch from arXiv' }).isVisible());
  await ctx.close();
});
