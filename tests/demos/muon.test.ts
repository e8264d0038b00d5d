import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matmul, matrix, singularValues, transpose } from '@/lib/demos/matrix';
import { createTrainer, spirals } from '@/lib/demos/mlp';
import { NS_COEFFS, muonStep, newtonSchulz, newtonSchulzIterates, nsBand, nsFixedPoints, nsMap } from '@/lib/demos/muon';
import { gaussianArray } from '@/lib/demos/random';

test('the quintic (3.4445, −4.7750, 2.0315): fixed points and an invariant band', () => {
  assert.deepEqual(NS_COEFFS, { a: 3.4445, b: -4.775, c: 2.0315 });
  for (const x of nsFixedPoints()) assert.ok(Math.abs(nsMap(x) - x) < 1e-12);
  const { low, high } = nsBand();
  assert.ok(low > 0.68 && low < 0.69 && high > 1.2 && high < 1.21, `band [${low}, ${high}]`);
  // The band maps into itself.
  for (let k = 0; k <= 10_000; k++) {
    const y = nsMap(low + ((high - low) * k) / 10_000);
    assert.ok(y >= low - 1e-12 && y <= high + 1e-12);
  }
});

test('singularValues matches a known matrix', () => {
  // diag(3, 2) rotated on both sides keeps singular values 3 and 2.
  const c = Math.cos(0.7);
  const s = Math.sin(0.7);
  const r = matrix(2, 2, new Float64Array([c, -s, s, c]));
  const m = matmul(matmul(r, matrix(2, 2, new Float64Array([3, 0, 0, 2]))), transpose(r));
  const sv = singularValues(m);
  assert.ok(Math.abs(sv[0]! - 3) < 1e-12 && Math.abs(sv[1]! - 2) < 1e-12);
});

test('Newton–Schulz of a seeded random 64×32 matrix: every singular value inside the band', () => {
  const g = matrix(64, 32, gaussianArray(64 * 32, 2024));
  const out = newtonSchulz(g);
  assert.equal(out.rows, 64);
  assert.equal(out.cols, 32);
  const { low, high } = nsBand();
  const sv = singularValues(out);
  assert.equal(sv.length, 32);
  for (const v of sv) assert.ok(v >= low - 1e-9 && v <= high + 1e-9, `σ = ${v} outside [${low}, ${high}]`);
  // Each step applies the scalar quintic to each singular value of the normalised input.
  const iterates = newtonSchulzIterates(g);
  const before = singularValues(iterates[0]!);
  const after = singularValues(iterates[1]!);
  const mapped = [...before].map((x) => nsMap(x)).sort((a, b) => b - a);
  mapped.forEach((v, i) => assert.ok(Math.abs(v - after[i]!) < 1e-10));
});

test('Muon step: scale √max(1, rows/cols), update is the orthogonalised Nesterov momentum', () => {
  const w = matrix(8, 4, new Float64Array(32));
  const grad = gaussianArray(32, 5);
  muonStep(w, grad, new Float64Array(32), { lr: 1, momentum: 0.95, nesterov: true, weightDecay: 0 });
  // First step: buf = g, update = g + 0.95·g = 1.95·g; NS(1.95·g) = NS(g) up to the ε in
  // the Frobenius normalisation, and the 8×4 shape scales the step by √2.
  const expected = newtonSchulz(matrix(8, 4, grad.map((v) => 1.95 * v)));
  w.data.forEach((v, i) => assert.ok(Math.abs(v + Math.SQRT2 * expected.data[i]!) < 1e-12));
  const scaleFree = newtonSchulz(matrix(8, 4, grad));
  scaleFree.data.forEach((v, i) => assert.ok(Math.abs(v - expected.data[i]!) < 1e-6));
});

test('every optimizer trains the spirals MLP below its starting loss', () => {
  const data = spirals(40, 3, 1);
  const base = { lr: 0.01, beta1: 0.9, beta2: 0.99, weightDecay: 0 };
  for (const kind of ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger', 'muon'] as const) {
    const settings = kind === 'sgdm' ? { ...base, lr: 0.5 } : kind === 'lion' || kind === 'tiger' || kind === 'signum' ? { ...base, lr: 0.003 } : base;
    const trainer = createTrainer({ kind, settings }, data, 16, 3);
    const first = trainer.step().loss;
    let last = first;
    for (let t = 0; t < 150; t++) last = trainer.step().loss;
    assert.ok(last < first * 0.9, `${kind}: ${first} → ${last}`);
  }
});
