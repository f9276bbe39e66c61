/**
 * The vanilla (Elman) RNN cell of chapter 1: h_t = tanh(W_x x_t + W_h h_{t-1} + b).
 *
 * Weights use the layout of `tf.layers.simpleRNN`, so its weights can be inspected here: the
 * kernel is `[inputSize, units]` (the transpose of W_x), the recurrent kernel `[units, units]`
 * (the transpose of W_h) and the bias `[units]`. Everything is plain row-major Float64Arrays:
 * small enough to recompute on every slider move.
 */
import { orthonormalRows } from './init';
import { gaussianArray, mulberry32 } from './random';

/** The weights of a vanilla RNN cell in the `tf.layers.simpleRNN` layout. */
export interface RnnWeights {
  /** Size of each input vector x_t. */
  inputSize: number;
  /** Number of hidden units (size of h_t). */
  units: number;
  /** Shape `[inputSize, units]`: entry (j, u) is W_x[u][j]. */
  kernel: Float64Array;
  /** Shape `[units, units]`: entry (k, u) is W_h[u][k]. */
  recurrentKernel: Float64Array;
  /** Shape `[units]`. */
  bias: Float64Array;
}

/** One step's numbers, each of shape `[units]`: the two products, the pre-activation z_t and the new state h_t. */
export interface RnnStep {
  /** W_x x_t. */
  inputTerm: Float64Array;
  /** W_h h_{t-1}. */
  recurrentTerm: Float64Array;
  /** z_t = W_x x_t + W_h h_{t-1} + b. */
  z: Float64Array;
  /** h_t = tanh(z_t). */
  h: Float64Array;
}

/** Options of {@link rnnWeights}. */
export interface RnnWeightOptions {
  /** Size of each input vector. */
  inputSize?: number;
  /** Number of hidden units. */
  units?: number;
  /** Spectral norm of W_h: it is `recurrentScale` times a random orthogonal matrix. */
  recurrentScale?: number;
  /** Standard deviation of the input weights is `inputScale / sqrt(inputSize)`. */
  inputScale?: number;
  /** Seed of the generator, so the same options always give the same weights. */
  seed?: number;
}

/**
 * Seeded weights, kernel `[inputSize, units]`, recurrent kernel `[units, units]` and bias `[units]`,
 * with a recurrent matrix whose largest singular value is `recurrentScale`.
 */
export function rnnWeights({
  inputSize = 4,
  units = 8,
  recurrentScale = 1,
  inputScale = 1,
  seed = 1,
}: RnnWeightOptions = {}): RnnWeights {
  const rand = mulberry32(seed);
  const kernel = gaussianArray(inputSize * units, rand, inputScale / Math.sqrt(inputSize));
  // Every singular value of an orthogonal matrix is 1, so this W_h has spectral norm recurrentScale.
  const recurrentKernel = orthonormalRows(units, units, rand).map((v) => v * recurrentScale);
  return { inputSize, units, kernel, recurrentKernel, bias: new Float64Array(units) };
}

function checkWeights(w: RnnWeights): void {
  const { inputSize, units } = w;
  if (w.kernel.length !== inputSize * units)
    throw new Error(`RNN kernel has ${w.kernel.length} numbers, expected ${inputSize}x${units}`);
  if (w.recurrentKernel.length !== units * units)
    throw new Error(`RNN recurrent kernel has ${w.recurrentKernel.length} numbers, expected ${units}x${units}`);
  if (w.bias.length !== units) throw new Error(`RNN bias has ${w.bias.length} numbers, expected ${units}`);
}

/** One step h_t = tanh(W_x x_t + W_h h_{t-1} + b); `x` has shape `[inputSize]`, `hPrev` `[units]`. */
export function rnnStep(w: RnnWeights, x: ArrayLike<number>, hPrev: ArrayLike<number>): RnnStep {
  const { inputSize, units, kernel, recurrentKernel, bias } = w;
  if (x.length !== inputSize) throw new Error(`x_t has ${x.length} numbers, the cell expects ${inputSize}`);
  if (hPrev.length !== units) throw new Error(`h_{t-1} has ${hPrev.length} numbers, the cell expects ${units}`);
  const inputTerm = new Float64Array(units);
  for (let j = 0; j < inputSize; j++) {
    const xj = x[j];
    for (let u = 0; u < units; u++) inputTerm[u] += xj * kernel[j * units + u];
  }
  const recurrentTerm = new Float64Array(units);
  for (let k = 0; k < units; k++) {
    const hk = hPrev[k];
    for (let u = 0; u < units; u++) recurrentTerm[u] += hk * recurrentKernel[k * units + u];
  }
  const z = new Float64Array(units);
  for (let u = 0; u < units; u++) z[u] = inputTerm[u] + recurrentTerm[u] + bias[u];
  return { inputTerm, recurrentTerm, z, h: z.map(Math.tanh) };
}

