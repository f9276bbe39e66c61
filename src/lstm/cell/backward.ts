/**
 * Backpropagation through time for an {@link LstmRun}, derived by hand from the cell's equations.
 * Walking back from step T, with δh_t = dL/dh_t (direct plus what step t + 1 sends back) and
 * δC_t = dL/dC_t:
 *
 *   δC_t    += δh_t ⊙ o_t ⊙ (1 - tanh²C_t)
 *   δz_o     = δh_t ⊙ tanh C_t ⊙ o_t (1 - o_t)
 *   δz_i     = δC_t ⊙ C~_t ⊙ i_t (1 - i_t)
 *   δz_f     = δC_t ⊙ C_{t-1} ⊙ f_t (1 - f_t)
 *   δz_c     = δC_t ⊙ i_t ⊙ (1 - C~_t²)
 *   δC_{t-1} = δC_t ⊙ f_t                         (the conveyor belt: only f_t scales it)
 *   δh_{t-1} = δz U^T,  δx_t = δz W^T,  δW += x_t^T δz,  δU += h_{t-1}^T δz,  δb += Σ_batch δz
 */
import type { LstmRun } from './sequence';
import { expectLength } from './shapes';
import { checkLstmWeights, type Floats, type LstmWeights } from './weights';

/** Options of {@link lstmBackward}: the upstream gradients, all zero when left out. */
export interface LstmBackwardOptions {
  /** dL/dh_t for each step (the loss's direct use of every output), each `[batch, units]`; a missing entry is zero. */
  dh?: readonly (Floats | null | undefined)[];
  /** An extra dL/dh_T on the final hidden state (a loss on the returned state), `[batch, units]`. */
  dhT?: Floats;
  /** dL/dC_T on the final cell state, `[batch, units]`. */
  dcT?: Floats;
}

/** Gradients of the loss with respect to everything an {@link LstmRun} depended on. */
export interface LstmGradients {
  /** dL/dW, shape `[inputDim, 4 * units]`, gate blocks i, f, c, o like the kernel. */
  dKernel: Float64Array;
  /** dL/dU, shape `[units, 4 * units]`. */
  dRecurrentKernel: Float64Array;
  /** dL/db, shape `[4 * units]`. */
  dBias: Float64Array;
  /** dL/dx_t for each step, each `[batch, inputDim]`. */
  dx: Float64Array[];
  /** dL/dh_0, `[batch, units]`. */
  dh0: Float64Array;
  /** dL/dC_0, `[batch, units]`. */
  dc0: Float64Array;
  /** Total dL/dh_t for each step (direct plus through later steps), each `[batch, units]`. */
  dH: Float64Array[];
  /** Total dL/dC_t for each step, each `[batch, units]`: how much gradient the belt carries. */
  dC: Float64Array[];
}

/**
 * Backpropagation through time: the gradients of a loss with respect to the weights (kernel
 * `[inputDim, 4u]`, recurrent kernel `[u, 4u]`, bias `[4u]`), inputs (`[batch, inputDim]` per
 * step) and initial states (`[batch, u]`), given dL/dh_t per step and dL/dh_T, dL/dC_T.
 */
