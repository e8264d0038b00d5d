// Muon at scale (Su, kexue 10739; Moonlight, arXiv:2502.16982): AdamW and Muon update the same
// n × m layer from the same gradients, and we measure each update's RMS, the weights' RMS, and
// Muon's spectral norm against the bound weight decay puts on it. Muon's update is scale·NS5(momentum): muon.py's scale √max(1, n/m) gives an RMS that
// shrinks like 1/√max(n, m); Moonlight's 0.2·√max(n, m) gives about 0.2 at every shape.
import { type Matrix, matmul, matrix, transpose } from './matrix';
import { MUON_DEFAULTS, kellerScale, moonlightScale, newtonSchulz, nsBand } from './muon';
import { PUBLISHED } from './optimizerSettings';
import { gaussianArray } from './random';

export interface LayerConfig {
  rows: number;
  cols: number;
  steps: number;
  /** RMS of the gradient's constant rank-1 part; the rest is N(0, 1) noise drawn afresh every step. */
  signal: number;
  /** One lr and one λ for both optimizers: what Moonlight's scaling is for. */
  lr: number;
  weightDecay: number;
  adamBeta2: number;
  seed: number;
}

/** 64 × 32 is the shape of the numpy reference; lr = muon.py's 0.02, AdamW's published β2; λ = 0.1, signal 0.5, 200 steps are our choice. */
export const MUON_SCALE_DEFAULTS: LayerConfig = {
  rows: 64,
  cols: 32,
  steps: 200,
  signal: 0.5,
  lr: MUON_DEFAULTS.lr,
  weightDecay: 0.1,
  adamBeta2: PUBLISHED.adam.beta2,
  seed: 11,
};

export interface LayerRun {
  /** RMS of each step's update (without lr and decay). */
  adamwRms: Float64Array;
  kellerRms: Float64Array;
  moonlightRms: Float64Array;
  /** RMS of W after each step: AdamW, Muon with Moonlight's scale and λ, the same Muon with λ = 0. */
  adamwWeightRms: Float64Array;
  muonWeightRms: Float64Array;
  muonNoDecayWeightRms: Float64Array;
  /** ‖W‖₂ at the start (the same for all three) and at the end for the two Muon runs. */
  initialNorm: number;
  muonNorm: number;
  muonNoDecayNorm: number;
}

export const rmsOf = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);

/** RMS of an exactly orthogonalised full-rank n × m update U·Vᵀ: √(min/(n·m)) = 1/√max(n, m). */
export const orthogonalRms = (rows: number, cols: number) => 1 / Math.sqrt(Math.max(rows, cols));

/** Largest singular value by power iteration on WᵀW. */
export function spectralNorm(w: Matrix, iterations = 200): number {
  const gram = matmul(transpose(w), w);
  const v = new Float64Array(w.cols).fill(1 / Math.sqrt(w.cols));
  let lambda = 0;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(v.length);
    for (let r = 0; r < gram.rows; r++) {
      let s = 0;
      for (let c = 0; c < gram.cols; c++) s += gram.data[r * gram.cols + c]! * v[c]!;
      next[r] = s;
    }
    lambda = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
    if (lambda === 0) return 0;
    for (let k = 0; k < v.length; k++) v[k] = next[k]! / lambda;
  }
  return Math.sqrt(lambda);
}

/** The bound decoupled decay puts on Muon's weights: ‖W_t‖₂ ≤ max(‖W₀‖₂, scale·σ_max/λ), σ_max = NS5's largest output. */
export function muonNormBound(initialNorm: number, rows: number, cols: number, weightDecay: number): number {
  return weightDecay > 0
    ? Math.max(initialNorm, (moonlightScale(rows, cols) * nsBand().high) / weightDecay)
    : Infinity;
}

