// The pipeline's case table: each input → the maths spans the scanner must find
// (tex, display) and structure the final HTML must (not) have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanMath } from '@/lib/render/scan';
import { renderMarkdown } from '@/lib/render';

type Span = [tex: string, display: boolean];
interface Case {
  name: string;
  md: string;
  math: Span[];
  has?: RegExp[]; // must match the final HTML
  hasNot?: RegExp[]; // must not match the final HTML
}

const I = (tex: string): Span => [tex, false];
const D = (tex: string): Span => [tex, true];
const INLINE = /class="math math-inline notranslate" translate="no"/;
const DISPLAY = /class="math math-display notranslate" translate="no"/;

const CASES: Case[] = [
  // _ and * inside maths
  {
    name: 'underscores inline',
    md: 'Let $a_1 + b_2$ be _fine_.',
    math: [I('a_1 + b_2')],
    has: [/<em>fine<\/em>/],
    hasNot: [/<em>1/],
  },
  { name: 'two underscored formulas', md: '$x_i$ and $y_j$', math: [I('x_i'), I('y_j')], hasNot: [/<em>/] },
  { name: 'stars inline', md: 'Product $a * b * c$ here', math: [I('a * b * c')], hasNot: [/<em>/] },
  {
    name: 'stars and underscores display',
    md: '$$\na_*^* = b_1 * c_2\n$$',
    math: [D('\na_*^* = b_1 * c_2\n')],
    hasNot: [/<em>/, /<strong>/],
  },
  { name: 'apparent emphasis inside maths', md: 'foo $1 *i* 1$ bar', math: [I('1 *i* 1')], hasNot: [/<em>/] },
  {
    name: 'asterisks across two formulas',
    md: '$a^*$ text $b^*$',
    math: [I('a^*'), I('b^*')],
    hasNot: [/<em>/],
  },
  // \\ line breaks
  {
    name: 'aligned line breaks',
    md: '$$\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}$$',
    math: [D('\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}')],
    has: [DISPLAY],
  },
  {
    name: 'cases line breaks',
    md: '$$f(x)=\\begin{cases} 1 & x>0 \\\\ 0 & \\text{else} \\end{cases}$$',
    math: [D('f(x)=\\begin{cases} 1 & x>0 \\\\ 0 & \\text{else} \\end{cases}')],
    hasNot: [/math-error/],
  },
  {
    name: 'inline matrix with \\\\',
    md: '$\\begin{pmatrix}x\\\\y\\end{pmatrix}$',
    math: [I('\\begin{pmatrix}x\\\\y\\end{pmatrix}')],
    hasNot: [/math-error/],
  },
  // | and \|
  {
    name: 'pipe in paragraph maths',
    md: 'Norm $|x|$ and $\\|y\\|$.',
    math: [I('|x|'), I('\\|y\\|')],
    hasNot: [/<table/],
  },
  {
    name: 'pipe maths in GFM table',
    md: '| a | b |\n|---|---|\n| $|x|$ | $\\|y\\|_2$ |',
    math: [I('|x|'), I('\\|y\\|_2')],
    has: [/<table>/, /<td><span class="math math-inline/],
    hasNot: [/<td>\$/],
  },
  {
    name: 'conditional probability pipe in table',
    md: '| p | q |\n|---|---|\n| $p(y|x)$ | 1 |',
    math: [I('p(y|x)')],
    has: [/<td>1<\/td>/],
  },
  { name: 'line starting with pipe maths', md: '$|a|$ is not a table', math: [I('|a|')], hasNot: [/<table/] },
  // $ in code
  { name: 'dollar in inline code', md: 'Use `$x$` literally', math: [], has: [/<code>\$x\$<\/code>/] },
  {
    name: 'double backtick code',
    md: 'Try ``a $b` c$`` now $d$',
    math: [I('d')],
    has: [/<code>a \$b` c\$<\/code>/],
  },
  {
    name: 'fenced code',
    md: '```sh\necho $HOME $PATH\n```\nThen $x$.',
    math: [I('x')],
    has: [/echo \$HOME \$PATH/],
  },
  { name: 'tilde fence', md: '~~~\n$$ not math $$\n~~~', math: [], has: [/<pre><code>\$\$ not math \$\$/] },
  {
    name: 'indented code',
    md: 'Text\n\n    $$a$$\n\nafter $b$',
    math: [I('b')],
    has: [/<pre><code>\$\$a\$\$/],
  },
  {
    name: 'code span then maths',
    md: '`code`$a-b$',
    math: [I('a-b')],
    has: [/<code>code<\/code><span class="math/],
  },
  { name: 'maths containing backticks', md: '$not `code`$', math: [I('not `code`')], hasNot: [/<code>/] },
  // escaped dollars and currency
  { name: 'escaped dollars', md: 'Price \\$5 and \\$10', math: [], has: [/Price \$5 and \$10/] },
  { name: 'escaped dollar inside maths', md: '$x = \\$1$', math: [I('x = \\$1')] },
  { name: 'currency text', md: 'It costs $5 and $10 today.', math: [], has: [/costs \$5 and \$10 today/] },
  { name: 'currency with trailing digit', md: 'between $1 and 2$3', math: [], has: [/\$1 and 2\$3/] },
  { name: 'currency then maths', md: 'Pay $3 then solve $x^2$', math: [I('x^2')], has: [/Pay \$3 then/] },
  { name: 'space after opener', md: 'not $ x$ maths', math: [] },
  { name: 'space before closer', md: 'not $x $ maths', math: [] },
  // $$ on their own lines and inline
  {
    name: '$$ on own lines',
    md: 'Before\n$$\ne=mc^2\n$$\nafter',
    math: [D('\ne=mc^2\n')],
    has: [/Before\n<span class="math math-display/],
  },
  { name: '$$ inline', md: 'so $$x+y$$ inline', math: [D('x+y')], has: [DISPLAY] },
  {
    name: '$$ paragraph alone',
    md: '$$\\sum_{i=1}^n i$$',
    math: [D('\\sum_{i=1}^n i')],
    has: [/<p><span class="math math-display/],
  },
  {
    name: 'two display blocks',
    md: '$$\na = 1\n$$\n\n$$\nb = 2\n$$',
    math: [D('\na = 1\n'), D('\nb = 2\n')],
  },
  { name: 'display followed by inline', md: '$$a$$$b$', math: [D('a'), I('b')] },
  { name: 'display may not cross a blank line', md: '$$\n1+1=2\n\n$$', math: [], has: [/\$\$/] },
  {
    name: 'display lines starting with + and -',
    md: '$$\na\n+ b\n- c\n$$',
    math: [D('\na\n+ b\n- c\n')],
    hasNot: [/<ul>/, /<li>/],
  },
  // \[ \] and \( \)
  {
    name: 'bracket display',
    md: 'See \\[ \\int_0^1 x\\,dx \\] here',
    math: [D(' \\int_0^1 x\\,dx ')],
    has: [DISPLAY],
  },
  { name: 'paren inline', md: 'Let \\(a_1\\) and \\(b_2\\)', math: [I('a_1'), I('b_2')], hasNot: [/<em>/] },
  { name: 'bracket display on own lines', md: '\\[\nx^2\n\\]', math: [D('\nx^2\n')] },
  { name: 'escaped backslash is not an opener', md: 'a \\\\(b) c', math: [], has: [/a \\\(b\) c/] },
  // environments without delimiters
  {
    name: 'align environment',
    md: '\\begin{align}\na &= 1 \\\\\nb &= 2\n\\end{align}',
    math: [D('\\begin{align}\na &= 1 \\\\\nb &= 2\n\\end{align}')],
    hasNot: [/math-error/],
  },
  {
    name: 'equation* environment',
    md: '\\begin{equation*}\nx_1 = y_2\n\\end{equation*}',
    math: [D('\\begin{equation*}\nx_1 = y_2\n\\end{equation*}')],
  },
  {
    name: 'gather environment',
    md: '\\begin{gather}a\\\\b\\end{gather}',
    math: [D('\\begin{gather}a\\\\b\\end{gather}')],
  },
  {
    name: 'bmatrix in prose',
    md: 'M = \\begin{bmatrix}1 & 2\\\\3 & 4\\end{bmatrix} ok',
    math: [D('\\begin{bmatrix}1 & 2\\\\3 & 4\\end{bmatrix}')],
  },
  {
    name: 'nested environments',
    md: '\\begin{equation}\\begin{aligned}a\\\\b\\end{aligned}\\end{equation}',
    math: [D('\\begin{equation}\\begin{aligned}a\\\\b\\end{aligned}\\end{equation}')],
  },
  { name: 'unknown environment stays text', md: '\\begin{itemize} x \\end{itemize}', math: [] },
  // nested braces
  {
    name: 'dollar inside \\text braces',
    md: '$\\text{Hello $x$ there!}$',
    math: [I('\\text{Hello $x$ there!}')],
  },
  { name: 'nested braces', md: '$\\frac{a_{i_{j}}}{b^{c^{d}}}$', math: [I('\\frac{a_{i_{j}}}{b^{c^{d}}}')] },
  { name: 'unbalanced closing brace', md: 'bad $}{$ text', math: [] },
  { name: 'escaped braces', md: '$\\{1, 2\\}$', math: [I('\\{1, 2\\}')] },
  // maths in lists, quotes, emphasis
  {
    name: 'bullet list items',
    md: '- $a_1$ first\n- $b_2$ second',
    math: [I('a_1'), I('b_2')],
    has: [/<li><span class="math/],
  },
  {
    name: 'ordered nested list',
    md: '1. $1+2$\n2. $2+3$\n    1. $3+4$',
    math: [I('1+2'), I('2+3'), I('3+4')],
    has: [/<ol>/],
  },
  {
    name: 'display in list item',
    md: '- item\n  $$\n  x\n  $$',
    math: [D('\n  x\n  ')],
    has: [/<li>item\n<span class="math math-display/],
  },
  { name: 'blockquote inline', md: '> see $a = b + c$', math: [I('a = b + c')], has: [/<blockquote>/] },
  {
    name: 'blockquote display multi-line',
    md: '> $$\n> a \\\\\n> b\n> $$',
    math: [D('\na \\\\\nb\n')],
    has: [/<blockquote>\n<p><span class="math math-display/],
  },
  {
    name: 'emphasis around maths',
    md: '_$a$ equals $b$_ and **$c$**',
    math: [I('a'), I('b'), I('c')],
    has: [/<em><span class="math/, /<strong><span class="math/],
  },
  {
    name: 'maths in link text',
    md: '[$a$](https://example.org)',
    math: [I('a')],
    has: [/<a href="https:\/\/example.org" rel="nofollow noopener noreferrer"><span class="math/],
  },
  {
    name: 'maths in heading',
    md: '## Loss $\\mathcal{L}$',
    math: [I('\\mathcal{L}')],
    has: [/<h2>Loss <span class="math/],
  },
  // CJK
  {
    name: 'CJK around inline',
    md: '设$x_i$为样本，则$\\sum_i x_i$收敛。',
    math: [I('x_i'), I('\\sum_i x_i')],
    has: [/设<span class="math/, /<\/span>收敛。/],
  },
  {
    name: 'CJK around display',
    md: '损失函数为\n$$L=\\frac{1}{n}\\sum_i \\ell_i$$\n其中',
    math: [D('L=\\frac{1}{n}\\sum_i \\ell_i')],
  },
  { name: 'CJK text in maths', md: '$\\text{样本}_i$', math: [I('\\text{样本}_i')], hasNot: [/math-error/] },
  // unclosed and unbalanced
  {
    name: 'unclosed dollar',
    md: 'a $x + y and the rest\n\nnext $z$',
    math: [I('z')],
    has: [/a \$x \+ y and the rest/],
  },
  {
    name: 'unclosed display',
    md: '$$ a + b\n\nmore text $c$',
    math: [I('c')],
    has: [/\$\$ a \+ b/, /more text/],
  },
  { name: 'unclosed paren', md: '\\( x + y\n\nrest', math: [], has: [/rest/] },
  { name: 'unclosed environment', md: '\\begin{align} x\n\nrest $y$', math: [I('y')], has: [/rest/] },
  { name: 'block structure breaks inline maths', md: '$x + y\n- z$', math: [], has: [/<li>z\$<\/li>/] },
  { name: 'closer followed by digit', md: '$1$2$3', math: [] },
  { name: 'greedy left to right', md: 'alpha$$beta$gamma$$delta', math: [I('beta')] },
  { name: 'empty inline is not maths', md: 'a $$ b', math: [] },
  // TeX errors
  {
    name: 'TeX error shown as source',
    md: 'Bad $\\frac{a}$ here',
    math: [I('\\frac{a}')],
    has: [/<span class="math math-error notranslate" translate="no" title="[^"]+">\$\\frac\{a\}\$<\/span>/],
  },
  { name: 'undefined macro', md: '$\\notamacro{x}$', math: [I('\\notamacro{x}')], has: [/math-error/] },
  // injection attempts
  { name: 'script tag', md: 'Hi <script>alert(1)</script> $x$', math: [I('x')], hasNot: [/<script/i] },
  { name: 'event handler', md: '<img src="x" onerror="alert(1)"> $y$', math: [I('y')], hasNot: [/onerror/i] },
  { name: 'javascript link', md: '[click](javascript:alert(1))', math: [], hasNot: [/javascript:/i] },
  { name: 'html inside maths is text', md: '$a<b>c</b>$', math: [I('a<b>c</b>')], hasNot: [/<b>/] },
  {
    name: 'script inside \\text',
    md: '$\\text{<script>alert(1)</script>}$',
    math: [I('\\text{<script>alert(1)</script>}')],
    hasNot: [/<script/i],
  },
  {
    name: 'TeX error with markup',
    md: '$\\frac{<img src=x onerror=alert(1)>$',
    math: [],
    hasNot: [/onerror/i],
  },
  {
    name: 'href macro disabled',
    md: '$\\href{javascript:alert(1)}{x}$',
    math: [I('\\href{javascript:alert(1)}{x}')],
    hasNot: [/href="javascript/i],
    has: [/math-error/],
  },
  { name: 'forged placeholder characters', md: 'a \uE0000\uE001 b $x$', math: [I('x')], hasNot: [/\uE000/] },
];

test(`case table has at least 60 cases (${CASES.length})`, () => {
  assert.ok(CASES.length >= 60);
});

for (const c of CASES) {
  test(`scan + render: ${c.name}`, () => {
    const spans = scanMath(c.md).spans.map((s): Span => [s.tex, s.display]);
    assert.deepEqual(spans, c.math, 'maths spans');
    const html = renderMarkdown(c.md);
    // Every formula the scanner found is on the page, typeset or marked as a TeX error.
    const rendered = html.match(/class="math math-(?:inline|display|error) notranslate"/g) ?? [];
    assert.equal(rendered.length, c.math.length, 'formulas rendered');
    for (const re of c.has ?? []) assert.match(html, re);
    for (const re of c.hasNot ?? []) assert.doesNotMatch(html, re);
    if (c.math.some(([, display]) => !display)) assert.ok(INLINE.test(html) || /math-error/.test(html));
  });
}
