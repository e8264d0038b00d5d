// The learning-rate / batch-size demos against demo-ref/scaling_laws.py (demos.md §6.4): numpy,
// exact erf for the sign and a trapezoid rule on 36,001 points for softsign, where the demo uses a
// series for erf and graded Gauss–Legendre panels. Same toy: n = 100, c = 0.1, κ = 10.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  REFERENCE_TOY as toy,
  batchGrid,
  erf,
  peakOf,
  sgdNoiseScale,
  sgdOptimalLr,
  signExactPeak,
  signMeanField,
  signMeanFieldLr,
  signOptimalLr,
  softsignMeanFieldLr,
  softsignOptimalLr,
} from '@/lib/demos/scaling';

/** demos.md §6.4: B, SGD, sign exact, sign MF, then (exact, MF) at ε = 0.3, 1, 3. */
const TABLE: number[][] = [
  [1, 0.00826, 0.0685, 0.06841, 0.07085, 0.06843, 0.07603, 0.06863, 0.08994, 0.07033],
  [2, 0.01515, 0.09179, 0.09157, 0.09596, 0.09162, 0.10508, 0.09215, 0.12967, 0.09661],
  [4, 0.02597, 0.11753, 0.11709, 0.12427, 0.11722, 0.13899, 0.11853, 0.17934, 0.12951],
  [8, 0.0404, 0.13998, 0.13935, 0.14942, 0.13965, 0.17034, 0.14269, 0.23054, 0.167],
  [16, 0.05594, 0.15115, 0.15088, 0.16217, 0.1515, 0.18818, 0.1577, 0.26988, 0.20421],
  [32, 0.06926, 0.14687, 0.14822, 0.15781, 0.14935, 0.18742, 0.16028, 0.29019, 0.23544],
  [64, 0.07862, 0.13134, 0.13567, 0.1414, 0.13742, 0.17413, 0.15406, 0.29572, 0.2576],
  [128, 0.08432, 0.11326, 0.12084, 0.12257, 0.12326, 0.15817, 0.14546, 0.29461, 0.27131],
  [256, 0.08749, 0.0995, 0.1088, 0.10807, 0.1118, 0.14551, 0.13847, 0.29211, 0.27905],
  [1024, 0.09003, 0.09101, 0.09616, 0.09662, 0.09984, 0.13305, 0.13139, 0.2889, 0.2853],
  [4096, 0.09069, 0.09091, 0.09228, 0.0952, 0.0962, 0.12967, 0.1293, 0.28785, 0.28693],
  [65536, 0.0909, 0.09091, 0.091, 0.09493, 0.09499, 0.12863, 0.12861, 0.2875, 0.28745],
];
const near = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) <= 5e-6, `${what}: ${got} vs ${want}`);

test('erf matches tabulated values', () => {
  // Abramowitz & Stegun table 7.1.
  near(erf(0.5), 0.5204998778, 'erf 0.5');
  assert.ok(Math.abs(erf(1) - 0.8427007929497149) < 1e-15);
  assert.ok(Math.abs(erf(2) - 0.9953222650189527) < 1e-15);
  assert.equal(erf(-1), -erf(1));
  assert.equal(erf(7), 1);
});

test('closed forms of the toy: SGD η_max = 1/11, B_noise = 10; sign β_noise = 1/3, η_max = 0.15152, peak 19.635 (Su) / 18.553 (exact)', () => {
  const sgd = sgdNoiseScale(toy);
  assert.ok(Math.abs(sgd.etaMax - 1 / 11) < 1e-15 && Math.abs(sgd.bNoise - 10) < 1e-12);
  const mf = signMeanField(toy);
  assert.equal(mf.betaNoise.toFixed(5), '0.33333');
  assert.equal(mf.etaMax.toFixed(5), '0.15152');
  assert.equal(mf.peakBatch.toFixed(3), '19.635');
  assert.equal(signExactPeak(toy).toFixed(3), '18.553');
});

test('η*(B) for SGD, SignSGD and softsign (exact and Su’s mean field) match the reference table', () => {
  for (const [batch, sgd, sign, signMf, ...soft] of TABLE) {
    const B = batch!;
    near(sgdOptimalLr(toy, B), sgd!, `SGD B=${B}`);
    near(signOptimalLr(toy, B), sign!, `sign B=${B}`);
    near(signMeanFieldLr(toy, B), signMf!, `sign MF B=${B}`);
    [0.3, 1, 3].forEach((eps, k) => {
      near(softsignOptimalLr(toy, B, eps), soft[2 * k]!, `softsign ε=${eps} B=${B}`);
      near(softsignMeanFieldLr(toy, B, eps), soft[2 * k + 1]!, `softsign MF ε=${eps} B=${B}`);
    });
  }
});

test('large ε: η*/ε tends to SGD’s η* (demos.md §6.4 large-ε check)', () => {
  const reference: [number, number][] = [
    [4, 0.025975],
    [64, 0.078624],
    [1024, 0.09003],
  ];
  for (const [B, want] of reference) near(softsignOptimalLr(toy, B, 1e3) / 1e3, want, `B=${B}`);
});

test('surge strength on the doubling grid: peak/tail 1.66 (ε = 0), 1.71 (0.3), 1.46 (1), 1.03 (3) (demos.md §2.3)', () => {
  const grid = batchGrid(16, 1);
  const ratios = [0, 0.3, 1, 3].map((eps) =>
    peakOf(
      grid,
      grid.map((b) => softsignOptimalLr(toy, b, eps)),
    ),
  );
  assert.deepEqual(
    ratios.map((r) => r.overTail.toFixed(2)),
    ['1.66', '1.71', '1.46', '1.03'],
  );
  assert.deepEqual(
    ratios.map((r) => r.batch),
    [16, 16, 16, 64],
  );
});