/** Runs the comparison; `onStep(t)` after each step lets a worker report progress. */
export function simulateLayer(c: LayerConfig, onStep?: (step: number) => void): LayerRun {
  const size = c.rows * c.cols;
  // The gradient's signal: signal·√(n·m)·a·bᵀ/(‖a‖‖b‖), whose RMS is exactly `signal`.
  const a = gaussianArray(c.rows, c.seed);
  const b = gaussianArray(c.cols, c.seed + 1);
  const unit = Math.sqrt(size) / (Math.hypot(...a) * Math.hypot(...b));
  const signal = Float64Array.from(
    { length: size },
    (_, k) => c.signal * unit * a[Math.floor(k / c.cols)]! * b[k % c.cols]!,
  );
  const w0 = gaussianArray(size, c.seed + 2, 1 / Math.sqrt(c.cols));
  const adamw = Float64Array.from(w0);
  const muon = Float64Array.from(w0);
  const muonNoDecay = Float64Array.from(w0);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const momentum = new Float64Array(size);
  const { beta1, eps } = PUBLISHED.adam;
  const beta = MUON_DEFAULTS.momentum;
  const moonlight = moonlightScale(c.rows, c.cols);
  const keller = kellerScale(c.rows, c.cols);
  const run: LayerRun = {
    adamwRms: new Float64Array(c.steps),
    kellerRms: new Float64Array(c.steps),
    moonlightRms: new Float64Array(c.steps),
    adamwWeightRms: new Float64Array(c.steps),
    muonWeightRms: new Float64Array(c.steps),
    muonNoDecayWeightRms: new Float64Array(c.steps),
    initialNorm: spectralNorm(matrix(c.rows, c.cols, w0)),
    muonNorm: 0,
    muonNoDecayNorm: 0,
  };
  const decay = 1 - c.lr * c.weightDecay;
  const update = new Float64Array(size);
  for (let t = 1; t <= c.steps; t++) {
    const noise = gaussianArray(size, c.seed + 1000 + t);
    const grad = noise.map((z, k) => z + signal[k]!);
    // AdamW (torch form): decay, then the bias-corrected step.
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - c.adamBeta2 ** t;
    for (let k = 0; k < size; k++) {
      m[k] = beta1 * m[k]! + (1 - beta1) * grad[k]!;
      v[k] = c.adamBeta2 * v[k]! + (1 - c.adamBeta2) * grad[k]! ** 2;
      update[k] = m[k]! / c1 / (Math.sqrt(v[k]! / c2) + eps);
      adamw[k] = adamw[k]! * decay - c.lr * update[k]!;
    }
    run.adamwRms[t - 1] = rmsOf(update);
    // Muon (muon.py's lerp momentum with Nesterov), one orthogonalisation for both scalings.
    for (let k = 0; k < size; k++) {
      momentum[k] = beta * momentum[k]! + (1 - beta) * grad[k]!;
      update[k] = (1 - beta) * grad[k]! + beta * momentum[k]!;
    }
    const ortho = newtonSchulz(matrix(c.rows, c.cols, update)).data;
    const orthoRms = rmsOf(ortho);
    run.kellerRms[t - 1] = keller * orthoRms;
    run.moonlightRms[t - 1] = moonlight * orthoRms;
    for (let k = 0; k < size; k++) {
      muon[k] = muon[k]! * decay - c.lr * moonlight * ortho[k]!;
      muonNoDecay[k] = muonNoDecay[k]! - c.lr * moonlight * ortho[k]!;
    }
    run.adamwWeightRms[t - 1] = rmsOf(adamw);
    run.muonWeightRms[t - 1] = rmsOf(muon);
    run.muonNoDecayWeightRms[t - 1] = rmsOf(muonNoDecay);
    onStep?.(t);
  }
  run.muonNorm = spectralNorm(matrix(c.rows, c.cols, muon));
  run.muonNoDecayNorm = spectralNorm(matrix(c.rows, c.cols, muonNoDecay));
  return run;
}

/** Mean of the second half of a series: the steady state once bias correction and momentum have settled. */
export function steadyMean(series: Float64Array): number {
  const tail = series.subarray(Math.floor(series.length / 2));
  return tail.reduce((s, v) => s + v, 0) / Math.max(1, tail.length);
}