/** Runs the cell over `xs` (T inputs of shape `[inputSize]`) from `h0` (zeros by default). */
export function runRnn(w: RnnWeights, xs: readonly ArrayLike<number>[], h0?: ArrayLike<number>): RnnStep[] {
  checkWeights(w);
  const steps: RnnStep[] = [];
  let h: ArrayLike<number> = h0 ?? new Float64Array(w.units);
  for (const x of xs) {
    const step = rnnStep(w, x, h);
    steps.push(step);
    h = step.h;
  }
  return steps;
}

/**
 * The Jacobians dh_T/dh_t of a run, for t = 0 (h0) to T (the identity), each `[units, units]`
 * row-major with entry (a, b) = d h_T[a] / d h_t[b].
 *
 * By the chain rule dh_k/dh_{k-1} = diag(1 - h_k^2) W_h, so walking back from T multiplies one
 * such factor per step: this product is what vanishes (or explodes) over long spans.
 */
export function stateJacobians(w: RnnWeights, steps: readonly RnnStep[]): Float64Array[] {
  const n = w.units;
  const T = steps.length;
  const out: Float64Array[] = new Array(T + 1);
  let J = new Float64Array(n * n);
  for (let a = 0; a < n; a++) J[a * n + a] = 1;
  out[T] = J;
  for (let k = T; k >= 1; k--) {
    const h = steps[k - 1].h;
    // M = diag(1 - h_k^2) W_h, where W_h[u][b] = recurrentKernel[b * n + u].
    const next = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let u = 0; u < n; u++) {
        const jau = J[a * n + u] * (1 - h[u] * h[u]);
        if (jau === 0) continue;
        for (let b = 0; b < n; b++) next[a * n + b] += jau * w.recurrentKernel[b * n + u];
      }
    }
    J = next;
    out[k - 1] = J;
  }
  return out;
}

/** Options of {@link spectralNorm}. */
export interface SpectralNormOptions {
  /** The most power iterations to run. */
  iterations?: number;
  /** Stop once an iteration changes the estimate by less than this fraction. */
  tolerance?: number;
  /**
   * A start vector of shape `[n]`, overwritten with the converged right singular vector. Passing
   * the same array for a run of similar matrices (consecutive Jacobians) warm-starts each one.
   */
  start?: Float64Array;
}

/** The spectral norm (largest singular value) of an `[n, n]` matrix, by power iteration on M^T M. */
export function spectralNorm(m: ArrayLike<number>, n: number, options: SpectralNormOptions = {}): number {
  const { iterations = 200, tolerance = 1e-12, start } = options;
  const v = start && start.some((x) => x !== 0) ? Float64Array.from(start) : new Float64Array(n).fill(1 / Math.sqrt(n));
  const mv = new Float64Array(n);
  const w = new Float64Array(n);
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    for (let a = 0; a < n; a++) {
      let sum = 0;
      for (let b = 0; b < n; b++) sum += m[a * n + b] * v[b];
      mv[a] = sum;
    }
    w.fill(0);
    for (let a = 0; a < n; a++) {
      const x = mv[a];
      if (x !== 0) for (let b = 0; b < n; b++) w[b] += m[a * n + b] * x;
    }
    let norm = 0;
    for (let b = 0; b < n; b++) norm += w[b] * w[b];
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let b = 0; b < n; b++) v[b] = w[b] / norm;
    // ||M^T M v|| -> sigma^2 as v converges to the top right singular vector.
    const next = Math.sqrt(norm);
    const done = Math.abs(next - sigma) <= tolerance * next;
    sigma = next;
    if (done) break;
  }
  start?.set(v);
  return sigma;
}

/** Frobenius norm of a matrix stored in any flat array. */
export function frobeniusNorm(m: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < m.length; k++) s += m[k] * m[k];
  return Math.sqrt(s);
}

/** u^T J for a row vector `u` of shape `[n]` and `J` of shape `[n, n]`: the gradient dL/dh_t when dL/dh_T = u. */
export function vectorJacobianProduct(u: ArrayLike<number>, J: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[b] += u[a] * J[a * n + b];
  return out;
}
