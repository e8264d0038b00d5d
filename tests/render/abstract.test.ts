import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseAbstract } from '@/lib/arxiv/text';
import { renderAbstract } from '@/lib/render';

test('stored abstracts (one paragraph per line) render one <p> per paragraph, maths typeset', () => {
  const raw = '  We study $x_i$ in\ndepth.\n  A second paragraph with\n$\\alpha$ too.\n';
  const stored = normaliseAbstract(raw);
  assert.equal(stored, 'We study $x_i$ in depth.\nA second paragraph with $\\alpha$ too.');
  for (const input of [stored, raw]) {
    const html = renderAbstract(input);
    assert.equal(html.match(/<p>/g)?.length, 2, input);
    assert.equal(html.match(/class="math /g)?.length, 2);
    assert.ok(!html.includes('$'));
  }
});
