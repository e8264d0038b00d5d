// arXiv text is TeX (issue 12): `$` pairs as TeX pairs it, text-mode LaTeX becomes HTML, accents
// become Unicode, and one plain-text form serves places that cannot typeset. Every example of the
// issue, from real abstracts of ../shared/data where they occur there, and from its text otherwise.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseDailyLine, parseKaggleLine } from '@/lib/arxiv/parse/jsonl';
import type { PaperRecord } from '@/lib/arxiv/types';
import { plainText, renderAbstract, renderInline, renderMarkdown } from '@/lib/render';
import { scanMath } from '@/lib/render/scan';
import { accentsToUnicode, safeUrl } from '@/lib/render/texText';

const DATA = path.resolve('../shared/data/metadata');

/** A record of the shared data, as the ingest parsers read it. */
function paper(id: string): PaperRecord {
  for (const kind of ['daily', 'kaggle'] as const) {
    for (const file of readdirSync(path.join(DATA, kind))) {
      const lines = readFileSync(path.join(DATA, kind, file), 'utf8').split('\n');
      const line = lines.find((l) => l.includes(`"${id}"`));
      if (line)
        return kind === 'daily' ? parseDailyLine(line, file.slice(0, 10), 1).paper : parseKaggleLine(line);
    }
  }
  throw new Error(`${id} is not in the shared data`);
}

const FORMULA =
  /<span class="math math-(?:inline|display) notranslate" translate="no"><mjx-container[\s\S]*?<\/mjx-container><\/span>/g;
/** The page text outside formulas, tags dropped, entities decoded. */
const prose = (html: string) =>
  html
    .replace(FORMULA, '⟨M⟩')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
const formulas = (html: string) => html.match(FORMULA)?.length ?? 0;

test('every unescaped $ opens or closes maths, whatever follows it (real abstracts)', () => {
  const cases: Array<[id: string, written: string, shown: string]> = [
    ['2605.00199', '(0.224$\\rightarrow$0.826)', '(0.224⟨M⟩0.826)'],
    ['2605.15178', '$\\sim$213K', '⟨M⟩213K'],
    ['2605.00893', '$\\approx$0.60', '⟨M⟩0.60'],
    ['2605.12649', '256$\\times$256', '256⟨M⟩256'],
  ];
  for (const [id, written, shown] of cases) {
    const { abstract } = paper(id);
    assert.ok(abstract.includes(written), `${id} has ${written}`);
    const text = prose(renderAbstract(abstract));
    assert.ok(text.includes(shown), `${id}: ${shown}`);
    assert.doesNotMatch(text, /\$|\\[A-Za-z]/, `${id}: no TeX left in prose`);
  }
});

