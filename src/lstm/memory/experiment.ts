/**
 * One experiment of chapter 3: a vanilla RNN and an LSTM trained side by side on the memory task
 * with the same batches, scored on the same held-out sequences. Written as a generator that
 * yields after every step, so that a Web Worker can slice it into short runs (and stop it),
 * while tests drive it straight through; the numbers are the same either way.
 */
import { encodeMemorySequences, memoryTestSet, type MemoryBatch } from './task';
import { createMemoryModel, createMemoryTrainer, evaluateMemoryModel, type MemoryModel } from './train';
import { runLstm } from '../cell/sequence';
import type { LstmWeights } from '../cell/weights';

/** The chapter's default experiment: the widget starts here, and a unit test replays it. */
export const MEMORY_DEFAULTS = { distractors: 40, steps: 600, seed: 1, forgetBias: 3 } as const;

/** Options of {@link trainMemoryPair}. */
export interface MemoryExperimentOptions {
  /** Number of distractors N. */
  distractors: number;
  /** Training steps (batches) for each network. */
  steps: number;
  /** Seed of the initial weights; the training data is seeded from it too. */
  seed?: number;
  /** The LSTM's initial forget-gate bias. */
  forgetBias?: number;
  /** Hidden units of each network. */
  units?: number;
  /** Sequences per step. */
  batchSize?: number;
  /** Adam's step size. */
  learningRate?: number;
  /** Score both networks on the test sequences every this many steps (and before the first). */
  evalEvery?: number;
  /** Number of held-out test sequences. */
  testSize?: number;
  /** Stop as soon as both networks answer every test sequence correctly. */
  stopWhenPerfect?: boolean;
  /** Asked before every step; returning true ends training there (the reader pressed Stop). */
  shouldStop?: () => boolean;
}

/** What one step produced: both training losses, and the test accuracies when this step was scored. */
export interface MemoryTick {
  /** Steps done so far (1 after the first). */
  step: number;
  /** Training-batch loss of each network at this step. */
  loss: { rnn: number; lstm: number };
  /** Test accuracy of each network after this step, when it was scored. */
  accuracy?: { rnn: number; lstm: number };
}

/** The outcome of an experiment. */
export interface MemoryExperimentResult {
  distractors: number;
  /** Steps actually trained. */
  steps: number;
  /** Why training ended before `steps`, if it did. */
  ended: 'budget' | 'perfect' | 'stopped';
  /** Test accuracy and loss at the end. */
  rnn: { accuracy: number; loss: number };
  lstm: { accuracy: number; loss: number };
  /** Test accuracy before training (step 0). */
  initial: { rnn: number; lstm: number };
  /** The trained networks. */
  rnnModel: MemoryModel;
  lstmModel: MemoryModel;
}

/** Resolved settings, with the defaults the chapter uses. */
export function memoryExperimentSettings(options: MemoryExperimentOptions) {
  const {
    distractors,
    steps,
    seed = 1,
    forgetBias = 1,
    units = 8,
    batchSize = 32,
    learningRate = 0.005,
    evalEvery = 50,
    testSize = 512,
    stopWhenPerfect = true,
  } = options;
  return { distractors, steps, seed, forgetBias, units, batchSize, learningRate, evalEvery, testSize, stopWhenPerfect };
}

/**
 * Trains a vanilla RNN and an LSTM on the memory task with N = `distractors`, yielding a
 * {@link MemoryTick} after every step and returning the {@link MemoryExperimentResult}.
 */
