// Headless Debian Chromium through playwright-core, with the flags this closed network needs
// (playwright gives every launch a fresh temporary profile of its own).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Chromium 156 headless still loads its omnibox popup WebUI in a renderer of its own for every
// new tab (seen in traces: ~850 ms of CPU per tab), which on two cores competes with the page.
const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
  'PreloadTopChromeWebUI',
];
// Chromium keeps one --disable-features switch (the last): extra features join the same list.
const args = (disable: string[] = []) => [
  ...BASE_ARGS,
  `--disable-features=${[...DISABLED_FEATURES, ...disable].join(',')}`,
];

/** Contexts made with newContext() are private windows: in-memory HTTP cache, no V8 code cache. */
export async function launchBrowser(options: { disableFeatures?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: args(options.disableFeatures),
  });
}

/** A regular profile in userDataDir, with the disk HTTP cache and V8 code cache a returning reader has. */
export async function launchProfile(
  userDataDir: string,
  viewport = { width: 1200, height: 900 },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: args(),
    viewport,
  });
}

/** Collects console errors and uncaught page errors, for "no console error" assertions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Screenshots saved by test runs land in test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
