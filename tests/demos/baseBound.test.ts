// Method under test (lib/demos/baseBound.ts): a certified upward sweep in u = ln b, no bisection.
// Each jump past an m with B_m(u) < 0 has length given by a root of
//   B_m(u) + B_m'(u)·Δ + ½·C_m(u)·Δ² = 0,  C_m(u) = Σ x_i²(φ_i + φ_i²) ≥ |B_m''| on [u, ∞),
// so B_m is proven negative over the whole jump: no admissible b can be skipped. Where to look for
// a negative m first (windows around recently negative "ridges" of m) is a heuristic that only
// affects speed: the sweep stops only where a full scan of every m < L finds min B_m ≥ −1e-9,
// i.e. at the first admissible b. L ≤ 2^18 is checked here; `npm run demos:table` covers 2^19–2^20.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOLERANCE, advanceWhileNegative, minBaseBound, minimalBase } from '@/lib/demos/baseBound';
import { baseBoundRange } from '@/lib/demos/rope';
import { baseBoundAt, ropeFrequencies } from '@/lib/demos/rope';

const D = 128;
const x = new Float64Array(D / 2).map((_, i) => (2 * i) / D);
/** Minimal bases from the previous implementation (full scans refilling a watch list of m, no ridge windows). */
const EXPECTED: Record<number, string> = {
  10: '4.293438e+3',
  11: '1.158724e+4',
  12: '2.695234e+4',
  13: '8.376384e+4',
  14: '2.316436e+5',
  15: '6.299783e+5',
  16: '2.090180e+6',
  17: '4.869104e+6',
  18: '2.366240e+7',
};
const results = new Map<number, number>();

test('minimal base for d = 128, L = 1k … 256k: matches the earlier method, admissible, and b·(1 − 1e-6) is not', () => {
  let startBase: number | undefined;
  for (let p = 10; p <= 18; p++) {
    const L = 2 ** p;
    const reported: number[] = [];
    const result = minimalBase(D, L, {
      startBase,
      progressEveryMs: 0,
      onProgress: (s) => reported.push(s.certifiedBelow),
    });
    const base = result.base;
    console.log(
      `L = 2^${p}: minimal base ${base.toExponential(6)} (${result.fullScans} full scans, ${result.jumps} jumps, ${result.elapsedMs.toFixed(0)} ms)`,
    );
    assert.equal(base.toExponential(6), EXPECTED[p]);
    assert.ok(minBaseBound(base, D, L).value >= -TOLERANCE);
    assert.ok(minBaseBound(base * (1 - 1e-6), D, L).value < 0);
    // A base admissible for a longer context is admissible for every shorter one.
    assert.ok(base >= (startBase ?? 0));
    assert.ok(
      reported.length > 0 && reported.every((b) => b <= base),
      'progress never claims more than is proven',
    );
    results.set(L, base);
    startBase = base;
  }
});

test('warm start is only a speed-up: sweeping from b = 1 gives the same minimum for L = 4k', () => {
  const L = 4096;
  assert.equal(minimalBase(D, L, { startBase: 1 }).base, minimalBase(D, L).base);
});

test('a certified jump keeps B_m < 0 over the whole stretch and ends at its zero crossing', () => {
  const L = 2 ** 14;
  let checked = 0;
  // Bases below the minimum for 16k: each has a negative m, the most negative is pushed forward.
  for (let k = 0; k < 24; k++) {
    const u = Math.log(1e5) + k * 0.035;
    const { value, argmin: m } = minBaseBound(Math.exp(u), D, L);
    if (value >= -TOLERANCE) continue;
    const end = advanceWhileNegative(m, u, x);
    assert.ok(end > u);
    for (let j = 0; j < 400; j++) {
      const v = baseBoundAt(m, ropeFrequencies(Math.exp(u + ((end - u) * j) / 400), D));
      assert.ok(v < 0, `B_${m} = ${v} inside the jump from ${u} to ${end}`);
    }
    assert.ok(
      Math.abs(baseBoundAt(m, ropeFrequencies(Math.exp(end), D)) + TOLERANCE) < 1e-6,
      'the jump stops at the crossing',
    );
    checked++;
  }
  assert.ok(checked >= 20, `only ${checked} negative bases sampled`);
});

test('the windowed recurrence agrees with direct cosines far from m = 0 (well inside the tolerance)', () => {
  const theta = ropeFrequencies(3e7, D);
  const lo = 2 ** 20 - 3000;
  const series = baseBoundRange(theta, lo, 2 ** 20, new Float64Array(3000));
  let worst = 0;
  for (let k = 0; k < 3000; k += 7)
    worst = Math.max(worst, Math.abs(series[k]! - baseBoundAt(lo + k, theta)));
  // Both sides round m·θ (~1e-10 at m ≈ 2^20); the recurrence adds little on top.
  assert.ok(worst < TOLERANCE / 2, `drift ${worst}`);
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
