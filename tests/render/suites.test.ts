// Public Markdown+maths test suites (../shared/data/markdown_math/test_suites): every
// example with an expected output is loaded, the maths spans of its expected HTML are
// extracted, and our scanner must find the same (tex, display) list, except for the
// deliberate disagreements listed in DIFFERS below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanMath } from '@/lib/render/scan';
import { renderMarkdown } from '@/lib/render';

const DIR = path.resolve(process.cwd(), '../shared/data/markdown_math/test_suites');
const read = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

interface Example {
  id: string; // file#ordinal
  title: string;
  markdown: string;
  html: string;
}

/** commonmark spec style: ```` example ```` blocks, markdown and HTML split by a "." line. */
function loadSpecExamples(file: string): Example[] {
  const fence = '`'.repeat(32);
  const blocks = read(file)
    .split(new RegExp(`^${fence} example\\n`, 'm'))
    .slice(1);
  return blocks.map((block, i) => {
    const body = block.slice(0, block.indexOf(`${fence}`));
    const [markdown = '', html = ''] = body.split(/^\.\n/m);
    return { id: `${file}#${i + 1}`, title: '', markdown: markdown.replace(/→/g, '\t'), html };
  });
}

/** markdown-it fixture style: title lines, then ".", markdown, ".", html, ".". */
function loadFixtureExamples(file: string): Example[] {
  const lines = read(file).split('\n');
  const out: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const title: string[] = [];
    while (i < lines.length && lines[i] !== '.') title.push(lines[i++]!);
    if (i >= lines.length) break;
    const parts: string[][] = [[], []];
    for (const part of parts) {
      i++;
      while (i < lines.length && lines[i] !== '.') part.push(lines[i++]!);
    }
    i++;
    out.push({
      id: `${file}#${out.length + 1}`,
      title: title.join(' ').trim(),
      markdown: parts[0]!.join('\n'),
      html: parts[1]!.join('\n'),
    });
  }
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const normalise = (tex: string) => decode(tex).replace(/\s+/g, ' ').trim();

type Span = [string, boolean];

/** Maths spans of a suite's expected HTML, whichever markup that suite uses. */
function expectedSpans(html: string): Span[] {
  const spans: Span[] = [];
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Span]> = [
    [
      /<span class="math (inline|display)">\\[([]([\s\S]*?)\\[)\]]<\/span>/g,
      (m) => [m[2]!, m[1] === 'display'],
    ], // commonmark-hs
    [/<span class="math math-(inline|display)">([\s\S]*?)<\/span>/g, (m) => [m[2]!, m[1] === 'display']], // pulldown-cmark
    [/<span class="math inline">([\s\S]*?)<\/span>/g, (m) => [m[1]!, false]], // mdit dollar_math
    [
      /<div (?:id="[^"]*" )?class="math (block|inline|amsmath)">\n?(?:<a [^>]*>¶<\/a>\n)?([\s\S]*?)\n?<\/div>/g,
      (m) => [m[2]!, true],
    ],
    [/<(eqn?)>([\s\S]*?)<\/eqn?>/g, (m) => [m[2]!, m[1] === 'eqn']], // texmath
    [/<span class="katex(-display)?"><span class="katex"|<span class="katex">/g, () => ['', false]], // placeholder, see below
  ];
  // KaTeX output: the TeX is in <annotation>, display if inside katex-display.
  if (html.includes('application/x-tex')) {
    for (const m of html.matchAll(
      /(katex-display"><span class="katex">|<span class="katex">)[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g,
    ))
      spans.push([normalise(m[2]!), m[1]!.startsWith('katex-display')]);
    return spans;
  }
  const found: Array<[number, Span]> = [];
  for (const [re, make] of patterns.slice(0, 5)) {
    for (let m = re.exec(html); m; m = re.exec(html)) {
      if (!found.some(([at]) => at === m!.index)) found.push([m.index, make(m)]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, [tex, display]]) => [normalise(tex), display]);
}

