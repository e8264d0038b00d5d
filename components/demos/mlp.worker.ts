// Trains the spirals MLP once per optimizer, off the main thread, reporting losses as it goes.
// Cancelling is done by the page terminating this worker.
import { type TrainerConfig, createTrainer, spirals } from '@/lib/demos/mlp';

export interface MlpJob {
  configs: TrainerConfig[];
  steps: number;
  hidden: number;
  seed: number;
}

export type MlpMessage =
  | { type: 'progress'; step: number; total: number; losses: number[]; accuracies: number[] }
  | { type: 'done' };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const REPORT_EVERY = 10;

scope.onmessage = (event: MessageEvent<MlpJob>) => {
  const { configs, steps, hidden, seed } = event.data;
  const data = spirals(100, 3, seed);
  // Same data and same initial weights for every optimizer: only the update rule differs.
  const trainers = configs.map((c) => createTrainer(c, data, hidden, seed + 1));
  for (let step = 1; step <= steps; step++) {
    const results = trainers.map((t) => t.step());
    if (step % REPORT_EVERY === 0 || step === steps) {
      const message: MlpMessage = {
        type: 'progress',
        step,
        total: steps,
        losses: results.map((r) => r.loss),
        accuracies: results.map((r) => r.accuracy),
      };
      scope.postMessage(message);
    }
  }
  scope.postMessage({ type: 'done' } satisfies MlpMessage);
};
