/**
 * The vanilla RNN of rnn.ts run on a batch of sequences, and its backpropagation through time,
 * derived by hand from h_t = tanh(x_t W_x^T + h_{t-1} W_h^T + b). Walking back from step T, with
 * δh_t = dL/dh_t (direct plus what step t + 1 sends back):
 *
 *   δz_t     = δh_t ⊙ (1 - h_t²)
 *   δh_{t-1} = δz_t W_h,  δx_t = δz_t W_x,  δW_x += x_t^T δz_t,  δW_h += h_{t-1}^T δz_t,  δb += Σ_batch δz_t
 *
 * Nothing but W_h (and the tanh slopes) carries the gradient from one step to the one before: the
 * product of T - t such factors is why it vanishes.
 */
import type { RnnWeights } from './rnn';
import { expectLength } from './shapes';
import type { Floats } from './weights';

/** Everything a vanilla RNN computed over a batch of sequences. */
export interface RnnBatchRun {
  /** Number of sequences run side by side. */
  batch: number;
  /** Number of steps T. */
  time: number;
  /** Size of x_t. */
  inputSize: number;
  /** Size of h_t. */
  units: number;
  /** The inputs x_1 .. x_T, each `[batch, inputSize]` (kept by reference for the backward pass). */
  xs: readonly Floats[];
  /** Initial state h_0, `[batch, units]`. */
  h0: Floats;
  /** The states h_1 .. h_T, each `[batch, units]`. */
  hs: Float64Array[];
  /** The final state h_T, `[batch, units]` (the same array as `hs[T - 1]`). */
  h: Float64Array;
}

/**
 * Runs the RNN over `xs` (T arrays x_t of shape `[batch, inputSize]`) from h_0 (`[batch, units]`,
 * zeros by default); the same numbers as {@link runRnn} for each sequence, with every row of the
 * batch computed in one pass.
 */
export function runRnnBatch(w: RnnWeights, xs: readonly Floats[], { h0 }: { h0?: Floats } = {}): RnnBatchRun {
  const { inputSize, units, kernel, recurrentKernel, bias } = w;
  expectLength(kernel, inputSize * units, `runRnnBatch: kernel [inputSize=${inputSize}, units=${units}]`);
  expectLength(recurrentKernel, units * units, `runRnnBatch: recurrentKernel [units=${units}, units=${units}]`);
  expectLength(bias, units, `runRnnBatch: bias [units=${units}]`);
  const time = xs.length;
  if (time === 0) throw new Error('runRnnBatch: the sequence is empty (0 steps).');
  const batch = xs[0].length / inputSize;
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`runRnnBatch: x_1 must have shape [batch, inputSize=${inputSize}], got ${xs[0].length} numbers.`);
  }
  const start = h0 ?? new Float64Array(batch * units);
  expectLength(start, batch * units, `runRnnBatch: h0 [batch=${batch}, units=${units}]`);
  const hs: Float64Array[] = new Array(time);
  let hPrev: Floats = start;
  for (let t = 0; t < time; t++) {
    const x = xs[t];
    expectLength(x, batch * inputSize, `runRnnBatch: x_${t + 1} [batch=${batch}, inputSize=${inputSize}]`);
    const h = new Float64Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const row = h.subarray(b * units, (b + 1) * units);
      row.set(bias);
      // Rows of the kernels are contiguous: accumulate x_k times row k, skipping zeros (one-hot inputs).
      for (let k = 0; k < inputSize; k++) {
        const xk = x[b * inputSize + k];
        if (xk === 0) continue;
        for (let u = 0; u < units; u++) row[u] += xk * kernel[k * units + u];
      }
      for (let k = 0; k < units; k++) {
        const hk = hPrev[b * units + k];
        if (hk === 0) continue;
        for (let u = 0; u < units; u++) row[u] += hk * recurrentKernel[k * units + u];
      }
      for (let u = 0; u < units; u++) row[u] = Math.tanh(row[u]);
    }
    hs[t] = h;
    hPrev = h;
  }
  return { batch, time, inputSize, units, xs, h0: start, hs, h: hs[time - 1] };
}

/** Options of {@link rnnBackward}: the upstream gradients, all zero when left out. */
export interface RnnBackwardOptions {
  /** dL/dh_t for each step (the loss's direct use of every state), each `[batch, units]`; a missing entry is zero. */
  dh?: readonly (Floats | null | undefined)[];
  /** An extra dL/dh_T on the final state, `[batch, units]`. */
  dhT?: Floats;
}

