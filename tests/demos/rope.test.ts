import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  angleCoverage,
  extendedFrequencies,
  fullyTrainedFrequencies,
  logNScale,
  mixedBaseA,
  mixedBaseDivisors,
  ntkAwareDivisors,
  ntkBase,
  ntkFixedDivisors,
  reropePositionMatrix,
} from '@/lib/demos/contextExtension';
import { checkPublishedBases } from '@/lib/demos/publishedBases';
import { betaDigits, ciFirstZero, cosineIntegral, largestContext, ropeBeta } from '@/lib/demos/ropeBase';
import { DEMOS, demosForText } from '@/lib/demos/index';
import {
  baseBoundAt,
  baseBoundSeries,
  decayBound,
  decayCurve,
  ropeFrequencies,
  ropeWavelengths,
} from '@/lib/demos/rope';

test('θ_i = b^(−2i/d) and wavelengths 2π/θ_i', () => {
  const theta = ropeFrequencies(10_000, 128);
  assert.equal(theta.length, 64);
  assert.equal(theta[0], 1);
  assert.ok(Math.abs(theta[32]! - 0.01) < 1e-15);
  assert.ok(Math.abs(ropeWavelengths(10_000, 128)[0]! - 2 * Math.PI) < 1e-15);
});

test('RoFormer decay bound at m = 0 equals (d/2 + 1)/2 and decays with distance', () => {
  for (const d of [16, 64, 128]) {
    const theta = ropeFrequencies(10_000, d);
    assert.ok(Math.abs(decayBound(0, theta) - (d / 2 + 1) / 2) < 1e-12);
  }
  const curve = decayCurve([0, 10, 100, 1000], ropeFrequencies(10_000, 128));
  assert.ok(curve[0]! > curve[1]! && curve[1]! > curve[2]! && curve[2]! > curve[3]!, String(curve));
});

test('B_m by rotation recurrence agrees with direct cosines over 2^20 positions (within the 1e-9 tolerance)', () => {
  const theta = ropeFrequencies(5e8, 128);
  const series = baseBoundSeries(theta, 2 ** 20);
  let worst = 0;
  for (let m = 0; m < 2 ** 20; m += 997)
    worst = Math.max(worst, Math.abs(series[m]! - baseBoundAt(m, theta)));
  // Near m = 2^20 the argument m·θ itself carries ~1e-10 of rounding, in either method.
  assert.ok(worst < 5e-10, `max drift ${worst}`);
  assert.equal(series[0], 64);
});

test('NTK-aware base for b = 10,000, d = 128, s = 8 is 10,000·8^(128/126)', () => {
  assert.equal(ntkBase(10_000, 128, 8), 10_000 * Math.pow(8, 128 / 126));
  // Its lowest frequency is interpolated by exactly s, its highest is unchanged.
  const theta = ropeFrequencies(10_000, 128);
  const ntk = ropeFrequencies(ntkBase(10_000, 128, 8), 128);
  assert.ok(Math.abs(theta[63]! / ntk[63]! - 8) < 1e-9);
  assert.equal(ntk[0], 1);
});

