// Context extension for RoPE: how each method changes the rotation angle n·θ_i a frequency sees
// at relative distance n. Training covered n < trainLength. A frequency whose wavelength 2π/θ_i
// is shorter than the training length has seen every angle (mod 2π) in training, so only the
// slower ones can meet unseen angles (the β-base argument, Su, kexue 9675).
import { ropeFrequencies } from './rope';

export type ExtensionMethod = 'extrapolation' | 'pi' | 'ntk' | 'mixed' | 'rerope' | 'leaky-rerope';

export const EXTENSION_LABELS: Record<ExtensionMethod, string> = {
  extrapolation: 'Extrapolation',
  pi: 'PI (n/s)',
  ntk: 'NTK-aware',
  mixed: 'Mixed base',
  rerope: 'ReRoPE',
  'leaky-rerope': 'Leaky ReRoPE',
};

export interface ExtensionConfig {
  base: number;
  d: number;
  /** Scale s = target length / training length. */
  scale: number;
  /** Mixed-base exponent b in Su's λ₁⋯λₘ = exp(a·m^b), 0 ≤ b ≤ 1 (b = 1 is NTK-fixed, b = 0 is PI). */
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
 * Su's mixed base (kexue 9706; bojone/rerope ntk_patch.py): digit m = 1 … d/2 (pair i = m − 1) is
 * divided by λ₁⋯λₘ = exp(a·m^b) with a·(d/2)^b = ln s, so the slowest pair is divided by exactly s.
 * b = 1 gives λₘ = s^(2/d) for every digit, NTK-fixed; b → 0 divides every pair by s, PI.
 */
export function mixedBaseDivisors(d: number, scale: number, b: number): Float64Array {
  const a = mixedBaseA(d, scale, b);
  return new Float64Array(d / 2).map((_, i) => Math.exp(a * Math.pow(i + 1, b)));
}

/** a in Su's mixed base: a·(d/2)^b = ln s. */
export function mixedBaseA(d: number, scale: number, b: number): number {
  return Math.log(scale) / Math.pow(d / 2, b);
}

/** NTK-fixed (kexue 9706): β → β·λ with λ = s^(2/d) and the mod period scaled too, so pair i is divided by λ^(i+1). */
export function ntkFixedDivisors(d: number, scale: number): Float64Array {
  const lambda = Math.pow(scale, 2 / d);
  return new Float64Array(d / 2).map((_, i) => Math.pow(lambda, i + 1));
}

/** NTK-aware (bloc97): b' = b·s^(d/(d−2)), so pair i is divided by s^(2i/(d−2)); pair 0 is untouched. */
export function ntkAwareDivisors(d: number, scale: number): Float64Array {
  return new Float64Array(d / 2).map((_, i) => Math.pow(scale, (2 * i) / (d - 2)));
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
 * For each frequency: the range of angles (mod 2π) a method needs up to distance testLength,
 * divided by the range seen in training (distances up to trainLength, original frequencies).
 * Both are capped at one full turn 2π: a frequency that turned fully in training has seen every
 * angle, so it extrapolates safely. A ratio above 1 means angles never seen in training.
 */
export function angleCoverage(
  method: ExtensionMethod,
  c: ExtensionConfig,
  trainLength: number,
  testLength: number,
): Float64Array {
  const original = ropeFrequencies(c.base, c.d);
  const used = extendedFrequencies(method, c);
  const maxPos = effectivePosition(method, testLength, c);
  const turn = 2 * Math.PI;
  return used.map((t, i) => Math.min(turn, maxPos * t) / Math.min(turn, trainLength * original[i]!));
}

/** How many frequencies turned fully in training (wavelength 2π/θ_i ≤ trainLength): these extrapolate safely. */
export function fullyTrainedFrequencies(base: number, d: number, trainLength: number): number {
  return ropeFrequencies(base, d).filter((t) => trainLength * t >= 2 * Math.PI).length;
}
