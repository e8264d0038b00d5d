// Base-bound computations off the main thread: the certified minimal base (with progress), the
// admissibility profile min_m B_m(b) around it, and the B_m curve for one base.
import { minBaseBound, minimalBase } from '@/lib/demos/baseBound';
import { baseBoundSeries, minMaxEnvelope, ropeFrequencies } from '@/lib/demos/rope';
import { largestContext } from '@/lib/demos/ropeBase';

export type BaseBoundJob =
  | { kind: 'minimal'; d: number; length: number }
  | { kind: 'curve'; d: number; length: number; base: number }
  | { kind: 'largest'; d: number; bases: number[] };

export type BaseBoundMessage =
  | { type: 'progress'; certifiedBelow: number; elapsedMs: number; fullScans: number }
  | { type: 'minimal'; length: number; base: number; elapsedMs: number; fullScans: number; jumps: number }
  | { type: 'profile'; bases: number[]; minima: number[] }
  | { type: 'curve'; m: Float64Array; min: Float64Array; max: Float64Array }
  | { type: 'largest'; base: number; length: number }
  | { type: 'done' };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: BaseBoundMessage) => scope.postMessage(m);

scope.onmessage = (event: MessageEvent<BaseBoundJob>) => {
  const job = event.data;
  if (job.kind === 'largest') {
    for (const base of job.bases) post({ type: 'largest', base, length: largestContext(base, job.d) });
  } else if (job.kind === 'curve') {
    const env = minMaxEnvelope(baseBoundSeries(ropeFrequencies(job.base, job.d), job.length), 600);
    post({ type: 'curve', m: env.x, min: env.min, max: env.max });
  } else {
    const result = minimalBase(job.d, job.length, {
      progressEveryMs: 100,
      onProgress: (p) =>
        post({
          type: 'progress',
          certifiedBelow: p.certifiedBelow,
          elapsedMs: p.elapsedMs,
          fullScans: p.fullScans,
        }),
      // Every minimum of the warm-start chain L/2, L/4, … is reported as it is proven.
      onMinimum: (length, r) =>
        post({
          type: 'minimal',
          length,
          base: r.base,
          elapsedMs: r.elapsedMs,
          fullScans: r.fullScans,
          jumps: r.jumps,
        }),
    });
    // min_m B_m on a log grid around the minimum: crossings above b* show the admissible set
    // is not an interval. The grid is coarser for long contexts to bound the work (~3e8 terms).
    const points = Math.max(24, Math.min(200, Math.floor(3e8 / (job.length * (job.d / 2)))));
    const bases: number[] = [];
    const minima: number[] = [];
    for (let k = 0; k < points; k++) {
      const b = (result.base * Math.pow(4, k / (points - 1))) / 1.5;
      bases.push(b);
      minima.push(minBaseBound(b, job.d, job.length).value);
    }
    post({ type: 'profile', bases, minima });
  }
  post({ type: 'done' });
};
