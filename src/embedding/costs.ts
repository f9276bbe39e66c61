/**
 * What a network's first layer costs with one-hot inputs against an Embedding layer, as a
 * function of the vocabulary size V: the numbers fed in, the weights stored and the work done.
 *
 * A Dense layer of `units` units on one-hot vectors multiplies a V-long vector by a
 * `[V, units]` matrix: V x units weights plus units biases, and V x units multiply-adds per
 * word if the zeros are multiplied like any other number. Since all but one input is zero,
 * the product is just one row of the matrix; an Embedding(V, d) layer stores the same kind of
 * `[V, d]` table and reads that row directly: d numbers per word, whatever V is.
 */

/** The sizes the comparison depends on. */
export interface InputCostOptions {
  /** V: the number of distinct words the model knows. */
  vocabulary: number;
  /** d: the length of an embedding vector. */
  dim: number;
  /** Units of the Dense layer that reads one-hot vectors. */
  units: number;
  /** T: words per text (a review padded to maxlen). */
  length: number;
}

/** The costs of both first layers, for one text of `length` words. */
export interface InputCosts {
  /** Numbers in the one-hot input of one text: T x V. */
  oneHotInputs: number;
  /** Numbers in the integer input an Embedding reads: T. */
  indexInputs: number;
  /** Weights of Dense(units) on one-hot vectors: V x units + units (biases). */
  denseWeights: number;
  /** Weights of Embedding(V, d): V x d (Keras' Embedding has no bias). */
  embeddingWeights: number;
  /** Multiply-adds of Dense(units) on one text's one-hot vectors: T x V x units. */
  denseMultiplyAdds: number;
  /** Numbers the Embedding reads for one text: T x d (one row per word). */
  embeddingReads: number;
}

/** The costs of {@link InputCosts} for the given sizes. */
export function inputCosts({ vocabulary, dim, units, length }: InputCostOptions): InputCosts {
  for (const [name, value] of Object.entries({ vocabulary, dim, units, length })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return {
    oneHotInputs: length * vocabulary,
    indexInputs: length,
    denseWeights: vocabulary * units + units,
    embeddingWeights: vocabulary * dim,
    denseMultiplyAdds: length * vocabulary * units,
    embeddingReads: length * dim,
  };
}

/** A vocabulary size from a point on a log10 slider, rounded to two significant digits (17,783 -> 18,000). */
export function vocabularyFromLog(position: number): number {
  const v = 10 ** position;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.max(1, Math.round(v / magnitude) * magnitude);
}

/** `count` vocabulary sizes spread evenly on a log scale from `min` to `max`, for drawing curves. */
export function logSpaced(min: number, max: number, count: number): number[] {
  if (!(min > 0 && max > min) || count < 2) throw new RangeError('logSpaced needs 0 < min < max and count >= 2');
  const a = Math.log10(min);
  const b = Math.log10(max);
  return Array.from({ length: count }, (_, i) => Math.round(10 ** (a + ((b - a) * i) / (count - 1))));
}
