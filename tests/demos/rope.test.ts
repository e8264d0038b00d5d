import assert from 'node:assert/strict';
import { test } from 'node:test';
import { angleRatios, logNScale, mixedBaseDivisors, ntkBase, reropePositionMatrix, extendedFrequencies } from '@/lib/demos/contextExtension';
import { DEMOS, demosForText } from '@/lib/demos/index';
import { baseBoundAt, baseBoundSeries, decayBound, decayCurve, ropeFrequencies, ropeWavelengths } from '@/lib/demos/rope';

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
  for (let m = 0; m < 2 ** 20; m += 997) worst = Math.max(worst, Math.abs(series[m]! - baseBoundAt(m, theta)));
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

test('mixed base with β = 1 is NTK-aware; every method but extrapolation keeps the lowest frequency in range', () => {
  const c = { base: 10_000, d: 128, scale: 8, beta: 1, window: 512, leak: 1 / 16 };
  const mixed = extendedFrequencies('mixed', c);
  const ntk = extendedFrequencies('ntk', c);
  mixed.forEach((t, i) => assert.ok(Math.abs(t / ntk[i]! - 1) < 1e-12));
  const div = mixedBaseDivisors(128, 8, 0.6);
  assert.equal(div[0], 1);
  assert.ok(Math.abs(div[63]! - 8) < 1e-12);
  for (const method of ['pi', 'ntk', 'mixed', 'rerope', 'leaky-rerope'] as const) {
    const r = angleRatios(method, c, 4096, 4096 * 8);
    assert.ok(r[63]! <= 1 + 1e-9, `${method}: ${r[63]}`);
  }
  assert.ok(Math.abs(angleRatios('extrapolation', c, 4096, 4096 * 8)[63]! - 8) < 1e-12);
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
  assert.deepEqual(demosForText('Symbolic Discovery of Optimization Algorithms: we discover Lion, a sign-momentum optimizer').map((l) => l.href), ['/demos/optimizers']);
  assert.ok(demosForText('Muon is Scalable for LLM Training with Newton-Schulz orthogonalization').some((l) => l.href === '/demos/optimizers#newton-schulz'));
  assert.deepEqual(demosForText('RoFormer: Enhanced Transformer with Rotary Position Embedding').map((l) => l.href), ['/demos/rope']);
  assert.deepEqual(
    demosForText('Extending context window of LLMs via Position Interpolation of RoPE').map((l) => l.href),
    ['/demos/rope', '/demos/rope#context-extension'],
  );
  assert.deepEqual(demosForText('Precision measurement of the muon anomalous magnetic moment'), []);
  assert.deepEqual(demosForText('Learning rope manipulation from lion videos'), []);
  assert.equal(DEMOS.length, 2);
  for (const d of DEMOS) assert.ok(d.href.startsWith('/demos/') && d.title && d.description);
});
