// The minimal RoPE bases published for d = 128 at L = 2^10 … 2^20: Table 1 of Men et al. 2024
// ("Base of RoPE Bounds Context Length", arXiv:2405.14591) and Su's recomputation (kexue 10122),
// both rounded to two significant figures, and whether each rounded value actually satisfies
// B_m = Σ_i cos(m·b^(−2i/d)) ≥ 0 for every m < L when plugged back in.
import { TOLERANCE, minBaseBound } from './baseBound';

export const PUBLISHED_D = 128;

/** [log2 L, paper (Table 1), Su], as printed. */
export const PUBLISHED_BASES: readonly (readonly [number, number, number])[] = [
  [10, 4.3e3, 4.3e3],
  [11, 1.6e4, 1.2e4],
  [12, 2.7e4, 2.7e4],
  [13, 8.4e4, 8.4e4],
  [14, 3.1e5, 2.3e5],
  [15, 6.4e5, 6.3e5],
  [16, 2.1e6, 2.1e6],
  [17, 7.8e6, 4.9e6],
  [18, 3.6e7, 2.4e7],
  [19, 6.4e7, 5.8e7],
  [20, 5.1e8, 6.5e7],
];

export interface PublishedCheck {
  length: number;
  paper: number;
  su: number;
  /** min over m < L of B_m at the published base: ≥ 0 (within TOLERANCE) means it satisfies the bound. */
  paperMin: number;
  suMin: number;
  paperOk: boolean;
  suOk: boolean;
}

/** Checks every published value at its own L (about 10⁸ cosine steps in all: a second or two). */
export function checkPublishedBases(): PublishedCheck[] {
  return PUBLISHED_BASES.map(([log2L, paper, su]) => {
    const length = 2 ** log2L;
    const paperMin = minBaseBound(paper, PUBLISHED_D, length).value;
    const suMin = minBaseBound(su, PUBLISHED_D, length).value;
    return { length, paper, su, paperMin, suMin, paperOk: paperMin >= -TOLERANCE, suOk: suMin >= -TOLERANCE };
  });
}
