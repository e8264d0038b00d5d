// Bounded maths and bounded HTML (issue 15 items 2, 4, 5): limits chosen from the real data, which
// they never refuse; formula bombs refused quickly; sizes clamped; a field's maths bounded; images
// in LLM Markdown turned into links.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseDailyLine, parseKaggleLine } from '@/lib/arxiv/parse/jsonl';
import { renderAbstract, renderMarkdown } from '@/lib/render';
import { FIELD_MATH_HTML, FORMULA_LIMITS, MAX_MATH_EM } from '@/lib/render/limits';
import { LruCache } from '@/lib/render/lru';
import { sourceDepth, typeset } from '@/lib/render/mathjax';
import { scanMath } from '@/lib/render/scan';
import { texProse } from '@/lib/render/texText';

const DATA = path.resolve('../shared/data');
const nest = (open: string, close: string, n: number, core = 'x') => open.repeat(n) + core + close.repeat(n);

/** Every formula of the shared data: TeX fields of the metadata (with maths written without $), Markdown documents, KaTeX's specs. */
function realFormulas(): Array<{ tex: string; display: boolean; from: string }> {
  const out: Array<{ tex: string; display: boolean; from: string }> = [];
  const texField = (text: string | null | undefined, from: string) => {
    if (!text) return;
    const spans = scanMath(text, { markdown: false }).spans;
    for (const s of spans) out.push({ tex: s.tex, display: s.display, from });
    texProse(text, {
      html: false,
      links: false,
      formula: () => '',
      island: (tex) => (out.push({ tex, display: false, from }), tex),
    });
  };
  const fields = (p: { id: string; title: string; abstract: string; comments?: string | null }) => {
    for (const f of [p.title, p.abstract, p.comments]) texField(f, p.id);
  };
  for (const f of readdirSync(path.join(DATA, 'metadata/daily'))) {
    readFileSync(path.join(DATA, 'metadata/daily', f), 'utf8')
      .split('\n')
      .forEach((l, i) => l.trim() && fields(parseDailyLine(l, f.slice(0, 10), i + 1).paper));
  }
  for (const f of readdirSync(path.join(DATA, 'metadata/kaggle'))) {
    for (const l of readFileSync(path.join(DATA, 'metadata/kaggle', f), 'utf8').split('\n'))
      if (l.trim()) fields(parseKaggleLine(l));
  }
  for (const dir of ['markdown_math/real', 'markdown_math/test_suites']) {
    for (const f of readdirSync(path.join(DATA, dir))) {
      const text = readFileSync(path.join(DATA, dir, f), 'utf8');
      if (f.endsWith('.json')) {
        for (const spec of JSON.parse(text) as Array<{ source: string; options: { displayMode: boolean } }>)
          out.push({ tex: spec.source, display: spec.options.displayMode, from: f });
      } else for (const s of scanMath(text).spans) out.push({ tex: s.tex, display: s.display, from: f });
    }
  }
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.display + f.tex) && seen.add(f.display + f.tex));
}

/** Element nesting of typeset markup. */
function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const [, close] of html.matchAll(/<(\/?)mjx-[\w-]+[^>]*>/g))
    max = Math.max(max, close ? depth-- : ++depth);
  return max;
}

/** The largest length in em (ex as half, px as 1/16) of any inline style. */
function largestEm(html: string): number {
  let max = 0;
  for (const [, n, unit] of html.matchAll(/(-?\d*\.?\d+)(em|ex|px)/g))
    max = Math.max(max, Math.abs(Number(n)) * (unit === 'em' ? 1 : unit === 'ex' ? 0.5 : 1 / 16));
  return max;
}

test(
  'no formula of the shared data is refused by the limits; the largest seen beside the limits',
  { timeout: 1_800_000 },
  () => {
    const formulas = realFormulas();
    const largest = { chars: 0, sourceDepth: 0, outputDepth: 0, html: 0, em: 0 };
    const refused: string[] = [];
    for (const f of formulas) {
      largest.chars = Math.max(largest.chars, f.tex.length);
      largest.sourceDepth = Math.max(largest.sourceDepth, sourceDepth(f.tex));
      const result = typeset(f.tex, f.display);
      if (!result.ok) {
        if (result.refused) refused.push(`${f.from}: ${result.message}: ${f.tex.slice(0, 80)}`);
        continue;
      }
      largest.outputDepth = Math.max(largest.outputDepth, markupDepth(result.html));
      largest.html = Math.max(largest.html, result.html.length);
      largest.em = Math.max(largest.em, largestEm(result.html));
    }
    console.log(
      `${formulas.length} formulas of ../shared/data (metadata fields, Markdown documents, test suites)`,
    );
    console.log(`  source length:   largest ${largest.chars}, limit ${FORMULA_LIMITS.chars}`);
    console.log(`  source nesting:  largest ${largest.sourceDepth}, limit ${FORMULA_LIMITS.sourceDepth}`);
    console.log(`  markup nesting:  largest ${largest.outputDepth}, limit ${FORMULA_LIMITS.outputDepth}`);
    console.log(`  markup size:     largest ${largest.html}, limit ${FORMULA_LIMITS.html}`);
    console.log(`  sizes in styles: largest ${largest.em.toFixed(1)} em, clamped at ${MAX_MATH_EM} em`);
    assert.deepEqual(refused, []);
    assert.ok(formulas.length > 7_000);
    assert.ok(largest.em < MAX_MATH_EM, 'no real formula is clamped');
  },
);

