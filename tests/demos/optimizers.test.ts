import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANDSCAPES, runTrajectory } from '@/lib/demos/landscapes';
import {
  adamStep,
  adamwStep,
  createState,
  lionStep,
  sgdMomentumStep,
  signumStep,
  tigerStep,
} from '@/lib/demos/optimizers';
import { type ElementwiseKind, PUBLISHED_BETAS, settingsFor } from '@/lib/demos/optimizerSettings';
import { gaussianArray } from '@/lib/demos/random';

test('Tiger equals Lion when β1 = β2: identical trajectories over 200 noisy steps', () => {
  for (const beta of [0.945, 0.965]) {
    const lion = gaussianArray(50, 1);
    const tiger = Float64Array.from(lion);
    const sl = createState(50);
    const st = createState(50);
    for (let t = 0; t < 200; t++) {
      const g = gaussianArray(50, 100 + t);
      lionStep(lion, g, sl, { lr: 1e-3, beta1: beta, beta2: beta, weightDecay: 0.1 });
      tigerStep(tiger, g, st, { lr: 1e-3, beta, weightDecay: 0.1 });
      assert.deepEqual(tiger, lion, `diverged at step ${t} for β = ${beta}`);
    }
  }
});

test('Lion with its default β = (0.9, 0.99) differs from Tiger, and moves every coordinate by ±η without decay', () => {
  const theta = new Float64Array([0.5, -0.5, 2]);
  const s = createState(3);
  lionStep(theta, new Float64Array([3, -0.01, 1e-9]), s, {
    lr: 0.1,
    beta1: 0.9,
    beta2: 0.99,
    weightDecay: 0,
  });
  assert.deepEqual(
    [...theta].map((v) => +v.toFixed(12)),
    [0.4, -0.4, 1.9],
  );
  // The momentum is updated with β2 after the sign was taken with β1.
  assert.ok(Math.abs(s.m[0]! - 0.01 * 3) < 1e-15);
});

test('AdamW decoupled decay differs from Adam + L2 exactly as published', () => {
  const hp = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 };
  // With a zero loss gradient, Adam+L2 normalises the decay term (step ≈ lr·sign(θ)),
  // while AdamW shrinks θ by the factor (1 − ηλ) and nothing else.
  const theta0 = [5, -0.001];
  const adam = Float64Array.from(theta0);
  const adamw = Float64Array.from(theta0);
  adamStep(adam, new Float64Array(2), createState(2), hp);
  adamwStep(adamw, new Float64Array(2), createState(2), hp);
  assert.ok(Math.abs(adamw[0]! - 5 * (1 - 0.01 * 0.1)) < 1e-15);
  assert.ok(Math.abs(adamw[1]! + 0.001 * (1 - 0.01 * 0.1)) < 1e-15);
  assert.ok(Math.abs(adam[0]! - (5 - 0.01)) < 1e-9, `Adam+L2 moved ${adam[0]}`);
  assert.ok(Math.abs(adam[1]! - (-0.001 + 0.01)) < 1e-6);
  // With λ = 0 both are the same algorithm.
  const a = Float64Array.from(theta0);
  const b = Float64Array.from(theta0);
  const g = new Float64Array([0.3, -2]);
  adamStep(a, g, createState(2), { ...hp, weightDecay: 0 });
  adamwStep(b, g, createState(2), { ...hp, weightDecay: 0 });
  assert.deepEqual(a, b);
});

test('Adam first step is −η·sign(g) (bias correction), SGD momentum accumulates', () => {
  const theta = new Float64Array([1, 1]);
  adamStep(theta, new Float64Array([4, -0.2]), createState(2), {
    lr: 0.1,
    beta1: 0.9,
    beta2: 0.999,
    eps: 0,
    weightDecay: 0,
  });
  assert.ok(Math.abs(theta[0]! - 0.9) < 1e-12 && Math.abs(theta[1]! - 1.1) < 1e-12);
  const p = new Float64Array([0]);
  const s = createState(1);
  sgdMomentumStep(p, new Float64Array([1]), s, { lr: 1, momentum: 0.5 });
  sgdMomentumStep(p, new Float64Array([1]), s, { lr: 1, momentum: 0.5 });
  assert.equal(p[0], -2.5);
});

test('Signum with β = 0 is SignSGD', () => {
  const p = new Float64Array([0, 0, 0]);
  signumStep(p, new Float64Array([0.2, -7, 0]), createState(3), { lr: 0.5, beta: 0 });
  assert.deepEqual([...p], [-0.5, 0.5, 0]);
});

test('landscape gradients match finite differences and trajectories descend', () => {
  for (const land of LANDSCAPES) {
    for (const [x, y] of [
      [0.3, -0.7],
      [-1.1, 1.4],
    ] as const) {
      const [gx, gy] = land.grad(x, y);
      const h = 1e-6;
      const fx = (land.f(x + h, y) - land.f(x - h, y)) / (2 * h);
      const fy = (land.f(x, y + h) - land.f(x, y - h)) / (2 * h);
      assert.ok(Math.abs(gx - fx) < 1e-4 * (1 + Math.abs(fx)), `${land.id} ∂x`);
      assert.ok(Math.abs(gy - fy) < 1e-4 * (1 + Math.abs(fy)), `${land.id} ∂y`);
    }
    const run = runTrajectory(land, 'adam', { lr: 0.05, beta1: 0.9, beta2: 0.999, weightDecay: 0 }, 300);
    assert.ok(run.losses[300]! < run.losses[0]!, `${land.id}: ${run.losses[0]} → ${run.losses[300]}`);
  }
});

