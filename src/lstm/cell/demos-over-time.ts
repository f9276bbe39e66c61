/**
 * The fixed models behind chapter 3's stepping and gradient widgets, as pure functions: the
 * widgets draw what these return, and the tests check the page against the same functions.
 */
import { initLstmWeights } from './init';
import { gaussianArray, mulberry32, wordVector } from './random';
import { rnnWeights } from './rnn';
import { rnnBackward, runRnnBatch } from './rnn-backward';
import { lstmBackward } from './backward';
import { runLstm, type LstmRun } from './sequence';
import type { LstmWeights } from './weights';

/** Units, input size and seed of the LSTM that reads a typed sentence; word vectors are scaled by `inputScale`. */
export const SENTENCE_LSTM = { units: 6, inputDim: 4, seed: 12, inputScale: 1.5 } as const;

/**
 * A 6-unit LSTM reading `words` (at least one): each word's x_t (`[1, inputDim]`) is a fixed random
 * vector seeded by the word (a stand-in for a learned embedding), the weights are Keras-style seeded
 * initial weights, and every forget-gate bias is `forgetBias`.
 */
export function sentenceLstm(
  words: readonly string[],
  forgetBias = 1,
): { weights: LstmWeights; xs: Float64Array[]; run: LstmRun } {
  const { units, inputDim, seed, inputScale } = SENTENCE_LSTM;
  const weights = initLstmWeights({ inputDim, units, seed });
  weights.bias.fill(forgetBias, units, 2 * units);
  const xs = words.map((w) => wordVector(w, inputDim, inputScale));
  return { weights, xs, run: runLstm(weights, xs) };
}

/** Sizes and seeds of the gradient-reach experiment (the same random inputs feed both networks). */
export const GRADIENT_REACH = { units: 16, inputDim: 4, seed: 3, inputSeed: 11, directionSeed: 5 } as const;

/** How far back the gradient of a loss at step T reaches in each network; every array has T + 1 entries, t = 0..T. */
export interface GradientReach {
  /** Vanilla RNN: ‖∂L/∂h_t‖. */
  rnnH: number[];
  /** LSTM: ‖∂L/∂C_t‖, the gradient on the cell state (the conveyor belt). */
  lstmC: number[];
  /** LSTM: ‖∂L/∂h_t‖. */
  lstmH: number[];
  /** The LSTM's mean forget gate over all units and steps. */
  meanForget: number;
}

/**
 * A 16-unit vanilla RNN (recurrent matrix of spectral norm `rnnScale`) and a 16-unit LSTM
 * (forget-gate bias `forgetBias`) read the same `length` random inputs; the loss is L = u · h_T
 * for a fixed unit vector u, and both backward passes give the gradient reaching every step.
 */
export function gradientReach({
  length,
  rnnScale,
  forgetBias,
}: {
  length: number;
  rnnScale: number;
  forgetBias: number;
}): GradientReach {
  const { units, inputDim, seed, inputSeed, directionSeed } = GRADIENT_REACH;
  const rand = mulberry32(inputSeed);
  const xs = Array.from({ length }, () => gaussianArray(inputDim, rand));
  const u = gaussianArray(units, mulberry32(directionSeed));
  const uNorm = Math.hypot(...u);
  u.forEach((v, k) => (u[k] = v / uNorm));

  const rnn = rnnWeights({ inputSize: inputDim, units, recurrentScale: rnnScale, seed });
  const rnnGrads = rnnBackward(rnn, runRnnBatch(rnn, xs), { dhT: u });

  const lstm = initLstmWeights({ inputDim, units, seed });
  lstm.bias.fill(forgetBias, units, 2 * units);
  const run = runLstm(lstm, xs);
  const lstmGrads = lstmBackward(lstm, run, { dhT: u });

  const norm = (a: ArrayLike<number>) => {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k] * a[k];
    return Math.sqrt(s);
  };
  let fSum = 0;
  for (const step of run.steps) for (const f of step.f) fSum += f;
  return {
    rnnH: [norm(rnnGrads.dh0), ...rnnGrads.dH.map(norm)],
    lstmC: [norm(lstmGrads.dc0), ...lstmGrads.dC.map(norm)],
    lstmH: [norm(lstmGrads.dh0), ...lstmGrads.dH.map(norm)],
    meanForget: fSum / (length * units),
  };
}
