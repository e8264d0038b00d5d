// Context extension for RoPE: how each method changes the rotation angle n·θ_i a frequency sees
// at relative distance n. Training covered n < trainLength; angles beyond what a frequency saw
// in training are out of distribution.
import { ropeFrequencies } from './rope';

export type ExtensionMethod = 'extrapolation' | 'pi' | 'ntk' | 'mixed' | 'rerope' | 'leaky-rerope';

export const EXTENSION_LABELS: Record<ExtensionMethod, string> = {
  extrapolation: 'Extrapolation (unchanged)',
  pi: 'Position interpolation (n/s)',
  ntk: 'NTK-aware (b·s^(d/(d−2)))',
  mixed: 'Mixed base (λ₁⋯λᵢ = exp(a·i^β))',
  rerope: 'ReRoPE (min(n, w))',
  'leaky-rerope': 'Leaky ReRoPE (w + (n−w)/k)',
};

export interface ExtensionConfig {
  base: number;
  d: number;
  /** Scale s = target length / training length. */
  scale: number;
  /** Mixed base exponent β (β = 1 is NTK-aware). */
  beta: number;
  /** ReRoPE window w. */
  window: number;
  /** Leaky ReRoPE slope 1/k beyond the window. */
  leak: number;
}

/** NTK-aware base: b' = b·s^(d/(d−2)), so the lowest frequency is interpolated by exactly s. */
export function ntkBase(base: number, d: number, scale: number): number {
  return base * Math.pow(scale, d / (d - 2));
}

/**
 * Mixed-base scaling: frequency i is divided by Λ_i = λ_1⋯λ_i = exp(a·i^β), with a fixed by
 * Λ_{d/2−1} = s (the lowest frequency is interpolated by s, like PI and NTK). β = 1 gives
 * Λ_i = s^(2i/(d−2)), which is exactly NTK-aware scaling.
 */
export function mixedBaseDivisors(d: number, scale: number, beta: number): Float64Array {
  const last = d / 2 - 1;
  const a = Math.log(scale) / Math.pow(last, beta);
  return new Float64Array(d / 2).map((_, i) => Math.exp(a * Math.pow(i, beta)));
}

/** Frequencies each method uses (ReRoPE variants keep the original ones and change positions). */
export function extendedFrequencies(method: ExtensionMethod, c: ExtensionConfig): Float64Array {
  const theta = ropeFrequencies(c.base, c.d);
  switch (method) {
    case 'pi':
      return theta.map((t) => t / c.scale);
    case 'ntk':
      return ropeFrequencies(ntkBase(c.base, c.d, c.scale), c.d);
    case 'mixed': {
      const div = mixedBaseDivisors(c.d, c.scale, c.beta);
      return theta.map((t, i) => t / div[i]!);
    }
    default:
      return theta;
  }
}

/** The relative position a method feeds into RoPE for true distance n ≥ 0. */
export function effectivePosition(method: ExtensionMethod, n: number, c: ExtensionConfig): number {
  if (method === 'rerope') return Math.min(n, c.window);
  if (method === 'leaky-rerope') return n < c.window ? n : c.window + (n - c.window) * c.leak;
  return n;
}

/**
 * ReRoPE's relative-position matrix for a sequence of `size` tokens: entry (i, j) is
 * sign(i−j)·min(|i−j|, w); Leaky ReRoPE continues with slope `leak` past w instead of stopping.
 */
export function reropePositionMatrix(size: number, window: number, leak = 0): number[][] {
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => {
      const n = Math.abs(i - j);
      const p = n < window ? n : window + (n - window) * leak;
      return i >= j ? p : -p;
    }),
  );
}

/** log-n attention scale: multiply q by max(1, log n / log trainLength) at position n. */
export function logNScale(n: number, trainLength: number): number {
  return Math.max(1, Math.log(n) / Math.log(trainLength));
}

/**
 * For each frequency: the largest angle reached up to distance `testLength` divided by the
 * largest angle seen in training (distance up to trainLength with the original frequencies).
 * Ratios above 1 are unseen rotations; PI and NTK keep the slowest frequency at ≤ 1.
 */
export function angleRatios(method: ExtensionMethod, c: ExtensionConfig, trainLength: number, testLength: number): Float64Array {
  const original = ropeFrequencies(c.base, c.d);
  const used = extendedFrequencies(method, c);
  const maxPos = effectivePosition(method, testLength, c);
  return used.map((t, i) => (maxPos * t) / (trainLength * original[i]!));
}
