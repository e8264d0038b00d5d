// The optimal learning rate against batch size on Su's quadratic toy (kexue 10542, 10563):
// one step θ → θ − η·u on a loss expanded to second order gives η* = E[u]ᵀg / Tr(E[uuᵀ]·H).
// The toy has n coordinates with |g_i| = 1, noise g̃_i = g_i + σ·z/√B (z ~ N(0, 1), σ = κ·|g|)
// and H = I + c·s·sᵀ with s = sign(g): off-diagonal curvature aligned with the gradient's signs,
// which is what makes sign-like optimizers surge. Every coordinate is alike up to its sign, so
// each moment reduces to one scalar expectation over z.
//
// u is the update direction: SGD (u = g̃), SignSGD (sign g̃, Adam with ε = 0, kexue 10542) and
// softsign(g̃, ε) = g̃/√(g̃² + ε²), which Su uses for Adam with ε > 0 (kexue 10563).

export interface Toy {
  /** Number of coordinates. */
  n: number;
  /** Off-diagonal Hessian strength: H = I + c·s·sᵀ. */
  c: number;
  /** Noise-to-signal ratio σ/|g| of a single-sample gradient. */
  kappa: number;
}

/** The toy of demos.md / scaling_laws.py: n = 100, c = 0.1, κ = 10. */
export const REFERENCE_TOY: Toy = { n: 100, c: 0.1, kappa: 10 };

/** erf by its everywhere-convergent series erf x = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3⋯(2n+1)); 1 beyond |x| = 6. */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  let term = a;
  let sum = a;
  for (let k = 1; k < 200 && term > sum * 1e-17; k++) {
    term *= (2 * a * a) / (2 * k + 1);
    sum += term;
  }
  return Math.sign(x) * Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum);
}

/** η* from the moments μ = E[u_i]·s_i and q = E[u_i²]: η* = μ / ((1 + c)·q + c·(n − 1)·μ²). */
function optimalFromMoments(t: Toy, mean: number, square: number): number {
  return mean / ((1 + t.c) * square + t.c * (t.n - 1) * mean * mean);
}

/** SGD: η*(B) = η_max / (1 + B_noise/B) (OpenAI's large-batch model). */
export function sgdOptimalLr(t: Toy, batch: number): number {
  return optimalFromMoments(t, 1, 1 + (t.kappa * t.kappa) / batch);
}

/** SGD's η_max = gᵀg/gᵀHg and B_noise = Tr(ΣH)/gᵀHg on the toy. */
export function sgdNoiseScale(t: Toy): { etaMax: number; bNoise: number } {
  return { etaMax: 1 / (1 + t.c * t.n), bNoise: (t.kappa * t.kappa * (1 + t.c)) / (1 + t.c * t.n) };
}

/** SignSGD (Adam with ε = 0): E[sign g̃] = erf(√(B/2)/κ), E[sign² ] = 1, exactly. */
export function signOptimalLr(t: Toy, batch: number): number {
  return optimalFromMoments(t, erf(Math.sqrt(batch / 2) / t.kappa), 1);
}

/** Su's mean-field constants for SignSGD (kexue 10542): β_noise, η_max and the predicted surge peak. */
export function signMeanField(t: Toy): { betaNoise: number; etaMax: number; peakBatch: number } {
  const diagonal = t.n * (1 + t.c);
  const offDiagonal = t.c * t.n * (t.n - 1);
  const betaNoise = Math.sqrt(diagonal / offDiagonal);
  const etaMax = t.n / (2 * Math.sqrt(diagonal * offDiagonal));
  const peakBatch =
    betaNoise < 1 ? (Math.PI * t.kappa ** 2 * betaNoise ** 2) / (2 * (1 - betaNoise ** 2)) : Infinity;
  return { betaNoise, etaMax, peakBatch };
}

/** Su's mean-field η*(B) for SignSGD: η_max / (½(β_noise/β + β/β_noise)), β = (1 + πκ²/2B)^(−1/2). */
export function signMeanFieldLr(t: Toy, batch: number): number {
  const { betaNoise, etaMax } = signMeanField(t);
  const beta = 1 / Math.sqrt(1 + (Math.PI * t.kappa ** 2) / (2 * batch));
  return etaMax / (0.5 * (betaNoise / beta + beta / betaNoise));
}

