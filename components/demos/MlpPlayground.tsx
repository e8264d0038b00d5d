'use client';
// The spirals classifier trained by every optimizer side by side, in a Web Worker.
import { useEffect, useMemo, useState } from 'react';
import type { TrainerConfig, TrainerKind } from '@/lib/demos/mlp';
import { OPTIMIZER_LABELS } from '@/lib/demos/optimizerSettings';
import { color } from './colors';
import type { MlpJob, MlpMessage } from './mlp.worker';
import Slider from './Slider';
import UPlotChart from './UPlotChart';
import { useWorkerJob } from './useWorkerJob';

const KINDS: TrainerKind[] = ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger', 'muon'];
const createWorker = () => new Worker(new URL('./mlp.worker.ts', import.meta.url), { type: 'module' });
const fmt = (v: number) => v.toPrecision(2);

export default function MlpPlayground() {
  const [logLr, setLogLr] = useState(-2);
  const [ratio, setRatio] = useState(3);
  const [beta1, setBeta1] = useState(0.9);
  const [beta2, setBeta2] = useState(0.99);
  const [weightDecay, setWeightDecay] = useState(0.01);
  const [muonLogLr, setMuonLogLr] = useState(-1.7);
  const [steps, setSteps] = useState(400);
  const [history, setHistory] = useState<{ steps: number[]; losses: number[][]; accuracies: number[] }>({ steps: [], losses: [], accuracies: [] });
  const [progress, setProgress] = useState(0);

  const job = useWorkerJob<MlpJob, MlpMessage>(createWorker, (m) => {
    if (m.type !== 'progress') return;
    setProgress(m.step / m.total);
    setHistory((h) => ({ steps: [...h.steps, m.step], losses: m.losses.map((l, i) => [...(h.losses[i] ?? []), l]), accuracies: m.accuracies }));
  });

  const configs = useMemo((): TrainerConfig[] => {
    const lr = 10 ** logLr;
    return KINDS.map((kind) => {
      if (kind === 'sgdm') return { kind, settings: { lr: lr * 30, beta1, beta2, weightDecay: 0 } };
      if (kind === 'lion' || kind === 'tiger' || kind === 'signum') return { kind, settings: { lr: lr / ratio, beta1, beta2, weightDecay: weightDecay * ratio } };
      if (kind === 'muon') return { kind, settings: { lr, beta1, beta2, weightDecay }, muon: { lr: 10 ** muonLogLr, momentum: 0.95, nesterov: true, weightDecay: 0 } };
      return { kind, settings: { lr, beta1, beta2, weightDecay } };
    });
  }, [logLr, ratio, beta1, beta2, weightDecay, muonLogLr]);

  const run = () => {
    setHistory({ steps: [], losses: [], accuracies: [] });
    setProgress(0);
    job.start({ configs, steps, hidden: 16, seed: 7 });
  };
  // Retrain shortly after the sliders settle.
  useEffect(() => {
    const timer = setTimeout(run, 250);
    return () => clearTimeout(timer);
  }, [configs, steps]);

  const data = useMemo(() => [Float64Array.from(history.steps), ...KINDS.map((_, i) => Float64Array.from(history.losses[i] ?? []))] as [Float64Array, ...Float64Array[]], [history]);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Slider label="AdamW lr" testId="mlp-lr" value={logLr} min={-4} max={-0.5} step={0.05} format={(v) => fmt(10 ** v)} onChange={setLogLr} />
        <Slider label="Lion/Tiger: lr ÷ k, decay × k" value={ratio} min={1} max={10} step={0.5} format={(v) => `k = ${v}`} onChange={setRatio} />
        <Slider label="β1 (Tiger's β)" value={beta1} min={0.5} max={0.999} step={0.001} onChange={setBeta1} />
        <Slider label="β2" value={beta2} min={0.9} max={0.9999} step={0.0001} onChange={setBeta2} />
        <Slider label="AdamW weight decay" value={weightDecay} min={0} max={0.3} step={0.005} onChange={setWeightDecay} />
        <Slider label="Muon lr (hidden matrix)" value={muonLogLr} min={-3} max={-0.5} step={0.05} format={(v) => fmt(10 ** v)} onChange={setMuonLogLr} />
        <Slider label="Steps" value={steps} min={50} max={2000} step={50} onChange={setSteps} />
      </div>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        AdamW lr {fmt(10 ** logLr)}, decay {fmt(weightDecay)} · Lion/Tiger lr {fmt(10 ** logLr / ratio)}, decay {fmt(weightDecay * ratio)} (k = {ratio}; advice 3–10) ·
        SGD lr {fmt(30 * 10 ** logLr)} · Muon updates only W2 (16×16); W1, W3 and biases use AdamW.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={run} className="rounded bg-sky-600 px-3 py-1 text-sm text-white">
          Train
        </button>
        <button type="button" onClick={job.cancel} disabled={job.status !== 'running'} className="rounded border px-3 py-1 text-sm disabled:opacity-40">
          Cancel training
        </button>
        <progress data-testid="mlp-progress" aria-label="Training progress" value={progress} max={1} className="w-40" />
        <span data-testid="mlp-status" className="text-sm">
          {job.status}
        </span>
      </div>
      <UPlotChart testId="mlp-loss-chart" title="Training loss (cross-entropy)" xLabel="step" yLabel="loss" yLog series={KINDS.map((k, i) => ({ label: OPTIMIZER_LABELS[k], stroke: color(i) }))} data={data} height={280} />
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {KINDS.map((k, i) => (
          <li key={k} style={{ color: color(i) }}>
            {OPTIMIZER_LABELS[k]}: {history.accuracies[i] === undefined ? '–' : `${(history.accuracies[i]! * 100).toFixed(0)}% acc.`}
          </li>
        ))}
      </ul>
    </div>
  );
}
