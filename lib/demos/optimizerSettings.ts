// One settings shape for every optimizer so the playgrounds can show them side by side, the
// published defaults (each with its source), how the playground's controls map onto each
// optimizer, and the dispatcher that runs each published rule.
import {
  type OptimizerState,
  TIGER_BETAS,
  adamStep,
  adamwStep,
  lionStep,
  sgdMomentumStep,
  signumStep,
  tigerStep,
} from './optimizers';
import type { SourceId } from './sources';

/** Element-wise optimizers; Muon is matrix-aware and lives in muon.ts. */
export type ElementwiseKind = 'sgdm' | 'adam' | 'adamw' | 'signum' | 'lion' | 'tiger';

export interface OptimizerSettings {
  lr: number;
  /** Momentum μ (SGD), β (Signum, Tiger) or β1 (Adam, Lion). */
  beta1: number;
  /** β2 (Adam, Lion); unused by the others. */
  beta2: number;
  /** Adam's ε (1e-8 by default). */
  eps?: number;
  weightDecay: number;
  /** Tiger only: tiger.py's per-tensor lr (lr × RMS(θ) for weights, lr/2 and no decay for biases). */
  relativeLr?: boolean;
}

export const OPTIMIZER_LABELS: Record<ElementwiseKind | 'muon', string> = {
  sgdm: 'SGD + momentum',
  adam: 'Adam (L2)',
  adamw: 'AdamW',
  signum: 'Signum',
  lion: 'Lion',
  tiger: 'Tiger',
  muon: 'Muon (+AdamW)',
};

/** Published defaults used by the playgrounds. */
export const PUBLISHED = {
  /** β = (0.9, 0.999), ε = 1e-8: Adam paper and torch; AdamW λ = 0.01 is torch's default. */
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, adamwDecay: 0.01 },
  /** Signum's β = 0.9 (Bernstein et al. 2018). */
  signum: { beta: 0.9 },
  /** Lion's β = (0.9, 0.99) (Chen et al. 2023 and its code). */
  lion: { beta1: 0.9, beta2: 0.99 },
  tiger: { beta: TIGER_BETAS.cv, decay: 0.01 },
} as const;

/** Where each optimizer's rule and defaults come from. */
export const OPTIMIZER_SOURCES: Record<ElementwiseKind | 'muon', SourceId[]> = {
  sgdm: ['torch-sgd'],
  adam: ['adam-paper', 'torch-adam'],
  adamw: ['adamw-paper', 'torch-adamw'],
  signum: ['signum-paper'],
  lion: ['lion-paper', 'lion-code'],
  tiger: ['tiger-post', 'tiger-code'],
  muon: ['muon-code'],
};

/** The playground's controls; settingsFor turns them into each optimizer's settings. */
export interface PlaygroundControls {
  adamLr: number;
  /** Lion/Tiger/Signum lr = adamLr ÷ k; Lion/Tiger decay = weightDecay × k (Lion README: k = 3–10). */
  signRatio: number;
  sgdLr: number;
  sgdMomentum: number;
  adamBeta1: number;
  adamBeta2: number;
  signumBeta: number;
  lionBeta1: number;
  lionBeta2: number;
  tigerBeta: number;
  tigerRelativeLr: boolean;
  /** AdamW's λ (Adam gets it as an L2 term). */
  weightDecay: number;
}

/** Published values for every β; lr and decay are per playground. */
export const PUBLISHED_BETAS = {
  sgdMomentum: 0.9,
  adamBeta1: PUBLISHED.adam.beta1,
  adamBeta2: PUBLISHED.adam.beta2,
  signumBeta: PUBLISHED.signum.beta,
  lionBeta1: PUBLISHED.lion.beta1,
  lionBeta2: PUBLISHED.lion.beta2,
  tigerBeta: PUBLISHED.tiger.beta,
  tigerRelativeLr: true,
} as const;

export function settingsFor(kind: ElementwiseKind, c: PlaygroundControls): OptimizerSettings {
  const signLr = c.adamLr / c.signRatio;
  switch (kind) {
    case 'sgdm':
      return { lr: c.sgdLr, beta1: c.sgdMomentum, beta2: 0, weightDecay: 0 };
    case 'adam':
    case 'adamw':
      return {
        lr: c.adamLr,
        beta1: c.adamBeta1,
        beta2: c.adamBeta2,
        eps: PUBLISHED.adam.eps,
        weightDecay: c.weightDecay,
      };
    case 'signum':
      return { lr: signLr, beta1: c.signumBeta, beta2: 0, weightDecay: 0 };
    case 'lion':
      return { lr: signLr, beta1: c.lionBeta1, beta2: c.lionBeta2, weightDecay: c.weightDecay * c.signRatio };
    case 'tiger':
      return {
        lr: signLr,
        beta1: c.tigerBeta,
        beta2: 0,
        weightDecay: c.weightDecay * c.signRatio,
        relativeLr: c.tigerRelativeLr,
      };
  }
}

export function applyStep(
  kind: ElementwiseKind,
  theta: Float64Array,
  grad: Float64Array,
  state: OptimizerState,
  s: OptimizerSettings,
  tensor: 'weight' | 'bias' = 'weight',
): void {
  const adam = {
    lr: s.lr,
    beta1: s.beta1,
    beta2: s.beta2,
    eps: s.eps ?? PUBLISHED.adam.eps,
    weightDecay: s.weightDecay,
  };
  switch (kind) {
    case 'sgdm':
      return sgdMomentumStep(theta, grad, state, { lr: s.lr, momentum: s.beta1 });
    case 'adam':
      return adamStep(theta, grad, state, adam);
    case 'adamw':
      return adamwStep(theta, grad, state, adam);
    case 'signum':
      return signumStep(theta, grad, state, { lr: s.lr, beta: s.beta1 });
    case 'lion':
      return lionStep(theta, grad, state, s);
    case 'tiger':
      return tigerStep(theta, grad, state, {
        lr: s.lr,
        beta: s.beta1,
        weightDecay: s.weightDecay,
        relativeLr: s.relativeLr,
        tensor,
      });
  }
}
