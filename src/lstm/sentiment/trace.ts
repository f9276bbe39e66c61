/**
 * Inside a trained sentiment classifier (Embedding -> LSTM layers -> Dense(1, sigmoid)), run by
 * the kit's own LSTM cell on the trained weights: every gate and state of every layer at every
 * step, and the readout p_t = σ(h_t · w + b) of the last layer's h_t after each step, the
 * prediction the model would make if the sequence ended there.
 *
 * The weights come from any tfjs Layers model of that shape (the kit's fused layer and the stock
 * `tf.layers.lstm` store them alike), read through a structural type, so this file never
 * imports tfjs and runs the same in Node and in the page.
 */
import { runLstm, type LstmReadout, type LstmRun } from '../cell/sequence';
import { checkLstmWeights, lstmWeightsFromTfjs, type LstmWeights, type TensorLike } from '../cell/weights';

/** The weights of a classifier, in the kit's layouts. */
export interface ClassifierWeights {
  /** The Embedding table `[rows, dim]`, row-major: row `id` is the vector of input id `id`. */
  embedding: { values: Float32Array; rows: number; dim: number };
  /** The LSTM layers, first to last (tf.layers.lstm layout, gate order i, f, c, o). */
  lstm: LstmWeights[];
  /** The Dense(1, sigmoid) readout on the last layer's h_t: w `[units]` and b. */
  readout: LstmReadout;
}

/** What the kit needs of a tfjs layer: its class, its weights and, if it has one, its config. */
export interface LayerLike {
  getClassName(): string;
  getWeights(): TensorLike[];
  getConfig?(): Record<string, unknown>;
  readonly name?: string;
}

/**
 * Reads the weights of a classifier's layers (`model.layers` of a tfjs Sequential: Embedding,
 * one or more LSTM, Dense) into the kit's layouts, checking that the model computes what the
 * kit's cell computes: tanh and the logistic sigmoid in the LSTM (not tfjs's default
 * hardSigmoid), a sigmoid on the Dense layer. The data is copied; the model may be disposed.
 */
export function classifierWeights(layers: readonly LayerLike[]): ClassifierWeights {
  const weighted = layers.filter((l) => l.getWeights().length > 0);
  const kinds = weighted.map((l) => l.getClassName());
  const shape = `Embedding -> LSTM (one or more) -> Dense, got ${kinds.join(' -> ') || 'no layers with weights'}`;
  const last = weighted.length - 1;
  if (
    weighted.length < 3 ||
    kinds[0] !== 'Embedding' ||
    kinds[last] !== 'Dense' ||
    kinds.slice(1, last).some((k) => k !== 'LSTM')
  ) {
    throw new Error(`classifierWeights: the model must be ${shape}.`);
  }

  const [table] = weighted[0]!.getWeights();
  if (table!.shape.length !== 2)
    throw new Error(`classifierWeights: the embedding must be 2-D, got [${table!.shape}].`);
  const [rows, dim] = table!.shape as [number, number];
  const embedding = { values: Float32Array.from(table!.dataSync()), rows, dim };

  const lstm = weighted.slice(1, last).map((layer, k) => {
    const config = layer.getConfig?.() ?? {};
    const activation = config['activation'] ?? 'tanh';
    const recurrent = config['recurrentActivation'] ?? 'sigmoid';
    if (activation !== 'tanh' || recurrent !== 'sigmoid') {
      throw new Error(
        `classifierWeights: LSTM layer ${k + 1} uses activation ${String(activation)} and recurrentActivation ` +
          `${String(recurrent)}; the kit's cell computes tanh and the logistic sigmoid (set recurrentActivation: 'sigmoid').`,
      );
    }
    return lstmWeightsFromTfjs(layer.getWeights());
  });
  let inputDim = dim;
  lstm.forEach((w, k) => {
    if (w.inputDim !== inputDim) {
      throw new Error(
        `classifierWeights: LSTM layer ${k + 1} reads ${w.inputDim} numbers per step, it gets ${inputDim}.`,
      );
    }
    inputDim = w.units;
  });

  const dense = weighted[last]!;
  const activation = dense.getConfig?.()['activation'] ?? 'sigmoid';
  if (activation !== 'sigmoid') {
    throw new Error(`classifierWeights: the Dense layer must use a sigmoid, got ${String(activation)}.`);
  }
  const [kernel, bias] = dense.getWeights();
  if (kernel!.shape.length !== 2 || kernel!.shape[0] !== inputDim || kernel!.shape[1] !== 1) {
    throw new Error(`classifierWeights: the Dense kernel must be [${inputDim}, 1], got [${kernel!.shape}].`);
  }
  const readout: LstmReadout = {
    w: Float32Array.from(kernel!.dataSync()),
    b: bias === undefined ? 0 : Number(bias.dataSync()[0]),
  };
  return { embedding, lstm, readout };
}