export function* trainMemoryPair(
  options: MemoryExperimentOptions,
): Generator<MemoryTick, MemoryExperimentResult, void> {
  const s = memoryExperimentSettings(options);
  if (!Number.isInteger(s.steps) || s.steps < 0)
    throw new Error(`trainMemoryPair: steps must be an integer ≥ 0, got ${s.steps}.`);
  const common = {
    units: s.units,
    seed: s.seed,
    distractors: s.distractors,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
  };
  const rnn = createMemoryTrainer({ ...common, kind: 'rnn' });
  const lstm = createMemoryTrainer({ ...common, kind: 'lstm', forgetBias: s.forgetBias });
  const test = memoryTestSet({ distractors: s.distractors, size: s.testSize });
  const score = () => ({
    rnn: evaluateMemoryModel(rnn.model, test),
    lstm: evaluateMemoryModel(lstm.model, test),
  });
  let last = score();
  const initial = { rnn: last.rnn.accuracy, lstm: last.lstm.accuracy };
  let scoredAt = 0;
  let step = 0;
  let ended: MemoryExperimentResult['ended'] = 'budget';
  while (step < s.steps) {
    if (options.shouldStop?.()) {
      ended = 'stopped';
      break;
    }
    const loss = { rnn: rnn.step().loss, lstm: lstm.step().loss };
    step++;
    const tick: MemoryTick = { step, loss };
    if (step % s.evalEvery === 0 || step === s.steps) {
      last = score();
      scoredAt = step;
      tick.accuracy = { rnn: last.rnn.accuracy, lstm: last.lstm.accuracy };
    }
    yield tick;
    if (s.stopWhenPerfect && scoredAt === step && last.rnn.accuracy === 1 && last.lstm.accuracy === 1) {
      ended = 'perfect';
      break;
    }
  }
  if (scoredAt !== step) last = score();
  return {
    distractors: s.distractors,
    steps: step,
    ended,
    rnn: { accuracy: last.rnn.accuracy, loss: last.rnn.loss },
    lstm: { accuracy: last.lstm.accuracy, loss: last.lstm.loss },
    initial,
    rnnModel: rnn.model,
    lstmModel: lstm.model,
  };
}

/** What a trained LSTM does on the memory task, unit by unit. */
export interface MemoryLstmAnalysis {
  /** The unit that contributes most to the decision: the largest |w_j (mean h_T given '+' − mean h_T given '−')|. */
  unit: number;
  /** That contribution for every unit, `[units]`. */
  contribution: Float64Array;
  /** Mean forget gate f_t over steps 2..T and all sequences, per unit, `[units]`. */
  meanForget: Float64Array;
  /** Mean input gate i_t over steps 2..T and all sequences, per unit, `[units]`. */
  meanInput: Float64Array;
}

/**
 * Which LSTM unit holds the answer, and what its gates do after step 1, measured on `data`
 * (sequences with N ≥ 1 distractors and both answers present).
 */
export function analyseMemoryLstm(
  weights: LstmWeights,
  readoutW: ArrayLike<number>,
  data: MemoryBatch,
): MemoryLstmAnalysis {
  const { units } = weights;
  const run = runLstm(weights, data.xs);
  if (run.time < 2) throw new Error('analyseMemoryLstm: the sequences need at least one distractor.');
  const plus = new Float64Array(units);
  const minus = new Float64Array(units);
  let nPlus = 0;
  for (let b = 0; b < data.batch; b++) {
    const target = data.labels[b] === 1 ? plus : minus;
    if (data.labels[b] === 1) nPlus++;
    for (let j = 0; j < units; j++) target[j] += run.h[b * units + j];
  }
  const nMinus = data.batch - nPlus;
  if (nPlus === 0 || nMinus === 0) throw new Error('analyseMemoryLstm: the data needs sequences of both answers.');
  const contribution = new Float64Array(units);
  let unit = 0;
  for (let j = 0; j < units; j++) {
    contribution[j] = readoutW[j] * (plus[j] / nPlus - minus[j] / nMinus);
    if (Math.abs(contribution[j]) > Math.abs(contribution[unit])) unit = j;
  }
  const meanForget = new Float64Array(units);
  const meanInput = new Float64Array(units);
  const count = data.batch * (run.time - 1);
  for (let t = 1; t < run.time; t++) {
    const { f, i } = run.steps[t];
    for (let k = 0; k < f.length; k++) {
      meanForget[k % units] += f[k] / count;
      meanInput[k % units] += i[k] / count;
    }
  }
  return { unit, contribution, meanForget, meanInput };
}

/**
 * Two example sequences of N + 1 signs, one starting with '+' and one with '−', the rest the same
 * seeded signs; `xs` holds N + 1 inputs x_t of shape `[2, MEMORY_INPUT_DIM]`.
 */
export function memoryExamples(distractors: number, seed = 4242): { symbols: number[][]; xs: Float64Array[] } {
  const rest = memoryTestSet({ distractors, size: 1, seed }).symbols[0].slice(1);
  const symbols = [
    [0, ...rest],
    [1, ...rest],
  ];
  return { symbols, xs: encodeMemorySequences(symbols) };
}

/** The untrained LSTM of an experiment (same seed and forget bias), for "before training" comparisons. */
export function initialMemoryLstm(options: MemoryExperimentOptions): MemoryModel {
  const s = memoryExperimentSettings(options);
  return createMemoryModel({ kind: 'lstm', units: s.units, seed: s.seed, forgetBias: s.forgetBias });
}
