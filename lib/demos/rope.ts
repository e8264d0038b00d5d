// RoPE basics: frequencies θ_i = b^(−2i/d), RoFormer's long-range decay bound, and the
// "Base of RoPE Bounds Context Length" sum B_m = Σ_i cos(m·θ_i) (arXiv:2405.14591).

/** θ_i = base^(−2i/d) for i = 0 … d/2 − 1. */
export function ropeFrequencies(base: number, d: number): Float64Array {
  const half = d / 2;
  const theta = new Float64Array(half);
  for (let i = 0; i < half; i++) theta[i] = Math.pow(base, (-2 * i) / d);
  return theta;
}

/** Wavelength 2π/θ_i: the distance after which frequency i has turned once. */
export function ropeWavelengths(base: number, d: number): Float64Array {
  return ropeFrequencies(base, d).map((t) => (2 * Math.PI) / t);
}

/**
 * RoFormer §3.4.3: the Abel-summation bound of the attention score at relative distance m is
 * proportional to (1/(d/2)) Σ_{j=1}^{d/2} |S_j| with S_j = Σ_{i<j} e^{i·m·θ_i}.
 * At m = 0, S_j = j, so the value is (d/2 + 1)/2.
 */
export function decayBound(m: number, theta: Float64Array): number {
  let re = 0;
  let im = 0;
  let total = 0;
  for (const t of theta) {
    re += Math.cos(m * t);
    im += Math.sin(m * t);
    total += Math.hypot(re, im);
  }
  return total / theta.length;
}

/** decayBound at the given distances. */
export function decayCurve(distances: ArrayLike<number>, theta: Float64Array): Float64Array {
  const out = new Float64Array(distances.length);
  for (let k = 0; k < distances.length; k++) out[k] = decayBound(distances[k]!, theta);
  return out;
}

/** B_m = Σ_i cos(m·θ_i) for one m, straight from Math.cos (accurate, 64 cosines for d = 128). */
export function baseBoundAt(m: number, theta: Float64Array): number {
  let s = 0;
  for (const t of theta) s += Math.cos(m * t);
  return s;
}

/** How often the rotation recurrence is re-seeded from Math.cos/sin, so its drift stays tiny. */
const RESEED_EVERY = 512;

/**
 * B_m for every m in [0, L), by the rotation recurrence z_i ← z_i·e^{iθ_i} (one complex
 * multiplication per frequency per step instead of a cosine), re-seeded exactly every
 * RESEED_EVERY steps so its own drift stays below the rounding of m·θ (~1e-10 at m = 2^20).
 */
export function baseBoundSeries(theta: Float64Array, length: number): Float64Array {
  return baseBoundRange(theta, 0, length, new Float64Array(length));
}

/**
 * B_m for m in [lo, hi) into out[0 … hi−lo), by the rotation recurrence z ← z·e^{iθ} per
 * frequency (frequency-outer, so the running z stays in registers), re-seeded every RESEED_EVERY.
 */
export function baseBoundRange(theta: Float64Array, lo: number, hi: number, out: Float64Array): Float64Array {
  out.fill(0, 0, hi - lo);
  for (const t of theta) {
    const cosStep = Math.cos(t);
    const sinStep = Math.sin(t);
    for (let start = lo; start < hi; start += RESEED_EVERY) {
      let re = Math.cos(start * t);
      let im = Math.sin(start * t);
      const end = Math.min(start + RESEED_EVERY, hi) - lo;
      for (let k = start - lo; k < end; k++) {
        out[k]! += re;
        const next = re * cosStep - im * sinStep;
        im = re * sinStep + im * cosStep;
        re = next;
      }
    }
  }
  return out;
}

/** Min and max of `values` over `buckets` equal slices: a long curve drawn faithfully in few points. */
export function minMaxEnvelope(
  values: Float64Array,
  buckets: number,
): { x: Float64Array; min: Float64Array; max: Float64Array } {
  const size = Math.max(1, Math.ceil(values.length / buckets));
  const count = Math.ceil(values.length / size);
  const out = { x: new Float64Array(count), min: new Float64Array(count), max: new Float64Array(count) };
  for (let k = 0; k < count; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = k * size; m < Math.min(values.length, (k + 1) * size); m++) {
      lo = Math.min(lo, values[m]!);
      hi = Math.max(hi, values[m]!);
    }
    out.x[k] = k * size;
    out.min[k] = lo;
    out.max[k] = hi;
  }
  return out;
}
