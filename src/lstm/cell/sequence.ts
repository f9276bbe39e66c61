/**
 * An LSTM run over a whole sequence, keeping every step's gates and states: the raw material of
 * the heat maps (i, f, o, C, h per unit and step) and of the backward pass.
 */
import { sigmoid } from './activations';
import { createLstmStep, lstmBatchSize, lstmStepUnchecked, type LstmStep } from './cell';
import { denseLogits, type LstmReadout } from './readout';
import { expectLength } from './shapes';
import { checkLstmWeights, type Floats, type LstmWeights } from './weights';

// The readout's type lives with its maths; re-exported because callers meet it in runLstm's options.
export type { LstmReadout } from './readout';

/** Options of {@link runLstm}. */
export interface RunLstmOptions {
  /** Initial hidden state h_0, shape `[batch, units]`; zeros when left out. */
  h0?: Floats;
  /** Initial cell state C_0, shape `[batch, units]`; zeros when left out. */
  c0?: Floats;
  /** A dense sigmoid readout applied to every h_t; no predictions when left out. */
  readout?: LstmReadout;
}

/** Everything an LSTM computed over a sequence; `steps[t]` holds step t + 1 of the maths (t from 0). */
export interface LstmRun {
  /** Number of sequences run side by side. */
  batch: number;
  /** Number of steps T. */
  time: number;
  /** Size of x_t. */
  inputDim: number;
  /** Size of h_t and C_t. */
  units: number;
  /** The inputs x_1 .. x_T, each `[batch, inputDim]` (kept by reference for the backward pass). */
  xs: readonly Floats[];
  /** Initial hidden state h_0, `[batch, units]`. */
  h0: Floats;
  /** Initial cell state C_0, `[batch, units]`. */
  c0: Floats;
  /** Every gate, pre-activation and state of each step, arrays `[batch, units]`. */
  steps: LstmStep[];
  /** Final hidden state h_T, `[batch, units]` (the same array as `steps[T - 1].h`). */
  h: Float64Array;
  /** Final cell state C_T, `[batch, units]` (the same array as `steps[T - 1].c`). */
  c: Float64Array;
  /** With a readout: h_t · w + b per step, each `[batch]`. */
  logits?: Float64Array[];
  /** With a readout: σ(h_t · w + b) per step, each `[batch]`. */
  predictions?: Float64Array[];
}

/**
 * Runs the LSTM over `xs` (T arrays x_t of shape `[batch, inputDim]`) from h_0 and C_0
 * (`[batch, units]`, zeros by default) and returns every step; T must be at least 1.
 */
export function runLstm(weights: LstmWeights, xs: readonly Floats[], options: RunLstmOptions = {}): LstmRun {
  checkLstmWeights(weights, 'runLstm');
  const { inputDim, units } = weights;
  const time = xs.length;
  if (time === 0) {
    throw new Error('runLstm: the sequence is empty (0 steps); an LSTM needs at least one input x_t.');
  }
  const batch = xs[0].length / inputDim;
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`runLstm: x_1 must have shape [batch, inputDim=${inputDim}], got ${xs[0].length} numbers.`);
  }
  const { h0 = new Float64Array(batch * units), c0 = new Float64Array(batch * units), readout } = options;
  expectLength(h0, batch * units, `runLstm: h0 [batch=${batch}, units=${units}]`);
  expectLength(c0, batch * units, `runLstm: c0 [batch=${batch}, units=${units}]`);
  if (readout !== undefined) expectLength(readout.w, units, `runLstm: readout.w [units=${units}]`);

  const steps: LstmStep[] = new Array(time);
  const z = new Float64Array(4 * units);
  let hPrev: Floats = h0;
  let cPrev: Floats = c0;
  for (let t = 0; t < time; t++) {
    // Checking every step (not only the first) names the step whose x_t has the wrong size.
    lstmBatchSize(weights, xs[t], hPrev, cPrev, `runLstm (step ${t + 1} of ${time})`);
    const step = createLstmStep(batch, units);
    lstmStepUnchecked(weights, xs[t], hPrev, cPrev, batch, step, z);
    steps[t] = step;
    hPrev = step.h;
    cPrev = step.c;
  }
  const last = steps[time - 1];
  const run: LstmRun = { batch, time, inputDim, units, xs, h0, c0, steps, h: last.h, c: last.c };
  if (readout !== undefined) {
    run.logits = steps.map((s) => denseLogits(s.h, readout));
    run.predictions = run.logits.map((l) => l.map(sigmoid));
  }
  return run;
}

/** The quantities of a step that a heat map can show. */
export type LstmQuantity = keyof LstmStep;

/**
 * One quantity of a run for one sequence of the batch, as a `[time, units]` row-major array:
 * entry `t * units + j` is unit j at step t + 1, ready for a heat map.
 */
export function lstmTrace(
  run: LstmRun,
  quantity: LstmQuantity,
  { sequence = 0 }: { sequence?: number } = {},
): Float64Array {
  const { time, units, batch, steps } = run;
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= batch) {
    throw new Error(`lstmTrace: sequence must be an integer in [0, ${batch - 1}], got ${sequence}.`);
  }
  const out = new Float64Array(time * units);
  for (let t = 0; t < time; t++)
    out.set(steps[t][quantity].subarray(sequence * units, (sequence + 1) * units), t * units);
  return out;
}

/**
 * Splits a batch-major array `[batch, time, dim]` (the layout of a tfjs sequence tensor) into T
 * arrays x_t of shape `[batch, dim]`, the layout {@link runLstm} takes.
 */
export function splitTime(x: ArrayLike<number>, [batch, time, dim]: readonly [number, number, number]): Float64Array[] {
  expectLength(x, batch * time * dim, `splitTime: x [batch=${batch}, time=${time}, dim=${dim}]`);
  const out: Float64Array[] = [];
  for (let t = 0; t < time; t++) {
    const xt = new Float64Array(batch * dim);
    for (let b = 0; b < batch; b++) {
      for (let k = 0; k < dim; k++) xt[b * dim + k] = x[(b * time + t) * dim + k];
    }
    out.push(xt);
  }
  return out;
}

/**
 * The inverse of {@link splitTime}: T arrays `[batch, dim]` stacked into one batch-major array
 * `[batch, time, dim]`, the layout of a tfjs sequence tensor.
 */
export function stackTime(steps: readonly ArrayLike<number>[], batch: number): Float64Array {
  const time = steps.length;
  if (time === 0) throw new Error('stackTime: no steps to stack.');
  const dim = steps[0].length / batch;
  if (!Number.isInteger(dim)) {
    throw new Error(`stackTime: a step of ${steps[0].length} numbers does not split into batch=${batch} rows.`);
  }
  const out = new Float64Array(batch * time * dim);
  for (let t = 0; t < time; t++) {
    expectLength(steps[t], batch * dim, `stackTime: step ${t + 1} [batch=${batch}, dim=${dim}]`);
    for (let b = 0; b < batch; b++) {
      for (let k = 0; k < dim; k++) out[(b * time + t) * dim + k] = steps[t][b * dim + k];
    }
  }
  return out;
}
