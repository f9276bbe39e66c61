/**
 * Seeded initial weights for an LSTM, drawn the way Keras draws them (Glorot-uniform kernel,
 * orthogonal recurrent kernel, forget-gate bias of one) but in milliseconds: the tfjs orthogonal
 * initialiser takes seconds for a 64-unit layer on the CPU.
 */
import { gaussian, mulberry32 } from './random';
import type { LstmWeights } from './weights';

/** Options of {@link initLstmWeights}. */
export interface InitLstmOptions {
  /** Size of x_t. */
  inputDim?: number;
  /** Number of units (size of h_t and C_t). */
  units?: number;
  /** Seed of the generator: the same options always give the same weights. */
  seed?: number;
  /** Start the forget-gate bias at 1 (Keras' `unit_forget_bias`), so the cell remembers by default. */
  unitForgetBias?: boolean;
}

/**
 * Seeded LSTM weights in the `tf.layers.lstm` layout: kernel `[inputDim, 4u]` Glorot-uniform,
 * recurrent kernel `[u, 4u]` with orthonormal rows, bias `[4u]` zero except the forget block.
 * Float32, so that the same numbers loaded into tfjs give a bit-identical layer.
 */
export function initLstmWeights({
  inputDim = 4,
  units = 8,
  seed = 1,
  unitForgetBias = true,
}: InitLstmOptions = {}): LstmWeights {
  if (!Number.isInteger(inputDim) || inputDim < 1 || !Number.isInteger(units) || units < 1) {
    throw new Error(`initLstmWeights: inputDim and units must be positive integers, got ${inputDim} and ${units}.`);
  }
  const rand = mulberry32(seed);
  const g = 4 * units;
  const kernel = Float32Array.from(glorotUniform(inputDim, g, rand));
  const recurrentKernel = Float32Array.from(orthonormalRows(units, g, rand));
  const bias = new Float32Array(g);
  if (unitForgetBias) bias.fill(1, units, 2 * units);
  return { inputDim, units, kernel, recurrentKernel, bias };
}

/**
 * A `[rows, cols]` row-major matrix uniform on ±sqrt(6 / (rows + cols)) (Glorot and Bengio 2010),
 * with fan-in = rows and fan-out = cols as Keras counts them for a dense kernel.
 */
export function glorotUniform(rows: number, cols: number, rand: () => number): Float64Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = (2 * rand() - 1) * limit;
  return out;
}

/**
 * A random `[rows, cols]` row-major matrix with orthonormal rows (if rows <= cols) or columns
 * (otherwise), like Keras' `Orthogonal` initialiser: Gram-Schmidt on a seeded Gaussian matrix.
 */
export function orthonormalRows(rows: number, cols: number, rand: () => number): Float64Array {
  // Orthonormalise the shorter side: n vectors of length m, n <= m.
  const n = Math.min(rows, cols);
  const m = Math.max(rows, cols);
  const v = new Float64Array(n * m);
  for (let k = 0; k < v.length; k++) v[k] = gaussian(rand);
  for (let r = 0; r < n; r++) {
    const row = v.subarray(r * m, r * m + m);
    // Modified Gram-Schmidt, done twice: one pass leaves rounding errors that grow with the
    // number of rows; a second pass removes them ("twice is enough").
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < r; p++) {
        const prev = v.subarray(p * m, p * m + m);
        let dot = 0;
        for (let k = 0; k < m; k++) dot += row[k] * prev[k];
        for (let k = 0; k < m; k++) row[k] -= dot * prev[k];
      }
    }
    let norm = 0;
    for (let k = 0; k < m; k++) norm += row[k] * row[k];
    norm = Math.sqrt(norm);
    for (let k = 0; k < m; k++) row[k] /= norm;
  }
  if (rows <= cols) return v;
  // The vectors are the columns: transpose [cols, rows] into [rows, cols].
  const out = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) out[r * cols + c] = v[c * rows + r];
  return out;
}