test("mixed base is Su's formula: b = 0.625, 0.75 (demos.md) and 0.5, 1 (numpy) at digits 1, 16, 32, 64", () => {
  // demos.md §3.4 [ref] (rope_misc.py): k = 8, b = 0.625: a = 0.154555, divisors 1.1671 / 2.3972 / 3.8511 / 8.0000;
  // b = 0.75: a = 0.091899, 1.0963 / 2.0859 / 3.4433 / 8.0000.
  // tests/demos/ref/seeded_reference.py: b = 0.5: a = 0.2599301927, 1.2968395547 / 2.8284271247 / 4.3509195571 / 8;
  // b = 1: 1.0330248790 / 1.6817928305 / 2.8284271247 / 8 = λ^m with λ = 8^(2/128) (NTK-fixed).
  const cases: [number, string, number[], number][] = [
    [0.625, '0.154555', [1.1671, 2.3972, 3.8511, 8.0], 1e-4],
    [0.75, '0.091899', [1.0963, 2.0859, 3.4433, 8.0], 1e-4],
    [0.5, '0.259930', [1.2968395547, 2.8284271247, 4.3509195571, 8], 1e-9],
    [1, '0.032491', [1.033024879, 1.6817928305, 2.8284271247, 8], 1e-9],
  ];
  for (const [b, a, want, tol] of cases) {
    assert.equal(mixedBaseA(128, 8, b).toFixed(6), a);
    const div = mixedBaseDivisors(128, 8, b);
    [0, 15, 31, 63].forEach((i, k) =>
      assert.ok(Math.abs(div[i]! - want[k]!) < tol, `b = ${b}, m = ${i + 1}: ${div[i]} vs ${want[k]}`),
    );
  }
  // b = 1 is NTK-fixed (θ'_0/θ_0 = 0.968031, demos.md), not NTK-aware (which leaves pair 0 untouched).
  const fixed = ntkFixedDivisors(128, 8);
  mixedBaseDivisors(128, 8, 1).forEach((v, i) => assert.ok(Math.abs(v / fixed[i]! - 1) < 1e-12));
  assert.equal((1 / fixed[0]!).toFixed(6), '0.968031');
  assert.equal(ntkAwareDivisors(128, 8)[0], 1);
  // b → 0 divides every pair by s: position interpolation.
  mixedBaseDivisors(128, 8, 0).forEach((v) => assert.ok(Math.abs(v - 8) < 1e-12));
  // NTK-aware divisors are what b·s^(d/(d−2)) does to the frequencies.
  const ntk = extendedFrequencies('ntk', {
    base: 10_000,
    d: 128,
    scale: 8,
    beta: 1,
    window: 512,
    leak: 1 / 16,
  });
  ropeFrequencies(10_000, 128).forEach((t, i) =>
    assert.ok(Math.abs(t / ntk[i]! / ntkAwareDivisors(128, 8)[i]! - 1) < 1e-12),
  );
});

test('angle coverage: frequencies that turned fully in training extrapolate safely (46 of 64 at L = 4096)', () => {
  // numpy (seeded_reference.py): L·θ_i ≥ 2π for 46 of the 64 pairs (d = 128, b = 1e4, L = 4096).
  assert.equal(fullyTrainedFrequencies(10_000, 128, 4096), 46);
  const c = { base: 10_000, d: 128, scale: 8, beta: 0.625, window: 512, leak: 1 / 16 };
  const extrapolation = angleCoverage('extrapolation', c, 4096, 4096 * 8);
  extrapolation.forEach((r, i) => assert.ok(i < 46 ? r === 1 : r > 1, `pair ${i}: ${r}`));
  assert.ok(Math.abs(extrapolation[63]! - 8) < 1e-12);
  // PI and ReRoPE never leave the trained angles; NTK-aware and the mixed base interpolate the slowest
  // pair exactly, keep the fully trained ones, and extrapolate the pairs in between a little.
  for (const method of ['pi', 'rerope', 'leaky-rerope'] as const) {
    const r = angleCoverage(method, c, 4096, 4096 * 8);
    assert.ok(
      r.every((v) => v <= 1 + 1e-12),
      `${method}: ${Math.max(...r)}`,
    );
  }
  for (const method of ['ntk', 'mixed'] as const) {
    const r = angleCoverage(method, c, 4096, 4096 * 8);
    assert.ok(Math.abs(r[63]! - 1) < 1e-12 && r.slice(0, 46).every((v) => v === 1), method);
    assert.ok(Math.max(...r) > 1, method);
  }
});

test('ReRoPE and Leaky ReRoPE relative-position matrices for 5 tokens, w = 2', () => {
  assert.deepEqual(reropePositionMatrix(5, 2), [
    [0, -1, -2, -2, -2],
    [1, 0, -1, -2, -2],
    [2, 1, 0, -1, -2],
    [2, 2, 1, 0, -1],
    [2, 2, 2, 1, 0],
  ]);
  assert.deepEqual(reropePositionMatrix(5, 2, 0.5)[4], [3, 2.5, 2, 1, 0]);
  assert.equal(logNScale(100, 1000), 1);
  assert.ok(Math.abs(logNScale(1e6, 1000) - 2) < 1e-12);
});

test('demosForText links papers about the demos and ignores look-alikes', () => {
  assert.deepEqual(
    demosForText(
      'Symbolic Discovery of Optimization Algorithms: we discover Lion, a sign-momentum optimizer',
    ).map((l) => l.href),
    ['/demos/optimizers'],
  );
  assert.ok(
    demosForText('Muon is Scalable for LLM Training with Newton-Schulz orthogonalization').some(
      (l) => l.href === '/demos/optimizers#newton-schulz',
    ),
  );
  assert.deepEqual(
    demosForText('RoFormer: Enhanced Transformer with Rotary Position Embedding').map((l) => l.href),
    ['/demos/rope'],
  );
  assert.deepEqual(
    demosForText('Extending context window of LLMs via Position Interpolation of RoPE').map((l) => l.href),
    ['/demos/rope', '/demos/rope#context-extension'],
  );
  assert.deepEqual(demosForText('Precision measurement of the muon anomalous magnetic moment'), []);
  assert.deepEqual(demosForText('Learning rope manipulation from lion videos'), []);
  assert.deepEqual(
    demosForText('On the optimal learning rate and batch size of Adam').map((l) => l.href),
    ['/demos/optimizers', '/demos/scaling'],
  );
  assert.equal(DEMOS.length, 3);
  for (const d of DEMOS) assert.ok(d.href.startsWith('/demos/') && d.title && d.description);
});