/** The batch where SignSGD's exact η* peaks: erf(√(B/2)/κ) = β_noise (bisection on log B). */
export function signExactPeak(t: Toy): number {
  const { betaNoise } = signMeanField(t);
  if (betaNoise >= 1) return Infinity;
  let lo = Math.log(1e-6);
  let hi = Math.log(1e12);
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (erf(Math.sqrt(Math.exp(mid) / 2) / t.kappa) < betaNoise) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** 20-point Gauss–Legendre nodes and weights on [−1, 1], computed once by Newton's method on P₂₀. */
const GAUSS = (() => {
  const n = 20;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return { nodes, weights };
})();

/**
 * E[u] and E[u²] for u = x/√(x² + ε²), x ~ N(mean, sd²), by composite Gauss–Legendre over
 * mean ± 10·sd, with panel edges graded geometrically towards x = 0 (where u bends on the scale
 * ε), so a steep softsign is integrated as accurately as a gentle one.
 */
function softsignMoments(mean: number, sd: number, eps: number): [number, number] {
  const lo = mean - 10 * sd;
  const hi = mean + 10 * sd;
  const edges = new Set<number>([lo, hi]);
  for (let k = lo; k < hi; k += sd) edges.add(k);
  for (let r = eps / 8; r < 20 * sd; r *= 2) for (const e of [-r, r]) if (e > lo && e < hi) edges.add(e);
  if (lo < 0 && hi > 0) edges.add(0);
  const sorted = [...edges].sort((a, b) => a - b);
  let first = 0;
  let second = 0;
  for (let p = 0; p + 1 < sorted.length; p++) {
    const half = (sorted[p + 1]! - sorted[p]!) / 2;
    const mid = (sorted[p + 1]! + sorted[p]!) / 2;
    for (let k = 0; k < GAUSS.nodes.length; k++) {
      const x = mid + half * GAUSS.nodes[k]!;
      const z = (x - mean) / sd;
      const w = GAUSS.weights[k]! * half * Math.exp(-0.5 * z * z);
      const u = x / Math.sqrt(x * x + eps * eps);
      first += w * u;
      second += w * u * u;
    }
  }
  const norm = sd * Math.sqrt(2 * Math.PI);
  return [first / norm, second / norm];
}

/** Adam with ε (relative to |g| = 1) as softsign: exact η*(B) by quadrature of E[u] and E[u²]. */
export function softsignOptimalLr(t: Toy, batch: number, eps: number): number {
  if (eps === 0) return signOptimalLr(t, batch);
  const [mean, square] = softsignMoments(1, t.kappa / Math.sqrt(batch), eps);
  return optimalFromMoments(t, mean, square);
}

/** Su's mean-field η*(B) for softsign (kexue 10563): β·Σuᵢgᵢ / (β²·Σuᵢuⱼhᵢⱼ + (1 − β²)·Σhᵢᵢ). */
export function softsignMeanFieldLr(t: Toy, batch: number, eps: number): number {
  const u = 1 / Math.sqrt(1 + eps * eps);
  const kappa2 = t.kappa ** 2 / (1 + eps * eps);
  const beta = 1 / Math.sqrt(1 + (Math.PI * kappa2) / (2 * batch));
  return (beta * u) / (beta * beta * u * u * (1 + t.c * t.n) + (1 - beta * beta) * (1 + t.c));
}

/** Batch sizes 2^0 … 2^maxLog2 at `perOctave` points per doubling. */
export function batchGrid(maxLog2: number, perOctave = 4): Float64Array {
  return Float64Array.from({ length: maxLog2 * perOctave + 1 }, (_, k) => 2 ** (k / perOctave));
}

/** Where a curve peaks on its grid, and how far above its value at the largest batch. */
export function peakOf(
  batches: Float64Array,
  values: Float64Array,
): { batch: number; value: number; overTail: number } {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return {
    batch: batches[best]!,
    value: values[best]!,
    overTail: values[best]! / values[values.length - 1]!,
  };
}