export function lstmBackward(weights: LstmWeights, run: LstmRun, options: LstmBackwardOptions = {}): LstmGradients {
  checkLstmWeights(weights, 'lstmBackward');
  const { inputDim, units, kernel, recurrentKernel } = weights;
  const { batch, time, steps, xs, h0, c0 } = run;
  if (run.inputDim !== inputDim || run.units !== units) {
    throw new Error(
      `lstmBackward: the run has inputDim=${run.inputDim}, units=${run.units} but the weights have inputDim=${inputDim}, units=${units}.`,
    );
  }
  const { dh, dhT, dcT } = options;
  const n = batch * units;
  if (dh !== undefined && dh.length !== time) {
    throw new Error(`lstmBackward: dh must hold one gradient per step (${time}), got ${dh.length}.`);
  }
  dh?.forEach((d, t) => {
    if (d != null) expectLength(d, n, `lstmBackward: dh[${t}] [batch=${batch}, units=${units}]`);
  });
  if (dhT !== undefined) expectLength(dhT, n, `lstmBackward: dhT [batch=${batch}, units=${units}]`);
  if (dcT !== undefined) expectLength(dcT, n, `lstmBackward: dcT [batch=${batch}, units=${units}]`);

  const g = 4 * units;
  const dKernel = new Float64Array(inputDim * g);
  const dRecurrentKernel = new Float64Array(units * g);
  const dBias = new Float64Array(g);
  const dx: Float64Array[] = new Array(time);
  const dH: Float64Array[] = new Array(time);
  const dC: Float64Array[] = new Array(time);
  // What step t + 1 sends back to step t; at the last step, the gradients on the final state.
  let dhNext = dhT === undefined ? new Float64Array(n) : Float64Array.from(dhT);
  let dcNext = dcT === undefined ? new Float64Array(n) : Float64Array.from(dcT);
  const dz = new Float64Array(batch * g);

  for (let t = time - 1; t >= 0; t--) {
    const { i, f, cTilde, o, tanhC } = steps[t];
    const cPrev = t > 0 ? steps[t - 1].c : c0;
    const hPrev = t > 0 ? steps[t - 1].h : h0;
    const x = xs[t];
    const dhDirect = dh?.[t];
    const dHt = new Float64Array(n);
    const dCt = new Float64Array(n);
    const dcPrev = new Float64Array(n);

    for (let b = 0; b < batch; b++) {
      const zRow = b * g;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        const dhk = dhNext[k] + (dhDirect == null ? 0 : dhDirect[k]);
        const dck = dcNext[k] + dhk * o[k] * (1 - tanhC[k] * tanhC[k]);
        dHt[k] = dhk;
        dCt[k] = dck;
        dz[zRow + j] = dck * cTilde[k] * i[k] * (1 - i[k]);
        dz[zRow + units + j] = dck * cPrev[k] * f[k] * (1 - f[k]);
        dz[zRow + 2 * units + j] = dck * i[k] * (1 - cTilde[k] * cTilde[k]);
        dz[zRow + 3 * units + j] = dhk * tanhC[k] * o[k] * (1 - o[k]);
        dcPrev[k] = dck * f[k];
      }
    }

    const dxt = new Float64Array(batch * inputDim);
    const dhPrev = new Float64Array(n);
    for (let b = 0; b < batch; b++) {
      const zRow = b * g;
      for (let j = 0; j < g; j++) dBias[j] += dz[zRow + j];
      // Both products run along contiguous rows of W and U (the Keras layout), as in the forward step.
      for (let k = 0; k < inputDim; k++) {
        const xk = x[b * inputDim + k];
        const wRow = k * g;
        let s = 0;
        for (let j = 0; j < g; j++) s += dz[zRow + j] * kernel[wRow + j];
        dxt[b * inputDim + k] = s;
        if (xk === 0) continue;
        for (let j = 0; j < g; j++) dKernel[wRow + j] += xk * dz[zRow + j];
      }
      for (let k = 0; k < units; k++) {
        const hk = hPrev[b * units + k];
        const uRow = k * g;
        let s = 0;
        for (let j = 0; j < g; j++) s += dz[zRow + j] * recurrentKernel[uRow + j];
        dhPrev[b * units + k] = s;
        if (hk === 0) continue;
        for (let j = 0; j < g; j++) dRecurrentKernel[uRow + j] += hk * dz[zRow + j];
      }
    }
    dx[t] = dxt;
    dH[t] = dHt;
    dC[t] = dCt;
    dhNext = dhPrev;
    dcNext = dcPrev;
  }
  return { dKernel, dRecurrentKernel, dBias, dx, dh0: dhNext, dc0: dcNext, dH, dC };
}
