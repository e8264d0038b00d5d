// The demos in real Chromium against the real Next server: no console errors, no horizontal
// scroll at 360 px, slider → plot redraw under 200 ms, workers show progress and can be cancelled,
// the published defaults are the ones that run, every new demo reacts to its controls, and
// full-page screenshots of every demo page at 1366 and 390 px in light and dark mode.
// DEMOS_APP_URL points the test at an already running server instead of starting one.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startApp } from '../helpers/app';
import { collectErrors, launchBrowser, screenshot } from '../helpers/browser';

let baseUrl = '';
let browser: Browser;
let closeApp = async () => {};

before(async () => {
  if (process.env.DEMOS_APP_URL) baseUrl = process.env.DEMOS_APP_URL;
  else {
    const app = await startApp();
    baseUrl = app.url;
    closeApp = app.close;
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await closeApp();
});

const PAGES = ['/demos', '/demos/optimizers', '/demos/scaling', '/demos/rope'];

async function open(
  path: string,
  width = 1280,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; errors: () => string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors = collectErrors(page);
  // A missing /favicon.ico is the site's business, not the demos': its 404 log line is dropped.
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(new URL(r.url()).pathname);
  });
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  const faviconOnly = (e: string) =>
    e.startsWith('Failed to load resource') && failed.every((p) => p === '/favicon.ico');
  return { page, errors: () => errors.filter((e) => !faviconOnly(e)) };
}

/** Sets a range input the way a user's drag does (native setter + input event). */
async function setSlider(page: Page, testId: string, value: number): Promise<void> {
  await page.evaluate(`(() => {
    const slider = document.querySelector('[data-testid="${testId}"]');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, '${value}');
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

/** Moves a range input by `delta` the way a user does and returns ms until the chart redraws. */
async function sliderToRedrawMs(
  page: Page,
  sliderId: string,
  chartId: string,
  delta: number,
): Promise<number> {
  await page.waitForSelector(`[data-testid="${chartId}"]:not([data-redraws="0"])`);
  // A string, not a function: the test transpiler would inject helpers the page does not have.
  return page.evaluate(`(async () => {
    const slider = document.querySelector('[data-testid="${sliderId}"]');
    const chart = document.querySelector('[data-testid="${chartId}"]');
    const redrawsBefore = chart.dataset.redraws;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const t0 = performance.now();
    setValue.call(slider, String(Number(slider.value) + ${delta}));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (chart.dataset.redraws !== redrawsBefore ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  })()`);
}

/** The chart's pixels, to see that a setting changed what is drawn (not just that it redrew). */
async function chartPixels(page: Page, chartId: string): Promise<string> {
  await page.waitForSelector(`[data-testid="${chartId}"]:not([data-redraws="0"]) canvas`);
  return page.evaluate(`document.querySelector('[data-testid="${chartId}"] canvas').toDataURL()`);
}

/** Changes a slider and waits until the chart's pixels differ from before; returns both texts of `textId`. */
async function settingChangesChart(
  page: Page,
  sliderId: string,
  value: number,
  chartId: string,
  textId: string,
): Promise<[string, string]> {
  const before = await chartPixels(page, chartId);
  const textBefore = (await page.getByTestId(textId).textContent()) ?? '';
  await setSlider(page, sliderId, value);
  await page.waitForFunction(
    ([id, pixels]) =>
      document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)?.toDataURL() !== pixels,
    [chartId, before] as const,
    { timeout: 30_000 },
  );
  await page.waitForFunction(
    ([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent !== text,
    [textId, textBefore] as const,
    { timeout: 30_000 },
  );
  return [textBefore, (await page.getByTestId(textId).textContent()) ?? ''];
}

for (const path of PAGES) {
  test(`${path} loads without console errors and fits a 360 px phone`, async () => {
    const { page, errors } = await open(path, 360);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `horizontal scroll: ${scrollWidth}px`);
    await page.close();
    assert.deepEqual(errors(), []);
  });
}

test('screenshots of every demo page at 1366 and 390 px, light and dark (test-results/screenshots/demos-*)', async () => {
  const dir = path.resolve('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  const errors: string[] = [];
  for (const pagePath of PAGES) {
    for (const width of [1366, 390]) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, errors: pageErrors } = await open(pagePath, width, scheme);
        if (pagePath !== '/demos') await page.waitForSelector('[data-redraws]:not([data-redraws="0"])');
        if (pagePath === '/demos/optimizers') {
          // Bring Muon at scale on screen so it simulates, and wait for both workers to finish.
          await page.getByTestId('muon-scale-status').scrollIntoViewIfNeeded();
          await page.getByTestId('muon-scale-status').getByText('done').waitFor({ timeout: 120_000 });
          await page.getByTestId('mlp-status').getByText('done').waitFor({ timeout: 120_000 });
        }
        if (pagePath === '/demos/rope') {
          await page.getByTestId('largest-base').scrollIntoViewIfNeeded();
          await page.getByTestId('largest-chart').waitFor({ timeout: 60_000 });
        }
        // Animations settle: the landscape animation has ended, the largest-L grid has filled in.
        await page.waitForTimeout(pagePath === '/demos' ? 0 : 2500);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${pagePath} at ${width}px scrolls sideways: ${scrollWidth}px`);
        const name = `demos${pagePath.replaceAll('/', '-')}-${width}-${scheme}`;
        await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
        errors.push(...pageErrors());
        await page.close();
      }
    }
  }
  assert.deepEqual(errors, []);
});

