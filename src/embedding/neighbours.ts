/**
 * Top-k nearest neighbours by cosine similarity over a whole table, in one pass.
 *
 * The table's rows are normalised once ({@link normaliseRows}), so the cosine of a row with the
 * (normalised) query is a plain dot product. The k best so far live in two preallocated arrays
 * kept sorted by insertion; a row only touches them when it beats the worst of the k, so for
 * k = 10 over 20,000 rows nearly all the work is the dot products and nothing is allocated per
 * row.
 */
import { normalise, row, type UnitVectorTable } from './cosine.ts';

/** One result of a neighbour search: a row id and its cosine similarity with the query. */
export interface Neighbour {
  /** The row (word id) in the table. */
  id: number;
  /** Cosine similarity with the query, in [-1, 1]. */
  similarity: number;
}

/** Options of {@link nearestToVector} and {@link nearestNeighbours}. */
export interface NeighbourOptions {
  /** How many neighbours to return (fewer when the table has fewer eligible rows). */
  k?: number;
  /** Row ids never returned, e.g. padding and out-of-vocabulary ids. */
  exclude?: Iterable<number>;
}

/**
 * The `k` rows of `table` (`[rows, dim]`, unit rows) most similar to `query` (length `dim`),
 * best first; equal similarities keep the lower id first. A zero query has no direction, so it
 * has no neighbours: the result is empty.
 */
export function nearestToVector(
  table: UnitVectorTable,
  query: ArrayLike<number>,
  options: NeighbourOptions = {},
): Neighbour[] {
  const { k = 10, exclude = [] } = options;
  const { values, rows, dim } = table;
  if (query.length !== dim) throw new RangeError(`query has length ${query.length}, table rows ${dim}`);
  const size = Math.min(Math.max(0, Math.floor(k)), rows);
  // Normalising the query makes the dot products cosines; it does not change their order.
  const q = Float64Array.from(normalise(query));
  if (size === 0 || q.every((x) => x === 0)) return [];
  const excluded = new Set(exclude);

  // The k best so far, sorted best first. Preallocated once per query: no allocation per row.
  const bestScores = new Float64Array(size);
  const bestIds = new Int32Array(size);
  let filled = 0;
  let worst = -Infinity; // the score a row must beat to enter: -Infinity until the buffer is full

  const unrolled = dim - (dim % 4);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    // Four partial sums break the dependency chain of one running sum, which is measurably
    // faster in V8, and dims are almost always multiples of 4.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j < unrolled; j += 4) {
      s0 += values[offset + j] * q[j];
      s1 += values[offset + j + 1] * q[j + 1];
      s2 += values[offset + j + 2] * q[j + 2];
      s3 += values[offset + j + 3] * q[j + 3];
    }
    for (; j < dim; j++) s0 += values[offset + j] * q[j];
    const score = s0 + s1 + s2 + s3;
    if (!(score > worst)) continue; // also skips NaN rows
    // Checked only for rows that would enter, so the exclusion set costs nothing per row.
    if (excluded.has(r)) continue;

    // Insertion into the sorted buffer: shift worse entries down one place.
    let i = filled < size ? filled++ : size - 1;
    while (i > 0 && bestScores[i - 1] < score) {
      bestScores[i] = bestScores[i - 1];
      bestIds[i] = bestIds[i - 1];
      i--;
    }
    bestScores[i] = score;
    bestIds[i] = r;
    if (filled === size) worst = bestScores[size - 1];
  }

  const result: Neighbour[] = [];
  for (let i = 0; i < filled; i++) {
    result.push({ id: bestIds[i], similarity: Math.max(-1, Math.min(1, bestScores[i])) });
  }
  return result;
}

/**
 * The `k` nearest rows to row `id` of `table` (`[rows, dim]`, unit rows), best first, never
 * returning `id` itself nor any id in `exclude`.
 */
export function nearestNeighbours(table: UnitVectorTable, id: number, options: NeighbourOptions = {}): Neighbour[] {
  const { k = 10, exclude = [] } = options;
  return nearestToVector(table, row(table, id), { k, exclude: [id, ...exclude] });
}