const BOMBS: Record<string, string> = {
  'x^{ nested 110 deep': nest('x^{', '}', 110),
  '\\sqrt nested 150 deep': nest('\\sqrt{', '}', 150),
  '\\frac chain 100 deep': nest('\\frac{1}{', '}', 100),
  '\\left( \\right) nested 100 deep': nest('\\left(', '\\right)', 100),
  '\\underbrace nested 60 deep': nest('\\underbrace{', '}_{x}', 60),
  '\\frac nested 20 deep (shallow source, deep markup)': nest('\\frac{1}{', '}', 20),
  '20,000 characters': 'x+'.repeat(10_000),
  'a 120 x 120 matrix': `\\begin{matrix}${Array.from({ length: 120 }, () => Array(120).fill('x').join('&')).join('\\\\')}\\end{matrix}`,
};

test('formula bombs are refused, quickly, and shown as their source', () => {
  for (const [name, tex] of Object.entries(BOMBS)) {
    const start = performance.now();
    const result = typeset(tex, false);
    const ms = performance.now() - start;
    assert.ok(!result.ok && result.refused, `${name}: ${result.ok ? 'typeset' : result.message}`);
    assert.ok(ms < 5_000, `${name}: ${ms.toFixed(0)} ms`);
    const html = renderAbstract(`Bomb $${tex}$ here.`);
    assert.match(
      html,
      /<span class="math math-refused notranslate" translate="no" title="Formula too large to typeset: [^"]+">\$/,
      name,
    );
    assert.doesNotMatch(html, /<mjx-container/, name);
    assert.match(renderMarkdown(`Bomb $${tex}$ here.`), /math-refused/, `${name} in Markdown`);
  }
  // Just under the limits still typesets.
  assert.ok(typeset(nest('x^{', '}', 12), false).ok);
  assert.ok(typeset(nest('\\sqrt{', '}', 20), false).ok);
});

test('sizes in typeset maths are clamped: \\rule, \\hspace, \\kern, \\mkern, \\raise, \\lower, \\moveleft, \\Rule, \\Space, \\mskip, \\hskip, \\mspace, \\bbox', () => {
  for (const tex of [
    '\\rule{500em}{500em}',
    '\\rule[-300em]{1em}{1em}',
    'a\\hspace{10000em}b',
    'a\\hspace{-10000em}b',
    'a\\kern 9999em b',
    'a\\mkern 99999mu b',
    '\\raise 500em x',
    '\\lower 500em{x}',
    '\\moveleft 500em x',
    '\\Rule{500em}{500em}{500em}',
    '\\Space{500em}{500em}{500em}',
    'a\\mskip 9999mu b',
    'a\\hskip 999em b',
    '\\mspace{9999mu}',
    '\\bbox[500em]{x}',
    '\\rule{5000pt}{5in}',
    '\\hphantom{\\rule{9999em}{1em}}',
  ]) {
    const result = typeset(tex, false);
    assert.ok(result.ok, tex);
    assert.ok(largestEm(result.html) <= MAX_MATH_EM, `${tex}: ${largestEm(result.html)} em`);
    assert.match(result.html, new RegExp(`${MAX_MATH_EM}(em)?\\b`), `${tex} was clamped`);
  }
});

test('one field’s typeset maths is bounded: formulas past the budget are shown as source', () => {
  // Many distinct formulas, each a few KB of markup: typeset until the budget is spent.
  const abstract = Array.from(
    { length: 400 },
    (_, i) =>
      `$\\begin{pmatrix}${i}&a_{${i}}\\\\b^{${i}}&\\frac{${i}}{2}\\end{pmatrix}\\sum_{k=${i}}^{n}x_k$`,
  ).join(' ');
  const html = renderAbstract(abstract);
  const typeset = html.match(/<mjx-container/g)?.length ?? 0;
  const shown = html.match(/math-refused/g)?.length ?? 0;
  assert.ok(typeset > 10 && shown > 10 && typeset + shown === 400, `${typeset} typeset, ${shown} as source`);
  assert.ok(html.length < FIELD_MATH_HTML + 200_000, `${html.length} characters`);
});

test('the formula cache is bounded by size as well as by entries', () => {
  const cache = new LruCache<string, string>(100, 1_000, (k, v) => k.length + v.length);
  for (let i = 0; i < 50; i++) cache.set(`k${i}`, 'x'.repeat(200));
  assert.ok(cache.size <= 5, `${cache.size} entries`);
  assert.equal(cache.get('k49'), 'x'.repeat(200));
  assert.equal(cache.get('k0'), undefined);
});

test('images in LLM Markdown become links: nothing is fetched from third parties', () => {
  const html = renderMarkdown(
    'See ![a chart](https://tracker.example/pixel.png "t") and <img src="https://tracker.example/x.gif" alt="x"> and ![](data:image/png;base64,AAAA)',
  );
  assert.doesNotMatch(html, /<img/i);
  assert.match(
    html,
    /<a href="https:\/\/tracker.example\/pixel.png" rel="nofollow noopener noreferrer" title="t">a chart<\/a>/,
  );
  assert.match(html, /<a href="https:\/\/tracker.example\/x.gif" rel="nofollow noopener noreferrer">x<\/a>/);
  assert.doesNotMatch(html, /data:image/);
});
