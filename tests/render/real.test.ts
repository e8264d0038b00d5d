// Real Markdown+maths documents (../shared/data/markdown_math/real): each renders with no
// MathJax errors except genuine TeX errors in the source, and no formula leaks into prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from '@/lib/render';

const DIR = path.resolve(process.cwd(), '../shared/data/markdown_math/real');

// Genuine errors in the sources: the gigachat report has HTML-escaped maths ("$c &lt; 16$"),
// and inside maths "&" is a TeX alignment character.
const GENUINE_ERRORS: Record<string, number> = { 'simple-evals-ru_math-errors_12_gigachat_pro.md': 4 };

/** The page's prose: the HTML minus formulas, TeX error spans and code. */
function proseOf(html: string): string {
  return html
    .replace(/<span class="math math-(?:inline|display)[\s\S]*?<\/mjx-container><\/span>/g, '')
    .replace(/<span class="math math-error[^>]*>[^<]*<\/span>/g, '')
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '');
}

const TEX_IN_PROSE = /\$|\\\(|\\\[|\\begin\{|\\frac|\\mathbf|\\sum|_\{|\^\{/;

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
  test(`real document renders cleanly: ${file}`, () => {
    const html = renderMarkdown(readFileSync(path.join(DIR, file), 'utf8'));
    const formulas = (html.match(/class="math math-(?:inline|display) notranslate"/g) ?? []).length;
    const errors = [...html.matchAll(/class="math math-error[^>]*title="([^"]*)">([^<]*)</g)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    assert.ok(formulas > 10, `${formulas} formulas typeset`);
    assert.equal(errors.length, GENUINE_ERRORS[file] ?? 0, errors.join('\n'));
    const leak = TEX_IN_PROSE.exec(proseOf(html));
    assert.equal(
      leak,
      null,
      leak ? `TeX in prose near: ${proseOf(html).slice(leak.index - 60, leak.index + 60)}` : '',
    );
    assert.doesNotMatch(html, /<script|javascript:|\son\w+=/i);
  });
}
