// The committed CHTML assets in public/mathjax match what the installed mathjax-full generates,
// and every font the stylesheet points to is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STYLESHEET, stylesheetText } from '@/lib/render/assets';
import { FONT_URL } from '@/lib/render/mathjax';

const REGENERATE = 'stale: run `node --import tsx lib/render/assets.ts`';

test('public/mathjax/chtml.css is the stylesheet mathjax-full generates', () => {
  assert.ok(readFileSync(STYLESHEET, 'utf8') === stylesheetText(), REGENERATE);
});

test('every @font-face of the stylesheet points to a committed woff file', () => {
  const urls = [...readFileSync(STYLESHEET, 'utf8').matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
  assert.ok(urls.length >= 20, `${urls.length} fonts`);
  for (const url of urls) {
    assert.ok(url.startsWith(`${FONT_URL}/`), url);
    // Relative to the stylesheet, so the CSS bundler finds (and content-hashes) each font.
    assert.ok(existsSync(path.resolve(path.dirname(STYLESHEET), url)), `${url}: ${REGENERATE}`);
  }
});