test('a display arXiv spreads over indented lines stays one formula, not split into paragraphs (real abstract)', () => {
  const { abstract } = paper('2605.17022'); // \\[ d(...) = \\begin{cases} ... \\end{cases} \\] over five indented lines
  const html = renderAbstract(abstract);
  assert.equal(html.match(/<p>/g)?.length, 1);
  assert.equal(html.match(/math-display/g)?.length, 1);
  assert.doesNotMatch(html, /math-error/);
  assert.doesNotMatch(prose(html), /\\|\[\s*$|&/);
});

test('the issue’s other pairing examples, and the formulas after them stay paired', () => {
  for (const [tex, shown] of [
    ['3$\\sim$4.9$\\times$ memory, then $x_1$ and $y$.', '3⟨M⟩4.9⟨M⟩ memory, then ⟨M⟩ and ⟨M⟩.'],
    ['$\\leq$8B parameters and $\\alpha$', '⟨M⟩8B parameters and ⟨M⟩'],
    ['$<$5% error, $\\beta$', '⟨M⟩5% error, ⟨M⟩'],
    ['a $ x $ b', 'a ⟨M⟩ b'], // TeX: spaces inside do not matter
    ['costs $5 and $10 more', 'costs ⟨M⟩10 more'], // TeX pairs these too (Markdown would not)
  ]) {
    assert.equal(prose(renderInline(tex!)), shown, tex);
  }
});

test('TeX rules: \\$, $$, braces, \\\\, %, environments, \\( \\[, an odd $ at the end', () => {
  const scan = (t: string) => scanMath(t, { markdown: false }).spans.map((s) => [s.tex, s.display]);
  assert.deepEqual(scan('costs \\$5 and \\$10'), []);
  assert.deepEqual(scan('line \\\\$x$'), [['x', false]]); // \\ is a line break, then $ opens
  assert.deepEqual(scan('$$a+b$$ then $c$'), [
    ['a+b', true],
    ['c', false],
  ]);
  assert.deepEqual(scan('$\\text{a $b$ c}$ d $e$'), [
    ['\\text{a $b$ c}', false],
    ['e', false],
  ]);
  // An unbalanced brace does not swallow the next formula's $.
  assert.deepEqual(scan('$\\mathbb{R^n$ and $y$'), [
    ['\\mathbb{R^n', false],
    ['y', false],
  ]);
  assert.deepEqual(scan('$x}$ and $y$'), [
    ['x}', false],
    ['y', false],
  ]);
  assert.deepEqual(scan('\\(a\\) and \\[b\\] and \\begin{align}c\\end{align}'), [
    ['a', false],
    ['b', true],
    ['\\begin{align}c\\end{align}', true],
  ]);
  assert.deepEqual(scan('we have $x$ and an odd $ here'), [['x', false]]);
  assert.equal(prose(renderInline('we have $x$ and an odd $ here')), 'we have ⟨M⟩ and an odd $ here');
  assert.equal(prose(renderInline('a $$ b')), 'a  b'); // `$$` never closed: two $, an empty formula
  // % is a percent sign in these fields, in maths too: not a comment eating the formula.
  const percent = renderInline('a drop of $5%$ only');
  assert.equal(formulas(percent), 1);
  assert.match(percent, /mjx-c25/); // the % glyph
});

test('Markdown (LLM answers) keeps its currency rule, but $\\sim$5 is maths', () => {
  assert.equal(formulas(renderMarkdown('costs $5 and $10 today')), 0);
  assert.equal(formulas(renderMarkdown('between $1 and 2$3')), 0);
  assert.equal(formulas(renderMarkdown('about $\\sim$5 points and $x$2')), 2);
  assert.equal(formulas(renderMarkdown('speed-up of 3$\\times$ over $\\sim$4.9 s')), 2);
});

test('text-mode LaTeX becomes HTML: styles, links (http(s) only), ~, dashes, quotes, quiet refs', () => {
  const html = renderInline(
    'We propose \\textbf{DiTTo}, \\emph{overthinking}, \\textit{slot}, \\texttt{a\\_b}, \\textsc{Veroic}, \\underline{u}, \\text{t} -- ' +
      "``quoted'' --- see~\\cite{smith2020,lee21} and \\ref{sec:x}; \\unknownmacro{} too. Code: \\url{https://github.com/a/b_c} " +
      '\\href{https://example.org/x}{here}, \\href{javascript:alert(1)}{bad}, \\url{ftp://x.org}, https://x.org/y--z.',
    { links: true },
  );
  for (const part of [
    '<strong>DiTTo</strong>',
    '<em>overthinking</em>',
    '<i>slot</i>',
    '<code>a_b</code>',
    '<span class="tex-sc">Veroic</span>',
    '<u>u</u>',
    ' t – ',
    '“quoted” — see\u00a0<span class="tex-quiet">[smith2020, lee21]</span> and <span class="tex-quiet">sec:x</span>',
    '<span class="tex-quiet">unknownmacro</span> too',
    '<a href="https://github.com/a/b_c" rel="nofollow noopener noreferrer">https://github.com/a/b_c</a>',
    '<a href="https://example.org/x" rel="nofollow noopener noreferrer">here</a>',
    ', bad, ftp://x.org, <a href="https://x.org/y--z" rel="nofollow noopener noreferrer">https://x.org/y--z</a>.',
  ]) {
    assert.ok(html.includes(part), `${part}\nin ${html}`);
  }
  assert.doesNotMatch(html, /javascript:|\\[A-Za-z]/);
  // Titles sit inside the card's link: no links of their own.
  assert.doesNotMatch(renderInline('See \\url{https://x.org} and https://y.org'), /<a /);
  assert.equal(safeUrl('github.com/x'), 'https://github.com/x');
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl('data:text/html,x'), null);
});

test('maths written without $ in prose is typeset, not left as raw commands', () => {
  const html = renderAbstract('R2 of 0.949 \\pm 0.037, (p=2.4\\times10^{-8}), and {\\approx} 0.7854.');
  assert.equal(formulas(html), 3);
  assert.equal(prose(html), 'R2 of 0.949 ⟨M⟩ 0.037, ⟨M⟩, and ⟨M⟩ 0.7854.');
});

