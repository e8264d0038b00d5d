// The smallest RoPE base b with B_m(b) = Σ_i cos(m·b^(−2i/d)) ≥ 0 for every integer m < L
// ("Base of RoPE Bounds Context Length", arXiv:2405.14591), computed with a certificate.
//
// Method (certified sweep, no bisection): work in u = ln b and move u upward only. At the current
// u, take the m with B_m(u) < 0 and jump to the end of their negative stretches, using the
// second-order bound
//     B_m(u + Δ) ≤ B_m(u) + B_m'(u)·Δ + ½·C_m(u)·Δ²,   C_m(u) = Σ_i x_i²(φ_i + φ_i²),
// where x_i = 2i/d, φ_i = m·e^(−x_i·u) and |B_m''| ≤ C_m on [u, ∞) because every φ_i shrinks as u
// grows. Each jump length is a root of that quadratic, so B_m stays < 0 over the whole jump:
// every skipped b is proven inadmissible, none is skipped by guesswork. The sweep stops only where
// a full scan of all m < L finds none below −TOLERANCE: that b is admissible, hence the minimum.
//
// Speed: finding *some* negative m at each new u is the costly part. Negative m come in narrow
// "ridges" that drift slowly upward in m as u grows (m·b^(−x) fixed for the dominant x), so each
// step first scans small windows around the ridges seen recently, and only when those hold no
// negative m does it scan all m < L. The windows are a heuristic that only decides where to look
// first; soundness rests on the certified jumps and on the full scan before stopping.
// Warm start: a b admissible for L is admissible for every shorter context, so the minimum for
// ⌊L/2⌋ is a proven lower bound for L; the sweep for L starts there (computed recursively).
import { baseBoundRange, ropeFrequencies } from './rope';

/** Values above −TOLERANCE count as ≥ 0: for m ≤ 2^20 the rounding of m·θ alone is ~1e-10. */
export const TOLERANCE = 1e-9;
/** How often the rotation recurrence is re-seeded from Math.cos/sin, so its drift stays ~1e-13. */
/** Negative m further apart than this start separate ridges; also the slack around a ridge window. */
const RIDGE_PAD = 8;
/** Ridges unseen for this long (in u = ln b) are dropped. */
const RIDGE_MAX_AGE = 0.05;
/** A ridge at m seen at u is looked for up to m·e^(RIDGE_DRIFT·Δu) after a step Δu. */
const RIDGE_DRIFT = 0.5;
/** Stop looking once this many negative m are found; each is pushed to its stretch end. */
const NEGATIVES_PER_STEP = 4;

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
  /** Called with each minimum found, including those of the warm-start chain ⌊L/2⌋, ⌊L/4⌋, …. */
  onMinimum?: (length: number, result: BaseSearchResult) => void;
}

