// The demos in real Chromium against the real Next server: no console errors, no horizontal
// scroll at 360 px, slider → plot redraw under 200 ms, workers show progress and can be cancelled.
// DEMOS_APP_URL points the test at an already running server instead of starting one.
import assert from 'node:assert/strict';
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

async function open(path: string, width = 1280): Promise<{ page: Page; errors: () => string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = collectErrors(page);
  // A missing /favicon.ico is the site's business, not the demos': its 404 log line is dropped.
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(new URL(r.url()).pathname);
  });
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  const faviconOnly = (e: string) => e.startsWith('Failed to load resource') && failed.every((p) => p === '/favicon.ico');
  return { page, errors: () => errors.filter((e) => !faviconOnly(e)) };
}

/** Moves a range input by `delta` the way a user does and returns ms until the chart redraws. */
async function sliderToRedrawMs(page: Page, sliderId: string, chartId: string, delta: number): Promise<number> {
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

for (const path of ['/demos', '/demos/optimizers', '/demos/rope']) {
  test(`${path} loads without console errors and fits a 360 px phone`, async () => {
    const { page, errors } = await open(path, 360);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `horizontal scroll: ${scrollWidth}px`);
    await screenshot(page, `demos${path.replaceAll('/', '-')}-phone`);
    await page.close();
    const desktop = await open(path);
    if (path !== '/demos') await desktop.page.waitForSelector('[data-redraws]:not([data-redraws="0"])');
    await screenshot(desktop.page, `demos${path.replaceAll('/', '-')}-desktop`);
    await desktop.page.close();
    assert.deepEqual([...errors(), ...desktop.errors()], []);
  });
}

test('slider changes redraw their plots within 200 ms', async () => {
  const { page, errors } = await open('/demos/optimizers');
  const landscape = await sliderToRedrawMs(page, 'landscape-lr', 'landscape-loss-chart', 0.3);
  const ns = await sliderToRedrawMs(page, 'ns-rows', 'ns-spectrum-chart', -32);
  await page.close();
  const rope = await open('/demos/rope');
  const freq = await sliderToRedrawMs(rope.page, 'rope-base', 'rope-frequency-chart', 0.5);
  const ext = await sliderToRedrawMs(rope.page, 'ext-scale', 'ext-angle-chart', 4);
  await rope.page.close();
  console.log(`slider → redraw: landscape ${landscape.toFixed(0)} ms, Newton–Schulz ${ns.toFixed(0)} ms, RoPE ${freq.toFixed(0)} ms, extension ${ext.toFixed(0)} ms`);
  for (const ms of [landscape, ns, freq, ext]) assert.ok(ms < 200, `${ms} ms`);
  assert.deepEqual([...errors(), ...rope.errors()], []);
});

test('base-bound worker shows progress, can be cancelled, and finishes a short run', async () => {
  const { page, errors } = await open('/demos/rope');
  const length = page.getByLabel('Context length L');
  await length.fill('20');
  await page.getByRole('button', { name: 'Compute minimal base' }).click();
  await page.getByTestId('base-bound-progress').getByText(/No admissible base below/).waitFor({ timeout: 20_000 });
  const first = await page.getByTestId('base-bound-progress').textContent();
  await page.getByRole('button', { name: 'Cancel computation' }).click();
  await page.getByTestId('base-bound-status').getByText('cancelled').waitFor();
  await screenshot(page, 'demos-rope-base-bound-cancelled');
  assert.match(first ?? '', /No admissible base below \d/);

  await length.fill('12');
  await page.getByRole('button', { name: 'Compute minimal base' }).click();
  await page.getByTestId('base-bound-status').getByText('done').waitFor({ timeout: 60_000 });
  const row = await page.getByTestId('base-bound-results').locator('tbody tr').first().textContent();
  assert.match(row ?? '', /^4096128\d\.\d+e\+4/);
  await page.getByTestId('base-bound-profile-chart').waitFor();
  await screenshot(page, 'demos-rope-base-bound-done');
  await page.close();
  assert.deepEqual(errors(), []);
});

test('classifier worker reports progress and can be cancelled', async () => {
  const { page, errors } = await open('/demos/optimizers');
  await page.getByLabel('Steps').first().fill('2000');
  await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid="mlp-progress"]')?.value) > 0, undefined, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await page.getByTestId('mlp-status').getByText('cancelled').waitFor();
  const progress = await page.getByTestId('mlp-progress').evaluate((p: HTMLProgressElement) => p.value);
  assert.ok(progress > 0 && progress < 1, `progress ${progress}`);
  await screenshot(page, 'demos-optimizers-mlp-cancelled');
  await page.close();
  assert.deepEqual(errors(), []);
});
