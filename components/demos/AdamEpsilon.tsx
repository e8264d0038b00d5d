'use client';
// Adam's ε against the gradient scale (Su, kexue 10563): with ε ≪ |g| Adam is SignSGD and surges,
// with ε ≫ |g| it is SGD with learning rate η/ε, and its η*(B) saturates like SGD's.
import { useMemo, useState } from 'react';
import {
  REFERENCE_TOY,
  batchGrid,
  peakOf,
  sgdOptimalLr,
  signOptimalLr,
  softsignMeanFieldLr,
  softsignOptimalLr,
} from '@/lib/demos/scaling';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const f4 = (v: number) => Number(v.toPrecision(4)).toString();
const BATCHES = batchGrid(16, 3);
const toy = REFERENCE_TOY;
const SIGN = BATCHES.map((b) => signOptimalLr(toy, b));

export default function AdamEpsilon() {
  const [logEps, setLogEps] = useState(0);
  const eps = 10 ** logEps;
  const { data, peak } = useMemo(() => {
    const exact = BATCHES.map((b) => softsignOptimalLr(toy, b, eps));
    return {
      data: [
        BATCHES,
        SIGN,
        exact,
        BATCHES.map((b) => softsignMeanFieldLr(toy, b, eps)),
        BATCHES.map((b) => eps * sgdOptimalLr(toy, b)),
      ] as [Float64Array, ...Float64Array[]],
      peak: peakOf(BATCHES, exact),
    };
  }, [eps]);

  return (
    <div className="flex flex-col gap-3">
      <Slider
        label="ε relative to the gradient scale, ε/|g|"
        testId="eps-ratio"
        value={logEps}
        min={-2}
        max={2}
        step={0.05}
        format={(v) => f4(10 ** v)}
        onChange={setLogEps}
      />
      <p data-testid="eps-summary" className="text-sm text-neutral-600 dark:text-neutral-400">
        ε/|g| = {f4(eps)}: η* peaks at B = {f4(peak.batch)} on the plotted grid, {f4(peak.overTail)}× its
        value at B = {BATCHES.at(-1)}
        {peak.overTail < 1.01
          ? ' (no surge: η* only grows, like SGD)'
          : ' (a surge: η* falls again for larger batches)'}
      </p>
      <UPlotChart
        testId="eps-chart"
        title="η* against batch size for Adam as softsign(g, ε)"
        xLabel="batch size B"
        yLabel="η*"
        xLog
        yLog
        series={[
          { label: 'ε = 0 (SignSGD)', stroke: color(1), dash: [3, 4] },
          { label: 'softsign, exact', stroke: color(3) },
          { label: "softsign, Su's approximation", stroke: color(4), dash: [6, 3] },
          { label: 'ε × SGD (the ε → ∞ limit)', stroke: color(0), dash: [3, 4] },
        ]}
        data={data}
        height={300}
      />
    </div>
  );
}
