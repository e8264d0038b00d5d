// The smallest RoPE base b with B_m(b) = Σ_i cos(m·b^(−2i/d)) ≥ 0 for every integer m < L
// ("Base of RoPE Bounds Context Length", arXiv:2405.14591), computed with a certificate.
//
// Method (certified sweep, no bisection): work in u = ln b and move u upward only. At the current
// u, take an m with B_m(u) < 0 and jump to the end of that m's negative stretch, using the
// second-order bound
//     B_m(u + Δ) ≤ B_m(u) + B_m'(u)·Δ + ½·C_m(u)·Δ²,   C_m(u) = Σ_i x_i²(φ_i + φ_i²),
// where x_i = 2i/d, φ_i = m·e^(−x_i·u) and |B_m''| ≤ C_m on [u, ∞) because every φ_i shrinks as u
// grows. Each jump length is a root of that quadratic, so B_m stays < 0 over the whole jump:
// every skipped b is proven inadmissible, none is skipped by guesswork. When no known m is
// negative, a full scan of all m < L (rotation recurrence, see rope.ts) either finds new negative
// m or proves the current b admissible, which is then the minimum.
// Warm start: a b admissible for L is admissible for every shorter context, so the minimum for
// ⌊L/2⌋ is a proven lower bound for L; the sweep for L starts there (computed recursively).
import { baseBoundAt, baseBoundSeries, ropeFrequencies } from './rope';

/** Values above −TOLERANCE count as ≥ 0: for m ≤ 2^20 the rounding of m·θ alone is ~1e-10. */
export const TOLERANCE = 1e-9;
/** How many of the most negative m a full scan hands to the cheap per-m phase. */
const WATCH_SIZE = 256;
/** How many negative m are pushed to the end of their negative stretch at each step. */
const ADVANCE_PER_STEP = 4;

export interface BaseSearchProgress {
  /** Every b below this has been proven inadmissible. */
  certifiedBelow: number;
  fullScans: number;
  jumps: number;
  elapsedMs: number;
}

export interface BaseSearchResult extends BaseSearchProgress {
  /** The smallest admissible base (to within TOLERANCE on B, i.e. ~1e-9 relative on b). */
  base: number;
}

export interface BaseSearchOptions {
  /** Sweep start; every b ≥ startBase is examined. Default: the minimum for ⌊L/2⌋ (or 1 for small L). */
  startBase?: number;
  onProgress?: (p: BaseSearchProgress) => void;
  progressEveryMs?: number;
}

/** B_m, dB_m/du and the curvature bound C_m at u = ln b. */
function localModel(m: number, u: number, x: Float64Array): { value: number; slope: number; curvature: number } {
  let value = 0;
  let slope = 0;
  let curvature = 0;
  for (const xi of x) {
    const phi = m * Math.exp(-xi * u);
    value += Math.cos(phi);
    slope += xi * phi * Math.sin(phi);
    curvature += xi * xi * (phi + phi * phi);
  }
  return { value, slope, curvature };
}

/** Push u forward while B_m stays provably negative; returns the end of the proven stretch. */
function advanceWhileNegative(m: number, u: number, x: Float64Array): number {
  for (let step = 0; step < 10_000; step++) {
    const { value, slope, curvature } = localModel(m, u, x);
    if (value >= -TOLERANCE) return u;
    // Half the tolerance absorbs rounding in `value`; the bound then holds for the true B_m.
    const safeValue = value + TOLERANCE / 2;
    const jump = (-slope + Math.sqrt(slope * slope - 2 * curvature * safeValue)) / curvature;
    if (!(jump > 0) || !Number.isFinite(jump)) return u;
    u += jump;
  }
  return u;
}

export function minimalBase(d: number, length: number, options: BaseSearchOptions = {}): BaseSearchResult {
  const started = performance.now();
  const x = new Float64Array(d / 2).map((_, i) => (2 * i) / d);
  const progressEveryMs = options.progressEveryMs ?? 250;
  let lastReport = started;
  const startBase = options.startBase ?? (length > 256 ? minimalBase(d, Math.floor(length / 2), options).base : 1);
  let u = Math.log(startBase);
  let watch: number[] = [];
  let fullScans = 0;
  let jumps = 0;
  const progress = (): BaseSearchProgress => ({
    certifiedBelow: Math.exp(u),
    fullScans,
    jumps,
    elapsedMs: performance.now() - started,
  });

  for (;;) {
    const now = performance.now();
    if (options.onProgress && now - lastReport >= progressEveryMs) {
      lastReport = now;
      options.onProgress(progress());
    }
    const theta = ropeFrequencies(Math.exp(u), d);
    const negative = watch
      .map((m) => ({ m, value: baseBoundAt(m, theta) }))
      .filter((e) => e.value < -TOLERANCE)
      .sort((a, b) => a.value - b.value)
      .slice(0, ADVANCE_PER_STEP);

    if (negative.length === 0) {
      fullScans++;
      const series = baseBoundSeries(theta, length);
      const found: number[] = [];
      for (let m = 0; m < length; m++) if (series[m]! < -TOLERANCE) found.push(m);
      if (found.length === 0) return { base: Math.exp(u), ...progress() };
      watch = found.sort((a, b) => series[a]! - series[b]!).slice(0, WATCH_SIZE);
      continue;
    }
    let next = u;
    for (const { m } of negative) next = Math.max(next, advanceWhileNegative(m, u, x));
    u = next;
    jumps++;
  }
}

/** min over m < L of B_m(b): ≥ 0 exactly when b is admissible for context length L. */
export function minBaseBound(base: number, d: number, length: number): { value: number; argmin: number } {
  const series = baseBoundSeries(ropeFrequencies(base, d), length);
  let value = Infinity;
  let argmin = 0;
  for (let m = 0; m < length; m++) {
    if (series[m]! < value) {
      value = series[m]!;
      argmin = m;
    }
  }
  return { value, argmin };
}
