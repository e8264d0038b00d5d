'use client';
// AdamW and Muon on the same layer: update RMS per step (muon.py's scale vs Moonlight's 0.2·√max(n, m))
// and the weight's spectral norm with and without Muon's weight decay. Simulated in a Web Worker.
import { useEffect, useMemo, useRef, useState } from 'react';
import { kellerScale, moonlightScale } from '@/lib/demos/muon';
import {
  type LayerConfig,
  type LayerRun,
  MUON_SCALE_DEFAULTS,
  muonNormBound,
  orthogonalRms,
  steadyMean,
} from '@/lib/demos/muonScale';
import Cite, { Simplification } from './Cite';
import { color } from './colors';
import type { MuonScaleMessage } from './muonScale.worker';
import Slider from './Slider';
import UPlotChart from './UPlotChart';
import { useWorkerJob } from './useWorkerJob';

const createWorker = () => new Worker(new URL('./muonScale.worker.ts', import.meta.url), { type: 'module' });
const f3 = (v: number) => v.toFixed(3);

export default function MuonScale() {
  const [config, setConfig] = useState(MUON_SCALE_DEFAULTS);
  const [run, setRun] = useState<LayerRun | null>(null);
  const [progress, setProgress] = useState(0);
  const job = useWorkerJob<LayerConfig, MuonScaleMessage>(createWorker, (m) => {
    if (m.type === 'progress') setProgress(m.step / m.total);
    if (m.type === 'result') setRun(m.run);
  });
  // Simulate only once the section is on screen: no CPU spent for readers who never scroll here.
  const root = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setVisible(true),
      { rootMargin: '200px' },
    );
    if (root.current) observer.observe(root.current);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!visible) return;
    const timer = setTimeout(() => {
      setProgress(0);
      job.start(config);
    }, 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart when the settings change, not when the job handle is recreated
  }, [config, visible]);
  const set = (key: keyof LayerConfig) => (value: number) => setConfig((c) => ({ ...c, [key]: value }));

  const rmsData = useMemo(() => {
    if (!run) return null;
    const x = Float64Array.from(run.adamwRms, (_, t) => t + 1);
    return [x, run.adamwRms, run.kellerRms, run.moonlightRms, x.map(() => 0.2)] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [run]);
  const normData = useMemo(() => {
    if (!run) return null;
    const x = Float64Array.from(run.adamwWeightRms, (_, t) => t + 1);
    return [x, run.adamwWeightRms, run.muonWeightRms, run.muonNoDecayWeightRms] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [run]);
  const widthData = useMemo(() => {
    const n = Float64Array.from({ length: 11 }, (_, k) => 2 ** (k + 3));
    const adamw = run ? steadyMean(run.adamwRms) : NaN;
    return [
      n,
      n.map((w) => kellerScale(w, w) * orthogonalRms(w, w)),
      n.map((w) => kellerScale(w, 4 * w) * orthogonalRms(w, 4 * w)),
      n.map((w) => moonlightScale(w, 4 * w) * orthogonalRms(w, 4 * w)),
      n.map(() => adamw),
    ] as [Float64Array, ...Float64Array[]];
  }, [run]);
  const { rows, cols } = config;
  const bound = run ? muonNormBound(run.initialNorm, rows, cols, config.weightDecay) : Infinity;

  return (
    <div ref={root} className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Slider
          label="Rows n"
          testId="muon-scale-rows"
          value={Math.log2(rows)}
          min={3}
          max={6}
          step={1}
          format={(v) => String(2 ** v)}
          onChange={(v) => set('rows')(2 ** v)}
        />
        <Slider
          label="Columns m"
          value={Math.log2(cols)}
          min={3}
          max={6}
          step={1}
          format={(v) => String(2 ** v)}
          onChange={(v) => set('cols')(2 ** v)}
        />
        <Slider
          label="Shared lr"
          value={Math.log10(config.lr)}
          min={-4}
          max={-1}
          step={0.05}
          format={(v) => String(Number((10 ** v).toPrecision(2)))}
          onChange={(v) => set('lr')(10 ** v)}
        />
        <Slider
          label="Shared weight decay λ"
          testId="muon-scale-decay"
          value={config.weightDecay}
          min={0}
          max={1}
          step={0.01}
          onChange={set('weightDecay')}
        />
        <Slider
          label="Gradient signal RMS (noise RMS 1)"
          value={config.signal}
          min={0}
          max={3}
          step={0.05}
          onChange={set('signal')}
        />
        <Slider
          label="AdamW β2"
          value={config.adamBeta2}
          min={0.9}
          max={0.9999}
          step={0.0001}
          onChange={set('adamBeta2')}
        />
        <Slider label="Steps" value={config.steps} min={50} max={500} step={50} onChange={set('steps')} />
        <div className="flex items-center gap-2 text-sm">
          <progress
            aria-label="Simulation progress"
            value={job.status === 'done' ? 1 : progress}
            max={1}
            className="w-24"
          />
          <span data-testid="muon-scale-status">{job.status}</span>
        </div>
      </div>
      <p data-testid="muon-scale-summary" className="text-sm text-neutral-600 dark:text-neutral-400">
        {rows} × {cols}: exact U·Vᵀ has RMS 1/√max(n, m) = {f3(orthogonalRms(rows, cols))} · muon.py&apos;s
        scale √max(1, n/m) = {f3(kellerScale(rows, cols))} · Moonlight&apos;s 0.2·√max(n, m) ={' '}
        {f3(moonlightScale(rows, cols))}
        {run && (
          <>
            {' '}
            · mean update RMS over the second half: AdamW {f3(steadyMean(run.adamwRms))}, Muon (muon.py){' '}
            {f3(steadyMean(run.kellerRms))}, Muon (Moonlight) {f3(steadyMean(run.moonlightRms))} · Muon&apos;s
            ‖W‖₂: {f3(run.initialNorm)} at the start, {f3(run.muonNorm)} at the end ({f3(run.muonNoDecayNorm)}{' '}
            without decay), bound max(‖W₀‖₂, 0.2·√max(n, m)·1.2024/λ) ={' '}
            {Number.isFinite(bound) ? f3(bound) : '∞ (λ = 0)'}
          </>
        )}
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <UPlotChart
          testId="muon-scale-width-chart"
          title="Update RMS of an exact U·Vᵀ step as layers grow"
          xLabel="n"
          yLabel="RMS of update"
          xLog
          yLog
          series={[
            { label: 'muon.py, n × n', stroke: color(6), points: true },
            { label: 'muon.py, n × 4n', stroke: color(4), points: true },
            { label: 'Moonlight, any shape', stroke: color(3), points: true },
            { label: 'AdamW (simulated, this layer)', stroke: color(2), dash: [4, 4] },
          ]}
          data={widthData}
          height={260}
        />
        {rmsData && (
          <UPlotChart
            testId="muon-scale-rms-chart"
            title="Update RMS per step (same layer, same gradients)"
            xLabel="step"
            yLabel="RMS of update"
            series={[
              { label: 'AdamW', stroke: color(2) },
              { label: 'Muon, √max(1, n/m)', stroke: color(6) },
              { label: 'Muon, 0.2·√max(n, m)', stroke: color(3) },
              { label: '0.2', stroke: '#888', dash: [4, 4] },
            ]}
            data={rmsData}
            height={260}
          />
        )}
        {normData && (
          <UPlotChart
            testId="muon-scale-weight-chart"
            title="RMS of the weights W per step"
            xLabel="step"
            yLabel="RMS of W"
            series={[
              { label: 'AdamW (λ)', stroke: color(2) },
              { label: 'Muon 0.2·√max (λ)', stroke: color(3) },
              { label: 'Muon 0.2·√max (λ = 0)', stroke: color(1), dash: [5, 3] },
            ]}
            data={normData}
            height={260}
          />
        )}
      </div>
      <Simplification>
        The gradients are synthetic (a fixed rank-1 signal plus fresh Gaussian noise each step) and do not
        depend on W, so this measures update sizes, not training. AdamW uses the published β1 = 0.9, ε = 10⁻⁸;
        Muon uses muon.py&apos;s momentum 0.95 with Nesterov and five Newton–Schulz steps in float64. W₀ is
        Gaussian with variance 1/m. The bound uses 1.2024, the largest singular value five Newton–Schulz steps
        can produce, in place of Su&apos;s 1 for an exact orthogonalisation.
        <Cite ids={['moonlight-su', 'muon-code']} />
      </Simplification>
    </div>
  );
}
