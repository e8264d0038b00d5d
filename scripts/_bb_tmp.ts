import { minimalBase } from '@/lib/demos/baseBound';
for (const p of [15, 16, 17]) {
  const t = performance.now();
  const r = minimalBase(128, 2 ** p);
  console.log(p, r.base.toExponential(6), r.fullScans, r.jumps, ((performance.now() - t) / 1000).toFixed(2) + 's');
}
