// Runs the AdamW-vs-Muon layer comparison off the main thread (a few hundred Newton–Schulz
// orthogonalisations), reporting progress; the page cancels by terminating the worker.
import { type LayerConfig, type LayerRun, simulateLayer } from '@/lib/demos/muonScale';

export type MuonScaleMessage =
  { type: 'progress'; step: number; total: number } | { type: 'result'; run: LayerRun } | { type: 'done' };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: MuonScaleMessage) => scope.postMessage(m);

scope.onmessage = (event: MessageEvent<LayerConfig>) => {
  const config = event.data;
  const run = simulateLayer(config, (step) => {
    if (step % 25 === 0) post({ type: 'progress', step, total: config.steps });
  });
  post({ type: 'result', run });
  post({ type: 'done' });
};
