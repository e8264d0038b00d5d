// Muon (Keller Jordan, 2024): momentum + Nesterov, then orthogonalise the update with five
// Newton–Schulz steps of the quintic x ↦ a·x + b·x³ + c·x⁵ applied to the singular values.
import { type Matrix, frobeniusNorm, matmul, matrix, transpose } from './matrix';

/** The published quintic coefficients (a, b, c). */
export const NS_COEFFS = { a: 3.4445, b: -4.775, c: 2.0315 } as const;
export const NS_STEPS = 5;

/** The scalar map the iteration applies to every singular value. */
export function nsMap(x: number, k = NS_COEFFS): number {
  return k.a * x + k.b * x ** 3 + k.c * x ** 5;
}

/** Positive fixed points of nsMap (p(x) = x ⇔ c·y² + b·y + (a − 1) = 0 with y = x²). */
export function nsFixedPoints(k = NS_COEFFS): number[] {
  return positiveQuadraticRoots(k.c, k.b, k.a - 1).map(Math.sqrt);
}

/**
 * The band singular values end up in: [p(local min), p(local max)] of the quintic on x > 0.
 * The critical points solve p'(x) = a + 3b·y + 5c·y² = 0 (y = x²). The band maps into itself,
 * so once a value is inside, further steps keep it there (checked in the tests).
 */
export function nsBand(k = NS_COEFFS): { low: number; high: number } {
  const critical = positiveQuadraticRoots(5 * k.c, 3 * k.b, k.a).map(Math.sqrt);
  const values = critical.map((x) => nsMap(x, k));
  return { low: Math.min(...values), high: Math.max(...values) };
}

function positiveQuadraticRoots(a: number, b: number, c: number): number[] {
  const disc = b * b - 4 * a * c;
  if (disc < 0) return [];
  const r = Math.sqrt(disc);
  return [(-b - r) / (2 * a), (-b + r) / (2 * a)].filter((y) => y > 0).sort((p, q) => p - q);
}

/**
 * Newton–Schulz orthogonalisation as in Muon's reference code: X = G/(‖G‖_F + ε); work on the
 * wide orientation (transpose when rows > cols, so X·Xᵀ is the small Gram matrix); repeat
 * X ← a·X + (b·A + c·A²)·X with A = X·Xᵀ. Returns every iterate (index 0 = normalised input).
 */
export function newtonSchulzIterates(g: Matrix, steps = NS_STEPS, k = NS_COEFFS): Matrix[] {
  const tall = g.rows > g.cols;
  let x = tall ? transpose(g) : matrix(g.rows, g.cols, Float64Array.from(g.data));
  const norm = frobeniusNorm(x) + 1e-7;
  x = matrix(x.rows, x.cols, x.data.map((v) => v / norm));
  const iterates = [x];
  for (let s = 0; s < steps; s++) {
    const a = matmul(x, transpose(x));
    const a2 = matmul(a, a);
    const poly = matrix(a.rows, a.cols, a.data.map((v, i) => k.b * v + k.c * a2.data[i]!));
    const px = matmul(poly, x);
    x = matrix(x.rows, x.cols, x.data.map((v, i) => k.a * v + px.data[i]!));
    iterates.push(x);
  }
  return tall ? iterates.map(transpose) : iterates;
}

export function newtonSchulz(g: Matrix, steps = NS_STEPS): Matrix {
  return newtonSchulzIterates(g, steps).at(-1)!;
}

export interface MuonHyper {
  lr: number;
  /** Momentum μ, 0.95 in the reference implementation. */
  momentum: number;
  nesterov: boolean;
  /** Decoupled weight decay θ(1 − ηλ) (0 in the original Muon). */
  weightDecay: number;
}

export const MUON_DEFAULTS = { momentum: 0.95, nesterov: true } as const;

/**
 * One Muon step on a 2-D weight W (rows × cols): buf ← μ·buf + G; U = G + μ·buf (Nesterov) or buf;
 * W ← W(1 − ηλ) − η·√max(1, rows/cols)·NS5(U). (The later "lerp" form of the momentum differs
 * only by a factor (1 − μ), which the Frobenius normalisation removes.)
 */
export function muonStep(w: Matrix, grad: Float64Array, buffer: Float64Array, hp: MuonHyper): void {
  const update = new Float64Array(grad.length);
  for (let k = 0; k < grad.length; k++) {
    buffer[k] = hp.momentum * buffer[k]! + grad[k]!;
    update[k] = hp.nesterov ? grad[k]! + hp.momentum * buffer[k]! : buffer[k]!;
  }
  const ortho = newtonSchulz(matrix(w.rows, w.cols, update));
  const scale = Math.sqrt(Math.max(1, w.rows / w.cols));
  for (let k = 0; k < w.data.length; k++) {
    w.data[k] = w.data[k]! * (1 - hp.lr * hp.weightDecay) - hp.lr * scale * ortho.data[k]!;
  }
}
