// A tiny classifier for the playground: spirals data and an MLP with two tanh hidden layers
// (2 → H → H → classes), softmax cross-entropy, full-batch gradients by hand.
import { type Matrix, matrix } from './matrix';
import { MUON_AUX_ADAMW, MUON_DEFAULTS, type MuonHyper, muonStep } from './muon';
import { type OptimizerState, createState } from './optimizers';
import { type ElementwiseKind, type OptimizerSettings, applyStep } from './optimizerSettings';
import { gaussianArray, seededRandom } from './random';

export interface Dataset {
  /** n × 2 points, row-major. */
  x: Float64Array;
  labels: Int32Array;
  classes: number;
}

/** The classic CS231n spirals: `classes` arms of `perClass` points with Gaussian jitter. */
export function spirals(perClass: number, classes: number, seed: number, noise = 0.2): Dataset {
  const random = seededRandom(seed);
  const n = perClass * classes;
  const x = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let k = 0; k < classes; k++) {
    for (let j = 0; j < perClass; j++) {
      const i = k * perClass + j;
      const r = j / (perClass - 1);
      const t = k * 4 + 4 * r + noise * (random() + random() + random() - 1.5) * 2;
      x[2 * i] = r * Math.sin(t);
      x[2 * i + 1] = r * Math.cos(t);
      labels[i] = k;
    }
  }
  return { x, labels, classes };
}

/** Parameters in a fixed order; index 2 (hidden → hidden) is the only "hidden 2-D weight". */
export type MlpParams = [Matrix, Matrix, Matrix, Matrix, Matrix, Matrix];
export const HIDDEN_MATRIX = 2;

export function initMlp(hidden: number, classes: number, seed: number): MlpParams {
  const he = (rows: number, cols: number, s: number) =>
    matrix(rows, cols, gaussianArray(rows * cols, s, 1 / Math.sqrt(cols)));
  return [
    he(hidden, 2, seed),
    matrix(hidden, 1),
    he(hidden, hidden, seed + 1),
    matrix(hidden, 1),
    he(classes, hidden, seed + 2),
    matrix(classes, 1),
  ];
}

/** Mean cross-entropy, accuracy and gradients of every parameter over the whole dataset. */
export function lossAndGradients(
  p: MlpParams,
  data: Dataset,
): { loss: number; accuracy: number; grads: Float64Array[] } {
  const [w1, b1, w2, b2, w3, b3] = p;
  const h = w1.rows;
  const c = w3.rows;
  const n = data.labels.length;
  const grads = p.map((m) => new Float64Array(m.data.length));
  const [gw1, gb1, gw2, gb2, gw3, gb3] = grads as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const a1 = new Float64Array(h);
  const a2 = new Float64Array(h);
  const logits = new Float64Array(c);
  const d2 = new Float64Array(h);
  const d1 = new Float64Array(h);
  let loss = 0;
  let correct = 0;
  for (let s = 0; s < n; s++) {
    const x0 = data.x[2 * s]!;
    const x1 = data.x[2 * s + 1]!;
    for (let j = 0; j < h; j++)
      a1[j] = Math.tanh(w1.data[2 * j]! * x0 + w1.data[2 * j + 1]! * x1 + b1.data[j]!);
    for (let j = 0; j < h; j++) {
      let z = b2.data[j]!;
      for (let k = 0; k < h; k++) z += w2.data[j * h + k]! * a1[k]!;
      a2[j] = Math.tanh(z);
    }
    let max = -Infinity;
    for (let j = 0; j < c; j++) {
      let z = b3.data[j]!;
      for (let k = 0; k < h; k++) z += w3.data[j * h + k]! * a2[k]!;
      logits[j] = z;
      max = Math.max(max, z);
    }
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(logits[j]! - max);
    const label = data.labels[s]!;
    loss += Math.log(sum) - (logits[label]! - max);
    let best = 0;
    for (let j = 1; j < c; j++) if (logits[j]! > logits[best]!) best = j;
    if (best === label) correct++;
    // Backward: dlogits = softmax − onehot, averaged over n.
    d2.fill(0);
    for (let j = 0; j < c; j++) {
      const dz = (Math.exp(logits[j]! - max) / sum - (j === label ? 1 : 0)) / n;
      gb3[j] = gb3[j]! + dz;
      for (let k = 0; k < h; k++) {
        gw3[j * h + k] = gw3[j * h + k]! + dz * a2[k]!;
        d2[k] = d2[k]! + dz * w3.data[j * h + k]!;
      }
    }
    d1.fill(0);
    for (let j = 0; j < h; j++) {
      const dz = d2[j]! * (1 - a2[j]! ** 2);
      gb2[j] = gb2[j]! + dz;
      for (let k = 0; k < h; k++) {
        gw2[j * h + k] = gw2[j * h + k]! + dz * a1[k]!;
        d1[k] = d1[k]! + dz * w2.data[j * h + k]!;
      }
    }
    for (let j = 0; j < h; j++) {
      const dz = d1[j]! * (1 - a1[j]! ** 2);
      gb1[j] = gb1[j]! + dz;
      gw1[2 * j] = gw1[2 * j]! + dz * x0;
      gw1[2 * j + 1] = gw1[2 * j + 1]! + dz * x1;
    }
  }
  return { loss: loss / n, accuracy: correct / n, grads };
}

export type TrainerKind = ElementwiseKind | 'muon';

/** AdamW settings for the tensors Muon does not take, as muon.py's MuonWithAuxAdam sets them. */
export const MUON_AUX_SETTINGS: OptimizerSettings = { ...MUON_AUX_ADAMW };

export interface TrainerConfig {
  kind: TrainerKind;
  /** The optimizer's settings; for Muon, those of the AdamW that takes every other tensor (default: muon.py's). */
  settings: OptimizerSettings;
  /** Muon only: its settings for the hidden matrix (default: muon.py's). */
  muon?: MuonHyper;
}

/** Holds one network and the optimizer state of each of its tensors. */
export function createTrainer(config: TrainerConfig, data: Dataset, hidden: number, seed: number) {
  const params = initMlp(hidden, data.classes, seed);
  const states: OptimizerState[] = params.map((m) => createState(m.data.length));
  return {
    params,
    /** One full-batch step; returns loss and accuracy measured before the update. */
    step(): { loss: number; accuracy: number } {
      const { loss, accuracy, grads } = lossAndGradients(params, data);
      params.forEach((m, i) => {
        const g = grads[i]!;
        const tensor = m.cols > 1 ? 'weight' : 'bias';
        if (config.kind === 'muon') {
          // Muon only for 2-D hidden weights; input/output layers and biases use AdamW.
          if (i === HIDDEN_MATRIX) muonStep(m, g, states[i]!.m, config.muon ?? MUON_DEFAULTS);
          else applyStep('adamw', m.data, g, states[i]!, config.settings);
        } else {
          applyStep(config.kind, m.data, g, states[i]!, config.settings, tensor);
        }
      });
      return { loss, accuracy };
    },
  };
}
