/**
 * Quantile binning of numeric features, as histogram-based tree learners do it: each feature's
 * values are cut into at most 256 bins holding about equally many training rows, so that a
 * split search counts labels per bin instead of sorting the rows at every node. A feature with
 * at most 256 distinct values keeps one bin per value, and nothing is lost.
 */

/** The most bins a feature can have: bin numbers fit in a byte. */
export const MAX_BINS = 256;

/** Per feature, the largest value of each bin, ascending: bin `b` holds values in `(edges[b-1], edges[b]]`. */
export interface FeatureBins {
  /** `edges[f]` are feature `f`'s bin edges. */
  edges: Float64Array[];
}

/** Features as bin numbers, column-major: row `r` of feature `f` is `bins[f * rows + r]`. */
export interface BinnedFeatures {
  rows: number;
  features: number;
  bins: Uint8Array;
}

/** Checks that a row-major matrix has `rows * features` values. */
function checkShape(x: ArrayLike<number>, rows: number, features: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(features) || rows < 1 || features < 1)
    throw new RangeError(`need at least one row and one feature, got ${rows} x ${features}`);
  if (x.length !== rows * features)
    throw new RangeError(`a ${rows} x ${features} matrix has ${rows * features} values, got ${x.length}`);
}

/**
 * Finds bin edges for each column of the row-major matrix `x` of shape `[rows, features]`, from
 * the quantiles of its values: a bin closes once it holds its share of the rows, so that no two
 * bins split the same value.
 */
export function quantileBins(x: ArrayLike<number>, rows: number, features: number, maxBins = MAX_BINS): FeatureBins {
  checkShape(x, rows, features);
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS)
    throw new RangeError(`maxBins must be an integer from 2 to ${MAX_BINS}, got ${maxBins}`);
  const column = new Float64Array(rows);
  const edges: Float64Array[] = [];
  for (let f = 0; f < features; f++) {
    for (let r = 0; r < rows; r++) column[r] = x[r * features + f]!;
    column.sort();
    // Distinct values and how many rows hold each.
    const values: number[] = [];
    const counts: number[] = [];
    for (let r = 0; r < rows; r++) {
      const v = column[r]!;
      if (Number.isNaN(v)) throw new RangeError(`feature ${f} has a NaN value`);
      if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1]!++;
      else {
        values.push(v);
        counts.push(1);
      }
    }
    if (values.length <= maxBins) {
      edges.push(Float64Array.from(values));
      continue;
    }
    const cut: number[] = [];
    let seen = 0;
    for (let k = 0; k < values.length; k++) {
      seen += counts[k]!;
      // Close the bin once it reaches the next quantile; the last value always closes one.
      if (seen >= ((cut.length + 1) * rows) / maxBins || k === values.length - 1) cut.push(values[k]!);
    }
    edges.push(Float64Array.from(cut));
  }
  return { edges };
}

/** The bin of `value` among ascending `edges`: the first edge at or above it (the last bin above them all). */
export function binOf(value: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Replaces each value of the row-major matrix `x` by its bin, giving column-major {@link BinnedFeatures}. */
export function applyBins(x: ArrayLike<number>, rows: number, features: number, bins: FeatureBins): BinnedFeatures {
  checkShape(x, rows, features);
  if (bins.edges.length !== features)
    throw new RangeError(`the bins are for ${bins.edges.length} features, the matrix has ${features}`);
  const out = new Uint8Array(rows * features);
  for (let f = 0; f < features; f++) {
    const edges = bins.edges[f]!;
    for (let r = 0; r < rows; r++) out[f * rows + r] = binOf(x[r * features + f]!, edges);
  }
  return { rows, features, bins: out };
}