/** One sequence read by the classifier, step by step. */
export interface ClassifierTrace {
  /** The input ids x_1 .. x_T, `[time]`. */
  ids: Int32Array;
  /** Each LSTM layer's run over the T steps, batch 1, first layer first. */
  layers: LstmRun[];
  /** h_t · w + b of the last layer after each step, `[time]`. */
  logits: Float64Array;
  /** p_t = σ(h_t · w + b) after each step, `[time]`: the prediction if the sequence ended at t. */
  p: Float64Array;
  /** p_0 = σ(b): the readout before any step, when h_0 = 0. */
  p0: number;
  /** p_t − p_{t−1} for each step, `[time]` (p_0 before the first): how much step t moved the prediction. */
  delta: Float64Array;
}

/** The classifier's final output for `ids` (`[T]`) would be `trace.p[T - 1]`; this runs every step of it. */
export function traceClassifier(weights: ClassifierWeights, ids: ArrayLike<number>): ClassifierTrace {
  const { embedding, lstm, readout } = weights;
  const time = ids.length;
  if (time === 0) throw new Error('traceClassifier: the sequence is empty.');
  if (lstm.length === 0) throw new Error('traceClassifier: the classifier has no LSTM layer.');
  const input = Int32Array.from(ids);
  const { values, rows, dim } = embedding;
  // The embedding lookup: x_t is row ids[t] of the table (a view, no copy).
  let xs: Float32Array[] | Float64Array[] = Array.from(input, (id, t) => {
    if (!Number.isInteger(id) || id < 0 || id >= rows) {
      throw new Error(`traceClassifier: id ${id} at step ${t + 1} is outside the embedding's ${rows} rows.`);
    }
    return values.subarray(id * dim, (id + 1) * dim);
  });
  const layers: LstmRun[] = [];
  lstm.forEach((w, k) => {
    checkLstmWeights(w, `traceClassifier (LSTM layer ${k + 1})`);
    const run = runLstm(w, xs, k === lstm.length - 1 ? { readout } : {});
    layers.push(run);
    // A layer that returns sequences feeds its h_1 .. h_T to the next layer.
    xs = run.steps.map((s) => s.h);
  });
  const top = layers[layers.length - 1]!;
  const logits = Float64Array.from(top.logits!, (l) => l[0]!);
  const p = Float64Array.from(top.predictions!, (q) => q[0]!);
  const p0 = 1 / (1 + Math.exp(-readout.b));
  const delta = p.map((q, t) => q - (t === 0 ? p0 : p[t - 1]!));
  return { ids: input, layers, logits, p, p0, delta };
}

/** The quantities of a step that the chapter traces over time. */
export const TRACED = ['i', 'f', 'cTilde', 'o', 'c', 'h'] as const;
export type TracedQuantity = (typeof TRACED)[number];

/** Unit `unit` of one quantity of layer `layer` over the steps, `[time]`. */
export function unitTrace(trace: ClassifierTrace, layer: number, quantity: TracedQuantity, unit: number): Float64Array {
  const run = trace.layers[layer];
  if (!run) throw new Error(`unitTrace: there is no LSTM layer ${layer + 1} (the model has ${trace.layers.length}).`);
  if (!Number.isInteger(unit) || unit < 0 || unit >= run.units) {
    throw new Error(`unitTrace: unit must be 1 to ${run.units}, got ${unit + 1}.`);
  }
  return Float64Array.from(run.steps, (s) => s[quantity][unit]!);
}

/**
 * The `k` units of layer `layer` most worth watching, best first. For the last layer, those
 * whose final h_T adds most to the output's logit, by |w_j h_{T,j}|; for an earlier layer, whose
 * h_t ranged most over the steps from `from` (0-based) on, as the readout cannot see them directly.
 */
export function notableUnits(trace: ClassifierTrace, readout: LstmReadout, layer: number, k = 3, from = 0): number[] {
  const run = trace.layers[layer];
  if (!run) throw new Error(`notableUnits: there is no LSTM layer ${layer + 1}.`);
  const start = Math.min(Math.max(0, from), run.time - 1);
  const score = Array.from({ length: run.units }, (_, j) => {
    if (layer === trace.layers.length - 1) return Math.abs(readout.w[j]! * run.h[j]!);
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = start; t < run.time; t++) {
      const v = run.steps[t]!.h[j]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  });
  return score
    .map((s, j) => ({ s, j }))
    .sort((a, b) => b.s - a.s || a.j - b.j)
    .slice(0, Math.max(0, k))
    .map((x) => x.j);
}
