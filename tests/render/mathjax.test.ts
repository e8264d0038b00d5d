// The maths allow-list works on MathJax's tree: hostile TeX keeps no CSS beyond lengths and
// colours, and legitimate output (boxes, strikes, colours) passes unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typeset, typesetUncached } from '@/lib/render/mathjax';

const html = (tex: string) => {
  const result = typeset(tex, false);
  assert.ok(result.ok, tex);
  return result.html;
};

test('hostile styles from \\bbox and \\color are dropped, the rest kept', () => {
  const bbox = html('\\bbox[border:1px solid red; background-image:url(javascript:1)]{x}');
  assert.match(bbox, /style="border: 1px solid red"/);
  assert.doesNotMatch(bbox, /url\(|background-image|javascript/);
  const color = html('\\color{red;position:fixed;background:url(x)}{y}');
  assert.doesNotMatch(color, /url\(|fixed|background/);
});

test('text inside maths never becomes markup', () => {
  for (const tex of [
    '\\text{<script>alert(1)</script>}',
    '\\mathrm{"><img src=x onerror=1>}',
    '\\text{"onmouseover="alert(1)}',
  ]) {
    assert.doesNotMatch(html(tex), /<script|<img|onerror|onmouseover/, tex);
  }
});

test('legitimate output passes the allow-list unchanged', () => {
  const normalise = (s: string) => s.replace(/;\s*"/g, '"').replace(/:\s*/g, ': ').replace(/;\s*/g, '; ');
  for (const tex of [
    '\\fbox{a}\\cancel{c}\\bcancel{d}',
    '\\enclose{horizontalstrike,verticalstrike,longdiv}{x}',
    '\\colorbox{yellow}{z}\\color{blue}{w}',
    '\\begin{array}{|c|}\\hline a\\\\\\hline\\end{array}',
    '\\xrightarrow[x]{abc}\\sqrt[3]{y}',
  ]) {
    assert.equal(normalise(html(tex)), normalise(typesetUncached(tex, false)), tex);
  }
});
