/**
 * An embedding lookup two ways: as the product of one-hot rows with the table, and as reading
 * rows of the table. They give the same numbers; the lookup just skips the multiplications by 0.
 */
import { seededRandom } from './random.ts';
import type { VectorTable } from './cosine.ts';

/**
 * A table `[rows, dim]` drawn uniformly from `[-limit, limit]` with a seed: what Keras' Embedding
 * holds before training (its default initialiser is uniform in +-0.05).
 */
export function randomTable(rows: number, dim: number, seed = 0, limit = 0.05): VectorTable {
  const random = seededRandom(seed);
  const values = Float32Array.from({ length: rows * dim }, () => (2 * random() - 1) * limit);
  return { values, rows, dim };
}

/**
 * `ids` (row numbers from 0) as one-hot rows times the table: a `[T, dim]` Float32Array, computed
 * as the full product, T x rows x dim multiply-adds.
 */
export function oneHotTimesTable(ids: readonly number[], table: VectorTable): Float32Array {
  const { values, rows, dim } = table;
  const out = new Float32Array(ids.length * dim);
  ids.forEach((id, t) => {
    if (!Number.isInteger(id) || id < 0 || id >= rows) throw new RangeError(`row ${id} is outside 0..${rows - 1}`);
    for (let r = 0; r < rows; r++) {
      const hot = r === id ? 1 : 0; // the one-hot vector's entry r
      for (let j = 0; j < dim; j++) out[t * dim + j] += hot * values[r * dim + j];
    }
  });
  return out;
}

/** The rows `ids` of the table: a `[T, dim]` Float32Array, T x dim numbers read. */
export function lookupRows(ids: readonly number[], table: VectorTable): Float32Array {
  const { values, rows, dim } = table;
  const out = new Float32Array(ids.length * dim);
  ids.forEach((id, t) => {
    if (!Number.isInteger(id) || id < 0 || id >= rows) throw new RangeError(`row ${id} is outside 0..${rows - 1}`);
    out.set(values.subarray(id * dim, (id + 1) * dim), t * dim);
  });
  return out;
}