test('hostile text stays text: no markup, no script URLs', () => {
  const html = renderAbstract(
    '<script>alert(1)</script> \\href{javascript:alert(1)}{x} \\url{"><img src=x onerror=alert(1)>} <b>b</b> "q" & \\textbf{<i>}',
  );
  assert.doesNotMatch(html, /<(?!\/?(?:p|strong)\b)[a-z]/i);
  assert.doesNotMatch(html, /javascript:/);
});

test('deeply nested text-mode TeX is read without recursion trouble', () => {
  const deep = (open: string, close: string, n: number) => open.repeat(n) + 'x' + close.repeat(n);
  for (const tex of [
    deep('\\textbf{', '}', 5_000),
    deep('{', '}', 20_000),
    deep('{\\bf ', '}', 5_000),
    deep('\\emph{\\href{https://x.org}{', '}}', 3_000),
  ]) {
    assert.ok(renderAbstract(tex).length < 10_000);
    assert.ok(plainText(tex).length < 10);
  }
  assert.match(plainText(`$${deep('{', '}', 20_000)}$`), /^\{+x\}+$/); // not clean: bare TeX
});

test('accents and special letters become Unicode, outside formulas only', () => {
  const cases: Array<[string, string]> = [
    ['M\\"uller', 'Müller'],
    ["Stroi\\'nski", 'Stroiński'],
    ['M{\\o}ller', 'Møller'],
    ['Stra\\ss e', 'Straße'],
    ['Fran\\c{c}ois', 'François'],
    ['Ko\\v{s}ice', 'Košice'],
    ['Schr{\\"o}dinger', 'Schrödinger'],
    ["Caf\\'{e}", 'Café'],
    ['Erd\\H{o}s', 'Erdős'],
    ["Bal\\'azs", 'Balázs'],
    ['Rodr{\\i}guez', 'Rodrıguez'],
    ["Rodr\\'{\\i}guez", 'Rodríguez'],
    ['\\AA{}ngstr\\"om', 'Ångström'],
    ['Pe\\~na', 'Peña'],
    ['Ko{\\l}os', 'Kołos'],
    ['Do\\u{g}an', 'Doğan'],
    ['Beno\\^it', 'Benoît'],
    ['\\.Zakowicz', 'Żakowicz'],
    ['Tom\\`as', 'Tomàs'],
    ['\\L. Matloch', 'Ł. Matloch'],
    ['Wi{\\ss}brock', 'Wißbrock'],
    ['$\\ddot{u}$ and \\"u', '$\\ddot{u}$ and ü'],
    ['\\\\"u', '\\\\"u'],
    ['plain', 'plain'],
  ];
  for (const [tex, unicode] of cases) {
    assert.equal(accentsToUnicode(tex), unicode, tex);
    assert.equal(accentsToUnicode(unicode), unicode, `idempotent: ${unicode}`);
  }
  // Real author lists and titles.
  assert.ok(paper('0704.0199').authors.map(accentsToUnicode).join(', ').includes('Thomas Müller'));
  assert.ok(paper('0704.0199').authors.map(accentsToUnicode).join(', ').includes('(Universität Wien)'));
  assert.equal(
    accentsToUnicode(paper('0704.0073').title),
    "A transcendental approach to Kollár's injectivity theorem",
  );
  // The renderer reads accents too (text stored before the converter existed).
  assert.equal(prose(renderInline('Gr\\"obner basis')), 'Gröbner basis');
});

test('one plain-text form: Unicode where maths maps cleanly, bare TeX otherwise', () => {
  const cases: Array<[string, string]> = [
    ['Representations of $\\mathcal{U}(\\mathfrak{h})$', 'Representations of 𝒰(𝔥)'],
    ['$\\alpha$-stable laws with $\\beta \\leq 1$', 'α-stable laws with β ≤ 1'],
    ['$O(n^2)$ sorting on $256\\times256$ grids', 'O(n²) sorting on 256×256 grids'],
    ['$\\mathbb{R}^{n}$ and $10^{-3}$', 'ℝⁿ and 10⁻³'],
    ['The $\\frac{1}{2}$-conjecture', 'The \\frac{1}{2}-conjecture'],
    ["\\textbf{DiTTo}: ``fast'' -- M\\\"uller", 'DiTTo: “fast” – Müller'],
    ["Children's `single' quotes, 5' arcs", "Children's ‘single’ quotes, 5' arcs"],
    ['Costs \\$5 and $x$', 'Costs $5 and x'],
    ['See \\url{https://x.org} \\cite{k}', 'See https://x.org [k]'],
  ];
  for (const [tex, plain] of cases) assert.equal(plainText(tex), plain, tex);
});