test('slider changes redraw their plots within 200 ms', async () => {
  const { page, errors } = await open('/demos/optimizers');
  const landscape = await sliderToRedrawMs(page, 'landscape-adam-lr', 'landscape-loss-chart', 0.3);
  const ns = await sliderToRedrawMs(page, 'ns-rows', 'ns-spectrum-chart', -32);
  await page.close();
  const rope = await open('/demos/rope');
  const freq = await sliderToRedrawMs(rope.page, 'rope-base', 'rope-frequency-chart', 0.5);
  const ext = await sliderToRedrawMs(rope.page, 'ext-scale', 'ext-angle-chart', 4);
  const mixed = await sliderToRedrawMs(rope.page, 'mixed-b', 'mixed-divisor-chart', -0.1);
  await rope.page.close();
  const scaling = await open('/demos/scaling');
  const batch = await sliderToRedrawMs(scaling.page, 'batch-kappa', 'batch-chart', 0.2);
  const eps = await sliderToRedrawMs(scaling.page, 'eps-ratio', 'eps-chart', 0.3);
  await scaling.page.close();
  const timings = { landscape, ns, freq, ext, mixed, batch, eps };
  console.log(
    'slider → redraw (ms):',
    JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]))),
  );
  for (const [name, ms] of Object.entries(timings)) assert.ok(ms < 200, `${name}: ${ms} ms`);
  assert.deepEqual([...errors(), ...rope.errors(), ...scaling.errors()], []);
});

/** The landscape table's cells for one optimizer: [β, result]. */
async function landscapeRow(page: Page, table: string, kind: string): Promise<[string, string]> {
  const row = page.getByTestId(table).locator(`tr[data-kind="${kind}"]`);
  return [
    (await row.locator('[data-cell="beta"]').textContent()) ?? '',
    (await row.locator('[data-cell="result"]').textContent()) ?? '',
  ];
}

