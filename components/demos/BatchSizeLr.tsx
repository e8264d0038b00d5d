'use client';
// Optimal learning rate against batch size on Su's quadratic toy: SGD (saturating, linear for
// small B) and SignSGD, i.e. Adam with ε = 0 (√B for small B, then the surge: η* falls again).
import { useMemo, useState } from 'react';
import {
  REFERENCE_TOY,
  batchGrid,
  peakOf,
  sgdNoiseScale,
  sgdOptimalLr,
  signExactPeak,
  signMeanField,
  signMeanFieldLr,
  signOptimalLr,
} from '@/lib/demos/scaling';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const f4 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '∞ (no surge)');
const BATCHES = batchGrid(16);

/** A power law through (B₀, η₀), cut off where it leaves the plotted range. */
const rule = (batches: Float64Array, eta0: number, power: number, ceiling: number) =>
  batches.map((b) => (eta0 * b ** power <= ceiling ? eta0 * b ** power : NaN));

export default function BatchSizeLr() {
  const [logKappa, setLogKappa] = useState(Math.log10(REFERENCE_TOY.kappa));
  const [c, setC] = useState(REFERENCE_TOY.c);
  const [logN, setLogN] = useState(Math.log10(REFERENCE_TOY.n));
  const toy = { n: Math.round(10 ** logN), c, kappa: 10 ** logKappa };

  const { data, signPeak } = useMemo(() => {
    const sgd = BATCHES.map((b) => sgdOptimalLr(toy, b));
    const sign = BATCHES.map((b) => signOptimalLr(toy, b));
    const ceiling = 2 * Math.max(...sgd, ...sign);
    return {
      data: [
        BATCHES,
        sgd,
        rule(BATCHES, sgd[0]!, 1, ceiling),
        sign,
        BATCHES.map((b) => signMeanFieldLr(toy, b)),
        rule(BATCHES, sign[0]!, 0.5, ceiling),
      ] as [Float64Array, ...Float64Array[]],
      signPeak: peakOf(BATCHES, sign),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toy is rebuilt each render from these inputs
  }, [logKappa, c, logN]);
  const sgd = sgdNoiseScale(toy);
  const mf = signMeanField(toy);

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Slider
          label="Noise κ = σ/|g| per sample"
          testId="batch-kappa"
          value={logKappa}
          min={0}
          max={2}
          step={0.05}
          format={(v) => f4(10 ** v)}
          onChange={setLogKappa}
        />
        <Slider
          label="Off-diagonal curvature c (H = I + c·s·sᵀ)"
          testId="batch-c"
          value={c}
          min={0}
          max={1}
          step={0.01}
          onChange={setC}
        />
        <Slider
          label="Coordinates n"
          value={logN}
          min={0.5}
          max={3}
          step={0.05}
          format={(v) => String(Math.round(10 ** v))}
          onChange={setLogN}
        />
      </div>
      <p data-testid="batch-summary" className="text-sm text-neutral-600 dark:text-neutral-400">
        SGD: η_max = {f4(sgd.etaMax)}, B_noise = {f4(sgd.bNoise)} · SignSGD: β_noise = {f4(mf.betaNoise)},
        Su&apos;s η_max = {f4(mf.etaMax)}, surge peak at B = {f4(mf.peakBatch)} (Su&apos;s closed form) or{' '}
        {f4(signExactPeak(toy))} (exact) · highest η* on the plotted grid {f4(signPeak.value)} at B ={' '}
        {f4(signPeak.batch)}, {f4(signPeak.overTail)}× its value at B = {BATCHES.at(-1)}
      </p>
      <UPlotChart
        testId="batch-chart"
        title="Optimal learning rate η* against batch size B"
        xLabel="batch size B"
        yLabel="η*"
        xLog
        yLog
        series={[
          { label: 'SGD (exact)', stroke: color(0) },
          { label: 'linear rule η ∝ B', stroke: color(0), dash: [3, 4] },
          { label: 'SignSGD = Adam, ε = 0 (exact)', stroke: color(1) },
          { label: "SignSGD, Su's mean field", stroke: color(3), dash: [6, 3] },
          { label: 'square-root rule η ∝ √B', stroke: color(1), dash: [3, 4] },
        ]}
        data={data}
        height={300}
      />
    </div>
  );
}
