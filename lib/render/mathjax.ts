// Server-side typesetting with mathjax-full: one TeX → CommonHTML converter per process and
// an LRU cache keyed by (TeX, display), so repeated formulas cost nothing.
//
// Why CHTML and not SVG (re-measured for issue 4 on a real day of abstracts): typesetting costs
// about the same, but SVG repeats every glyph's outline in every formula (fontCache 'local'):
// 405 KB of markup for 600 abstracts vs 63 KB in CHTML (65 KB vs 3 KB gzip), and a daily list
// ships each card twice (HTML + React's flight data). CHTML's glyph metrics, fonts and rules live
// in one static stylesheet instead (public/mathjax, written by ./assets.ts; adaptiveCSS off so
// it covers every character), which the browser caches across pages. Sizes come from that CSS
// (padding per character), so nothing shifts when the woff fonts arrive.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { CHTML } from 'mathjax-full/js/output/chtml.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { FORMULA_LIMITS } from './limits';
import { LruCache } from './lru';
import { sanitizeMathTree } from './sanitize';

// Left out: noerrors/noundefined (they hide TeX errors we want to report), html (\href,
// \style, \class: untrusted input must not set links or CSS), and newcommand/mathtools
// (\def, \DeclarePairedDelimiter would leak definitions into every later formula of the
// process, which would also make the (TeX, display) cache key wrong).
const EXCLUDED_PACKAGES = new Set(['noerrors', 'noundefined', 'html', 'newcommand', 'mathtools']);

/** `refused`: over FORMULA_LIMITS, so never typeset (a TeX error otherwise). */
export type Typeset = { ok: true; html: string } | { ok: false; message: string; refused?: true };

class Refused extends Error {}

function createConverter() {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: AllPackages.filter((p) => !EXCLUDED_PACKAGES.has(p)),
    // LaTeX text commands MathJax lacks but real documents use inside maths.
    // \R, \N...: the number sets, defined the same way by nearly every paper that uses them.
    macros: {
      textcircled: ['\\enclose{circle}{#1}', 1],
      ...Object.fromEntries(['R', 'N', 'Z', 'Q', 'C'].map((set) => [set, `\\mathbb{${set}}`])),
      eps: '\\varepsilon',
      bm: ['\\boldsymbol{#1}', 1],
    },
    // Throw instead of rendering a red <merror>, so the caller can show the source instead.
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  const chtml = new CHTML({ fontURL: FONT_URL, adaptiveCSS: false });
  const document = mathjax.document('', { InputJax: tex, OutputJax: chtml });
  return {
    convert(source: string, display: boolean, sanitize: boolean): string {
      tex.parseOptions.tags.reset(); // \label names must not clash across unrelated formulas
      const node = document.convert(source, { display }) as LiteElement;
      if (adaptor.kind(node) !== 'mjx-container')
        throw new Error(`unexpected MathJax output <${adaptor.kind(node)}>`);
      if (!sanitize) return adaptor.outerHTML(node);
      const depth = sanitizeMathTree(adaptor, node);
      if (depth > FORMULA_LIMITS.outputDepth)
        throw new Refused(`nested ${depth} deep when typeset (limit ${FORMULA_LIMITS.outputDepth})`);
      const html = adaptor.outerHTML(node);
      if (html.length > FORMULA_LIMITS.html)
        throw new Refused(`${html.length} characters when typeset (limit ${FORMULA_LIMITS.html})`);
      return html;
    },
    /** Every rule the output can need: wrapper layout, @font-face and all glyph metrics. */
    stylesheet: () => adaptor.textContent(chtml.styleSheet(document) as LiteElement),
  };
}

/**
 * The stylesheet's @font-face URLs, relative to public/mathjax/chtml.css: app/render.css bundles
 * that file, so Next copies the fonts to /_next/static/media under content hashes, served with
 * immutable caching (public/ files are revalidated on every page view).
 */
export const FONT_URL = './woff';

let converter: ReturnType<typeof createConverter> | null = null;
const convert = (tex: string, display: boolean, sanitize = true) =>
  (converter ??= createConverter()).convert(tex, display, sanitize);
// Bounded by entries and by characters held (keys and markup), so large formulas cannot fill memory.
const cache = new LruCache<string, Typeset>(
  5000,
  64_000_000,
  (key, value) => key.length + (value.ok ? value.html.length : value.message.length),
);

/** How deeply braces, \left..\right and environments nest in TeX source. */
export function sourceDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  for (const [token] of tex.matchAll(/\\(?:left\b|right\b|begin\{[^}]*\}|end\{[^}]*\}|[^])|[{}]/g)) {
    if (token === '{' || token === '\\left' || token.startsWith('\\begin{')) max = Math.max(max, ++depth);
    else if (token === '}' || token === '\\right' || token.startsWith('\\end{'))
      depth = Math.max(0, depth - 1);
  }
  return max;
}

function checkSource(tex: string): string | null {
  if (tex.length > FORMULA_LIMITS.chars)
    return `${tex.length} characters long (limit ${FORMULA_LIMITS.chars})`;
  const depth = sourceDepth(tex);
  return depth > FORMULA_LIMITS.sourceDepth
    ? `nested ${depth} deep (limit ${FORMULA_LIMITS.sourceDepth})`
    : null;
}

/**
 * Typesets one formula to sanitised CHTML markup (cached), or reports the TeX error, or refuses
 * a formula over FORMULA_LIMITS (checked on the source first, then on the typeset markup).
 */
export function typeset(tex: string, display: boolean): Typeset {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: Typeset;
  const tooBig = checkSource(tex);
  if (tooBig) result = { ok: false, refused: true, message: `Formula too large to typeset: ${tooBig}` };
  else {
    try {
      result = { ok: true, html: convert(tex, display) };
    } catch (error) {
      if (error instanceof Refused)
        result = { ok: false, refused: true, message: `Formula too large to typeset: ${error.message}` };
      // MathJax's TexError is not an Error subclass, but it has a message.
      else result = { ok: false, message: (error as { message?: string }).message ?? String(error) };
    }
  }
  cache.set(key, result);
  return result;
}

/** Bare MathJax without cache or sanitising: the baseline of bench/render.ts. */
export function typesetUncached(tex: string, display: boolean): string {
  try {
    return convert(tex, display, false);
  } catch {
    return '';
  }
}

/** For benchmarks and tests that need a cold cache. */
export function clearTypesetCache(): void {
  cache.clear();
}

/** The CHTML stylesheet for public/mathjax (see ./assets.ts). */
export function mathjaxStylesheet(): string {
  return (converter ??= createConverter()).stylesheet();
}
