/**
 * Which training reviews train and which validate. Keras' `validation_split` holds out the LAST
 * fraction of the rows before shuffling; the prepared data is ordered negative then positive
 * (src/data/shards.ts), so that would validate on positive reviews only. The kit draws a seeded,
 * stratified hold-out instead: the same fraction of each class.
 */
import { permutation } from './rkeras.ts';

/** Indices of the reviews that train and of those held out. */
export interface Holdout {
  train: Int32Array;
  validation: Int32Array;
}

/** Holds out `fraction` of each label's reviews, chosen by `seed`; both lists sorted. */
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
