// Muon (Keller Jordan, 2024; KellerJordan/Muon muon.py): momentum + Nesterov, then orthogonalise
// the update with five Newton–Schulz steps of the quintic x ↦ a·x + b·x³ + c·x⁵, which acts on
// every singular value; and Moonlight's update scaling (Su, kexue 10739).
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

/** ε in Muon's normalisation X = G/(‖G‖_F + ε) (muon.py). */
export const NS_EPS = 1e-7;

/**
 * Newton–Schulz orthogonalisation as in Muon's reference code (muon.py), in float64 where the
 * reference runs in bfloat16: X = G/(‖G‖_F + ε) with ε = 1e-7, so ‖X‖₂ ≤ ‖X‖_F = ‖G‖_F/(‖G‖_F + ε) < 1
 * (every singular value starts below 1, and a zero G stays zero instead of dividing by zero); work on the wide
 * orientation (transpose when rows > cols, so X·Xᵀ is the small Gram matrix); repeat
 * X ← a·X + (b·A + c·A²)·X with A = X·Xᵀ. Returns every iterate (index 0 = normalised input).
 */
export function newtonSchulzIterates(g: Matrix, steps = NS_STEPS, k = NS_COEFFS): Matrix[] {
  const tall = g.rows > g.cols;
  let x = tall ? transpose(g) : matrix(g.rows, g.cols, Float64Array.from(g.data));
  const norm = frobeniusNorm(x) + NS_EPS;
  x = matrix(
    x.rows,
    x.cols,
    x.data.map((v) => v / norm),
  );
  const iterates = [x];
  for (let s = 0; s < steps; s++) {
    const a = matmul(x, transpose(x));
    const a2 = matmul(a, a);
    const poly = matrix(
      a.rows,
      a.cols,
      a.data.map((v, i) => k.b * v + k.c * a2.data[i]!),
    );
    const px = matmul(poly, x);
    x = matrix(
      x.rows,
      x.cols,
      x.data.map((v, i) => k.a * v + px.data[i]!),
    );
    iterates.push(x);
  }
  return tall ? iterates.map(transpose) : iterates;
}

export function newtonSchulz(g: Matrix, steps = NS_STEPS): Matrix {
  return newtonSchulzIterates(g, steps).at(-1)!;
}

export interface MuonHyper {
  lr: number;
  /** Momentum β, 0.95 in muon.py. */
  momentum: number;
  nesterov: boolean;
  /** Decoupled weight decay W(1 − ηλ); muon.py's default is 0. */
  weightDecay: number;
  /** The update's scale: muon.py's √max(1, rows/cols) by default, or Moonlight's 0.2·√max(rows, cols). */
  scale?: 'keller' | 'moonlight';
}

/** muon.py's defaults: lr 0.02, momentum 0.95, Nesterov, weight decay 0. */
export const MUON_DEFAULTS = { lr: 0.02, momentum: 0.95, nesterov: true, weightDecay: 0 } as const;

/** muon.py's MuonWithAuxAdam defaults for the parameters Muon does not take (embeddings, head, biases). */
export const MUON_AUX_ADAMW = { lr: 3e-4, beta1: 0.9, beta2: 0.95, eps: 1e-10, weightDecay: 0 } as const;

/** √max(1, rows/cols): muon.py's shape factor. */
export const kellerScale = (rows: number, cols: number) => Math.sqrt(Math.max(1, rows / cols));
/** 0.2·√max(rows, cols): Moonlight's factor, giving the update an RMS of about 0.2 like AdamW's (kexue 10739). */
export const moonlightScale = (rows: number, cols: number) => 0.2 * Math.sqrt(Math.max(rows, cols));

/**
 * One Muon step on a 2-D weight W (rows × cols), in muon.py's form: M ← β·M + (1−β)·G (lerp);
 * U = (1−β)·G + β·M with Nesterov, else M; W ← W(1 − ηλ) − η·scale·NS5(U). Returns the applied
 * update scale·NS5(U) (without η) so callers can measure it.
 */
export function muonStep(w: Matrix, grad: Float64Array, buffer: Float64Array, hp: MuonHyper): Matrix {
  const update = new Float64Array(grad.length);
  for (let k = 0; k < grad.length; k++) {
    buffer[k] = hp.momentum * buffer[k]! + (1 - hp.momentum) * grad[k]!;
    update[k] = hp.nesterov ? (1 - hp.momentum) * grad[k]! + hp.momentum * buffer[k]! : buffer[k]!;
  }
  const ortho = newtonSchulz(matrix(w.rows, w.cols, update));
  const scale = hp.scale === 'moonlight' ? moonlightScale(w.rows, w.cols) : kellerScale(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    ortho.data[k] = scale * ortho.data[k]!;
    w.data[k] = w.data[k]! * (1 - hp.lr * hp.weightDecay) - hp.lr * ortho.data[k]!;
  }
  return ortho;
}
