// The reader's morning loop in Chromium (issue 14): the header search box (with and without
// JavaScript), following categories, the inline PDF viewer and its click count, reading history,
// keeping one's place (Back deep in a 600-paper day, section links, Ctrl+F, filter across days),
// subject/author links, what a visitor sees on a site without an LLM provider, the star's colour.
// arXiv is a loopback fake: its PDFs (with CORS, as arxiv.org/pdf/ sends) and an API that never answers.
import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, before, test } from 'node:test';
import type Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSqlite } from '@/lib/db';
import { startApp, type RunningApp } from '../helpers/app';
import { collectErrors, launchBrowser, screenshot } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/http';
import { makePdf, samplePaper } from '../summaries/pdfs';

let app: RunningApp;
let browser: Browser;
let pdfHost: TestServer;
let silentArxiv: TestServer;
let db: Database.Database;
const pdfRequests: string[] = [];
const hanging: http.ServerResponse[] = [];

const DAY = '/arxiv/cs.CL?date=2026-05-12';
const BIG_DAY = '/arxiv/cs?date=2026-05-12';

before(async () => {
  const pdf = Buffer.from(await makePdf(samplePaper()));
  pdfHost = await startServer((req, res) => {
    pdfRequests.push(req.url ?? '');
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'access-control-allow-origin': '*',
      'content-length': pdf.length,
    });
    res.end(pdf);
  });
  // An arXiv API that accepts the connection and never answers: the worst case for a waiting reader.
  silentArxiv = await startServer((_req, res) => void hanging.push(res));
  app = await startApp({
    env: {
      ARXIV_PDF_URL: `${pdfHost.url}/pdf/`,
      ARXIV_API_URL: `${silentArxiv.url}/api/query`,
      ARXIV_MIN_INTERVAL_MS: '1',
    },
  });
  db = openSqlite(app.databasePath);
  // A summary generated before the provider went away (see the visitor test): stored before the
  // site renders any list, as it is in a deployment (lists move with arXiv data, not summaries).
  db.prepare(
    `INSERT INTO Summary (paperId, language, paperVersion, model, answers, source) SELECT id, 'en', version, 'test-model', ?, 'pdf' FROM Paper WHERE id = ?`,
  ).run(
    JSON.stringify([{ q: 'What problem does this paper try to solve?', a: 'A stored answer.' }]),
    visitorPapers()[1],
  );
  browser = await launchBrowser();
});

/** Two papers of cs.CL on 2026-05-14: the first without a summary, the second with one stored. */
const visitorPapers = () =>
  (
    db
      .prepare(
        `SELECT paperId FROM Listing WHERE category = 'cs.CL' AND date = '2026-05-14' ORDER BY position LIMIT 2`,
      )
      .all() as { paperId: string }[]
  ).map((r) => r.paperId);

after(async () => {
  await browser?.close();
  db?.close();
  await app?.close();
  for (const res of hanging) res.destroy();
  await pdfHost?.close();
  await silentArxiv?.close();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(app.url + path);
  await page.waitForSelector('.theme-toggle[aria-pressed]');
}

const pdfClicks = (id: string) =>
  (db.prepare('SELECT pdf FROM PaperClicks WHERE paperId = ?').get(id) as { pdf: number } | undefined)?.pdf ??
  0;
const cardIds = (page: Page) => page.locator('article.paper').evaluateAll((cards) => cards.map((c) => c.id));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('the header search box is on every page and works without JavaScript; an arXiv URL jumps to the paper', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const id = (
    db
      .prepare(`SELECT paperId FROM Listing WHERE category = 'cs.CL' AND date = '2026-05-12' LIMIT 1`)
      .get() as { paperId: string }
  ).paperId;
  for (const path of [
    '/',
    DAY,
    BIG_DAY,
    `/arxiv/${id}`,
    '/starred',
    '/history',
    `/summary/${id}`,
    '/arxiv/2601.99999',
    '/venue/ICML.2025',
    '/demos',
  ]) {
    await page.goto(app.url + path);
    assert.equal(
      await page.locator('header form[role="search"][action="/search"] input[name="q"]').count(),
      1,
      path,
    );
  }
  await page.goto(app.url + DAY);
  await page.locator('header input[name="q"]').fill('language model');
  await page.locator('header input[name="q"]').press('Enter');
  await page.waitForURL(/\/search\?q=language\+model$/);
  assert.ok((await page.locator('article.paper').count()) > 0);
  // The results page keeps the query in its box (the page's own, with every filter).
  assert.equal(await page.locator('main input[name="q"]').inputValue(), 'language model');
  await page.goto(app.url + '/history');
  await page.locator('header input[name="q"]').fill(`https://arxiv.org/abs/${id}v1`);
  await page.locator('header input[name="q"]').press('Enter');
  await page.waitForURL(new RegExp(`/arxiv/${escapeRe(id)}$`));
  assert.equal(await page.locator('article.paper').getAttribute('id'), id);
  await ctx.close();
});

