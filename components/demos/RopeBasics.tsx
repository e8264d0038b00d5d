'use client';
// Frequencies, wavelengths and RoFormer's long-range decay for a chosen base and head dimension.
import { useMemo, useState } from 'react';
import { decayCurve, ropeFrequencies } from '@/lib/demos/rope';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

export default function RopeBasics() {
  const [logBase, setLogBase] = useState(4);
  const [d, setD] = useState(128);
  const [maxLog, setMaxLog] = useState(4);
  const base = 10 ** logBase;

  const freq = useMemo(() => {
    const theta = ropeFrequencies(base, d);
    return [Float64Array.from(theta, (_, i) => i), theta, theta.map((t) => (2 * Math.PI) / t)] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [base, d]);
  const decay = useMemo(() => {
    // Log-spaced distances so both the first oscillations and the far tail are visible.
    const n = 400;
    const distances = Float64Array.from(
      { length: n },
      (_, k) => Math.round(10 ** ((maxLog * k) / (n - 1))) - 1,
    );
    const unique = Float64Array.from(new Set(distances));
    return [unique.map((m) => m + 1), decayCurve(unique, ropeFrequencies(base, d))] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [base, d, maxLog]);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Slider
          label="Base b"
          testId="rope-base"
          value={logBase}
          min={2}
          max={8}
          step={0.05}
          format={(v) => (10 ** v).toExponential(2)}
          onChange={setLogBase}
        />
        <Slider label="Head dimension d" value={d} min={8} max={256} step={8} onChange={setD} />
        <Slider
          label="Max relative distance"
          value={maxLog}
          min={2}
          max={6}
          step={0.5}
          format={(v) => Math.round(10 ** v).toLocaleString('en')}
          onChange={setMaxLog}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <UPlotChart
          testId="rope-frequency-chart"
          title="θ_i = b^(−2i/d) and wavelength 2π/θ_i"
          xLabel="i"
          yLabel="θ_i, wavelength"
          yLog
          series={[
            { label: 'θ_i', stroke: color(0), points: true },
            { label: 'wavelength', stroke: color(1), points: true },
          ]}
          data={freq}
        />
        <UPlotChart
          testId="rope-decay-chart"
          title="RoFormer decay bound (1/(d/2))·Σ_j |Σ_{i<j} e^{i m θ_i}|"
          xLabel="relative distance m + 1"
          yLabel="bound"
          xLog
          series={[{ label: 'bound', stroke: color(2) }]}
          data={decay}
        />
      </div>
    </div>
  );
}