/** Gradients of the loss with respect to everything an {@link RnnBatchRun} depended on. */
export interface RnnGradients {
  /** dL/dkernel, shape `[inputSize, units]` like the kernel. */
  dKernel: Float64Array;
  /** dL/drecurrentKernel, shape `[units, units]`. */
  dRecurrentKernel: Float64Array;
  /** dL/db, shape `[units]`. */
  dBias: Float64Array;
  /** dL/dx_t for each step, each `[batch, inputSize]`. */
  dx: Float64Array[];
  /** dL/dh_0, `[batch, units]`. */
  dh0: Float64Array;
  /** Total dL/dh_t for each step t = 1..T (direct plus through later steps), each `[batch, units]`. */
  dH: Float64Array[];
}

/**
 * Backpropagation through time for a vanilla RNN: the gradients with respect to the weights
 * (kernel `[inputSize, units]`, recurrent kernel `[units, units]`, bias `[units]`), the inputs
 * and h_0, given dL/dh_t per step and dL/dh_T.
 */
export function rnnBackward(w: RnnWeights, run: RnnBatchRun, options: RnnBackwardOptions = {}): RnnGradients {
  const { inputSize, units, kernel, recurrentKernel } = w;
  const { batch, time, xs, hs, h0 } = run;
  if (run.inputSize !== inputSize || run.units !== units) {
    throw new Error(
      `rnnBackward: the run has inputSize=${run.inputSize}, units=${run.units} but the weights have inputSize=${inputSize}, units=${units}.`,
    );
  }
  const n = batch * units;
  const { dh, dhT } = options;
  if (dh !== undefined && dh.length !== time) {
    throw new Error(`rnnBackward: dh must hold one gradient per step (${time}), got ${dh.length}.`);
  }
  dh?.forEach((d, t) => {
    if (d != null) expectLength(d, n, `rnnBackward: dh[${t}] [batch=${batch}, units=${units}]`);
  });
  if (dhT !== undefined) expectLength(dhT, n, `rnnBackward: dhT [batch=${batch}, units=${units}]`);

  const dKernel = new Float64Array(inputSize * units);
  const dRecurrentKernel = new Float64Array(units * units);
  const dBias = new Float64Array(units);
  const dx: Float64Array[] = new Array(time);
  const dH: Float64Array[] = new Array(time);
  let dhNext = dhT === undefined ? new Float64Array(n) : Float64Array.from(dhT);
  const dz = new Float64Array(units);

  for (let t = time - 1; t >= 0; t--) {
    const h = hs[t];
    const hPrev = t > 0 ? hs[t - 1] : h0;
    const x = xs[t];
    const direct = dh?.[t];
    const dHt = new Float64Array(n);
    const dxt = new Float64Array(batch * inputSize);
    const dhPrev = new Float64Array(n);
    for (let b = 0; b < batch; b++) {
      for (let u = 0; u < units; u++) {
        const k = b * units + u;
        const total = dhNext[k] + (direct == null ? 0 : direct[k]);
        dHt[k] = total;
        dz[u] = total * (1 - h[k] * h[k]);
        dBias[u] += dz[u];
      }
      for (let k = 0; k < inputSize; k++) {
        const xk = x[b * inputSize + k];
        const row = k * units;
        let s = 0;
        for (let u = 0; u < units; u++) s += dz[u] * kernel[row + u];
        dxt[b * inputSize + k] = s;
        if (xk !== 0) for (let u = 0; u < units; u++) dKernel[row + u] += xk * dz[u];
      }
      for (let k = 0; k < units; k++) {
        const hk = hPrev[b * units + k];
        const row = k * units;
        let s = 0;
        for (let u = 0; u < units; u++) s += dz[u] * recurrentKernel[row + u];
        dhPrev[b * units + k] = s;
        if (hk !== 0) for (let u = 0; u < units; u++) dRecurrentKernel[row + u] += hk * dz[u];
      }
    }
    dH[t] = dHt;
    dx[t] = dxt;
    dhNext = dhPrev;
  }
  return { dKernel, dRecurrentKernel, dBias, dx, dh0: dhNext, dH };
}