test('searching from a list can be limited to that list', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, DAY);
  const scope = page.locator('header input[name="cat"]');
  await scope.waitFor();
  assert.equal(await scope.getAttribute('value'), 'cs.CL');
  await scope.check();
  await page.locator('header input[name="q"]').fill('model');
  await page.locator('header button[type="submit"]').click();
  await page.waitForURL(/\/search\?q=model&cat=cs\.CL$/);
  const subjects = await page.locator('article.paper .subjects').allTextContents();
  assert.ok(subjects.length > 0);
  for (const s of subjects) assert.match(s, /cs\.CL/);
  await ctx.close();
});

test('follow a category with + beside a subject: the home page shows it, its latest day, calendar and feed; a merged view and a shareable link', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await open(page, DAY);
  const plus = page.locator('article.paper [data-action="follow"][data-category="cs.CL"]').first();
  assert.equal(await plus.textContent(), '+');
  await plus.click();
  const states = await page
    .locator('article.paper [data-action="follow"][data-category="cs.CL"]')
    .evaluateAll((bs) => bs.map((b) => `${b.getAttribute('aria-pressed')} ${b.textContent}`));
  assert.ok(
    states.length > 1 && states.every((s) => s === 'true −'),
    'every cs.CL button shows it is followed',
  );

  await open(page, '/');
  const panel = page.locator('li.followed[data-category="cs.CL"]');
  await panel.waitFor();
  const latest = (
    db.prepare(`SELECT MAX(date) AS d FROM Listing WHERE category = 'cs.CL'`).get() as { d: string }
  ).d;
  assert.equal(await panel.locator('.latest a').textContent(), latest);
  assert.equal(await panel.locator('.latest a').getAttribute('href'), `/arxiv/cs.CL?date=${latest}`);
  assert.match((await panel.locator('.latest').textContent()) ?? '', /\d+ papers/);
  assert.equal(await panel.locator('a[href="/arxiv/cs.CL/feed"]').count(), 1);
  const days = (
    db.prepare(`SELECT COUNT(DISTINCT date) AS n FROM Listing WHERE category = 'cs.CL'`).get() as {
      n: number;
    }
  ).n;
  assert.equal(
    await panel.locator('.calendar a').count(),
    days,
    'the calendar links every day of the category',
  );

  // Choosing from the taxonomy saves at once.
  await page.locator('summary', { hasText: 'Choose categories to follow' }).click();
  await page.locator('input[name="follow"][value="cs.LG"]').check();
  await page.locator('li.followed[data-category="cs.LG"]').waitFor();
  const merged = page.locator('a.merged-view');
  assert.equal(await merged.getAttribute('href'), '/arxiv/cs.CL,cs.LG');
  const share = await page.locator('a.share-follow').getAttribute('href');
  assert.equal(share, '/?follow=cs.CL,cs.LG');
  await merged.click();
  await page.waitForURL(/\/arxiv\/cs\.CL,cs\.LG$/);
  assert.ok((await page.locator('article.paper').count()) > 0);

  // Someone else opens the shared link: they see the categories and can follow them too.
  const other = await (await browser.newContext()).newPage();
  await open(other, share!);
  assert.equal(await other.locator('#followed-heading').textContent(), 'Shared categories');
  await other.getByRole('button', { name: 'Follow these in this browser' }).click();
  await other.waitForURL(`${app.url}/`);
  assert.equal(await other.locator('#followed-heading').textContent(), 'Your categories');
  assert.deepEqual(
    await other.locator('li.followed').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-category'))),
    ['cs.CL', 'cs.LG'],
  );
  await other.locator('li.followed[data-category="cs.CL"]').getByRole('button', { name: 'Unfollow' }).click();
  await other.waitForURL(`${app.url}/`);
  assert.deepEqual(
    await other.locator('li.followed').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-category'))),
    ['cs.LG'],
  );
  await other.context().close();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('PDF opens under the card in pdf.js, lazily, with "open in new tab"; the click is counted', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await open(page, DAY);
  const card = page.locator('article.paper').nth(1);
  const id = (await card.getAttribute('id'))!;
  const version = (db.prepare('SELECT version FROM Paper WHERE id = ?').get(id) as { version: number })
    .version;
  assert.ok(!requested.some((u) => u.includes('/pdfjs/')), 'no pdf.js before a PDF is opened');
  const before = pdfClicks(id);
  await card.locator('a.pdf-link').click();
  assert.equal(new URL(page.url()).pathname, '/arxiv/cs.CL', 'the list stays');
  const panel = card.locator('.pdf-panel');
  await panel.locator('xpath=self::*[@data-phase="ready"]').waitFor({ timeout: 30_000 });
  assert.equal(await panel.locator('.pdf-status').textContent(), '3 pages');
  // Drawn by pdf.js, with its text layer (Helvetica comes from the standard fonts we serve).
  await panel.locator('.page canvas').first().waitFor();
  await panel
    .locator('.textLayer', { hasText: 'Sparse Mixtures of Tiny Experts' })
    .first()
    .waitFor({ timeout: 15_000 });
  assert.ok(requested.some((u) => u.includes('/pdfjs/') && u.endsWith('/build/pdf.worker.min.mjs')));
  assert.ok(pdfRequests.includes(`/pdf/${id}v${version}`), 'the browser fetched the PDF from the PDF source');
  assert.equal(
    await panel.locator('a.pdf-new-tab').getAttribute('href'),
    `${pdfHost.url}/pdf/${id}v${version}`,
  );
  assert.equal(await panel.locator('a.pdf-new-tab').getAttribute('target'), '_blank');
  for (let i = 0; i < 50 && pdfClicks(id) === before; i++) await page.waitForTimeout(100);
  assert.equal(pdfClicks(id), before + 1, 'the opening counts as a PDF click');
  assert.equal(await card.locator('a.pdf-link').textContent(), `PDF (${before + 1})`);
  await panel.scrollIntoViewIfNeeded();
  await card.locator('a.pdf-link').click();
  assert.equal(await card.locator('.pdf-panel').count(), 0, 'a second click closes it');
  assert.equal(pdfClicks(id), before + 1);

  // On the paper page too; the key o opens and closes the current card's PDF.
  await open(page, `/arxiv/${id}`);
  await page.locator('a.pdf-link').click();
  await page.locator('.pdf-panel[data-phase="ready"]').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('.pdf-panel').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('reading history records PDFs, summaries and paper pages by day; export and clear; cards show visited marks', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, DAY);
  const [a, b, c] = (await cardIds(page)) as [string, string, string];
  await page.locator(`article[id="${a}"] a.pdf-link`).click();
  await page.locator(`article[id="${b}"] a.title-link`).click();
  await page.waitForURL(new RegExp(`/arxiv/${escapeRe(b)}$`));
  await page.waitForFunction((id) => (localStorage.getItem('coolpapers:history') ?? '').includes(id), b);
  await open(page, `/summary/${c}`);
  await page.waitForFunction((id) => (localStorage.getItem('coolpapers:history') ?? '').includes(id), c);

  await open(page, '/history');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE')); // YYYY-MM-DD, local
  const day = page.locator(`.history-day[data-day="${today}"]`);
  await day.waitFor();
  assert.deepEqual(
    await day.locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-paper-id'))),
    [c, b, a],
    'newest first',
  );
  assert.match((await day.locator(`li[data-paper-id="${a}"]`).textContent()) ?? '', /· PDF ·/);
  assert.match((await day.locator(`li[data-paper-id="${b}"]`).textContent()) ?? '', /· page ·/);
  assert.match((await day.locator(`li[data-paper-id="${c}"]`).textContent()) ?? '', /· summary ·/);
  const exported = JSON.parse(
    decodeURIComponent(
      (await page.locator('a.export-json').getAttribute('href'))!.replace(
        /^data:application\/json;charset=utf-8,/,
        '',
      ),
    ),
  ) as { id: string; title: string }[];
  assert.deepEqual(
    exported.map((e) => e.id),
    [c, b, a],
  );
  assert.ok(exported.every((e) => e.title.length > 0));
  await screenshotsAt(page, 'history');

  await open(page, DAY);
  const visited = await page.locator('article.paper.visited').evaluateAll((cs) => cs.map((x) => x.id));
  assert.deepEqual(visited.sort(), [a, b, c].sort());

  await open(page, '/history');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.locator('p.empty').waitFor();
  await open(page, DAY);
  assert.equal(await page.locator('article.paper.visited').count(), 0);
  await ctx.close();
});

