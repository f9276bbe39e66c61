/**
 * Principal component analysis for the 2-D map of words: centre the rows, then find the top
 * eigenvectors of their covariance matrix by power iteration with deflation.
 *
 * Power iteration is a dozen lines a reader can follow, and for the sizes here (dim up to a few
 * hundred) the dim x dim covariance is small: building it costs rows * dim^2 / 2 multiply-adds
 * (about 0.2 s for 20,000 x 128 in V8), each iteration dim^2.
 */
import type { VectorTable } from './cosine.ts';

/** Options of {@link pca}. */
export interface PcaOptions {
  /** How many principal components to find (at most `dim`). */
  components?: number;
  /** The most power-iteration steps per component. */
  maxIterations?: number;
  /** Stop iterating when the squared change of the unit eigenvector falls below this. */
  tolerance?: number;
}

/** What {@link pca} returns; `c` is the number of components. */
export interface PcaResult {
  /** The projected rows, shape `[rows, c]` row-major: row i is at `[i * c, (i + 1) * c)`. */
  coordinates: Float32Array;
  /** The principal directions, `c` unit vectors of length `dim`, largest variance first. */
  components: Float64Array[];
  /** The variance along each component (covariance eigenvalues, dividing by rows - 1). */
  variances: number[];
  /** Each component's share of the total variance, in [0, 1]. */
  explained: number[];
  /** The mean row that was subtracted, length `dim`. */
  mean: Float64Array;
}

/**
 * Projects a table `[rows, dim]` onto its top principal components, giving coordinates of shape
 * `[rows, components]`. Deterministic: the start vector comes from the data, and each component
 * is signed so that its largest-magnitude entry is positive (an eigenvector's sign is arbitrary,
 * and this keeps the map from flipping between runs). Directions with no variance left (e.g. all
 * rows equal) come back as unit vectors orthogonal to the earlier ones, with variance 0.
 */
export function pca(table: VectorTable, options: PcaOptions = {}): PcaResult {
  const { components = 2, maxIterations = 1000, tolerance = 1e-15 } = options;
  const { values, rows, dim } = table;
  if (rows === 0) throw new RangeError('pca needs at least one row');
  const count = Math.min(Math.max(1, Math.floor(components)), dim);

  const mean = new Float64Array(dim);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    for (let j = 0; j < dim; j++) mean[j] += values[offset + j];
  }
  for (let j = 0; j < dim; j++) mean[j] /= rows;

  const covariance = covarianceMatrix(table, mean);
  const totalVariance = trace(covariance, dim);

  const found: Float64Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < count; c++) {
    const { vector, value } = topEigenvector(covariance, dim, found, maxIterations, tolerance);
    fixSign(vector);
    found.push(vector);
    variances.push(value);
    // Deflation: removing value * v v^T leaves the next largest eigenvalue on top.
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < dim; j++) covariance[i * dim + j] -= value * vector[i] * vector[j];
    }
  }

  const coordinates = new Float32Array(rows * count);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    for (let c = 0; c < count; c++) {
      const v = found[c];
      let s = 0;
      for (let j = 0; j < dim; j++) s += (values[offset + j] - mean[j]) * v[j];
      coordinates[r * count + c] = s;
    }
  }

  const explained = variances.map((v) => (totalVariance > 0 ? v / totalVariance : 0));
  return { coordinates, components: found, variances, explained, mean };
}

/** The sample covariance `[dim, dim]` (dividing by rows - 1, or 1 for a single row). */
function covarianceMatrix(table: VectorTable, mean: Float64Array): Float64Array {
  const { values, rows, dim } = table;
  const covariance = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    for (let j = 0; j < dim; j++) centred[j] = values[offset + j] - mean[j];
    // The matrix is symmetric: accumulate the upper triangle only and mirror it afterwards.
    for (let i = 0; i < dim; i++) {
      const xi = centred[i];
      if (xi === 0) continue;
      const base = i * dim;
      for (let j = i; j < dim; j++) covariance[base + j] += xi * centred[j];
    }
  }
  const divisor = Math.max(1, rows - 1);
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      const v = covariance[i * dim + j] / divisor;
      covariance[i * dim + j] = v;
      covariance[j * dim + i] = v;
    }
  }
  return covariance;
}

