// Optimizer update rules as published, each a small function that updates θ and its state in
// place over typed arrays. `grad` is ∂loss/∂θ at the current θ.

export interface OptimizerState {
  /** First moment / momentum buffer. */
  m: Float64Array;
  /** Second moment (Adam family only). */
  v: Float64Array;
  /** Steps taken so far (for Adam's bias correction). */
  t: number;
}

export function createState(size: number): OptimizerState {
  return { m: new Float64Array(size), v: new Float64Array(size), t: 0 };
}

/** SGD with (heavy-ball) momentum, PyTorch convention: v ← μ·v + g; θ ← θ − η·v. */
export function sgdMomentumStep(
  theta: Float64Array,
  grad: Float64Array,
  s: OptimizerState,
  hp: { lr: number; momentum: number },
): void {
  for (let k = 0; k < theta.length; k++) {
    s.m[k] = hp.momentum * s.m[k]! + grad[k]!;
    theta[k] = theta[k]! - hp.lr * s.m[k]!;
  }
}

export interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** Adam: L2 penalty folded into the gradient (g + λθ). AdamW: decoupled decay θ(1 − ηλ). */
  weightDecay: number;
}

function adamMoments(
  theta: Float64Array,
  grad: Float64Array,
  s: OptimizerState,
  hp: AdamHyper,
  l2: number,
): void {
  s.t++;
  const c1 = 1 - Math.pow(hp.beta1, s.t);
  const c2 = 1 - Math.pow(hp.beta2, s.t);
  for (let k = 0; k < theta.length; k++) {
    const g = grad[k]! + l2 * theta[k]!;
    s.m[k] = hp.beta1 * s.m[k]! + (1 - hp.beta1) * g;
    s.v[k] = hp.beta2 * s.v[k]! + (1 - hp.beta2) * g * g;
    theta[k] = theta[k]! - (hp.lr * (s.m[k]! / c1)) / (Math.sqrt(s.v[k]! / c2) + hp.eps);
  }
}

/** Adam (Kingma & Ba) with weight decay as an L2 term in the gradient, as torch.optim.Adam does. */
export function adamStep(theta: Float64Array, grad: Float64Array, s: OptimizerState, hp: AdamHyper): void {
  adamMoments(theta, grad, s, hp, hp.weightDecay);
}

/** AdamW (Loshchilov & Hutter): θ ← θ(1 − ηλ), then the plain Adam step. */
export function adamwStep(theta: Float64Array, grad: Float64Array, s: OptimizerState, hp: AdamHyper): void {
  decoupledDecay(theta, hp.lr * hp.weightDecay);
  adamMoments(theta, grad, s, hp, 0);
}

function decoupledDecay(theta: Float64Array, factor: number): void {
  if (factor === 0) return;
  for (let k = 0; k < theta.length; k++) theta[k] = theta[k]! * (1 - factor);
}

/** SignSGD (β = 0) and Signum (Bernstein et al. 2018): m ← β·m + (1−β)·g; θ ← θ − η·sign(m). No weight decay. */
export function signumStep(
  theta: Float64Array,
  grad: Float64Array,
  s: OptimizerState,
  hp: { lr: number; beta: number },
): void {
  for (let k = 0; k < theta.length; k++) {
    s.m[k] = hp.beta * s.m[k]! + (1 - hp.beta) * grad[k]!;
    theta[k] = theta[k]! - hp.lr * Math.sign(s.m[k]!);
  }
}

export interface LionHyper {
  lr: number;
  beta1: number;
  beta2: number;
  weightDecay: number;
}

/**
 * Lion: c = β1·m + (1−β1)·g; θ ← θ − η·(sign(c) + λ·θ); m ← β2·m + (1−β2)·g.
 * The decay uses the pre-update θ, i.e. θ(1 − ηλ) − η·sign(c).
 */
export function lionStep(theta: Float64Array, grad: Float64Array, s: OptimizerState, hp: LionHyper): void {
  for (let k = 0; k < theta.length; k++) {
    const g = grad[k]!;
    const c = hp.beta1 * s.m[k]! + (1 - hp.beta1) * g;
    theta[k] = theta[k]! * (1 - hp.lr * hp.weightDecay) - hp.lr * Math.sign(c);
    s.m[k] = hp.beta2 * s.m[k]! + (1 - hp.beta2) * g;
  }
}

export interface TigerHyper {
  lr: number;
  beta: number;
  weightDecay: number;
  /**
   * Tiger's per-tensor learning rate (bojone/tiger tiger.py): a weight tensor steps by lr × RMS(θ),
   * a bias (or norm β/γ) by lr × 0.5 with no weight decay. Off: one lr for every tensor.
   */
  relativeLr?: boolean;
  /** What the tensor is, for the relative lr: tiger.py treats biases apart from weights. */
  tensor?: 'weight' | 'bias';
}

/** Tiger's β: 0.945 (CV) and 0.965 (NLP, tiger.py's default), the means of Lion's two β pairs (kexue 9512). */
export const TIGER_BETAS = { cv: 0.945, nlp: 0.965 } as const;

/** Root mean square of a tensor (floored at 1e-8 only to keep the arithmetic finite; tiger.py has no floor). */
export function rms(theta: Float64Array, floor = 1e-8): number {
  let s = 0;
  for (const t of theta) s += t * t;
  return Math.max(Math.sqrt(s / Math.max(1, theta.length)), floor);
}

/**
 * Tiger: m ← β·m + (1−β)·g; θ ← θ − η·(sign(m) + λ·θ). With one lr for every tensor it is Lion
 * with β1 = β2 = β; with the relative lr, η = lr·RMS(θ) for weights and lr/2 with λ = 0 for biases.
 */
export function tigerStep(theta: Float64Array, grad: Float64Array, s: OptimizerState, hp: TigerHyper): void {
  const bias = hp.relativeLr && hp.tensor === 'bias';
  const lr = !hp.relativeLr ? hp.lr : bias ? hp.lr * 0.5 : hp.lr * rms(theta);
  const decay = bias ? 0 : hp.weightDecay;
  for (let k = 0; k < theta.length; k++) {
    s.m[k] = hp.beta * s.m[k]! + (1 - hp.beta) * grad[k]!;
    theta[k] = theta[k]! * (1 - lr * decay) - lr * Math.sign(s.m[k]!);
  }
}