test('Back from deep in a 600-paper day returns to the same card, with the cards already loaded', async () => {
  // Without the back/forward cache, so the page is loaded anew and restores the place itself.
  const noCache = await launchBrowser({ disableFeatures: ['BackForwardCache'] });
  try {
    const page = await noCache.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(app.url + BIG_DAY);
    await page.waitForSelector('.filter-toggle:not([disabled])');
    const total = Number(await page.locator('#day-list').getAttribute('data-total'));
    assert.ok(total > 500, `a big day (${total})`);
    while ((await page.locator('#day-list article.paper').count()) < 330) {
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(100);
    }
    const target = page.locator('#day-list article.paper[data-index="300"]');
    const id = (await target.getAttribute('id'))!;
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, -120); // the reader's own scrolling, so the card is not flush with the top
    await page.waitForTimeout(300);
    const top = await target.evaluate((el) => el.getBoundingClientRect().top);
    await target.locator('a.title-link').click();
    await page.waitForURL(new RegExp(`/arxiv/${escapeRe(id)}$`));
    // A card above the place grows just after the page put the reader back (a card drawn late on a
    // busy machine, a font arriving). Without scroll anchoring, as in browsers that lack it, the
    // page itself has to keep the card where it was.
    // (A string: tsx would wrap named functions in a helper the page does not have.)
    await page.addInitScript(`{
      const grow = () => {
        document.documentElement.style.overflowAnchor = 'none';
        document.querySelectorAll('#day-list article.paper')[250].style.paddingTop = '300px';
        document.documentElement.dataset.grown = '1';
      };
      const watch = () => {
        const card = document.getElementById(${JSON.stringify(id)});
        if (card && Math.abs(card.getBoundingClientRect().top - ${top}) < 30) setTimeout(grow, 200);
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    }`);
    await page.goBack();
    await page.waitForURL(new RegExp(`${escapeRe(BIG_DAY)}$`));
    await page.waitForFunction(
      ([cardId, want]) => {
        const card = document.getElementById(cardId as string);
        return (
          document.documentElement.dataset.grown === '1' &&
          card !== null &&
          Math.abs(card.getBoundingClientRect().top - (want as number)) < 30
        );
      },
      [id, top],
      { timeout: 60_000 }, // some 375 cards to fetch again, and typeset, on a loaded shared machine
    );
    assert.ok(
      (await page.locator('#day-list article.paper').count()) >= 330,
      'the cards loaded before are back',
    );
    // While the page holds the card, the reader's own scrolling wins at once.
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(
      ([cardId, want]) =>
        document.getElementById(cardId as string)!.getBoundingClientRect().top < (want as number) - 400,
      [id, top],
    );
    await page.waitForTimeout(300);
    assert.ok(
      (await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top)) < top - 400,
      'the page did not pull the reader back',
    );
    assert.deepEqual(errors, []);
  } finally {
    await noCache.close();
  }
});

