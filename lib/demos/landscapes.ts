// 2-D test functions with analytic gradients, and optimizer trajectories over them.
import { createState } from './optimizers';
import { type ElementwiseKind, type OptimizerSettings, applyStep } from './optimizerSettings';

export interface Landscape {
  id: string;
  name: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** Plot window [xMin, xMax, yMin, yMax]. */
  view: [number, number, number, number];
  start: [number, number];
  minimum: [number, number];
}

const bealeTerms = (x: number, y: number) =>
  [1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y ** 3] as const;

export const LANDSCAPES: Landscape[] = [
  {
    id: 'rosenbrock',
    name: 'Rosenbrock (1−x)² + 100(y−x²)²',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    view: [-2, 2, -1, 3],
    start: [-1.5, 2.5],
    minimum: [1, 1],
  },
  {
    id: 'beale',
    name: 'Beale',
    f: (x, y) => bealeTerms(x, y).reduce((s, t) => s + t * t, 0),
    grad: (x, y) => {
      const [t1, t2, t3] = bealeTerms(x, y);
      return [
        2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y ** 3 - 1),
        2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y,
      ];
    },
    view: [-4.5, 4.5, -4.5, 4.5],
    start: [-3, -3],
    minimum: [3, 0.5],
  },
  {
    id: 'saddle',
    name: 'Saddle x² − y² + y⁴/4',
    f: (x, y) => x * x - y * y + y ** 4 / 4,
    grad: (x, y) => [2 * x, -2 * y + y ** 3],
    view: [-2, 2, -2.5, 2.5],
    start: [-1.8, 1e-3],
    minimum: [0, Math.SQRT2],
  },
  {
    id: 'ill-conditioned',
    name: 'Ill-conditioned quadratic (x² + 100y²)/2',
    f: (x, y) => (x * x + 100 * y * y) / 2,
    grad: (x, y) => [x, 100 * y],
    view: [-2, 2, -1, 1],
    start: [-1.8, 0.6],
    minimum: [0, 0],
  },
];

export interface Trajectory {
  xs: Float64Array;
  ys: Float64Array;
  losses: Float64Array;
  /** First step whose point left every sane range (|θ| > DIVERGED or not finite); later entries are NaN. */
  divergedAt?: number;
}

/** A run whose coordinates pass this size has left any landscape here for good: it diverged. */
export const DIVERGED = 1e6;

/** Runs `steps` updates from the landscape's start; element 0 is the start point. */
export function runTrajectory(
  land: Landscape,
  kind: ElementwiseKind,
  settings: OptimizerSettings,
  steps: number,
): Trajectory {
  const theta = Float64Array.from(land.start);
  const state = createState(2);
  const grad = new Float64Array(2);
  const out: Trajectory = {
    xs: new Float64Array(steps + 1).fill(NaN),
    ys: new Float64Array(steps + 1).fill(NaN),
    losses: new Float64Array(steps + 1).fill(NaN),
  };
  for (let t = 0; t <= steps; t++) {
    const [x, y] = [theta[0]!, theta[1]!];
    const loss = land.f(x, y);
    if (!(Math.abs(x) <= DIVERGED && Math.abs(y) <= DIVERGED && Number.isFinite(loss))) {
      out.divergedAt = t;
      break;
    }
    out.xs[t] = x;
    out.ys[t] = y;
    out.losses[t] = loss;
    if (t === steps) break;
    [grad[0], grad[1]] = land.grad(x, y);
    applyStep(kind, theta, grad, state, settings);
  }
  return out;
}

/** f sampled on an n×n grid over the view, row 0 at yMin: the input of the contour plot. */
export function sampleGrid(land: Landscape, n: number): Float64Array {
  const [x0, x1, y0, y1] = land.view;
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++)
      out[r * n + c] = land.f(x0 + ((x1 - x0) * c) / (n - 1), y0 + ((y1 - y0) * r) / (n - 1));
  }
  return out;
}
