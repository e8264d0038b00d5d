// Real documents and an XSS payload set, rendered by the pipeline, served from a loopback
// server with app/render.css (which imports public/mathjax/chtml.css and its fonts), opened in
// Chromium at phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, collectErrors, screenshot } from '@/tests/helpers/browser';
import { startServer } from '@/tests/helpers/http';
import { renderMarkdown, renderPaperFields } from '@/lib/render';

const DIR = path.resolve(process.cwd(), '../shared/data/markdown_math/real');

// Each payload would set window.__xss if it ran.
const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src="x" onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '[click me](javascript:window.__xss=4)',
  '<a href="javascript:window.__xss=5">link</a>',
  '<iframe src="javascript:window.__xss=6"></iframe>',
  '<details open ontoggle="window.__xss = 7">x</details>',
  '$\\href{javascript:window.__xss=8}{x}$ and $\\style{background:url(javascript:1)}{y}$',
  '$x$<img src=x onerror="window.__xss=9">$y$',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=10">',
  '`<img src=x onerror="window.__xss=11">` and \\(<script>window.__xss=12</script>\\)',
].join('\n\n');

/** The first ~6 KB of a document, cut at a paragraph break, to keep the page light. */
const head = (text: string) => text.slice(0, Math.max(text.indexOf('\n\n', 6000), 6000));

function page(): string {
  const docs = readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .map(
      (f) =>
        `<article><h1>${f}</h1>${renderMarkdown(head(readFileSync(path.join(DIR, f), 'utf8')))}</article>`,
    );
  const paper = renderPaperFields({
    title: 'Bounds for $\\mathcal{O}(n \\log n)$ sorting',
    abstract: '1. We show $x_1 * y_2$ costs $5 and $10.\n  * Second paragraph with $\\alpha$.',
  });
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/render.css"><style>body{font:16px/1.5 sans-serif;margin:0 12px}</style></head><body>
<h2 id="title">${paper.titleHtml}</h2><div id="abstract">${paper.abstractHtml}</div>
<section id="xss">${renderMarkdown(XSS)}</section>${docs.join('\n')}</body></html>`;
}

test(
  'browser: real documents render, no raw delimiters, no console errors, XSS inert',
  { timeout: 120_000 },
  async () => {
    const html = page();
    const css = readFileSync(path.resolve('app/render.css'));
    const fontsRequested: string[] = [];
    const server = await startServer((req, res) => {
      // render.css imports '../public/mathjax/chtml.css'; its @font-face rules use ./woff/ next to it.
      const asset = /^\/public\/mathjax\/(chtml\.css|woff\/[\w-]+\.woff)$/.exec(req.url ?? '')?.[1];
      if (req.url === '/render.css') res.writeHead(200, { 'content-type': 'text/css' }).end(css);
      else if (asset) {
        if (asset.endsWith('.woff')) fontsRequested.push(asset);
        res
          .writeHead(200, { 'content-type': asset.endsWith('.css') ? 'text/css' : 'font/woff' })
          .end(readFileSync(path.resolve('public/mathjax', asset)));
      } else if (req.url === '/')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      else res.writeHead(204).end(); // the payloads' <img src="x">, favicon: empty, not an error
    });
    const browser = await launchBrowser().catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
    try {
      const pageHandle = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const errors = collectErrors(pageHandle);
      pageHandle.on('dialog', (d) => void d.dismiss());
      await pageHandle.goto(server.url, { waitUntil: 'load' });
      await pageHandle.evaluate(() => document.fonts.ready);
      for (const link of await pageHandle.locator('#xss a').all())
        await link.click({ timeout: 2000 }).catch(() => {});

      const result = await pageHandle.evaluate(() => {
        // Prose text: everything outside formulas, TeX error spans and code.
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const prose: string[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.parentElement?.closest('.math, code, pre, style, h1')) prose.push(n.textContent ?? '');
        }
        const text = prose.join(' ');
        return {
          xss: (window as unknown as { __xss?: number }).__xss ?? null,
          scripts: document.querySelectorAll('script, iframe, [onerror], [onload], [ontoggle]').length,
          formulas: document.querySelectorAll('.math-inline > mjx-container, .math-display > mjx-container')
            .length,
          // Glyph sizes come from the stylesheet: a formula with no width means it is missing.
          emptyFormulas: [...document.querySelectorAll('.math > mjx-container')].filter(
            (e) => e.getBoundingClientRect().width === 0,
          ).length,
          fontsFailed: [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family),
          rawDelimiters: text.match(/\$\$|\$[^\s$][^$]*[^\s$]\$|\\\(|\\\[/g) ?? [],
          // Display maths must stay inside the phone viewport and scroll sideways instead.
          displaysOutside: [...document.querySelectorAll('.math-display')].filter(
            (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
          ).length,
          displaysScrolling: [...document.querySelectorAll('.math-display')].filter(
            (e) => e.scrollWidth > e.clientWidth,
          ).length,
        };
      });
      const file = await screenshot(pageHandle, 'render-pipeline');
      console.log(`formulas: ${result.formulas}, screenshot: ${file}`);
      assert.equal(result.xss, null, 'an XSS payload ran');
      assert.equal(result.scripts, 0);
      assert.ok(result.formulas > 200, `${result.formulas} formulas`);
      assert.equal(result.emptyFormulas, 0);
      assert.deepEqual(result.fontsFailed, []);
      assert.ok(
        fontsRequested.includes('woff/MathJax_Math-Italic.woff') &&
          fontsRequested.includes('woff/MathJax_Main-Regular.woff'),
        fontsRequested.join(),
      );
      assert.deepEqual(result.rawDelimiters, []);
      assert.equal(result.displaysOutside, 0, 'display maths overflows the phone viewport');
      assert.ok(result.displaysScrolling > 0, 'wide display maths scrolls inside its box');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
