'use client';
// The spirals classifier trained by every optimizer side by side, in a Web Worker.
import { useEffect, useMemo, useState } from 'react';
import { MUON_AUX_SETTINGS, type TrainerConfig, type TrainerKind } from '@/lib/demos/mlp';
import { MUON_DEFAULTS } from '@/lib/demos/muon';
import {
  OPTIMIZER_LABELS,
  PUBLISHED,
  PUBLISHED_BETAS,
  type PlaygroundControls,
  settingsFor,
} from '@/lib/demos/optimizerSettings';
import { color } from './colors';
import type { MlpJob, MlpMessage } from './mlp.worker';
import { OptimizerControls, SettingsTable } from './OptimizerControls';
import Slider from './Slider';
import UPlotChart from './UPlotChart';
import { useWorkerJob } from './useWorkerJob';

const KINDS: TrainerKind[] = ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger', 'muon'];
const createWorker = () => new Worker(new URL('./mlp.worker.ts', import.meta.url), { type: 'module' });
const fmt = (v: number) => String(Number(v.toPrecision(2)));
/**
 * Published β and AdamW's λ = 0.01 (torch); lr 1e-2 (10× Adam's published 1e-3, so 400 full-batch
 * steps suffice), SGD lr 0.3 and k = 3 (the low end of Lion's 3–10) are this demo's choice.
 */
const DEFAULTS: PlaygroundControls = {
  ...PUBLISHED_BETAS,
  adamLr: 1e-2,
  signRatio: 3,
  sgdLr: 0.3,
  weightDecay: PUBLISHED.adam.adamwDecay,
};

export default function MlpPlayground() {
  const [controls, setControls] = useState(DEFAULTS);
  const [muonLr, setMuonLr] = useState<number>(MUON_DEFAULTS.lr);
  const [muonDecay, setMuonDecay] = useState<number>(MUON_DEFAULTS.weightDecay);
  const [auxLr, setAuxLr] = useState<number>(MUON_AUX_SETTINGS.lr);
  const [steps, setSteps] = useState(400);
  const [history, setHistory] = useState<{ steps: number[]; losses: number[][]; accuracies: number[] }>({
    steps: [],
    losses: [],
    accuracies: [],
  });
  const [progress, setProgress] = useState(0);

  const job = useWorkerJob<MlpJob, MlpMessage>(createWorker, (m) => {
    if (m.type !== 'progress') return;
    setProgress(m.step / m.total);
    setHistory((h) => ({
      steps: [...h.steps, m.step],
      losses: m.losses.map((l, i) => [...(h.losses[i] ?? []), l]),
      accuracies: m.accuracies,
    }));
  });

  const configs = useMemo(
    (): TrainerConfig[] =>
      KINDS.map((kind) =>
        kind === 'muon'
          ? {
              kind,
              settings: { ...MUON_AUX_SETTINGS, lr: auxLr },
              muon: { ...MUON_DEFAULTS, lr: muonLr, weightDecay: muonDecay },
            }
          : { kind, settings: settingsFor(kind, controls) },
      ),
    [controls, muonLr, muonDecay, auxLr],
  );

  const run = () => {
    setHistory({ steps: [], losses: [], accuracies: [] });
    setProgress(0);
    job.start({ configs, steps, hidden: 16, seed: 7 });
  };
  // Retrain shortly after the sliders settle.
  useEffect(() => {
    const timer = setTimeout(run, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- retrain when the settings change, not when run is recreated
  }, [configs, steps]);

  const data = useMemo(
    () =>
      [
        Float64Array.from(history.steps),
        ...KINDS.map((_, i) => Float64Array.from(history.losses[i] ?? [])),
      ] as [Float64Array, ...Float64Array[]],
    [history],
  );
  const finalLoss = (i: number) => history.losses[i]?.at(-1);

  return (
    <div className="flex flex-col gap-4">
      <OptimizerControls controls={controls} onChange={setControls} lrRange={[-4, -0.5]} testIdPrefix="mlp">
        <Slider
          label="Steps"
          testId="mlp-steps"
          value={steps}
          min={50}
          max={2000}
          step={50}
          onChange={setSteps}
        />
        <Slider
          label="Muon lr (hidden matrix)"
          value={Math.log10(muonLr)}
          min={-3}
          max={-0.5}
          step={0.05}
          format={(v) => fmt(10 ** v)}
          onChange={(v) => setMuonLr(10 ** v)}
        />
        <Slider
          label="Muon weight decay λ"
          testId="muon-decay"
          value={muonDecay}
          min={0}
          max={0.3}
          step={0.005}
          onChange={setMuonDecay}
        />
        <Slider
          label="Muon's AdamW lr (other tensors)"
          value={Math.log10(auxLr)}
          min={-4}
          max={-1}
          step={0.05}
          format={(v) => fmt(10 ** v)}
          onChange={(v) => setAuxLr(10 ** v)}
        />
      </OptimizerControls>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={run} className="rounded bg-sky-600 px-3 py-1 text-sm text-white">
          Train
        </button>
        <button
          type="button"
          onClick={job.cancel}
          disabled={job.status !== 'running'}
          className="rounded border px-3 py-1 text-sm disabled:opacity-40"
        >
          Cancel training
        </button>
        <progress
          data-testid="mlp-progress"
          aria-label="Training progress"
          value={progress}
          max={1}
          className="w-40"
        />
        <span data-testid="mlp-status" className="text-sm">
          {job.status}
        </span>
      </div>
      <UPlotChart
        testId="mlp-loss-chart"
        title="Training loss (cross-entropy)"
        xLabel="step"
        yLabel="loss"
        yLog
        series={KINDS.map((k, i) => ({ label: OPTIMIZER_LABELS[k], stroke: color(i) }))}
        data={data}
        height={280}
      />
      <SettingsTable
        testId="mlp-settings"
        resultLabel="loss · accuracy"
        rows={KINDS.map((kind, i) => {
          const loss = finalLoss(i);
          const accuracy = history.accuracies[i];
          const result =
            loss === undefined || accuracy === undefined
              ? '–'
              : Number.isFinite(loss)
                ? `${loss.toFixed(4)} · ${(accuracy * 100).toFixed(0)}%`
                : 'diverged';
          const config = configs[i]!;
          if (kind !== 'muon')
            return { kind, settings: config.settings, result, diverged: result === 'diverged' };
          const m = config.muon!;
          const a = config.settings;
          return {
            kind,
            settings: a,
            result,
            describe: `W2: Muon lr ${fmt(m.lr)}, β = ${m.momentum}, Nesterov, λ = ${m.weightDecay}; others: AdamW lr ${fmt(a.lr)}, β = (${a.beta1}, ${a.beta2}), ε = ${a.eps}, λ = ${a.weightDecay}`,
          };
        })}
      />
    </div>
  );
}
