import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matmul, matrix, singularValues, transpose } from '@/lib/demos/matrix';
import { createTrainer, spirals } from '@/lib/demos/mlp';
import {
  NS_COEFFS,
  kellerScale,
  moonlightScale,
  muonStep,
  newtonSchulz,
  newtonSchulzIterates,
  nsBand,
  nsFixedPoints,
  nsMap,
} from '@/lib/demos/muon';
import { MUON_SCALE_DEFAULTS, orthogonalRms, simulateLayer, steadyMean } from '@/lib/demos/muonScale';
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

test('Muon step in muon.py form: lerp momentum, Nesterov, scale √max(1, rows/cols), decoupled decay', () => {
  const w = matrix(8, 4, new Float64Array(32));
  const grad = gaussianArray(32, 5);
  muonStep(w, grad, new Float64Array(32), { lr: 1, momentum: 0.95, nesterov: true, weightDecay: 0 });
  // muon.py: momentum.lerp_(grad, 1 − β) gives M = 0.05·g; update = grad.lerp_(M, β) = 0.05·g + 0.95·M
  // = 0.0975·g; NS(0.0975·g) = NS(g) up to ε = 1e-7, and the 8×4 shape scales the step by √2.
  const expected = newtonSchulz(
    matrix(
      8,
      4,
      grad.map((v) => 0.0975 * v),
    ),
  );
  w.data.forEach((v, i) => assert.ok(Math.abs(v + Math.SQRT2 * expected.data[i]!) < 1e-12));
  // Weight decay multiplies W by (1 − ηλ) before the step; Moonlight's scale is 0.2·√max(rows, cols).
  const decayed = matrix(8, 4, new Float64Array(32).fill(1));
  const applied = muonStep(decayed, grad, new Float64Array(32), {
    lr: 0.1,
    momentum: 0.95,
    nesterov: true,
    weightDecay: 0.5,
    scale: 'moonlight',
  });
  applied.data.forEach((u, i) => {
    assert.ok(Math.abs(u - 0.2 * Math.sqrt(8) * expected.data[i]!) < 1e-12);
    assert.ok(Math.abs(decayed.data[i]! - (0.95 - 0.1 * u)) < 1e-12);
  });
  const scaleFree = newtonSchulz(matrix(8, 4, grad));
  scaleFree.data.forEach((v, i) => assert.ok(Math.abs(v - expected.data[i]!) < 1e-6));
});

test('every optimizer trains the spirals MLP below its starting loss', () => {
  const data = spirals(40, 3, 1);
  const base = { lr: 0.01, beta1: 0.9, beta2: 0.99, weightDecay: 0 };
  for (const kind of ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger', 'muon'] as const) {
    const settings =
      kind === 'sgdm'
        ? { ...base, lr: 0.5 }
        : kind === 'lion' || kind === 'tiger' || kind === 'signum'
          ? { ...base, lr: 0.003 }
          : base;
    const trainer = createTrainer({ kind, settings }, data, 16, 3);
    const first = trainer.step().loss;
    let last = first;
    for (let t = 0; t < 150; t++) last = trainer.step().loss;
    assert.ok(last < first * 0.9, `${kind}: ${first} → ${last}`);
  }
});

test('quintic band, fixed points and local extremes match the reference (demos.md §6.2, newton_schulz.py)', () => {
  // demo-ref/newton_schulz.py: fixed points 0.8680, 1.2637; local max g(0.5545) = 1.2024, local min g(1.0501) = 0.6818.
  const [f1, f2] = nsFixedPoints();
  assert.equal(f1!.toFixed(4), '0.8680');
  assert.equal(f2!.toFixed(4), '1.2637');
  const { low, high } = nsBand();
  // tests/demos/ref/seeded_reference.py (numpy roots of p'): band [0.6818314622, 1.2023686052].
  assert.ok(Math.abs(low - 0.6818314622) < 1e-9 && Math.abs(high - 1.2023686052) < 1e-9, `[${low}, ${high}]`);
});

test('the Newton–Schulz view at its defaults and at 128×128 matches numpy SVD of the same matrices', () => {
  // tests/demos/ref/seeded_reference.py: the same mulberry32 matrices, NS in numpy float64, np.linalg.svd.
  const cases: [number, number, number, number, number, number][] = [
    [64, 32, 5, 0.6822774252, 1.1284710158, 32],
    [128, 128, 5, 0.0511358797, 1.1747673119, 126],
    [128, 128, 6, 0.1754997631, 1.2006254955, 127],
    [128, 128, 8, 0.6818317611, 1.1997018392, 128],
  ];
  const { low, high } = nsBand();
  for (const [rows, cols, steps, min, max, inBand] of cases) {
    const sv = singularValues(
      newtonSchulzIterates(matrix(rows, cols, gaussianArray(rows * cols, 1)), steps).at(-1)!,
    );
    assert.ok(
      Math.abs(sv.at(-1)! - min) < 1e-8 && Math.abs(sv[0]! - max) < 1e-8,
      `${rows}×${cols}, ${steps} steps: [${sv.at(-1)}, ${sv[0]}]`,
    );
    assert.equal(sv.filter((v) => v >= low - 1e-12 && v <= high + 1e-12).length, inBand);
  }
});

test('Muon at scale: shape factors and exact-update RMS (demos.md §1.6) and the default simulation (numpy)', () => {
  // demos.md [ref]: 64×32 → Keller scale √2 = 1.414, Moonlight 0.2·8 = 1.6, RMS of U·Vᵀ = 0.125.
  assert.equal(kellerScale(64, 32).toFixed(3), '1.414');
  assert.equal(moonlightScale(64, 32).toFixed(3), '1.600');
  assert.equal(orthogonalRms(64, 32), 0.125);
  // tests/demos/ref/seeded_reference.py muon_scale(): same gradients, numpy float64, SVD for ‖W‖₂.
  const run = simulateLayer(MUON_SCALE_DEFAULTS);
  const close = (got: number, want: number) => assert.ok(Math.abs(got - want) < 1e-8, `${got} vs ${want}`);
  close(steadyMean(run.adamwRms), 0.4306516434);
  close(steadyMean(run.kellerRms), 0.1671025257);
  close(steadyMean(run.moonlightRms), 0.1890549265);
  close(run.initialNorm, 2.2956388857);
  close(run.muonNorm, 4.1698130294);
  close(run.muonNoDecayNorm, 5.1656895894);
  close(run.adamwWeightRms.at(-1)!, 1.2623904258);
  close(run.muonWeightRms.at(-1)!, 0.267787506);
  close(run.muonNoDecayWeightRms.at(-1)!, 0.3388436828);
});
