// Method under test (lib/demos/baseBound.ts): a certified upward sweep in u = ln b, no bisection.
// Each jump past an m with B_m(u) < 0 has length given by a root of
//   B_m(u) + B_m'(u)·Δ + ½·C_m(u)·Δ² = 0,  C_m(u) = Σ x_i²(φ_i + φ_i²) ≥ |B_m''| on [u, ∞),
// so B_m is proven negative over the whole jump: no admissible b can be skipped. The sweep stops
// only where a full scan of every m < L finds min B_m ≥ −1e-9, i.e. at the first admissible b.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOLERANCE, minBaseBound, minimalBase } from '@/lib/demos/baseBound';

const D = 128;
const results = new Map<number, number>();

test('minimal base for d = 128, L = 1k … 128k: admissible, and b·(1 − 1e-6) is not', () => {
  let previous = 0;
  for (let p = 10; p <= 17; p++) {
    const L = 2 ** p;
    const { base } = minimalBase(D, L);
    results.set(L, base);
    console.log(`L = 2^${p}: minimal base ${base.toExponential(6)}`);
    assert.ok(minBaseBound(base, D, L).value >= -TOLERANCE);
    assert.ok(minBaseBound(base * (1 - 1e-6), D, L).value < 0);
    // A base admissible for a longer context is admissible for every shorter one.
    assert.ok(base >= previous);
    previous = base;
  }
  // Orders of magnitude from the paper's Figure 1 (~4e3 at 1k, ~5e6 at 128k).
  assert.ok(results.get(1024)! > 4e3 && results.get(1024)! < 5e3);
  assert.ok(results.get(2 ** 17)! > 1e6 && results.get(2 ** 17)! < 1e7);
});

test('independent check for L = 1k: no admissible b on a 1e-4 log-grid over [b*/3, b*)', () => {
  const L = 1024;
  const best = results.get(L) ?? minimalBase(D, L).base;
  for (let u = Math.log(best / 3); u < Math.log(best) - 1e-9; u += 1e-4) {
    assert.ok(minBaseBound(Math.exp(u), D, L).value < 0, `b = ${Math.exp(u)} is admissible`);
  }
});

test('the admissible set is not an interval: some b above the minimum fails', () => {
  const L = 1024;
  const best = results.get(L) ?? minimalBase(D, L).base;
  let failing: number | undefined;
  for (let u = Math.log(best) + 1e-3; u < Math.log(best * 4) && failing === undefined; u += 1e-3) {
    if (minBaseBound(Math.exp(u), D, L).value < -TOLERANCE) failing = Math.exp(u);
  }
  assert.ok(failing !== undefined && failing > best, 'expected a failing b above the minimum');
  console.log(`L = 1024: b* = ${best.toFixed(2)} admissible, but b = ${failing.toFixed(2)} fails`);
});