test('under their own defaults Tiger differs from Signum, and AdamW runs with β2 = 0.999', async () => {
  const { page, errors } = await open('/demos/optimizers');
  // Landscape: Tiger β = 0.945 with tiger.py's relative lr; Signum β = 0.9; different trajectories.
  const [tigerBeta, tigerResult] = await landscapeRow(page, 'landscape-settings', 'tiger');
  const [signumBeta, signumResult] = await landscapeRow(page, 'landscape-settings', 'signum');
  const [adamwBeta] = await landscapeRow(page, 'landscape-settings', 'adamw');
  assert.equal(tigerBeta, 'β = 0.945');
  assert.equal(signumBeta, 'β = 0.9');
  assert.equal(adamwBeta, 'β1 = 0.9, β2 = 0.999');
  assert.notEqual(tigerResult, signumResult);
  // Rosenbrock at the defaults, as the numpy reference computes it (tests/demos/ref/seeded_reference.py).
  assert.equal(tigerResult, '1.107e+0');
  assert.equal(signumResult, '9.901e-2');
  assert.match(
    (await page.getByTestId('landscape-settings').locator('tr[data-kind="tiger"]').textContent()) ?? '',
    /× RMS\(θ\)/,
  );
  // Switching the relative lr off leaves Tiger = Lion with β1 = β2 = 0.945, still not Signum.
  await page.getByTestId('landscape-tiger-relative-lr').uncheck();
  await page.waitForFunction(
    () =>
      !document
        .querySelector('[data-testid="landscape-settings"] tr[data-kind="tiger"]')
        ?.textContent?.includes('RMS'),
  );
  assert.notEqual(
    (await landscapeRow(page, 'landscape-settings', 'tiger'))[1],
    (await landscapeRow(page, 'landscape-settings', 'signum'))[1],
  );

  // Classifier: the same settings table; wait for training to finish and compare losses.
  await page.getByTestId('mlp-status').getByText('done').waitFor({ timeout: 120_000 });
  const [mlpTigerBeta, mlpTiger] = await landscapeRow(page, 'mlp-settings', 'tiger');
  const [, mlpSignum] = await landscapeRow(page, 'mlp-settings', 'signum');
  const [mlpAdamwBeta] = await landscapeRow(page, 'mlp-settings', 'adamw');
  assert.equal(mlpTigerBeta, 'β = 0.945');
  assert.equal(mlpAdamwBeta, 'β1 = 0.9, β2 = 0.999');
  assert.match(mlpTiger, /^\d\.\d{4} · \d+%$/);
  assert.notEqual(mlpTiger, mlpSignum);
  const muon = (await page.getByTestId('mlp-settings').locator('tr[data-kind="muon"]').textContent()) ?? '';
  assert.match(muon, /others: AdamW lr 0\.0003, β = \(0\.9, 0\.95\), ε = 1e-10, λ = 0/);
  await page.close();
  assert.deepEqual(errors(), []);
});

test('a diverged run is shown as diverged: SGD on Beale', async () => {
  const { page, errors } = await open('/demos/optimizers');
  await page.locator('select').first().selectOption('beale');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="landscape-settings"] tr[data-kind="sgdm"] [data-cell="result"]')
        ?.textContent === 'diverged at step 3',
  );
  assert.match(
    (await page.getByTestId('landscape-loss-chart').textContent()) ?? '',
    /SGD \+ momentum \(diverged at step 3\)/,
  );
  await page.close();
  assert.deepEqual(errors(), []);
});

test("the mixed-base divisors are Su's formula at b = 0.625, 0.75, 0.5 and 1 (NTK-fixed)", async () => {
  const { page, errors } = await open('/demos/rope');
  const summary = page.getByTestId('mixed-summary');
  // demos.md §3.4 (rope_misc.py) for 0.625 and 0.75; numpy (tests/demos/ref/seeded_reference.py) for 0.5 and 1.
  const expected: [number, RegExp][] = [
    [0.625, /a = 0\.154555; mixed divisor at m = 1, 16, 32, 64: 1\.1671, 2\.3972, 3\.8511, 8\.0000/],
    [0.75, /a = 0\.091899; mixed divisor at m = 1, 16, 32, 64: 1\.0963, 2\.0859, 3\.4433, 8\.0000/],
    [0.5, /a = 0\.259930; mixed divisor at m = 1, 16, 32, 64: 1\.2968, 2\.8284, 4\.3509, 8\.0000/],
    [
      1,
      /a = 0\.032491; mixed divisor at m = 1, 16, 32, 64: 1\.0330, 1\.6818, 2\.8284, 8\.0000 · NTK-fixed λ = 1\.033025/,
    ],
  ];
  assert.match((await summary.textContent()) ?? '', expected[0]![1]);
  for (const [b, text] of expected.slice(1)) {
    const [, after] = await settingChangesChart(page, 'mixed-b', b, 'mixed-divisor-chart', 'mixed-summary');
    assert.match(after, text, `b = ${b}`);
  }
  await page.close();
  assert.deepEqual(errors(), []);
});