test('a section link jumps to its section at once, loading what it needs; without JavaScript it opens the chunk where the section starts', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await open(page, '/arxiv/cs.CV?date=2026-05-12'); // 330 new submissions, then the cross-lists
  const link = page.locator('a[data-section-link][href$="#section-cross"]');
  assert.match((await link.textContent()) ?? '', /^Cross-lists \(\d+\)$/);
  const href = (await link.getAttribute('href'))!;
  // One click, no scrolling: the chunks before the section are fetched together and spliced in order.
  await link.click();
  await page.waitForFunction(() => {
    const s = document.getElementById('section-cross');
    return s !== null && Math.abs(s.getBoundingClientRect().top) < 5;
  });
  assert.equal(new URL(page.url()).hash, '#section-cross');
  const first = Number(await link.getAttribute('data-first'));
  assert.ok(first > 300, `the section starts deep in the day (#${first})`);
  assert.equal(
    await page.locator('#section-cross article.paper').first().getAttribute('data-index'),
    String(first),
  );
  // The page before the section is whole: every card up to it, in order.
  const indices = await page
    .locator('#day-list article.paper')
    .evaluateAll((cs) => cs.map((c) => Number((c as HTMLElement).dataset.index)));
  assert.deepEqual(
    indices.slice(0, first),
    Array.from({ length: first }, (_, i) => i + 1),
  );
  // Without JavaScript the link is a real address.
  const html = await (await fetch(new URL(href, app.url))).text();
  assert.match(html, /id="section-cross"/);
  await ctx.close();
});

