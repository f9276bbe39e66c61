/**
 * Training a vanilla RNN or an LSTM on the memory task, in plain TypeScript: forward pass, a
 * dense sigmoid readout on the last state, binary cross-entropy, the hand-derived backward pass
 * and Adam. Seeded throughout, so the same options always give the same numbers; the chapter's
 * Web Worker and the tests run exactly this code.
 */
import { adam, type Adam } from './adam';
import { lstmBackward } from '../cell/backward';
import { glorotUniform, initLstmWeights } from '../cell/init';
import { MEMORY_INPUT_DIM, memoryBatch, type MemoryBatch } from './task';
import { mulberry32 } from '../cell/random';
import { binaryCrossEntropy, denseBackward, denseLogits } from '../cell/readout';
import { rnnWeights, type RnnWeights } from '../cell/rnn';
import { rnnBackward, runRnnBatch } from '../cell/rnn-backward';
import { runLstm, type LstmReadout } from '../cell/sequence';
import type { Floats, LstmWeights } from '../cell/weights';

/** The two networks the chapter compares. */
export type MemoryModelKind = 'rnn' | 'lstm';

/** A network with its readout; `params` lists every trained array (the readout bias as an array of one). */
export type MemoryModel =
  | { kind: 'rnn'; weights: RnnWeights; readout: { w: Float64Array; b: Float64Array }; params: Float64Array[] }
  | { kind: 'lstm'; weights: LstmWeights; readout: { w: Float64Array; b: Float64Array }; params: Float64Array[] };

/** Options of {@link createMemoryModel}. */
export interface MemoryModelOptions {
  /** Which network. */
  kind: MemoryModelKind;
  /** Hidden units (size of h_t, and of C_t for the LSTM). */
  units: number;
  /** Seed of the initial weights. */
  seed: number;
  /** LSTM only: the initial forget-gate bias b_f (Keras starts it at 1, so f_t ≈ σ(1) ≈ 0.73). */
  forgetBias?: number;
}

/**
 * Seeded initial weights: the LSTM as Keras draws it (Glorot kernel, orthogonal recurrent kernel,
 * forget bias 1), the RNN with an orthogonal recurrent matrix of norm 1 (tfjs's `simpleRNN`
 * default), and a Glorot-uniform readout with zero bias; all in float64.
 */
export function createMemoryModel({ kind, units, seed, forgetBias = 1 }: MemoryModelOptions): MemoryModel {
  const readout = {
    w: glorotUniform(units, 1, mulberry32(seed + 1)),
    b: new Float64Array(1),
  };
  if (kind === 'lstm') {
    const w = initLstmWeights({ inputDim: MEMORY_INPUT_DIM, units, seed });
    const weights: LstmWeights = {
      inputDim: MEMORY_INPUT_DIM,
      units,
      kernel: Float64Array.from(w.kernel),
      recurrentKernel: Float64Array.from(w.recurrentKernel),
      bias: Float64Array.from(w.bias),
    };
    weights.bias.fill(forgetBias, units, 2 * units);
    const params = [weights.kernel, weights.recurrentKernel, weights.bias, readout.w, readout.b] as Float64Array[];
    return { kind, weights, readout, params };
  }
  const weights = rnnWeights({ inputSize: MEMORY_INPUT_DIM, units, recurrentScale: 1, seed });
  return {
    kind,
    weights,
    readout,
    params: [weights.kernel, weights.recurrentKernel, weights.bias, readout.w, readout.b],
  };
}

/** The readout of a model as {@link runLstm} and {@link denseLogits} take it. */
export function readoutOf(model: MemoryModel): LstmReadout {
  return { w: model.readout.w, b: model.readout.b[0] };
}

/** Loss, accuracy and (when asked) the gradient of every parameter, in the order of `model.params`. */
export interface MemoryEvaluation {
  loss: number;
  accuracy: number;
  /** P(first symbol was '+') for each sequence, `[batch]`. */
  probabilities: Float64Array;
  grads?: Float64Array[];
}

/** Runs `model` on `data`, scores its last-step prediction, and backpropagates when `withGradients`. */
export function evaluateMemoryModel(model: MemoryModel, data: MemoryBatch, withGradients = false): MemoryEvaluation {
  const readout = readoutOf(model);
  // The two networks differ only in their passes over the sequence; the readout and loss are shared.
  let pass: {
    h: Floats;
    back: (dh: Floats) => { dKernel: Float64Array; dRecurrentKernel: Float64Array; dBias: Float64Array };
  };
  if (model.kind === 'lstm') {
    const run = runLstm(model.weights, data.xs);
    pass = { h: run.h, back: (dh) => lstmBackward(model.weights, run, { dhT: dh }) };
  } else {
    const run = runRnnBatch(model.weights, data.xs);
    pass = { h: run.h, back: (dh) => rnnBackward(model.weights, run, { dhT: dh }) };
  }
  const bce = binaryCrossEntropy(denseLogits(pass.h, readout), data.labels);
  const out: MemoryEvaluation = { loss: bce.loss, accuracy: bce.accuracy, probabilities: bce.probabilities };
  if (withGradients) {
    const d = denseBackward(pass.h, readout, bce.dLogits);
    const g = pass.back(d.dh);
    out.grads = [g.dKernel, g.dRecurrentKernel, g.dBias, d.dw, Float64Array.of(d.db)];
  }
  return out;
}

/** Scales `grads` in place so that their joint L2 norm is at most `maxNorm`; returns the norm before. */
export function clipGlobalNorm(grads: readonly Float64Array[], maxNorm: number): number {
  let sq = 0;
  for (const g of grads) for (let j = 0; j < g.length; j++) sq += g[j] * g[j];
  const norm = Math.sqrt(sq);
  if (norm > maxNorm && norm > 0) {
    const s = maxNorm / norm;
    for (const g of grads) for (let j = 0; j < g.length; j++) g[j] *= s;
  }
  return norm;
}

/** Options of {@link createMemoryTrainer}. */
export interface MemoryTrainerOptions extends MemoryModelOptions {
  /** Number of distractors N. */
  distractors: number;
  /** Sequences per training step. */
  batchSize?: number;
  /** Adam's step size. */
  learningRate?: number;
  /** Gradients whose joint norm exceeds this are scaled down to it (guards the RNN against explosions). */
  clipNorm?: number;
  /** Seed of the training data; two trainers with the same data seed see the same batches. */
  dataSeed?: number;
}

/** A model, its optimiser and its stream of training batches. */
export interface MemoryTrainer {
  readonly model: MemoryModel;
  readonly optimizer: Adam;
  /** One Adam step on a fresh batch; returns that batch's loss and accuracy (before the update). */
  step(): { loss: number; accuracy: number };
}

/** Sets up training of one model on the memory task; nothing runs until {@link MemoryTrainer.step}. */
export function createMemoryTrainer({
  kind,
  units,
  seed,
  forgetBias,
  distractors,
  batchSize = 32,
  learningRate = 0.005,
  clipNorm = 1,
  dataSeed = seed + 1000,
}: MemoryTrainerOptions): MemoryTrainer {
  const model = createMemoryModel({ kind, units, seed, forgetBias });
  const optimizer = adam(model.params, { learningRate });
  const rand = mulberry32(dataSeed);
  return {
    model,
    optimizer,
    step() {
      const data = memoryBatch(rand, { batch: batchSize, distractors });
      const { loss, accuracy, grads } = evaluateMemoryModel(model, data, true);
      clipGlobalNorm(grads!, clipNorm);
      optimizer.step(grads!);
      return { loss, accuracy };
    },
  };
}