/** B_m, dB_m/du and the curvature bound C_m at u = ln b. */
function localModel(
  m: number,
  u: number,
  x: Float64Array,
): { value: number; slope: number; curvature: number } {
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
export function advanceWhileNegative(m: number, u: number, x: Float64Array): number {
  for (let step = 0; step < 10_000; step++) {
    const { value, slope, curvature } = localModel(m, u, x);
    if (value >= -TOLERANCE) return u;
    // Half the tolerance absorbs rounding in `value`; the bound then holds for the true B_m.
    const safeValue = value + TOLERANCE / 2;
    const jump = (-slope + Math.sqrt(slope * slope - 2 * curvature * safeValue)) / curvature;
    if (!(jump > 0) || !Number.isFinite(jump) || u + jump === u) return u;
    u += jump;
  }
  return u;
}

/** m in [lo, hi] were negative at u; a window around them is searched at later u. */
interface Ridge {
  lo: number;
  hi: number;
  seenAt: number;
}

/** Group sorted negative m into ridges (runs with gaps ≤ RIDGE_PAD). */
function ridgesOf(sortedNegative: number[], u: number): Ridge[] {
  const ridges: Ridge[] = [];
  for (const m of sortedNegative) {
    const last = ridges[ridges.length - 1];
    if (last && m - last.hi <= RIDGE_PAD) last.hi = m;
    else ridges.push({ lo: m, hi: m, seenAt: u });
  }
  return ridges;
}

/**
 * Scan the windows of the live ridges at u, most recently seen first, until NEGATIVES_PER_STEP
 * negative m are found. Returns them and the ridges to keep (those whose window held none, plus
 * those not scanned); ridges whose window held negatives are replaced by the new ones.
 */
function searchRidges(ridges: Ridge[], u: number, theta: Float64Array, length: number, buffer: Float64Array) {
  const windows = ridges
    .filter((r) => u - r.seenAt <= RIDGE_MAX_AGE)
    .map((r) => ({
      lo: Math.max(0, r.lo - RIDGE_PAD),
      hi: Math.min(length, Math.ceil(r.hi * Math.exp(RIDGE_DRIFT * (u - r.seenAt))) + RIDGE_PAD + 1),
      ridges: [r],
      seenAt: r.seenAt,
    }))
    .sort((a, b) => a.lo - b.lo);
  const merged: typeof windows = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.lo <= last.hi) {
      last.hi = Math.max(last.hi, w.hi);
      last.ridges.push(...w.ridges);
      last.seenAt = Math.max(last.seenAt, w.seenAt);
    } else merged.push(w);
  }
  merged.sort((a, b) => b.seenAt - a.seenAt);
  const negative: { m: number; value: number }[] = [];
  const kept: Ridge[] = [];
  for (const w of merged) {
    if (negative.length >= NEGATIVES_PER_STEP) {
      kept.push(...w.ridges);
      continue;
    }
    baseBoundRange(theta, w.lo, w.hi, buffer);
    const before = negative.length;
    for (let k = 0; k < w.hi - w.lo; k++)
      if (buffer[k]! < -TOLERANCE) negative.push({ m: w.lo + k, value: buffer[k]! });
    if (negative.length === before) kept.push(...w.ridges);
  }
  return { negative, kept };
}

export function minimalBase(d: number, length: number, options: BaseSearchOptions = {}): BaseSearchResult {
  const started = performance.now();
  const x = new Float64Array(d / 2).map((_, i) => (2 * i) / d);
  const progressEveryMs = options.progressEveryMs ?? 250;
  let lastReport = started;
  const startBase =
    options.startBase ?? (length > 256 ? minimalBase(d, Math.floor(length / 2), options).base : 1);
  const buffer = new Float64Array(length);
  let u = Math.log(startBase);
  let ridges: Ridge[] = [];
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
    const { negative, kept } = searchRidges(ridges, u, theta, length, buffer);
    if (negative.length === 0) {
      fullScans++;
      baseBoundRange(theta, 0, length, buffer);
      for (let m = 0; m < length; m++) if (buffer[m]! < -TOLERANCE) negative.push({ m, value: buffer[m]! });
      if (negative.length === 0) {
        const result = { base: Math.exp(u), ...progress() };
        options.onMinimum?.(length, result);
        return result;
      }
    }
    ridges = [
      ...kept,
      ...ridgesOf(
        negative.map((e) => e.m).sort((a, b) => a - b),
        u,
      ),
    ];
    negative.sort((a, b) => a.value - b.value);
    let next = u;
    for (const { m } of negative.slice(0, NEGATIVES_PER_STEP))
      next = Math.max(next, advanceWhileNegative(m, u, x));
    // Unreachable in practice (a negative B_m gives a positive jump); never step without proof.
    if (next === u) throw new Error(`base sweep stalled at b = ${Math.exp(u)}`);
    u = next;
    jumps++;
  }
}

/** min over m < L of B_m(b): ≥ 0 exactly when b is admissible for context length L. */
export function minBaseBound(base: number, d: number, length: number): { value: number; argmin: number } {
  const series = baseBoundRange(ropeFrequencies(base, d), 0, length, new Float64Array(length));
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