test('frequencies and the decay curve match the reference (demos.md §3.1–3.2, rope_misc.py)', () => {
  const theta = ropeFrequencies(10_000, 128);
  assert.equal(theta[1]!.toFixed(6), '0.865964');
  assert.equal(theta[63]!.toExponential(6), '1.154782e-4');
  assert.equal(ropeWavelengths(10_000, 128)[63]!.toFixed(2), '54410.14');
  assert.equal(ropeBeta(10_000, 128).toFixed(6), '1.154782');
  const table: [number, string][] = [
    [0, '32.5000'],
    [1, '31.5382'],
    [2, '28.9560'],
    [4, '22.6040'],
    [8, '19.8174'],
    [16, '15.7750'],
    [32, '13.3843'],
    [64, '10.0899'],
    [100, '10.2273'],
    [128, '9.2729'],
    [200, '7.2448'],
    [256, '6.5431'],
    [512, '5.3114'],
    [1024, '4.0241'],
    [4096, '4.8828'],
  ];
  for (const [m, want] of table) assert.equal(decayBound(m, theta).toFixed(4), want, `m = ${m}`);
  // NTK-aware b' for s = 2 … 64 (demos.md §3.3).
  [20221.26, 40889.94, 82684.62, 167198.74, 338096.95, 683674.68].forEach((want, k) =>
    assert.equal(ntkBase(10_000, 128, 2 ** (k + 1)).toFixed(2), want.toFixed(2)),
  );
  // log-n scale, train 4096: 1.0833 at 8192, 1.25 at 32768 (demos.md §3.4).
  assert.equal(logNScale(8192, 4096).toFixed(4), '1.0833');
  assert.equal(logNScale(32768, 4096).toFixed(4), '1.2500');
});

test('β-base digits: 2024 in base β = 10 (d = 8, b = 1e4) reads 4, 2, 0, 2 with the numpy angles', () => {
  assert.ok(Math.abs(ropeBeta(10_000, 8) - 10) < 1e-12);
  const digits = betaDigits(2024, ropeBeta(10_000, 8), 4);
  assert.deepEqual(
    digits.map((g) => Math.round(g.digit)),
    [4, 2, 0, 2],
  );
  // numpy (seeded_reference.py): (2024/10^i) mod 2π.
  [0.8143310882, 1.3380701703, 1.3904440785, 2.024].forEach((want, i) =>
    assert.ok(Math.abs(digits[i]!.angle - want) < 1e-9),
  );
  assert.deepEqual(
    betaDigits(1000, 10, 4).map((g) => Math.round(g.digit)),
    [0, 0, 0, 1],
  );
});

test('largest admitted context for a base (demos.md §3.6 [ref]) and the Ci zero (rope_misc.py)', () => {
  const reference: [number, number][] = [
    [1e4, 1707],
    [5e5, 18438],
    [1e6, 27115],
    [1e7, 144660],
    [5e7, 416715],
  ];
  for (const [base, length] of reference) assert.equal(largestContext(base, 128), length, `b = ${base}`);
  assert.equal(ciFirstZero().toFixed(6), '0.616505');
  assert.ok(
    Math.abs(cosineIntegral(1) - 0.3374039229009681) < 1e-13,
    'Ci(1) (Abramowitz & Stegun table 5.1)',
  );
});

test('published minimal bases: 7 of 11 of Table 1 and 7 of 11 of Su fail the bound (demos.md §6.1 --verify)', () => {
  // rope_min_base.py --verify: paper-ok T T F T F F T F F F F; Su-ok T F F T F T T F F F F.
  const rows = checkPublishedBases();
  assert.deepEqual(
    rows.map((r) => r.paperOk),
    [true, true, false, true, false, false, true, false, false, false, false],
  );
  assert.deepEqual(
    rows.map((r) => r.suOk),
    [true, false, false, true, false, true, true, false, false, false, false],
  );
});
