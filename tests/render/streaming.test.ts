// Streaming answers are shown as they arrive: at every point the text shown holds no half-written
// formula, so no `$` or TeX flashes on screen before its formula is complete.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { holdBackUnclosed, scanMath } from '@/lib/render/scan';
import { SHARED } from '../helpers/db';

/** `$` signs of the shown text that no formula covers (escaped `\$` excepted). */
function strayDollars(shown: string): number[] {
  const covered = scanMath(shown).spans;
  const stray: number[] = [];
  for (let i = 0; i < shown.length; i++) {
    if (shown[i] === '\\') i++;
    else if (shown[i] === '$' && !covered.some((s) => s.start <= i && i < s.end)) stray.push(i);
  }
  return stray;
}

/** Every prefix of `full` as a stream would show it, given that `full` itself has no stray `$`. */
function checkEveryPrefix(name: string, full: string): void {
  assert.deepEqual(strayDollars(full), [], `${name}: the whole text has no stray $`);
  for (let n = 0; n <= full.length; n++) {
    const shown = holdBackUnclosed(full.slice(0, n));
    assert.ok(full.startsWith(shown), `${name}@${n}: shows a prefix`);
    assert.deepEqual(strayDollars(shown), [], `${name}@${n}: ${JSON.stringify(shown.slice(-60))}`);
  }
}

test('a display formula closing with $$ is held back until both $ have arrived', () => {
  const answer =
    'the objective is $\\mathcal{L}(\\theta)$ minimised over $\\theta$.\n\n$$\\nabla_\\theta \\mathcal{L} = \\frac{1}{N}\\sum_i g_i$$\n\n- point one\n';
  assert.equal(
    holdBackUnclosed(answer.slice(0, answer.lastIndexOf('$'))),
    'the objective is $\\mathcal{L}(\\theta)$ minimised over $\\theta$.\n\n',
  );
  checkEveryPrefix('answer', answer);
});

test('every prefix of real Markdown documents with maths shows no half formula', () => {
  const dir = path.join(SHARED, 'markdown_math/real');
  for (const file of readdirSync(dir)
    .filter((f) => f.startsWith('d2l-en'))
    .slice(0, 3)) {
    // Paragraphs with maths and no code (code spans may hold `$` legitimately).
    const text = readFileSync(path.join(dir, file), 'utf8')
      .split(/\n\n+/)
      .filter((p) => p.includes('$') && !p.includes('`') && strayDollars(p).length === 0)
      .slice(0, 8)
      .join('\n\n');
    checkEveryPrefix(file, text);
  }
});
