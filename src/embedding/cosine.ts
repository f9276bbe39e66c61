/**
 * Cosine similarity and unit-length normalisation, for single vectors and for whole tables.
 *
 * Zero vectors: the cosine of a zero vector with anything is 0/0, undefined. This folder defines
 * it as 0 ("unrelated to everything") and normalising a zero vector leaves it zero, so a word
 * that never moved from the origin is never anyone's close neighbour and never produces NaN.
 */

/** A row-major table of `rows` vectors of length `dim`: `values` has length `rows * dim`. */
export interface VectorTable {
  /** The numbers, row after row: row `i` is `values[i * dim .. (i + 1) * dim)`. */
  readonly values: Float32Array;
  /** How many vectors (words) the table holds. */
  readonly rows: number;
  /** The length of each vector. */
  readonly dim: number;
}

/** A {@link VectorTable} whose rows all have length 1 (or are zero): made by {@link normaliseRows}. */
export interface UnitVectorTable extends VectorTable {
  // The brand makes the type checker refuse a raw table where unit rows are needed, since a
  // dot product of raw rows ranks by length as much as by direction.
  readonly unit: true;
}

/** Wraps a flat Float32Array of length `rows * dim` (e.g. an Embedding layer's weights) as a table `[rows, dim]`. */
export function vectorTable(values: Float32Array, dim: number): VectorTable {
  if (!Number.isInteger(dim) || dim <= 0) throw new RangeError(`dim must be a positive integer, got ${dim}`);
  if (values.length % dim !== 0) {
    throw new RangeError(`values.length (${values.length}) is not a multiple of dim (${dim})`);
  }
  return { values, rows: values.length / dim, dim };
}

/** Row `i` of a table as a view of length `dim` (no copy). */
export function row(table: VectorTable, i: number): Float32Array {
  if (!Number.isInteger(i) || i < 0 || i >= table.rows) {
    throw new RangeError(`row ${i} is outside the table (${table.rows} rows)`);
  }
  return table.values.subarray(i * table.dim, (i + 1) * table.dim);
}

/** The dot product of two vectors of the same length `n`. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkSameLength(a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The Euclidean length of a vector of length `n`. */
export function norm(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * a[i];
  return Math.sqrt(sum);
}

/** cos(a, b) = a.b / (|a| |b|) for vectors of length `n`; 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkSameLength(a, b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  if (aa === 0 || bb === 0) return 0;
  // Rounding can push a cosine of (anti)parallel vectors just past 1 in magnitude.
  return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

/** A new Float32Array of length `n`: `a / |a|`, or all zeros when `a` is zero. */
export function normalise(a: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(a);
  const length = norm(a);
  if (length > 0) for (let i = 0; i < out.length; i++) out[i] = out[i] / length;
  return out;
}

/** A new table of the same shape `[rows, dim]` with every row scaled to length 1; zero rows stay zero. */
export function normaliseRows(table: VectorTable): UnitVectorTable {
  const { values, rows, dim } = table;
  const out = new Float32Array(values.length);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += values[offset + j] * values[offset + j];
    if (sum === 0) continue; // a zero row stays zero: see the note at the top of this file
    const inverse = 1 / Math.sqrt(sum);
    for (let j = 0; j < dim; j++) out[offset + j] = values[offset + j] * inverse;
  }
  return { values: out, rows, dim, unit: true };
}

function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`vector lengths differ: ${a.length} and ${b.length}`);
}