test('RoPE page: published Table 1 checked (7 of 11 fail), 46 of 64 frequencies safe, no developer notes', async () => {
  const { page, errors } = await open('/demos/rope');
  assert.equal(await page.getByTestId('published-paper-fails').textContent(), '7');
  assert.equal(await page.getByTestId('published-su-fails').textContent(), '7');
  assert.equal(await page.getByTestId('published-bases').locator('tbody tr').count(), 11);
  assert.equal(await page.getByTestId('ext-trained-count').textContent(), '46');
  const text = (await page.textContent('main')) ?? '';
  assert.doesNotMatch(text, /npm run|could not find/);
  await page.close();
  assert.deepEqual(errors(), []);
});

test('β-base demo: digits follow the position, the largest L follows the base (b = 10⁴ → 1707)', async () => {
  const { page, errors } = await open('/demos/rope');
  await page.getByTestId('largest-base').scrollIntoViewIfNeeded();
  await page
    .getByTestId('largest-summary')
    .getByText(/up to L = 1,707/)
    .waitFor({ timeout: 30_000 });
  await settingChangesChart(page, 'largest-base', 7, 'largest-chart', 'largest-summary');
  // demos.md §3.6 [ref]: b = 1e7 → first negative m = 144660 (the summary shows … while the search runs).
  await page
    .getByTestId('largest-summary')
    .getByText(/up to L = 144,660/)
    .waitFor({ timeout: 30_000 });
  const dialsBefore = await page.getByTestId('digit-dials').innerHTML();
  await setSlider(page, 'digits-position', 1999);
  await page.waitForFunction(
    (html) => document.querySelector('[data-testid="digit-dials"]')?.innerHTML !== html,
    dialsBefore,
  );
  assert.match(
    (await page.getByTestId('digit-dials').textContent()) ?? '',
    /m = 1digit 9m = 2digit 9m = 3digit 9m = 4digit 1/,
  );
  await page.close();
  assert.deepEqual(errors(), []);
});

test('batch size vs learning rate: changing the noise moves the chart and the surge peak', async () => {
  const { page, errors } = await open('/demos/scaling');
  // demos.md §6.4: the toy's SGD η_max = 1/11, B_noise = 10; sign peak 19.635 (Su) and 18.553 (exact).
  assert.match(
    (await page.getByTestId('batch-summary').textContent()) ?? '',
    /η_max = 0\.09091, B_noise = 10 .*β_noise = 0\.3333.*η_max = 0\.1515, surge peak at B = 19\.63 .* or 18\.55 \(exact\)/,
  );
  const [before, after] = await settingChangesChart(page, 'batch-kappa', 1.5, 'batch-chart', 'batch-summary');
  assert.notEqual(before, after);
  // κ = 10^1.5: B_noise = κ²(1 + c)/(1 + cn) = 1000·1.1/11 = 100.
  assert.match(after, /B_noise = 100 /);
  await page.close();
  assert.deepEqual(errors(), []);
});

test("Adam's ε: a large ε removes the surge", async () => {
  const { page, errors } = await open('/demos/scaling');
  assert.match((await page.getByTestId('eps-summary').textContent()) ?? '', /a surge/);
  const [, after] = await settingChangesChart(page, 'eps-ratio', 1.5, 'eps-chart', 'eps-summary');
  assert.match(after, /no surge/);
  await page.close();
  assert.deepEqual(errors(), []);
});

