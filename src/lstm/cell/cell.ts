/**
 * One step of an LSTM cell, written from the chapter's equations:
 *
 *   f_t  = σ(x_t W_f + h_{t-1} U_f + b_f)        forget gate
 *   i_t  = σ(x_t W_i + h_{t-1} U_i + b_i)        input gate
 *   C~_t = tanh(x_t W_c + h_{t-1} U_c + b_c)     candidate
 *   C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C~_t            cell state
 *   o_t  = σ(x_t W_o + h_{t-1} U_o + b_o)        output gate
 *   h_t  = o_t ⊙ tanh(C_t)                       hidden state
 *
 * σ is the logistic sigmoid, as in Keras 2+ (tfjs must be told `recurrentActivation: 'sigmoid'`).
 * Everything is plain loops over typed arrays, so that a widget can call it on every slider input.
 */
import { sigmoid } from './activations';
import { expectLength } from './shapes';
import { checkLstmWeights, type Floats, type LstmWeights } from './weights';

/** Every quantity of one LSTM step for a batch; each array has shape `[batch, units]`, row-major. */
export interface LstmStep {
  /** Pre-activation of the input gate, x_t W_i + h_{t-1} U_i + b_i. */
  zI: Float64Array;
  /** Pre-activation of the forget gate, x_t W_f + h_{t-1} U_f + b_f. */
  zF: Float64Array;
  /** Pre-activation of the candidate, x_t W_c + h_{t-1} U_c + b_c. */
  zCTilde: Float64Array;
  /** Pre-activation of the output gate, x_t W_o + h_{t-1} U_o + b_o. */
  zO: Float64Array;
  /** Input gate i_t = σ(zI), in (0, 1). */
  i: Float64Array;
  /** Forget gate f_t = σ(zF), in (0, 1). */
  f: Float64Array;
  /** Candidate C~_t = tanh(zCTilde), in (-1, 1). */
  cTilde: Float64Array;
  /** Cell state C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t. */
  c: Float64Array;
  /** Output gate o_t = σ(zO), in (0, 1). */
  o: Float64Array;
  /** tanh(C_t), kept because the backward pass and the "read out" preset both need it. */
  tanhC: Float64Array;
  /** Hidden state h_t = o_t ⊙ tanh(C_t). */
  h: Float64Array;
}

/** Allocates an {@link LstmStep} of zeros for `batch` rows of `units` (each array `[batch, units]`). */
export function createLstmStep(batch: number, units: number): LstmStep {
  const n = batch * units;
  return {
    zI: new Float64Array(n),
    zF: new Float64Array(n),
    zCTilde: new Float64Array(n),
    zO: new Float64Array(n),
    i: new Float64Array(n),
    f: new Float64Array(n),
    cTilde: new Float64Array(n),
    c: new Float64Array(n),
    o: new Float64Array(n),
    tanhC: new Float64Array(n),
    h: new Float64Array(n),
  };
}

/**
 * The batch size implied by `x` (`[batch, inputDim]`), checked against h_{t-1} and C_{t-1}
 * (`[batch, units]`); throws a clear error on any mismatch.
 */
export function lstmBatchSize(weights: LstmWeights, x: Floats, hPrev: Floats, cPrev: Floats, where: string): number {
  const { inputDim, units } = weights;
  const batch = x.length / inputDim;
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`${where}: x must have shape [batch, inputDim=${inputDim}], got ${x.length} numbers.`);
  }
  expectLength(hPrev, batch * units, `${where}: h_{t-1} [batch=${batch}, units=${units}]`);
  expectLength(cPrev, batch * units, `${where}: C_{t-1} [batch=${batch}, units=${units}]`);
  return batch;
}

/**
 * One LSTM step: x_t `[batch, inputDim]`, h_{t-1} and C_{t-1} `[batch, units]` in; every gate,
 * pre-activation and state of the step out, each `[batch, units]`.
 */
export function lstmStep(weights: LstmWeights, x: Floats, hPrev: Floats, cPrev: Floats): LstmStep {
  checkLstmWeights(weights, 'lstmStep');
  const batch = lstmBatchSize(weights, x, hPrev, cPrev, 'lstmStep');
  const out = createLstmStep(batch, weights.units);
  lstmStepUnchecked(weights, x, hPrev, cPrev, batch, out, new Float64Array(4 * weights.units));
  return out;
}

/**
 * {@link lstmStep} writing into `out` (arrays `[batch, units]`) instead of allocating, for widgets
 * that redraw on every input event; returns `out`.
 */
export function lstmStepInto(weights: LstmWeights, x: Floats, hPrev: Floats, cPrev: Floats, out: LstmStep): LstmStep {
  checkLstmWeights(weights, 'lstmStepInto');
  const batch = lstmBatchSize(weights, x, hPrev, cPrev, 'lstmStepInto');
  for (const [name, a] of Object.entries(out)) {
    expectLength(
      a as Float64Array,
      batch * weights.units,
      `lstmStepInto: out.${name} [batch=${batch}, units=${weights.units}]`,
    );
  }
  lstmStepUnchecked(weights, x, hPrev, cPrev, batch, out, new Float64Array(4 * weights.units));
  return out;
}

/**
 * The step itself, with shapes already checked. `z` is scratch space for one row of the four
 * pre-activations (`[4 * units]`), passed in so that a sequence reuses one buffer for all steps.
 * `out` may not share memory with `hPrev` or `cPrev`.
 */
export function lstmStepUnchecked(
  weights: LstmWeights,
  x: Floats,
  hPrev: Floats,
  cPrev: Floats,
  batch: number,
  out: LstmStep,
  z: Float64Array,
): void {
  const { inputDim, units, kernel, recurrentKernel, bias } = weights;
  const g = 4 * units;
  const { zI, zF, zCTilde, zO, i, f, cTilde, c, o, tanhC, h } = out;
  for (let b = 0; b < batch; b++) {
    // z = b + x_t W + h_{t-1} U for all four gates at once: the inner loop runs along a row of
    // W (or U), which is contiguous in the Keras layout, and zero inputs (one-hot words, h_0 = 0)
    // are skipped because they add nothing.
    z.set(bias);
    const xRow = b * inputDim;
    for (let k = 0; k < inputDim; k++) {
      const xk = x[xRow + k];
      if (xk === 0) continue;
      const wRow = k * g;
      for (let j = 0; j < g; j++) z[j] += xk * kernel[wRow + j];
    }
    const hRow = b * units;
    for (let k = 0; k < units; k++) {
      const hk = hPrev[hRow + k];
      if (hk === 0) continue;
      const uRow = k * g;
      for (let j = 0; j < g; j++) z[j] += hk * recurrentKernel[uRow + j];
    }
    for (let j = 0; j < units; j++) {
      const n = hRow + j;
      zI[n] = z[j];
      zF[n] = z[units + j];
      zCTilde[n] = z[2 * units + j];
      zO[n] = z[3 * units + j];
      i[n] = sigmoid(zI[n]);
      f[n] = sigmoid(zF[n]);
      cTilde[n] = Math.tanh(zCTilde[n]);
      o[n] = sigmoid(zO[n]);
      c[n] = f[n] * cPrev[n] + i[n] * cTilde[n];
      tanhC[n] = Math.tanh(c[n]);
      h[n] = o[n] * tanhC[n];
    }
  }
}
