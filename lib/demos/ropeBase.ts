// RoPE as a β-base number system (Su, kexue 9675): with β = b^(2/d), pair i rotates by n/β^i, the
// way the (i+1)-th β-ary digit of n is ⌊n/β^i⌋ mod β; and the inverse of the base bound: the
// largest context length L a base b admits, i.e. the first m with B_m = Σ_i cos(m·θ_i) < 0.
import { baseBoundRange, ropeFrequencies } from './rope';
import { TOLERANCE } from './baseBound';

/** β = b^(2/d): RoPE's d/2 pairs are d/2 "digits" in base β (β^(d/2) = b). */
export const ropeBeta = (base: number, d: number) => Math.pow(base, 2 / d);

export interface Digit {
  /** ⌊n/β^(m−1)⌋ mod β: the m-th β-ary digit (a real number when β is not an integer). */
  digit: number;
  /** RoPE's angle for the same digit, n/β^(m−1) = n·θ_(m−1), reduced mod 2π. */
  angle: number;
  /** Full turns pair m − 1 has made by position n. */
  turns: number;
}

/** The first `count` digits of n in base β next to RoPE's angles for the same positions. */
export function betaDigits(n: number, beta: number, count: number): Digit[] {
  return Array.from({ length: count }, (_, k) => {
    // Rounding guards exact powers: 1000/10^3 must floor to 1, not 0.999….
    const q = n / Math.pow(beta, k);
    const whole = Math.floor(q + 1e-9);
    return {
      digit: whole - beta * Math.floor(whole / beta + 1e-12),
      angle: q % (2 * Math.PI),
      turns: Math.floor(q / (2 * Math.PI)),
    };
  });
}

/** Blocks scanned at a time by largestContext. */
const BLOCK = 1 << 14;

/**
 * The largest L with B_m(b) ≥ 0 for every m < L: the first m with B_m < −TOLERANCE (scanned in
 * blocks with the rotation recurrence), or `cap` if none is below it.
 */
export function largestContext(base: number, d: number, cap = 1 << 24): number {
  const theta = ropeFrequencies(base, d);
  const buffer = new Float64Array(BLOCK);
  for (let lo = 0; lo < cap; lo += BLOCK) {
    const hi = Math.min(cap, lo + BLOCK);
    baseBoundRange(theta, lo, hi, buffer);
    for (let k = 0; k < hi - lo; k++) if (buffer[k]! < -TOLERANCE) return lo + k;
  }
  return cap;
}

/** Cosine integral Ci(x) = γ + ln x + Σ_k (−x²)^k / (2k·(2k)!), for 0 < x ≲ 10. */
export function cosineIntegral(x: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 1; k < 60; k++) {
    term *= (-x * x) / ((2 * k - 1) * (2 * k));
    sum += term / (2 * k);
  }
  return 0.5772156649015329 + Math.log(x) + sum;
}

/** First positive zero x0 of Ci, by bisection: as d → ∞, B_m ≥ 0 for m < L needs b ≥ L/x0 (Su, kexue 10122). */
export function ciFirstZero(): number {
  let lo = 0.1;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (cosineIntegral(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
