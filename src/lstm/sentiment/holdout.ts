/**
 * Which training reviews train and which validate. Keras' `validation_split` holds out the LAST
 * fraction of the rows before shuffling; the prepared data is ordered negative then positive
 * (src/data/shards.ts), so that would validate on positive reviews only. The kit draws a seeded,
 * stratified hold-out instead: the same fraction of each class.
 */
import type { RankedReviews } from '../../data/views.ts';
import { permutation } from './rkeras.ts';
import type { TrainingData } from './train.ts';

/** Indices of the reviews that train and of those held out. */
export interface Holdout {
  train: Int32Array;
  validation: Int32Array;
}

/** Holds out `fraction` (a share in [0, 1]) of each label's reviews, chosen by `seed`; both lists sorted. */
export function stratifiedHoldout(labels: ArrayLike<number>, fraction: number, seed: number): Holdout {
  if (!(fraction >= 0 && fraction < 1))
    throw new RangeError(`the validation fraction must be in [0, 1), got ${fraction}`);
  const byLabel: number[][] = [[], []];
  for (let i = 0; i < labels.length; i++) byLabel[labels[i] ? 1 : 0]!.push(i);
  const train: number[] = [];
  const validation: number[] = [];
  byLabel.forEach((indices, label) => {
    const order = permutation(indices.length, seed + label);
    const held = Math.round(indices.length * fraction);
    order.forEach((j, k) => (k < held ? validation : train).push(indices[j]!));
  });
  const sorted = (xs: number[]) => Int32Array.from(xs).sort();
  return { train: sorted(train), validation: sorted(validation) };
}

/** The first `count` indices of a seeded shuffle of `indices`, sorted: a quick sample. */
export function sampleIndices(indices: Int32Array, count: number, seed: number): Int32Array {
  if (count >= indices.length) return indices;
  const order = permutation(indices.length, seed);
  return Int32Array.from(order.subarray(0, count), (j) => indices[j]!).sort();
}

/** 0, 1, ..., n - 1: every review of a split. */
export function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * What a run trains and validates on: with 'split', 80% of the training reviews (stratified,
 * seeded) and the other 20% to validate; with 'test', every training review and the test set,
 * as the R article does. `sample` keeps that many of the training reviews, for a quick try.
 */
export function trainingData(
  train: RankedReviews,
  test: RankedReviews,
  { validation, sample, seed }: { validation: 'split' | 'test'; sample: number | null; seed: number },
): TrainingData & { validation: RankedReviews; validationIndices: Int32Array } {
  const held = validation === 'split' ? stratifiedHoldout(train.labels, 0.2, seed) : null;
  const trainIndices = held?.train ?? allIndices(train.labels.length);
  return {
    train,
    trainIndices: sample === null ? trainIndices : sampleIndices(trainIndices, sample, seed),
    validation: held ? train : test,
    validationIndices: held?.validation ?? allIndices(test.labels.length),
  };
}
