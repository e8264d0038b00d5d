'use client';
// Context extension methods as what they do to the rotation angles: per frequency, the range of
// angles (mod 2π) used at the target length relative to the range seen in training.
import { useMemo, useState } from 'react';
import {
  EXTENSION_LABELS,
  type ExtensionMethod,
  angleCoverage,
  effectivePosition,
  fullyTrainedFrequencies,
  logNScale,
  ntkBase,
  reropePositionMatrix,
} from '@/lib/demos/contextExtension';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const METHODS = Object.keys(EXTENSION_LABELS) as ExtensionMethod[];

export default function ContextExtension() {
  const [log2Train, setLog2Train] = useState(12);
  const [scale, setScale] = useState(8);
  const [beta, setBeta] = useState(0.625);
  const [log2Window, setLog2Window] = useState(9);
  const [leakInv, setLeakInv] = useState(16);
  const [logN, setLogN] = useState(false);
  const trainLength = 2 ** log2Train;
  const testLength = trainLength * scale;
  const config = { base: 10_000, d: 128, scale, beta, window: 2 ** log2Window, leak: 1 / leakInv };

  const ratios = useMemo(() => {
    const x = Float64Array.from({ length: 64 }, (_, i) => i);
    return [x, ...METHODS.map((m) => angleCoverage(m, config, trainLength, testLength)), x.map(() => 1)] as [
      Float64Array,
      ...Float64Array[],
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- config and testLength are rebuilt each render from these inputs
  }, [trainLength, scale, beta, log2Window, leakInv]);
  const positions = useMemo(() => {
    const n = 300;
    const x = Float64Array.from({ length: n }, (_, k) => Math.round((testLength * k) / (n - 1)));
    const pi = x.map((v) => v / scale);
    const series = [
      x.map((v) => v),
      pi,
      x.map((v) => effectivePosition('rerope', v, config)),
      x.map((v) => effectivePosition('leaky-rerope', v, config)),
    ];
    // With the log-n option, show the attention logit scale max(1, log n / log L_train) instead.
    const scaleCurve = x.map((v) => logNScale(Math.max(1, v), trainLength) * trainLength);
    return [x, ...series, ...(logN ? [scaleCurve] : [])] as [Float64Array, ...Float64Array[]];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- config is rebuilt each render from these inputs
  }, [testLength, scale, log2Window, leakInv, logN, trainLength]);
  const small = reropePositionMatrix(8, 3, 1 / 2);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Slider
          label="Training length"
          value={log2Train}
          min={9}
          max={16}
          step={1}
          format={(v) => String(2 ** v)}
          onChange={setLog2Train}
        />
        <Slider
          label="Scale s (target / training length)"
          testId="ext-scale"
          value={scale}
          min={1}
          max={64}
          step={1}
          onChange={setScale}
        />
        <Slider
          label="Mixed base exponent b (1 = NTK-fixed, 0 = PI)"
          testId="ext-mixed-b"
          value={beta}
          min={0}
          max={1}
          step={0.025}
          onChange={setBeta}
        />
        <Slider
          label="ReRoPE window w"
          value={log2Window}
          min={4}
          max={log2Train}
          step={1}
          format={(v) => String(2 ** v)}
          onChange={setLog2Window}
        />
        <Slider
          label="Leaky ReRoPE k (slope 1/k)"
          value={leakInv}
          min={1}
          max={64}
          step={1}
          onChange={setLeakInv}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={logN} onChange={(e) => setLogN(e.target.checked)} /> show log-n
          attention scale
        </label>
      </div>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        d = 128, b = 10,000, target length {testLength.toLocaleString('en')} · NTK-aware base b·s^(d/(d−2)) ={' '}
        {ntkBase(10_000, 128, scale).toExponential(4)} ·{' '}
        <span data-testid="ext-trained-count">{fullyTrainedFrequencies(10_000, 128, trainLength)}</span> of 64
        frequencies turned fully in training (wavelength ≤ {trainLength.toLocaleString('en')}) and have seen
        every angle
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <UPlotChart
          testId="ext-angle-chart"
          title="Angles needed at the target length ÷ angles seen in training (each capped at one turn)"
          xLabel="frequency index i"
          yLabel="> 1: unseen angles"
          yLog
          series={[
            ...METHODS.map((m, k) => ({ label: EXTENSION_LABELS[m], stroke: color(k) })),
            { label: 'trained range', stroke: '#888', dash: [4, 4] },
          ]}
          data={ratios}
        />
        <UPlotChart
          testId="ext-position-chart"
          title="Relative position fed to RoPE"
          xLabel="true distance n"
          yLabel="position"
          series={[
            { label: 'extrapolation / NTK / mixed', stroke: color(0) },
            { label: 'PI n/s', stroke: color(1) },
            { label: 'ReRoPE min(n, w)', stroke: color(4) },
            { label: 'Leaky ReRoPE', stroke: color(5) },
            ...(logN ? [{ label: 'log-n scale × L_train', stroke: color(6), dash: [3, 3] }] : []),
          ]}
          data={positions}
        />
      </div>
      <figure className="overflow-x-auto text-sm">
        <figcaption className="mb-1">
          Leaky ReRoPE relative positions, 8 tokens, w = 3, k = 2 (row = query i, column = key j; ReRoPE would
          stop at 3):
        </figcaption>
        <table className="font-mono">
          <tbody>
            {small.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j} className={`px-1 text-right ${j > i ? 'opacity-30' : ''}`}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