test('Muon at scale: a new shape is simulated in the worker and redrawn', async () => {
  const { page, errors } = await open('/demos/optimizers');
  await page.getByTestId('muon-scale-status').scrollIntoViewIfNeeded();
  await page.getByTestId('muon-scale-status').getByText('done').waitFor({ timeout: 60_000 });
  // numpy (seeded_reference.py muon_scale): 64×32 defaults.
  assert.match(
    (await page.getByTestId('muon-scale-summary').textContent()) ?? '',
    /AdamW 0\.431, Muon \(muon\.py\) 0\.167, Muon \(Moonlight\) 0\.189/,
  );
  const [, after] = await settingChangesChart(
    page,
    'muon-scale-rows',
    4,
    'muon-scale-rms-chart',
    'muon-scale-summary',
  );
  assert.match(after, /^16 × 32: exact U·Vᵀ has RMS 1\/√max\(n, m\) = 0\.177/);
  await page.getByTestId('muon-scale-status').getByText('done').waitFor({ timeout: 60_000 });
  await page.close();
  assert.deepEqual(errors(), []);
});

test('base-bound worker shows progress, can be cancelled, and finishes a short run', async () => {
  const { page, errors } = await open('/demos/rope');
  const length = page.getByLabel('Context length L');
  await length.fill('20');
  await page.getByRole('button', { name: 'Compute minimal base' }).click();
  await page
    .getByTestId('base-bound-progress')
    .getByText(/No admissible base below/)
    .waitFor({ timeout: 20_000 });
  const first = await page.getByTestId('base-bound-progress').textContent();
  await page.getByRole('button', { name: 'Cancel computation' }).click();
  await page.getByTestId('base-bound-status').getByText('cancelled').waitFor();
  await screenshot(page, 'demos-rope-base-bound-cancelled');
  assert.match(first ?? '', /No admissible base below \d/);

  await length.fill('12');
  await page.getByRole('button', { name: 'Compute minimal base' }).click();
  await page.getByTestId('base-bound-status').getByText('done').waitFor({ timeout: 60_000 });
  // The warm-start chain reports every L it proves on the way: 2^8 … 2^12; 4096 beside the published 2.7e4.
  const rows = await page.getByTestId('base-bound-results').locator('tbody tr').allTextContents();
  assert.ok(rows.length >= 5, rows.join(' | '));
  assert.ok(
    rows.some((r) => /^4096128\d\.\d+e\+42\.7e\+4 · 2\.7e\+4/.test(r)),
    rows.join(' | '),
  );
  await page.getByTestId('base-bound-profile-chart').waitFor();
  await screenshot(page, 'demos-rope-base-bound-done');
  await page.close();
  assert.deepEqual(errors(), []);
});

test('classifier worker reports progress and can be cancelled', async () => {
  const { page, errors } = await open('/demos/optimizers');
  // The page trains once on load; let that run end, so the progress seen below is the 2000-step run's.
  await page.getByTestId('mlp-status').getByText('done').waitFor({ timeout: 60_000 });
  await page.getByTestId('mlp-steps').fill('2000');
  await page.waitForFunction(
    () => {
      const value = Number(
        document.querySelector<HTMLProgressElement>('[data-testid="mlp-progress"]')?.value,
      );
      return (
        document.querySelector('[data-testid="mlp-status"]')?.textContent === 'running' &&
        value > 0 &&
        value < 1
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await page.getByTestId('mlp-status').getByText('cancelled').waitFor();
  const progress = await page.getByTestId('mlp-progress').evaluate((p: HTMLProgressElement) => p.value);
  assert.ok(progress > 0 && progress < 1, `progress ${progress}`);
  await screenshot(page, 'demos-optimizers-mlp-cancelled');
  await page.close();
  assert.deepEqual(errors(), []);
});
