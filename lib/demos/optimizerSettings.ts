// One settings shape for every optimizer so the playground can show them side by side, and the
// dispatcher that maps it onto each published rule.
import {
  type OptimizerState,
  adamStep,
  adamwStep,
  lionStep,
  sgdMomentumStep,
  signumStep,
  tigerStep,
} from './optimizers';

/** Element-wise optimizers; Muon is matrix-aware and lives in muon.ts. */
export type ElementwiseKind = 'sgdm' | 'adam' | 'adamw' | 'signum' | 'lion' | 'tiger';

export interface OptimizerSettings {
  lr: number;
  /** Momentum (SGD, Signum), β1 (Adam, Lion) or Tiger's single β. */
  beta1: number;
  /** β2 (Adam, Lion); unused by the others. */
  beta2: number;
  weightDecay: number;
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

export function applyStep(
  kind: ElementwiseKind,
  theta: Float64Array,
  grad: Float64Array,
  state: OptimizerState,
  s: OptimizerSettings,
  options: { tigerRms?: boolean } = {},
): void {
  switch (kind) {
    case 'sgdm':
      return sgdMomentumStep(theta, grad, state, { lr: s.lr, momentum: s.beta1 });
    case 'adam':
      return adamStep(theta, grad, state, { ...s, eps: 1e-8 });
    case 'adamw':
      return adamwStep(theta, grad, state, { ...s, eps: 1e-8 });
    case 'signum':
      return signumStep(theta, grad, state, { lr: s.lr, beta: s.beta1, weightDecay: s.weightDecay });
    case 'lion':
      return lionStep(theta, grad, state, s);
    case 'tiger':
      return tigerStep(theta, grad, state, { lr: s.lr, beta: s.beta1, weightDecay: s.weightDecay, scaleByRms: options.tigerRms });
  }
}
