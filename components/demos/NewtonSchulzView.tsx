'use client';
// Newton–Schulz as Muon runs it: singular values of a random matrix after each of the five steps,
// and the scalar quintic that each step applies to every singular value.
import { useMemo, useState } from 'react';
import { matrix, singularValues } from '@/lib/demos/matrix';
import { NS_COEFFS, NS_STEPS, newtonSchulzIterates, nsBand, nsFixedPoints, nsMap } from '@/lib/demos/muon';
import { gaussianArray } from '@/lib/demos/random';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const MAP_POINTS = 241;

export default function NewtonSchulzView() {
  const [rows, setRows] = useState(64);
  const [cols, setCols] = useState(32);
  const [seed, setSeed] = useState(1);
  const [steps, setSteps] = useState(NS_STEPS);
  const band = nsBand();
  const fixed = nsFixedPoints();

  const spectra = useMemo(() => {
    const iterates = newtonSchulzIterates(matrix(rows, cols, gaussianArray(rows * cols, seed)), steps);
    const values = iterates.map(singularValues);
    const x = Float64Array.from(values[0]!, (_, i) => i + 1);
    return [x, ...values] as [Float64Array, ...Float64Array[]];
  }, [rows, cols, seed, steps]);

  const mapData = useMemo(() => {
    const x = Float64Array.from({ length: MAP_POINTS }, (_, i) => (1.3 * i) / (MAP_POINTS - 1));
    return [
      x,
      x.map((v) => nsMap(v)),
      Float64Array.from(x),
      x.map(() => band.low),
      x.map(() => band.high),
    ] as [Float64Array, ...Float64Array[]];
  }, [band.low, band.high]);

  const last = spectra[steps + 1]!;
  const inBand = last.filter((v) => v >= band.low - 1e-12 && v <= band.high + 1e-12).length;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Slider label="Rows" testId="ns-rows" value={rows} min={2} max={128} step={2} onChange={setRows} />
        <Slider label="Columns" value={cols} min={2} max={128} step={2} onChange={setCols} />
        <Slider label="Random seed" value={seed} min={1} max={50} step={1} onChange={setSeed} />
        <Slider
          label="Newton–Schulz steps (muon.py: 5)"
          testId="ns-steps"
          value={steps}
          min={1}
          max={10}
          step={1}
          onChange={setSteps}
        />
      </div>
      <p data-testid="ns-summary" className="text-sm text-neutral-600 dark:text-neutral-400">
        p(x) = {NS_COEFFS.a}x {NS_COEFFS.b}x³ + {NS_COEFFS.c}x⁵ · fixed points x ={' '}
        {fixed.map((f) => f.toFixed(4)).join(', ')} (and 0) · band [{band.low.toFixed(4)},{' '}
        {band.high.toFixed(4)}] · after {steps} steps σ ∈ [{last.at(-1)!.toFixed(4)}, {last[0]!.toFixed(4)}],{' '}
        {inBand} of {last.length} in the band
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <UPlotChart
          testId="ns-spectrum-chart"
          title="Singular values after each Newton–Schulz step"
          xLabel="index (largest first)"
          yLabel="σ"
          series={spectra
            .slice(1)
            .map((_, s) => ({ label: s === 0 ? 'G/‖G‖_F' : `step ${s}`, stroke: color(s), points: true }))}
          data={spectra}
          height={280}
        />
        <UPlotChart
          testId="ns-map-chart"
          title="One step: x ↦ ax + bx³ + cx⁵"
          xLabel="σ before"
          yLabel="σ after"
          series={[
            { label: 'p(x)', stroke: color(0) },
            { label: 'y = x', stroke: '#888', dash: [4, 4] },
            { label: 'band low', stroke: color(2), dash: [2, 3] },
            { label: 'band high', stroke: color(2), dash: [2, 3] },
          ]}
          data={mapData}
          height={280}
        />
      </div>
    </div>
  );
}