test('Ctrl+F opens the filter where the reader is; filter terms carry over to another day and category', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await open(page, BIG_DAY);
  while ((await page.locator('#day-list article.paper').count()) < 75) {
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(100);
  }
  await page
    .locator('#day-list article.paper[data-index="60"]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  const y = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Control+f');
  const include = page.locator('textarea[name="include"]');
  await include.waitFor();
  assert.equal(await include.evaluate((el) => el === document.activeElement), true);
  assert.ok(await include.isVisible());
  const box = await include.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, 'the filter is on screen');
  assert.ok(
    Math.abs((await page.evaluate(() => window.scrollY)) - y) < 400,
    'the list did not jump to the top',
  );

  await open(page, DAY);
  await page.keyboard.press('Control+f');
  await include.fill('language');
  await page.waitForFunction(() =>
    /papers match/.test(document.querySelector('.filter-count')?.textContent ?? ''),
  );
  await page.locator('a.next-day').click();
  await page.waitForURL(/\/arxiv\/cs\.CL\?date=2026-05-13&include=language$/);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2026-05-13'));
  await page.waitForFunction(() =>
    /papers match/.test(document.querySelector('.filter-count')?.textContent ?? ''),
  );
  assert.equal(await page.locator('textarea[name="include"]').inputValue(), 'language');
  const shown = await page
    .locator('article.paper:not([hidden])')
    .evaluateAll((cs) =>
      cs.map((c) =>
        `${(c as HTMLElement).dataset.title} ${c.querySelector('.abstract')!.textContent} ${(c as HTMLElement).dataset.authors}`.toLowerCase(),
      ),
    );
  assert.ok(shown.length > 0 && shown.every((t) => t.includes('language')));
  // A subject link (another category) keeps the filter too.
  const subject = page.locator('article.paper:not([hidden]) a.subject:not([href="/arxiv/cs.CL"])').first();
  const to = (await subject.getAttribute('href'))!;
  await subject.click();
  await page.waitForURL(new RegExp(`${escapeRe(to)}\\?include=language$`));
  await page.waitForFunction(() =>
    /papers match/.test(document.querySelector('.filter-count')?.textContent ?? ''),
  );
  await ctx.close();
});

test('authors link to an author search; external links open in a new tab', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, DAY);
  const card = page.locator('article.paper').first();
  const author = card.locator('a.author').first();
  const name = (await author.textContent())!;
  assert.equal(new URL((await author.getAttribute('href'))!, app.url).searchParams.get('q'), `au:"${name}"`);
  for (const a of await card.locator('a[href^="http"]').all())
    assert.equal(await a.getAttribute('target'), '_blank', (await a.getAttribute('href')) ?? '');
  await author.click();
  await page.waitForURL(/\/search\?q=au/);
  const authors = await page
    .locator('article.paper')
    .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.authors ?? ''));
  assert.ok(authors.length > 0 && authors.every((a) => a.includes(name.split(' ').at(-1)!)));
  await ctx.close();
});