test('Tiger with tiger.py relative lr: weights step by lr × RMS(θ), biases by lr/2 with no decay', () => {
  // tiger.py: `if re.findall('bias|beta|gamma', var.name): lr, d = lr * 0.5, 0 … else: lr = lr * root_mean_square(var)`.
  const weight = new Float64Array([3, -4]);
  tigerStep(weight, new Float64Array([1, -1]), createState(2), {
    lr: 0.1,
    beta: 0.945,
    weightDecay: 0.5,
    relativeLr: true,
    tensor: 'weight',
  });
  const eta = 0.1 * Math.sqrt((9 + 16) / 2);
  assert.ok(Math.abs(weight[0]! - (3 - eta * (1 + 0.5 * 3))) < 1e-12);
  assert.ok(Math.abs(weight[1]! - (-4 - eta * (-1 + 0.5 * -4))) < 1e-12);
  const bias = new Float64Array([3, -4]);
  tigerStep(bias, new Float64Array([1, -1]), createState(2), {
    lr: 0.1,
    beta: 0.945,
    weightDecay: 0.5,
    relativeLr: true,
    tensor: 'bias',
  });
  assert.deepEqual([...bias], [3 - 0.05, -4 + 0.05]);
});

test('published defaults: AdamW β2 = 0.999, Tiger β = 0.945 with the relative lr, Signum β = 0.9 without decay, Lion (0.9, 0.99)', () => {
  const c = { ...PUBLISHED_BETAS, adamLr: 0.01, signRatio: 3, sgdLr: 0.3, weightDecay: 0.01 };
  assert.deepEqual(settingsFor('adamw', c), {
    lr: 0.01,
    beta1: 0.9,
    beta2: 0.999,
    eps: 1e-8,
    weightDecay: 0.01,
  });
  assert.deepEqual(settingsFor('tiger', c), {
    lr: 0.01 / 3,
    beta1: 0.945,
    beta2: 0,
    weightDecay: 0.03,
    relativeLr: true,
  });
  assert.deepEqual(settingsFor('signum', c), { lr: 0.01 / 3, beta1: 0.9, beta2: 0, weightDecay: 0 });
  assert.deepEqual(settingsFor('lion', c), { lr: 0.01 / 3, beta1: 0.9, beta2: 0.99, weightDecay: 0.03 });
  assert.equal(settingsFor('sgdm', c).beta1, 0.9);
});

test('landscape results at the playground defaults match an independent numpy implementation', () => {
  // tests/demos/ref/seeded_reference.py, landscape(): the six rules re-written from their published
  // forms in numpy; lr 0.05, k = 3, SGD lr 1e-3, λ = 0, 400 steps. Values are f − f*.
  const reference: Record<string, Record<string, string>> = {
    rosenbrock: {
      sgdm: '1.669783e-2',
      adam: '6.012080e-1',
      adamw: '6.012080e-1',
      signum: '9.901235e-2',
      lion: '1.049383e-1',
      tiger: '1.106818e+0',
    },
    beale: {
      sgdm: 'diverged at step 3',
      adam: '2.388019e+1',
      adamw: '2.388019e+1',
      signum: '6.239428e-3',
      lion: '9.953958e-1',
      tiger: '1.424922e+1',
    },
    saddle: { sgdm: '5.038320e-1', signum: '1.457053e-3', lion: '3.459414e-4', tiger: '4.149610e-4' },
    'ill-conditioned': { sgdm: '2.673534e-4', signum: '5.611111e-2', tiger: '1.223832e-4' },
  };
  const c = { ...PUBLISHED_BETAS, adamLr: 0.05, signRatio: 3, sgdLr: 1e-3, weightDecay: 0 };
  for (const land of LANDSCAPES) {
    const fmin = land.f(...land.minimum);
    for (const [kind, expected] of Object.entries(reference[land.id]!)) {
      const run = runTrajectory(land, kind as ElementwiseKind, settingsFor(kind as ElementwiseKind, c), 400);
      const got =
        run.divergedAt !== undefined
          ? `diverged at step ${run.divergedAt}`
          : (run.losses[400]! - fmin).toExponential(6);
      assert.equal(got, expected, `${land.id} ${kind}`);
    }
  }
});

test('a diverged landscape run is marked, with NaN after the step it left the range', () => {
  const beale = LANDSCAPES.find((l) => l.id === 'beale')!;
  const run = runTrajectory(beale, 'sgdm', { lr: 1e-3, beta1: 0.9, beta2: 0, weightDecay: 0 }, 50);
  assert.equal(run.divergedAt, 3);
  assert.ok(Number.isFinite(run.losses[2]!) && Number.isNaN(run.losses[3]!) && Number.isNaN(run.xs[50]!));
});
