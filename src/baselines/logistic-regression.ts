/**
 * L2-regularised logistic regression on sparse rows: `p(y = 1 | x) = σ(w · x + b)`, with `w` and
 * `b` minimising the mean cross-entropy plus `(λ / 2) ‖w‖²` (the bias is not penalised). The
 * objective is convex, and L-BFGS finds its minimum deterministically.
 */
import type { SparseRows } from './bag-of-words.ts';
import type { FitControl } from './fit.ts';
import { minimiseLbfgs, type LbfgsOptions, type LbfgsResult } from './lbfgs.ts';

/** Options of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions extends FitControl {
  /** The penalty λ on the squared weights (default 1e-4). */
  l2?: number;
  /** L-BFGS iterations at most (default 200); progress counts iterations against it. */
  maxIterations?: number;
  /** Stop when the largest gradient component is below this (default 1e-6). */
  gradientTolerance?: number;
  /** L-BFGS memory (default 7). */
  memory?: number;
  /** Called after each iteration with the objective and the largest gradient component. */
  onIteration?: LbfgsOptions['onIteration'];
}

/** A fitted model. */
export interface LogisticRegression {
  /** One weight per column. */
  weights: Float64Array;
  bias: number;
  /** The objective at the fit: mean cross-entropy plus the penalty. */
  objective: number;
  /** How the optimiser ended. */
  optimiser: Omit<LbfgsResult, 'x'>;
}

/** `log(1 + e^z)` without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The logistic function σ(z) = 1 / (1 + e^-z), without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** `w · x_i + b` for each row `i` of `x`: an array of shape `[rows]`. */
export function logits(x: SparseRows, weights: ArrayLike<number>, bias: number): Float64Array {
  const z = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = bias;
    for (let k = x.indptr[i]!; k < x.indptr[i + 1]!; k++) s += x.values[k]! * weights[x.indices[k]!]!;
    z[i] = s;
  }
  return z;
}

/**
 * The objective at `theta` (the weights, then the bias) with its gradient written into
 * `gradient`: `(1/n) Σ [softplus(z_i) - y_i z_i] + (λ/2) ‖w‖²`, whose gradient is
 * `(1/n) Σ (σ(z_i) - y_i) x_i + λ w` for the weights and `(1/n) Σ (σ(z_i) - y_i)` for the bias.
 */
export function logisticObjective(
  x: SparseRows,
  labels: ArrayLike<number>,
  l2: number,
  theta: Float64Array,
  gradient: Float64Array,
): number {
  const d = x.columns;
  const bias = theta[d]!;
  const n = x.rows;
  gradient.fill(0);
  let loss = 0;
  let biasGradient = 0;
  for (let i = 0; i < n; i++) {
    const from = x.indptr[i]!;
    const to = x.indptr[i + 1]!;
    let z = bias;
    for (let k = from; k < to; k++) z += x.values[k]! * theta[x.indices[k]!]!;
    const y = labels[i]!;
    loss += softplus(z) - y * z;
    const r = (sigmoid(z) - y) / n;
    biasGradient += r;
    for (let k = from; k < to; k++) gradient[x.indices[k]!] += r * x.values[k]!;
  }
  let penalty = 0;
  for (let c = 0; c < d; c++) {
    penalty += theta[c]! * theta[c]!;
    gradient[c] += l2 * theta[c]!;
  }
  gradient[d] = biasGradient;
  return loss / n + (l2 / 2) * penalty;
}

/** Fits the model to rows `x` (`[rows, columns]`, sparse) with labels 0 or 1 (`[rows]`), from zero weights. */
export async function fitLogisticRegression(
  x: SparseRows,
  labels: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
): Promise<LogisticRegression> {
  const { l2 = 1e-4, maxIterations = 200, gradientTolerance = 1e-6, memory = 7, ...control } = options;
  if (x.rows === 0) throw new RangeError('logistic regression needs at least one training row');
  if (labels.length !== x.rows) throw new RangeError(`${x.rows} rows but ${labels.length} labels`);
  if (!(l2 >= 0)) throw new RangeError(`l2 must be at least 0, got ${l2}`);
  for (let i = 0; i < labels.length; i++)
    if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`label ${i} is ${labels[i]}, not 0 or 1`);
  const result = await minimiseLbfgs(
    (theta, gradient) => logisticObjective(x, labels, l2, theta, gradient),
    new Float64Array(x.columns + 1),
    { ...control, maxIterations, gradientTolerance, memory },
  );
  const { x: theta, ...optimiser } = result;
  return { weights: theta.subarray(0, x.columns), bias: theta[x.columns]!, objective: result.value, optimiser };
}

/** The model's probability of the positive class for each row: an array of shape `[rows]`. */
export function logisticProbability(model: LogisticRegression, x: SparseRows): Float64Array {
  if (x.columns !== model.weights.length)
    throw new RangeError(`the rows have ${x.columns} columns, the model ${model.weights.length} weights`);
  return logits(x, model.weights, model.bias).map(sigmoid);
}