test('papers.cool addresses answer 200 or redirect to our equivalent', async () => {
  const id = (
    db
      .prepare(`SELECT paperId FROM Listing WHERE category = 'cs.CL' AND date = '2026-05-12' LIMIT 1`)
      .get() as { paperId: string }
  ).paperId;
  const [id2] = (db.prepare('SELECT id FROM Paper WHERE id <> ? LIMIT 1').all(id) as { id: string }[]).map(
    (r) => r.id,
  );
  const redirects: [string, string][] = [
    ['/arxiv/search?query=diffusion&highlight=1', '/search?q=diffusion'],
    ['/arxiv/search?query=diffusion&sort=0', '/search?q=diffusion&sort=newest'],
    ['/arxiv/search/feed?query=diffusion', '/search/feed?q=diffusion'],
    ['/venue/search?query=diffusion', '/search?q=diffusion'],
    ['/search?q=diffusion&sort=1', '/search?q=diffusion&sort=popularity'],
    [`/arxiv/kimi?paper=${id}`, `/summary/${id}`],
    ['/arxiv/1406.02661', '/arxiv/1406.2661'],
    ['/arxiv/1406.02661v2,1406.2662', '/arxiv/1406.2661v2,1406.2662'],
    [`/pdf?url=${encodeURIComponent(`https://arxiv.org/pdf/${id}v1`)}`, `/go/pdf/${id}v1`],
    ['/config', '/'],
  ];
  for (const [from, to] of redirects) {
    const res = await fetch(app.url + from, { redirect: 'manual' });
    assert.ok([301, 302, 303, 307, 308].includes(res.status), `${from} → ${res.status}`);
    const location = new URL(res.headers.get('location')!, app.url);
    assert.equal(location.pathname + location.search, to, from);
  }
  const ok = [
    '/',
    '/arxiv/cs.CL',
    '/arxiv/cs',
    '/arxiv/cs.AI,cs.CL',
    '/arxiv/cs.AI+cs.LG-cs.CY',
    DAY,
    `${DAY}&sort=1`,
    `${DAY}&sort=0`,
    `${DAY}&sort=llm,agent`,
    `${DAY}&show=100`,
    `${DAY}&skip=25&show=25`,
    '/arxiv/cs.CL/feed',
    `/arxiv/${id}`,
    `/arxiv/${id},${id2}`,
    `/summary/${id}`,
    '/search?q=diffusion',
    '/search/feed?q=diffusion',
    '/venue/ICML.2025',
    '/venue/AAAI',
    '/venue/latest/feed',
    '/venue/AAAI/feed',
    '/venue/abc123@OpenReview',
    '/venue/kimi?paper=abc123@OpenReview',
    `/arxiv/progress?paper=${id}`,
  ];
  for (const path of ok) assert.equal((await fetch(app.url + path)).status, 200, path);
  assert.equal(
    (await fetch(`${app.url}/pdf/${id}v1`)).status,
    404,
    'PDFs come from arXiv unless the cache is set up',
  );
  assert.equal((await (await fetch(`${app.url}${DAY}&show=100`)).text()).match(/<article /g)?.length, 100);
  assert.equal(
    (await (await fetch(`${app.url}/arxiv/progress?paper=${id}`)).text()).trim(),
    '0',
    'no summary yet',
  );
  const venue = await (await fetch(app.url + '/venue/ICML.2025')).text();
  assert.ok(
    venue.includes('Conference proceedings are not on this site') &&
      venue.includes('href="/search?q=ICML%202025"'),
    'the venue page explains and offers a search',
  );
  // POSTs: the summary request (307 keeps the method) and the click counters.
  const kimi = await fetch(`${app.url}/arxiv/kimi?paper=${id}`, { method: 'POST', redirect: 'manual' });
  assert.equal(kimi.status, 307);
  assert.equal(new URL(kimi.headers.get('location')!, app.url).pathname, `/api/summary/${id}`);
  const before = pdfClicks(id2!);
  assert.equal(
    (await fetch(`${app.url}/arxiv/star?key=pdf&paper=${id2}&delta=5`, { method: 'POST' })).status,
    204,
  );
  // Clicks are written in batches, once a second (lib/papers/clicks.ts).
  for (let i = 0; i < 50 && pdfClicks(id2!) === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(pdfClicks(id2!), before + 1, 'one click, whatever delta says');
  assert.equal(
    (await fetch(`${app.url}/arxiv/star?key=nonsense&paper=${id2}`, { method: 'POST' })).status,
    400,
  );

  // ?sort=1 (papers.cool's star sort) sorts the list by popularity in the page.
  const page = await browser.newPage();
  await open(page, `${DAY}&sort=1`);
  await page.waitForURL(/sort=popular/);
  await page.locator('.filter-count').waitFor();
  const clicks = await page
    .locator('#section-new article.paper')
    .evaluateAll((cs) => cs.map((c) => Number((c as HTMLElement).dataset.clicks)));
  assert.deepEqual(
    clicks,
    [...clicks].sort((x, y) => y - x),
  );
  await page.close();
});

const CONFIG_TEXT =
  /LLM_API_KEY|LLM_BASE_URL|provider is configured|OpenAI-compatible|Cached summaries are still shown|ARXIV_|127\.0\.0\.1:\d+/;

test('a visitor never sees configuration text: no summary buttons without a provider, a neutral note, and "Fetch from arXiv" fails readably within 15 s', async () => {
  // A summary generated before the provider went away (stored in before()) is still shown.
  const [listed, withSummary] = visitorPapers();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, '/arxiv/cs.CL?date=2026-05-14');
  assert.equal(
    await page.locator(`article[id="${listed}"] a.summary`).count(),
    0,
    'no summary button to press in vain',
  );
  await page.locator(`article[id="${withSummary}"] a.summary`).click();
  await page
    .locator(`article[id="${withSummary}"] [data-phase="done"] .faq-a`, { hasText: 'A stored answer.' })
    .waitFor();
  await page
    .locator(`article[id="${withSummary}"] [data-testid="summary-panel"]`)
    .getByRole('button', { name: '中文' })
    .click();
  await page
    .locator(`article[id="${withSummary}"] [role="alert"]`, {
      hasText: 'Summaries are not enabled on this site.',
    })
    .waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), CONFIG_TEXT);

  await open(page, `/summary/${listed}`);
  await page.getByText('Summaries are not enabled on this site.').waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), CONFIG_TEXT);
  const stream = await (
    await fetch(`${app.url}/api/summary/${listed}`, { headers: { accept: 'text/event-stream' } })
  ).text();
  assert.match(stream, /"reason":"no-provider","message":"Summaries are not enabled on this site\."/);
  assert.doesNotMatch(stream, CONFIG_TEXT);

  // arXiv does not answer: progress at once, a plain explanation within 15 s, in the page.
  await open(page, '/arxiv/2601.99999');
  const started = Date.now();
  await page.getByRole('button', { name: 'Fetch from arXiv' }).click();
  await page.locator('.fetch-progress', { hasText: /Fetching from arXiv… \d+ s/ }).waitFor({ timeout: 2000 });
  const error = page.locator('.fetch-error');
  await error.waitFor({ timeout: 15_000 });
  assert.ok(Date.now() - started < 15_000);
  assert.match(
    (await error.textContent()) ?? '',
    /arXiv did not answer in time|arXiv could not be reached|within 15 seconds/,
  );
  assert.doesNotMatch(await page.locator('body').innerText(), CONFIG_TEXT);
  assert.ok(await page.getByRole('button', { name: 'Try again' }).isEnabled());
  await ctx.close();
});

