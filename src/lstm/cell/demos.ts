/**
 * The fixed models behind chapter 1's widgets, as pure functions: the widgets draw what these
 * return, and the tests check the page against the same functions.
 */
import { gaussianArray, mulberry32, wordVector } from './random';
import { rnnWeights, runRnn, spectralNorm, stateJacobians, type RnnStep, type RnnWeights } from './rnn';

/** Hidden units and input size of the sentence-reading cell. */
export const SENTENCE_RNN = { units: 4, inputSize: 3, seed: 7 } as const;

/**
 * A 4-unit RNN reading `words`: each word's x_t is a fixed random vector seeded by the word (a
 * stand-in for a learned embedding), and W_h has spectral norm `scale`.
 */
export function sentenceRnn(
  words: readonly string[],
  scale: number,
): { weights: RnnWeights; xs: Float64Array[]; steps: RnnStep[] } {
  const { units, inputSize, seed } = SENTENCE_RNN;
  const xs = words.map((w) => wordVector(w, inputSize));
  const weights = rnnWeights({ inputSize, units, recurrentScale: scale, seed });
  return { weights, xs, steps: runRnn(weights, xs) };
}

/** Hidden units and input size of the vanishing-gradient experiment. */
export const VANISHING_RNN = { units: 16, inputSize: 4, seed: 3, inputSeed: 11 } as const;

/** A 16-unit RNN over `length` random inputs, with the spectral norm of every dh_T/dh_t (index t = 0..T). */
export function vanishingRun(
  scale: number,
  length: number,
): { weights: RnnWeights; xs: Float64Array[]; jacobians: Float64Array[]; norms: number[] } {
  const { units, inputSize, seed, inputSeed } = VANISHING_RNN;
  const weights = rnnWeights({ inputSize, units, recurrentScale: scale, seed });
  const rand = mulberry32(inputSeed);
  const xs = Array.from({ length }, () => gaussianArray(inputSize, rand));
  const jacobians = stateJacobians(weights, runRnn(weights, xs));
  // Walk back from T so each Jacobian starts from its neighbour's singular vector; three
  // significant digits are all a log-scale plot can show.
  const start = new Float64Array(units);
  const norms = new Array<number>(jacobians.length);
  for (let t = jacobians.length - 1; t >= 0; t--)
    norms[t] = spectralNorm(jacobians[t], units, { tolerance: 1e-6, start });
  return { weights, xs, jacobians, norms };
}