// Deliberate disagreements: suite example → reason. Our rule set is pulldown-cmark's
// (the most thorough suite), with two documented extensions.
const DIFFERS: Record<string, string> = {
  'pulldown-cmark_math.txt#42':
    'GFM splits table cells at "|" before inline parsing; we protect maths first, so $|x|$ works inside tables (issue 3 asks for it)',
  'pulldown-cmark_math.txt#43':
    'pulldown-cmark unescapes "\\|" in table cells; we keep the TeX "\\|" (norm) inside maths in tables',
  'pulldown-cmark_math.txt#44': 'same as #43: "\\|" inside maths in a table stays "\\|"',
  'pulldown-cmark_math.txt#45':
    "pulldown-cmark's brace-nesting depth limit (an implementation limit, not a syntax rule)",
  'pulldown-cmark_math.txt#47':
    "pulldown-cmark's 255-brace limit (implementation limit); we count all braces, so the unclosed brace keeps it text",
  'markdown-it-katex_default.txt#12':
    'blank lines inside $$ end the paragraph and so the maths (pulldown-cmark, mdit dollar_math "display equation with blank lines (valid=False)")',
  'markdown-it-katex_default.txt#14':
    'an unclosed $$ at the end runs to the end of the document there; we never swallow the rest of a document',
  'markdown-it-katex_default.txt#22':
    'markdown-it-katex only accepts $$ as a block; commonmark-hs and pulldown-cmark (our rules) accept inline $$ display maths',
  'mdit-py-plugins_dollar_math.md#8':
    'a digit before an opening $ ("3$1+2$") is allowed, as in pandoc and pulldown-cmark ("1$x$" is maths)',
  'mdit-py-plugins_texmath_dollar.md#35':
    'texmath reads "\\(2\\)" after a display as an equation number; for us it is inline maths',
  'mdit-py-plugins_texmath_bracket.md#35': 'same as texmath_dollar #35',
  'mdit-py-plugins_texmath_dollar.md#40':
    '"\\\\$" is an escaped backslash then an opening $ (CommonMark escapes; mdit dollar_math and pulldown-cmark agree)',
};

// Examples about other renderers' option flags, not about syntax.
const EXCLUDED = (e: Example) => /DISABLE-CODEBLOCKS/.test(e.title);

const examples: Example[] = [
  ...loadSpecExamples('commonmark-hs_math.md'),
  ...loadSpecExamples('pulldown-cmark_math.txt'),
  ...loadFixtureExamples('markdown-it-katex_default.txt'),
  ...loadFixtureExamples('mdit-py-plugins_amsmath.md'),
  ...loadFixtureExamples('mdit-py-plugins_dollar_math.md'),
  ...loadFixtureExamples('mdit-py-plugins_texmath_bracket.md'),
  ...loadFixtureExamples('mdit-py-plugins_texmath_dollar.md'),
].filter((e) => !EXCLUDED(e));

test(`markdown suites: ${examples.length} examples agree on maths spans`, () => {
  const disagreements: string[] = [];
  let checked = 0;
  for (const e of examples) {
    const ours = scanMath(e.markdown).spans.map((s): Span => [normalise(s.tex), s.display]);
    const theirs = expectedSpans(e.html);
    const same = JSON.stringify(ours) === JSON.stringify(theirs);
    if (e.id in DIFFERS) {
      if (same) disagreements.push(`${e.id} is listed in DIFFERS but agrees now`);
      continue;
    }
    checked++;
    if (!same)
      disagreements.push(
        `${e.id} ${JSON.stringify(e.markdown)}\n  ours   ${JSON.stringify(ours)}\n  theirs ${JSON.stringify(theirs)}`,
      );
    // The full pipeline must not choke on any example either.
    renderMarkdown(e.markdown);
  }
  console.log(`suite examples checked: ${checked}, deliberate disagreements: ${Object.keys(DIFFERS).length}`);
  if (disagreements.length) console.log(disagreements.join('\n'));
  assert.equal(disagreements.length, 0);
  assert.ok(checked > 200);
});

function bracesBalance(tex: string): boolean {
  let depth = 0;
  for (const m of tex.matchAll(/\\.|[{}]/g)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

// marked-katex-extension: ~1,000 real-world TeX snippets with KaTeX's rendering. Each one,
// written as Markdown maths, must come back from the scanner as exactly that TeX.
test('marked-katex-extension specs: every TeX source is scanned back exactly', () => {
  const specs = JSON.parse(read('marked-katex-extension_specs.json')) as Array<{
    source: string;
    options: { displayMode: boolean };
  }>;
  let checked = 0;
  const mismatches: string[] = [];
  for (const spec of specs) {
    const { source, options } = spec;
    // Inline `$` maths cannot start or end with a space, start with `$` (that opens `$$`) or
    // have unbalanced braces (\begingroup a}): such sources are written with \( \) instead.
    const padded = source !== source.trim() || source.startsWith('$') || !bracesBalance(source);
    // Inline `$` maths cannot start or end with a space; such sources use \( \) instead.
    const md = options.displayMode ? `$$${source}$$` : padded ? `\\(${source}\\)` : `$${source}$`;
    const spans = scanMath(md).spans;
    checked++;
    if (spans.length !== 1 || spans[0]!.tex !== source || spans[0]!.display !== options.displayMode)
      mismatches.push(md);
  }
  console.log(`katex specs checked: ${checked}`);
  assert.deepEqual(mismatches, []);
});