/** Tailwind utilities on one element that set the same property: the later one in the stylesheet wins, whatever the markup meant. */
function classClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const COLOR =
      '(?:white|black|transparent|current|(?:zinc|gray|slate|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\\d{2,3})(?:/\\d+)?';
    const families: [string, RegExp][] = [
      ['text colour', new RegExp(`^text-${COLOR}$`)],
      ['font size', /^text-(?:xs|sm|base|lg|xl|\dxl|\[[^\]]+\])$/],
      ['font weight', /^font-(?:thin|light|normal|medium|semibold|bold|extrabold|black)$/],
      ['background', new RegExp(`^bg-${COLOR}$`)],
      ['border colour', new RegExp(`^border-${COLOR}$`)],
      ['display', /^(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|contents|hidden|table)$/],
      ['decoration', /^(?:underline|no-underline|line-through)$/],
      ['position', /^(?:static|relative|absolute|fixed|sticky)$/],
    ];
    const out: string[] = [];
    for (const el of document.querySelectorAll('[class]')) {
      const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
      for (const [name, re] of families) {
        const hits = classes.filter((c) => re.test(c));
        if (hits.length > 1)
          out.push(`${el.tagName.toLowerCase()}.${classes.slice(0, 3).join('.')}: ${name} ${hits.join(' ')}`);
      }
    }
    return out;
  });
}

