// Server-side typesetting with mathjax-full: one TeX → SVG converter per process and
// an LRU cache keyed by (TeX, display), so repeated formulas cost nothing.
//
// Why SVG and not CHTML (measured on real abstracts and pumpkin-book displays, see the
// report of issue 3): SVG typesets ~1.4-1.9x faster per formula, needs no web fonts and
// no 240 KB glyph stylesheet (CHTML with adaptiveCSS off), and each formula is a
// self-contained fragment that can be stored in the database at ingest time.
// fontCache 'local' puts each formula's glyphs in its own <defs> (30% faster and 40%
// smaller than 'none'); the ids embed the glyph name, so repeats across formulas are identical.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { LruCache } from './lru';
import { sanitizeMathJax } from './sanitize';

// Left out: noerrors/noundefined (they hide TeX errors we want to report), html (\href,
// \style, \class: untrusted input must not set links or CSS), and newcommand/mathtools
// (\def, \DeclarePairedDelimiter would leak definitions into every later formula of the
// process, which would also make the (TeX, display) cache key wrong).
const EXCLUDED_PACKAGES = new Set(['noerrors', 'noundefined', 'html', 'newcommand', 'mathtools']);

export type Typeset = { ok: true; html: string } | { ok: false; message: string };

function createConverter() {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: AllPackages.filter((p) => !EXCLUDED_PACKAGES.has(p)),
    // LaTeX text commands MathJax lacks but real documents use inside maths.
    macros: { textcircled: ['\\enclose{circle}{#1}', 1] },
    // Throw instead of rendering a red <merror>, so the caller can show the source instead.
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  const document = mathjax.document('', { InputJax: tex, OutputJax: new SVG({ fontCache: 'local' }) });
  return (source: string, display: boolean): string => {
    tex.parseOptions.tags.reset(); // \label names must not clash across unrelated formulas
    const node = document.convert(source, { display }) as LiteElement;
    return adaptor.outerHTML(node);
  };
}

let convert: ReturnType<typeof createConverter> | null = null;
const cache = new LruCache<string, Typeset>(5000);

/** Typesets one formula to sanitised SVG markup (cached), or reports the TeX error. */
export function typeset(tex: string, display: boolean): Typeset {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) return hit;
  convert ??= createConverter();
  let result: Typeset;
  try {
    result = { ok: true, html: sanitizeMathJax(convert(tex, display)) };
  } catch (error) {
    // MathJax's TexError is not an Error subclass, but it has a message.
    result = { ok: false, message: (error as { message?: string }).message ?? String(error) };
  }
  cache.set(key, result);
  return result;
}

/** Bare MathJax without cache or sanitising: the baseline of bench/render.ts. */
export function typesetUncached(tex: string, display: boolean): string {
  convert ??= createConverter();
  try {
    return convert(tex, display);
  } catch {
    return '';
  }
}

/** For benchmarks and tests that need a cold cache. */
export function clearTypesetCache(): void {
  cache.clear();
}
