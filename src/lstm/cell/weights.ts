/**
 * The weights of an LSTM layer, laid out exactly as `tf.layers.lstm` (and Keras) store them, so
 * that the weights of any trained tfjs or Keras LSTM can be read by the kit without reshuffling.
 */
import { expectLength } from './shapes';

/** A plain row-major array of numbers: the kit's tensors are typed arrays plus documented shapes. */
export type Floats = Float32Array | Float64Array;

/**
 * LSTM weights in the `tf.layers.lstm` layout: kernel `[inputDim, 4 * units]`, recurrent kernel
 * `[units, 4 * units]`, bias `[4 * units]`, each row split into four blocks of `units` columns
 * in the gate order i, f, c (the candidate C~), o.
 */
export interface LstmWeights {
  /** Size of one input vector x_t. */
  inputDim: number;
  /** Number of units, the size of h_t and C_t. */
  units: number;
  /** W, shape `[inputDim, 4 * units]`, row-major: `kernel[k * 4 * units + gate * units + j]`. */
  kernel: Floats;
  /** U, shape `[units, 4 * units]`, row-major, same gate blocks as the kernel. */
  recurrentKernel: Floats;
  /** b, shape `[4 * units]`, gate blocks i, f, c, o. */
  bias: Floats;
}

/** The four gate blocks of a row of `4 * units` columns, in the order tfjs and Keras use. */
export const LSTM_GATE_ORDER = ['i', 'f', 'c', 'o'] as const;

/** Throws a clear error unless `weights` has positive integer sizes and arrays of matching length. */
export function checkLstmWeights(weights: LstmWeights, where = 'LSTM'): void {
  const { inputDim, units, kernel, recurrentKernel, bias } = weights;
  if (!Number.isInteger(inputDim) || inputDim < 1) {
    throw new Error(`${where}: inputDim must be a positive integer, got ${inputDim}.`);
  }
  if (!Number.isInteger(units) || units < 1) {
    throw new Error(`${where}: units must be a positive integer, got ${units}.`);
  }
  const g = 4 * units;
  expectLength(kernel, inputDim * g, `${where}: kernel [inputDim=${inputDim}, 4*units=${g}]`);
  expectLength(recurrentKernel, units * g, `${where}: recurrentKernel [units=${units}, 4*units=${g}]`);
  expectLength(bias, g, `${where}: bias [4*units=${g}]`);
}

/**
 * What the kit needs of a tfjs `Tensor` (its shape and data), written structurally so that the
 * pure LSTM code never imports tfjs.
 */
export interface TensorLike {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/**
 * Reads the arrays of `layer.getWeights()` of a `tf.layers.lstm` (kernel `[inputDim, 4u]`,
 * recurrent kernel `[u, 4u]`, bias `[4u]`) into the kit's layout; a layer built with
 * `useBias: false` gives two arrays and a zero bias. The data is copied, so the tensors may be
 * disposed afterwards.
 */
export function lstmWeightsFromTfjs(tensors: readonly TensorLike[]): LstmWeights {
  if (tensors.length !== 2 && tensors.length !== 3) {
    throw new Error(
      `lstmWeightsFromTfjs: expected [kernel, recurrentKernel, bias] (or 2 arrays without bias), got ${tensors.length} arrays.`,
    );
  }
  const [k, rk, b] = tensors;
  if (k.shape.length !== 2 || rk.shape.length !== 2) {
    throw new Error(
      `lstmWeightsFromTfjs: kernel and recurrent kernel must be 2-D, got shapes [${k.shape}] and [${rk.shape}].`,
    );
  }
  const [inputDim, g] = k.shape;
  if (g % 4 !== 0 || g === 0) {
    throw new Error(`lstmWeightsFromTfjs: kernel [${k.shape}] must have 4 * units columns (gates i, f, c, o).`);
  }
  const units = g / 4;
  const weights: LstmWeights = {
    inputDim,
    units,
    kernel: Float32Array.from(k.dataSync()),
    recurrentKernel: Float32Array.from(rk.dataSync()),
    bias: b === undefined ? new Float32Array(g) : Float32Array.from(b.dataSync()),
  };
  if (rk.shape[0] !== units || rk.shape[1] !== g) {
    throw new Error(
      `lstmWeightsFromTfjs: recurrent kernel must have shape [${units}, ${g}] to match kernel [${k.shape}], got [${rk.shape}].`,
    );
  }
  checkLstmWeights(weights, 'lstmWeightsFromTfjs');
  return weights;
}