test('a starred paper’s star is amber in lists, and no control carries two utilities for the same property', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, DAY);
  const colour = (cls: string) =>
    page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.className = c;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, cls);
  const star = page.locator('article.paper').first().locator('[data-action="star"]');
  assert.equal(await star.evaluate((el) => getComputedStyle(el).color), await colour('text-zinc-400'));
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  assert.equal(
    await star.evaluate((el) => getComputedStyle(el).color),
    await colour('text-amber-500'),
    'starred = amber',
  );
  await page.reload();
  await page.waitForSelector('article.paper[data-painted]');
  assert.equal(
    await star.evaluate((el) => getComputedStyle(el).color),
    await colour('text-amber-500'),
    'still amber after a reload',
  );

  // Every control in its states: open filter, PDF viewer, followed subject, summary panel, pages.
  await page.keyboard.press('Control+f');
  await page.locator('article.paper').first().locator('a.pdf-link').click();
  await page.locator('.pdf-panel[data-phase="ready"]').waitFor({ timeout: 30_000 });
  await page.locator('article.paper').first().locator('[data-action="follow"]').first().click();
  const clashes = await classClashes(page);
  for (const path of [
    '/',
    '/?follow=cs.CL,cs.LG',
    '/history',
    '/starred',
    '/search?q=diffusion',
    '/arxiv/2601.99999',
    '/venue/x',
    `/arxiv/${await page.locator('article.paper').first().getAttribute('id')}`,
  ]) {
    await open(page, path);
    clashes.push(...(await classClashes(page)).map((c) => `${path}: ${c}`));
  }
  assert.deepEqual(clashes, []);
  await ctx.close();
});

/** Screenshots of the current page at 1366 and 390 px, light and dark (test-results/screenshots). */
async function screenshotsAt(
  page: Page,
  name: string,
  prepare: (p: Page) => Promise<void> = async () => {},
): Promise<void> {
  const state = await page.context().storageState();
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const ctx: BrowserContext = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        isMobile: width < 500,
        hasTouch: width < 500,
        storageState: state,
      });
      const shot = await ctx.newPage();
      const errors = collectErrors(shot);
      await open(shot, new URL(page.url()).pathname + new URL(page.url()).search);
      await prepare(shot);
      assert.ok(
        (await shot.evaluate(() => document.documentElement.scrollWidth)) <= width,
        `${name} at ${width}px: no sideways scroll`,
      );
      await screenshot(shot, `morning-${name}-${width}-${colorScheme}`);
      assert.deepEqual(errors, []);
      await ctx.close();
    }
  }
}

test('screenshots: home with followed categories, a list with an open PDF (history: above), at 1366 and 390 px, light and dark', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, '/?follow=cs.CL,cs.LG,cs.CV');
  await page.getByRole('button', { name: 'Follow these in this browser' }).click();
  await page.waitForURL(`${app.url}/`);
  await screenshotsAt(page, 'home');
  await open(page, DAY);
  await screenshotsAt(page, 'list-pdf', async (shot) => {
    const card = shot.locator('article.paper').nth(2);
    await card.locator('a.pdf-link').click();
    await shot.locator('.pdf-panel[data-phase="ready"]').waitFor({ timeout: 30_000 });
    await shot.locator('.pdf-panel .textLayer').first().waitFor();
    // Wide: the card from its title with the viewer under it; a phone: the viewer.
    if (shot.viewportSize()!.width > 500) await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    else await shot.locator('.pdf-panel').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot.waitForTimeout(300);
  });
  await ctx.close();
});