function trace(matrix: Float64Array, dim: number): number {
  let sum = 0;
  for (let i = 0; i < dim; i++) sum += matrix[i * dim + i];
  return sum;
}

/** Power iteration on a symmetric positive semi-definite `[dim, dim]` matrix. */
function topEigenvector(
  matrix: Float64Array,
  dim: number,
  previous: Float64Array[],
  maxIterations: number,
  tolerance: number,
): { vector: Float64Array; value: number } {
  // Start from the matrix's longest row: it lies in the span the iteration converges to and is
  // never orthogonal to the top eigenvector unless that row is zero, and it needs no randomness.
  let start = -1;
  let longest = 0;
  for (let i = 0; i < dim; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += matrix[i * dim + j] ** 2;
    if (s > longest) {
      longest = s;
      start = i;
    }
  }
  if (start < 0) return { vector: orthogonalBasisVector(dim, previous), value: 0 };

  let v = matrix.slice(start * dim, (start + 1) * dim);
  orthogonalise(v, previous);
  if (!normaliseInPlace(v)) return { vector: orthogonalBasisVector(dim, previous), value: 0 };
  let w = new Float64Array(dim);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    multiply(matrix, v, w, dim);
    // Rounding slowly reintroduces the deflated directions; projecting them out keeps them out.
    orthogonalise(w, previous);
    if (!normaliseInPlace(w)) return { vector: orthogonalBasisVector(dim, previous), value: 0 };
    let change = 0;
    for (let j = 0; j < dim; j++) change += (w[j] - v[j]) ** 2;
    [v, w] = [w, v];
    if (change < tolerance) break;
  }
  // The Rayleigh quotient v.Mv is the eigenvalue; clamp the rounding noise of a null direction.
  multiply(matrix, v, w, dim);
  let value = 0;
  for (let j = 0; j < dim; j++) value += v[j] * w[j];
  return { vector: v, value: Math.max(0, value) };
}

function multiply(matrix: Float64Array, v: Float64Array, out: Float64Array, dim: number): void {
  for (let i = 0; i < dim; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += matrix[i * dim + j] * v[j];
    out[i] = s;
  }
}

function orthogonalise(v: Float64Array, basis: Float64Array[]): void {
  for (const b of basis) {
    let s = 0;
    for (let j = 0; j < v.length; j++) s += v[j] * b[j];
    for (let j = 0; j < v.length; j++) v[j] -= s * b[j];
  }
}

/** Scales `v` to length 1; returns false (leaving it alone) when it is numerically zero. */
function normaliseInPlace(v: Float64Array): boolean {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  if (!(s > 1e-300)) return false;
  const inverse = 1 / Math.sqrt(s);
  for (let j = 0; j < v.length; j++) v[j] *= inverse;
  return true;
}

/** The first standard basis vector, made orthogonal to `basis`, that is not in its span. */
function orthogonalBasisVector(dim: number, basis: Float64Array[]): Float64Array {
  for (let i = 0; i < dim; i++) {
    const v = new Float64Array(dim);
    v[i] = 1;
    orthogonalise(v, basis);
    // A basis vector already (almost) in the span leaves a tiny remainder: try the next one.
    if (Math.hypot(...v) > 1e-6 && normaliseInPlace(v)) return v;
  }
  throw new Error('no direction is left orthogonal to the earlier components');
}

/** Flips `v` so that its largest-magnitude entry (the first, on ties) is positive. */
function fixSign(v: Float64Array): void {
  let at = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[at])) at = j;
  if (v[at] < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j];
}
