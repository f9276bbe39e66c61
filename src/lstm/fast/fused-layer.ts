/**
 * A fused LSTM layer for tfjs: the same model as `tf.layers.lstm` (recurrentActivation
 * 'sigmoid'), the same weights, many times fewer kernel calls.
 *
 * tfjs-layers runs an LSTM as a loop of small ops, and differentiates it by recording every one
 * of them: about 115 kernel calls per timestep for one training batch of `r-keras`, and on the
 * CPU-side backends (cpu, wasm) the cost of a call, not the arithmetic, is where the time goes
 * (DESIGN.md). This layer makes ONE matMul call per step each way and does the rest between
 * them in the fused cell (fused-cell.ts: WebAssembly SIMD, or TypeScript where SIMD is missing):
 *
 * - forward: each step is one fused matMul, the logistic sigmoid of z_t = [h_{t-1} m, x_t n]
 *   [U; W] + b over the whole gate block (the candidate's tanh comes out of it too, see
 *   forwardLoop), then the cell update and tanh(C_t);
 * - backward: an analytic backpropagation through time, registered with `tf.customGrad`. Each
 *   step is the gate gradients, then one matMul dz_t [U^T, W^T], which gives the gradient of
 *   h_{t-1} and of the input x_t at once; the three weight gradients are ONE big matMul at the
 *   end, [dU; dW; db] = A^T dZ over the inputs and dz_t of every step.
 *
 * One training batch of `r-keras` thus makes about 310 kernel calls in all (the LSTM about 170 of
 * them) instead of about 9,200.
 *
 * The step arithmetic reads the products back from the backend's memory, which is free on the
 * cpu and wasm backends (the data already lives in JavaScript or the WASM heap) but would stall a
 * GPU backend at every step: this layer is meant for cpu and wasm.
 *
 * Dropout follows Keras: one input mask n `[batch, inputDim]` and one recurrent mask m
 * `[batch, units]` per batch, each shared by every timestep. tfjs's own LSTM draws a mask per
 * gate but then multiplies the input (and h_{t-1}) by the first one for all four gates; that is
 * the same as one mask shared by the gates, which is what this layer draws, so the two layers
 * are the same model.
 */
import * as tf from '@tensorflow/tfjs';
import { scratch, type Scratch } from './fused-cell';
import { distinctRows, type DistinctRows } from './distinct-rows';
import { initLstmWeights } from '../cell/init';
import { mulberry32 } from '../cell/random';

/** Options of {@link FusedLstm} (the subset of `tf.layers.lstm`'s that the kit uses). */
export interface FusedLstmArgs {
  /** Number of units: the size of h_t and C_t. */
  units: number;
  /** Return h_t for every step, `[batch, time, units]`, instead of the last one, `[batch, units]`. */
  returnSequences?: boolean;
  /** Fraction of the inputs x_t to drop while training (one mask per sequence). */
  dropout?: number;
  /** Fraction of h_{t-1} to drop while training (one mask per sequence). */
  recurrentDropout?: number;
  /** Seed of the initial weights and of the dropout masks (default 1). */
  seed?: number;
  /** Start the forget-gate bias at 1, as Keras does by default (default true). */
  unitForgetBias?: boolean;
  /** Layer name (default: a unique `lstm_FusedN`; the weights are `NAME/kernel` and so on, as in tfjs). */
  name?: string;
  /** Shape of one input, `[time, inputDim]`, when this is the model's first layer. */
  inputShape?: (number | null)[];
  /** Shape with the batch, `[batch, time, inputDim]`, when this is the model's first layer. */
  batchInputShape?: (number | null)[];
  /** Whether the weights are trained (default true). */
  trainable?: boolean;
}

/**
 * A dropout mask `[rows, cols]`, row-major: each entry 0 with probability `rate`, otherwise
 * 1 / (1 - rate), so that the expected value of a masked input is the input (inverted dropout,
 * as `tf.dropout` and Keras do).
 */
export function dropoutMask(rows: number, cols: number, rate: number, rand: () => number): Float32Array {
  const keep = 1 - rate;
  const out = new Float32Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = rand() < keep ? 1 / keep : 0;
  return out;
}

/**
 * The generator of a {@link FusedLstm}'s dropout masks for `seed`: each training call draws the
 * input mask `[batch, inputDim]` and then the recurrent mask `[batch, units]` from it, with
 * {@link dropoutMask}. A stream apart from the weights', so that the same seed gives the same
 * weights with or without dropout (the constant only decorrelates the two).
 */
export function dropoutStream(seed: number): () => number {
  return mulberry32((seed ^ 0x9e3779b9) >>> 0);
}

/**
 * Copies a tensor's values into `out` from `offset`. On the WASM backend it copies straight from
 * the backend's memory, without the intermediate copy `dataSync` makes there; the view into that
 * memory is used at once, as any allocation may grow (and so move) it.
 */
function readInto(tensor: tf.Tensor, out: Float32Array, offset = 0): void {
  const backend = tf.backend() as unknown as { typedArrayFromHeap?: (t: tf.Tensor) => Float32Array };
  out.set(backend.typedArrayFromHeap ? backend.typedArrayFromHeap(tensor) : tensor.dataSync(), offset);
}

/**
 * The product of `a` (row-major, `rows` rows) and `b` (`[1, cols of a, n]`) by the matMul kernel
 * `kernelName` with `inputs` besides, read into `out` from `offset`. It runs the kernel itself:
 * `tf.matMul` and `tf.fused.matMul` reshape 2-D operands to 3-D and back (three more kernel calls
 * each time), and the fused op runs unfused while a gradient is being recorded.
 */
function productInto(
  kernelName: string,
  a: Float32Array,
  rows: number,
  b: tf.Tensor3D,
  inputs: tf.NamedTensorMap,
  attrs: object,
  out: Float32Array,
  offset = 0,
): void {
  const left = tf.tensor3d(a, [1, rows, b.shape[1]]);
  const result = tf.engine().runKernel<tf.Tensor>(kernelName, { a: left, b, ...inputs }, attrs as tf.NamedAttrMap);
  readInto(result, out, offset);
  tf.dispose([left, result]); // only the values are needed
}

const MATMUL = { transposeA: false, transposeB: false };

/** The dropout masks of one training call, `[batch, inputDim]` and `[batch, u]`; null without dropout. */
interface Masks {
  input: Float32Array | null;
  recurrent: Float32Array | null;
}

/** Sizes of one call, in floats; `n` is one step's `[batch, u]` block. */
interface Sizes {
  batch: number;
  time: number;
  units: number;
  inputDim: number;
  n: number;
}

/**
 * Where the forward pass keeps, in the scratch memory (fused-cell.ts), what the backward pass
 * needs: byte offsets of arrays in time-major order, row t * batch + b being sequence b at step t.
 * The memory is taken in the forward pass and given back by the backward pass, or at once when
 * no gradient will be asked for, so that two calls of the layer before one backward pass never
 * share it; reusing it from one batch to the next spares V8 the full garbage collections that
 * about 10 MB of new arrays per batch caused (about 8 ms every other batch).
 */
interface Saved {
  /** The sigmoid block of each step, `[time, batch, 4u]`: i, f, σ(2 z_C~) (so C~ = 2σ - 1), o. */
  gates: number;
  /** C_t, tanh(C_t) and h_t, each `[time, batch, u]`. */
  cs: number;
  tcs: number;
  hs: number;
  /**
   * The inputs of every step's product, stacked and transposed, in blocks of steps (see
   * {@link stepBlocks}): block k is `[u + inputDim + 1, its steps * batch]`, its column s * batch +
   * b being h_{t-1} m (zero at t = 0) over x_t n over a 1 for its s-th step t, the masks applied.
   * The left factor of [dU; dW; db] = A^T dZ (the 1s sum dZ's rows into db), block by block.
   */
  inputsT: number;
  /** `[batch, u]` zeros: h_{-1} and C_{-1}, and dL/dh_t where the output did not include h_t. */
  zeros: number;
  /** The recurrent dropout mask m, `[batch, u]`, and the input one n, `[batch, inputDim]` (ones without dropout). */
  mask: number;
  inMask: number;
  /**
   * With distinct input rows (see {@link distinctRowsFor}): each distinct row times its
   * sequence's input mask, `[count, inputDim]` (the left factor of dW = Xd^T S), and the index of
   * each step row's distinct row, int32 `[time * batch]`. Empty otherwise.
   */
  xd: number;
  rowIds: number;
}

/**
 * The saved arrays' sizes. With `distinct` rows, the record `inputsT` holds only h_{t-1} m and
 * the 1s (`[u + 1, time * batch]`): the input's share of the weight gradient is Xd^T S.
 */
function savedSizes(
  { batch, time, units, inputDim, n }: Sizes,
  distinct: DistinctRows | null,
): Record<keyof Saved, number> {
  const steps = time * n;
  return {
    gates: 4 * steps,
    cs: steps,
    tcs: steps,
    hs: steps,
    inputsT: (units + (distinct ? 0 : inputDim) + 1) * batch * time,
    zeros: n,
    mask: n,
    inMask: batch * inputDim,
    xd: distinct ? distinct.count * inputDim : 0,
    rowIds: distinct ? batch * time : 0,
  };
}

/**
 * How the fused layer splits its work; tests change these to take every path on small inputs.
 *
 * - `gradientBlockRows`: rows of dZ (steps times sequences) in one product of the weight
 *   gradient. The gradient is a sum over every step of every sequence; in one product of 12,800
 *   rows (maxlen 400) the backend's matMul ran at half its speed on 2,560 rows (maxlen 80): its
 *   packed copy of dZ outgrows the caches. So the sum is taken in blocks of about this many rows.
 * - `distinctMaxShare`: the layer works over distinct input rows (distinct-rows.ts) when at most
 *   this share of a batch's steps read a row not read before, and the input is wider than h (the
 *   input's share of a step's product is then the larger one). Below it the input's arithmetic
 *   done once per distinct row saves more than its extra products and its own sigmoid cost (`npm
 *   run bench:train`: r-keras at maxlen 80 has 75% distinct (review, word) pairs and is faster
 *   without; at maxlen 400, 32%, it is faster with; dlwp, 6% but an input as wide as h, was slower
 *   with in Chromium). 0 never, 1 always, whatever the widths (the tests take both paths so).
 */
export const fusedLstmTuning = { gradientBlockRows: 2560, distinctMaxShare: 0.5 };

/** A block of steps of the weight gradient: its first step, its steps, and where it starts in `inputsT` (floats). */
interface StepBlock {
  first: number;
  steps: number;
  offset: number;
}

/** 0..count-1 in runs of `size` (the last shorter): each run's first index and length. */
function runsOf(count: number, size: number): { first: number; length: number }[] {
  return Array.from({ length: Math.ceil(count / size) }, (_, k) => ({
    first: k * size,
    length: Math.min(size, count - k * size),
  }));
}

/** The blocks of whole steps, about `fusedLstmTuning.gradientBlockRows` rows each, of a record `rows` high. */
function stepBlocks({ batch, time }: Sizes, rows: number): StepBlock[] {
  const per = Math.max(1, Math.floor(fusedLstmTuning.gradientBlockRows / batch));
  return runsOf(time, per).map(({ first, length }) => ({ first, steps: length, offset: rows * first * batch }));
}

/**
 * The distinct rows of the input `x` `[batch, time, inputDim]` (per sequence when the input is
 * masked, each sequence having its own mask), or null when they are too many, or the input too
 * narrow beside the layer's `units`, to be worth it.
 */
function distinctRowsFor(x: tf.Tensor3D, units: number, perSequence: boolean): DistinctRows | null {
  const [batch, time, inputDim] = x.shape;
  const share = fusedLstmTuning.distinctMaxShare;
  if (share <= 0 || (share < 1 && inputDim <= units)) return null;
  const backend = tf.backend() as unknown as { typedArrayFromHeap?: (t: tf.Tensor) => Float32Array };
  // A view of the backend's memory where it has one: distinctRows allocates nothing in it.
  const values = backend.typedArrayFromHeap ? backend.typedArrayFromHeap(x) : (x.dataSync() as Float32Array);
  return distinctRows(values, batch, time, inputDim, perSequence, share);
}

/** Takes scratch memory for each of `sizes`, by name. */
function takeAll<K extends string>(mem: Scratch, sizes: Record<K, number>): Record<K, number> {
  return Object.fromEntries(Object.entries<number>(sizes).map(([k, size]) => [k, mem.take(size)])) as Record<K, number>;
}

function giveAll<K extends string>(mem: Scratch, offsets: Record<K, number>, sizes: Record<K, number>): void {
  for (const k of Object.keys(offsets) as K[]) mem.giveBack(offsets[k], sizes[k]);
}

/**
 * The weights of the forward loop, with their C~ columns doubled (see forwardLoop): [U; W]
 * `[1, u + inputDim, 4u]` for one product per step over [h_{t-1} m, x_t n]; or, with distinct
 * input rows, U `[1, u, 4u]` and W `[1, inputDim, 4u]` apart.
 */
type LoopWeights = { stacked: tf.Tensor3D } | { recurrent: tf.Tensor3D; input: tf.Tensor3D };

/**
 * The recurrence. `xIn` is the input `[batch, time, inputDim]`; `bias` is b, `[4u]`, with its C~
 * columns doubled. Fills the scratch memory at `saved`.
 *
 * Each step is ONE kernel call: z_t = [h_{t-1} m, x_t n] [U; W] + b and the logistic sigmoid of the
 * whole gate block, fused in one matMul. With the C~ columns doubled, tanh(z) = 2 σ(2z) - 1 comes
 * out of the same call; the backend's vectorised sigmoid is many times faster than Math.exp in a
 * loop. The cell update that follows is the scratch memory's `forward` (WebAssembly SIMD where
 * available).
 *
 * With `distinct` input rows (distinct-rows.ts), the input's share x n W + b is ONE product
 * before the loop, one row per distinct row (Xd W + b, `[count, 4u]`), and each step is h_{t-1} m
 * U plus the row of its input, the sigmoid taken by the scratch memory's `rowGates`: a step's
 * product is then u x 4u a row instead of (u + inputDim) x 4u.
 */
function forwardLoop(
  mem: Scratch,
  saved: Saved,
  xIn: tf.Tensor3D,
  weights: LoopWeights,
  bias: tf.Tensor1D,
  masks: Masks,
  sizes: Sizes,
  distinct: DistinctRows | null,
): void {
  const { batch, time, units: u, inputDim, n } = sizes;
  const g4 = 4 * u;
  // The width of a step's product input: [h_{t-1} m, x_t n], or h_{t-1} m alone.
  const width = distinct ? u : u + inputDim;
  const bt = batch * time;
  const rows = distinct?.count ?? 0;
  const temp = { x: bt * inputDim, a: batch * width, table: rows * g4, product: distinct ? n * 4 : 0 };
  const at = takeAll(mem, temp);
  // Given back however the loop ends: a throw must not leak scratch memory.
  try {
    // Views, made after every take (a take may grow the memory and detach earlier views).
    const x = mem.f32(at.x, temp.x);
    // The step's product input, `[batch, width]`.
    const a = mem.f32(at.a, temp.a);
    const gates = mem.f32(saved.gates, time * batch * g4);
    const blocks = stepBlocks(sizes, width + 1);
    const record = mem.f32(saved.inputsT, (width + 1) * bt);
    for (const { offset, steps } of blocks)
      record.fill(1, offset + width * steps * batch, offset + (width + 1) * steps * batch);
    mem.f32(saved.zeros, n).fill(0);
    for (const [offset, size, mask] of [
      [saved.mask, n, masks.recurrent],
      [saved.inMask, batch * inputDim, masks.input],
    ] as const) {
      const view = mem.f32(offset, size);
      if (mask) view.set(mask);
      else view.fill(1);
    }
    readInto(xIn, x);
    if (distinct) inputShare(mem, saved, at, x, weights, bias, distinct, sizes);
    const attrs = { ...MATMUL, activation: 'sigmoid', leakyreluAlpha: 0 };
    for (let t = 0; t < time; t++) {
      const state = 4 * t * n; // bytes
      const [hPrev, cPrev] = t > 0 ? [saved.hs + state - 4 * n, saved.cs + state - 4 * n] : [saved.zeros, saved.zeros];
      const block = blocks[Math.floor(t / blocks[0]!.steps)]!;
      mem.input({
        a: at.a,
        hPrev,
        mask: saved.mask,
        x: at.x + 4 * t * inputDim,
        xStride: time * inputDim,
        inMask: saved.inMask,
        inputsT: saved.inputsT + 4 * (block.offset + (t - block.first) * batch),
        rowStride: block.steps * batch,
        rows: batch,
        units: u,
        inputDim: distinct ? 0 : inputDim,
      });
      if ('stacked' in weights)
        productInto('_FusedMatMul', a, batch, weights.stacked, { bias }, attrs, gates, t * batch * g4);
      else {
        productInto('BatchMatMul', a, batch, weights.recurrent, {}, MATMUL, mem.f32(at.product, n * 4));
        mem.rowGates({
          gates: saved.gates + 4 * t * batch * g4,
          product: at.product,
          table: at.table,
          ids: saved.rowIds + 4 * t * batch,
          rows: batch,
          units: u,
        });
      }
      mem.forward({
        gates: saved.gates + 4 * state,
        cPrev,
        c: saved.cs + state,
        tc: saved.tcs + state,
        h: saved.hs + state,
        rows: batch,
        units: u,
      });
    }
  } finally {
    giveAll(mem, at, temp);
  }
}

/**
 * The input's share of the gates for distinct rows: writes Xd (each distinct row of `x`, times
 * its sequence's input mask) and the step rows' indices into `saved`, and the table Xd W + b
 * `[count, 4u]` (C~ columns doubled) at `at.table`.
 */
function inputShare(
  mem: Scratch,
  saved: Saved,
  at: { table: number },
  x: Float32Array,
  weights: LoopWeights,
  bias: tf.Tensor1D,
  distinct: DistinctRows,
  { batch, inputDim, units }: Sizes,
): void {
  if ('stacked' in weights) throw new Error('FusedLstm: distinct rows need U and W apart.');
  const { count, first, sequence, indexOf } = distinct;
  const xd = mem.f32(saved.xd, count * inputDim);
  const inMask = mem.f32(saved.inMask, batch * inputDim);
  for (let k = 0; k < count; k++) {
    const [from, m] = [first[k]! * inputDim, sequence[k]! * inputDim];
    for (let j = 0; j < inputDim; j++) xd[k * inputDim + j] = x[from + j]! * inMask[m + j]!;
  }
  mem.i32(saved.rowIds, indexOf.length).set(indexOf);
  const linear = { ...MATMUL, activation: 'linear', leakyreluAlpha: 0 };
  productInto('_FusedMatMul', xd, count, weights.input, { bias }, linear, mem.f32(at.table, count * 4 * units));
}

/**
 * Backpropagation through time. `dy` is dL/dh_t for every step, `[batch, time, u]`, or with
 * `lastOnly` for the last step alone, `[batch, u]`. `weightsT` is [U; W]^T = [U^T, W^T],
 * `[1, 4u, u + inputDim]`. Writes dL/dz_t of every step in time-major order, `[time * batch, 4u]`,
 * at `dz` and dL/dx, `[batch, time, inputDim]`, at `dx` (both in the scratch memory).
 *
 * Each step is the scratch memory's `backward` (WebAssembly SIMD where available) and ONE kernel
 * call, dz_t [U^T, W^T]: its first u columns are dL/d(h_{t-1} m), which step t - 1 needs, and
 * the rest, times the input mask, are dL/dx_t, the gradient of the input, for free of any
 * separate product.
 */
function backwardLoop(
  mem: Scratch,
  saved: Saved,
  dz: number,
  dyIn: Float32Array,
  lastOnly: boolean,
  weightsT: tf.Tensor3D,
  dx: number,
  sizes: Sizes,
): void {
  const { batch, time, units: u, inputDim, n } = sizes;
  const g4 = 4 * u;
  const width = u + inputDim;
  const temp = { back: batch * width, dhRec: n, dcA: n, dcB: n, dy: lastOnly ? n : time * n };
  const at = takeAll(mem, temp);
  try {
    // Views, made after every take (a take may grow the memory and detach earlier views).
    const dzView = mem.f32(dz, time * batch * g4);
    // dz_t [U^T, W^T] of one step, `[batch, u + inputDim]`.
    const back = mem.f32(at.back, temp.back);
    // dL/d(h_t m) and dL/dC_t flowing back from step t + 1: zero at the last step.
    mem.f32(at.dhRec, n).fill(0);
    mem.f32(at.dcA, n).fill(0);
    // dL/dh_t in time-major order.
    const dy = mem.f32(at.dy, temp.dy);
    if (lastOnly) dy.set(dyIn);
    else {
      for (let t = 0; t < time; t++) {
        for (let b = 0; b < batch; b++)
          dy.set(dyIn.subarray((b * time + t) * u, (b * time + t + 1) * u), t * n + b * u);
      }
    }
    let [dcNext, dcPrev] = [at.dcA, at.dcB];
    for (let t = time - 1; t >= 0; t--) {
      const state = 4 * t * n; // bytes
      const dyt = lastOnly ? (t === time - 1 ? at.dy : saved.zeros) : at.dy + state;
      const cPrev = t > 0 ? saved.cs + state - 4 * n : saved.zeros;
      const dzt = dz + 4 * state;
      mem.backward({
        gates: saved.gates + 4 * state,
        tc: saved.tcs + state,
        cPrev,
        dy: dyt,
        dhRec: at.dhRec,
        mask: saved.mask,
        dcNext,
        dcPrev,
        dz: dzt,
        rows: batch,
        units: u,
      });
      [dcNext, dcPrev] = [dcPrev, dcNext];
      // dL/d(h_{t-1} m) = dz_t U^T (the mask is applied when it is added in at step t - 1) and
      // dL/dx_t = dz_t W^T.
      productInto(
        'BatchMatMul',
        dzView.subarray(t * batch * g4, (t + 1) * batch * g4),
        batch,
        weightsT,
        {},
        MATMUL,
        back,
      );
      mem.output({
        back: at.back,
        dhRec: at.dhRec,
        dx: dx + 4 * t * inputDim,
        dxStride: time * inputDim,
        inMask: saved.inMask,
        rows: batch,
        units: u,
        inputDim,
      });
    }
  } finally {
    giveAll(mem, at, temp);
  }
}

/**
 * The fused LSTM as a differentiable function of `x` `[batch, time, inputDim]`, W, U and b, with
 * the dropout `masks` of a training call. Returns h, `[batch, time, u]` or `[batch, u]`.
 */
function fusedLstmOp(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  masks: Masks,
  returnSequences: boolean,
): tf.Tensor {
  const [batch, time, inputDim] = x.shape;
  const units = recurrentKernel.shape[0];
  const sizes: Sizes = { batch, time, units, inputDim, n: batch * units };
  const bt = batch * time;
  const mem = scratch();
  const op = tf.customGrad((...args) => {
    const [xIn, w, r, bIn] = args.slice(0, 4) as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const save = args[4] as unknown as (tensors: tf.Tensor[]) => void;
    const distinct = distinctRowsFor(xIn, units, masks.input !== null);
    // [U; W] (or U and W apart) and b with the C~ block doubled (see forwardLoop).
    const [weights, biasDoubled] = tf.tidy((): [LoopWeights, tf.Tensor1D] => {
      const doubled = tf.tensor1d(gateScale(units));
      const scaled = (m: tf.Tensor2D) => tf.reshape(tf.mul(m, doubled), [1, m.shape[0], 4 * units]) as tf.Tensor3D;
      return [
        distinct ? { recurrent: scaled(r), input: scaled(w) } : { stacked: scaled(tf.concat([r, w], 0)) },
        tf.mul(bIn, doubled) as tf.Tensor1D,
      ];
    });
    const kept = savedSizes(sizes, distinct);
    const saved: Saved = takeAll(mem, kept);
    let value: tf.Tensor;
    try {
      forwardLoop(mem, saved, xIn, weights, biasDoubled, masks, sizes, distinct);
      value = outputOf(mem.f32(saved.hs, time * sizes.n), returnSequences, sizes);
    } catch (e) {
      // No backward pass will come for a forward pass that failed.
      giveAll(mem, saved, kept);
      throw e;
    } finally {
      tf.dispose([...Object.values(weights), biasDoubled]); // only the loop uses them
    }
    // Outside a gradient recording no backward pass will come for the saved arrays.
    if (tf.engine().state.gradientDepth === 0) giveAll(mem, saved, kept);
    save([w, r]);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], keptTensors: tf.Tensor[]) => {
      const [wK, rK] = keptTensors as [tf.Tensor2D, tf.Tensor2D];
      const dyData = (Array.isArray(dy) ? dy[0]! : dy).dataSync() as Float32Array;
      // The WASM backend multiplies by a transposed operand about ten times slower than by a
      // transposed copy (measured: 44 ms against 4 ms for dZ W^T), so every transpose is explicit.
      const weightsT = tf.tidy(() => {
        const t = tf.transpose(tf.concat([rK, wK], 0));
        return tf.reshape(t, [1, 4 * units, units + inputDim]) as tf.Tensor3D;
      });
      const out = { dz: bt * 4 * units, dx: bt * inputDim, sums: distinct ? distinct.count * 4 * units : 0 };
      const at = takeAll(mem, out);
      try {
        backwardLoop(mem, saved, at.dz, dyData, !returnSequences, weightsT, at.dx, sizes);
        if (distinct) {
          // S: the sum of dz_t over the steps that read each distinct row.
          mem.f32(at.sums, out.sums).fill(0);
          mem.addRows({ table: at.sums, src: at.dz, ids: saved.rowIds, rows: bt, width: 4 * units });
        }
        const grads = tf.tidy(() => {
          // Views of the scratch memory: the cpu backend keeps a typed array as the tensor's data,
          // so it gets a copy.
          const view = (offset: number, size: number) => {
            const values = mem.f32(offset, size);
            return tf.getBackend() === 'wasm' ? values : values.slice();
          };
          const dx = tf.tensor3d(view(at.dx, out.dx), [batch, time, inputDim]);
          const g4 = 4 * units;
          const rows = kept.inputsT / bt;
          // A^T dZ, block by block of steps (see fusedLstmTuning); the blocks of dZ are rows of its
          // time-major array, read straight from the scratch memory (tf.slice copies through
          // JavaScript on the WASM backend).
          const product = sumOf(
            stepBlocks(sizes, rows).map(({ first, steps, offset }) => {
              const cols = steps * batch;
              const inputsT = tf.tensor2d(view(saved.inputsT + 4 * offset, rows * cols), [rows, cols]);
              return tf.matMul(inputsT, tf.tensor2d(view(at.dz + 4 * first * batch * g4, cols * g4), [cols, g4]));
            }),
          );
          if (!distinct) {
            // All three weight gradients in one sum over every (step, sequence) row: [dU; dW; db] = A^T dZ.
            const [dr, dw, db] = tf.split(product, [units, inputDim, 1], 0);
            return [dx, dw!, dr!, tf.reshape(db!, [g4])];
          }
          // [dU; db] = A^T dZ over the steps' h_{t-1} m and 1s, and dW = Xd^T S over the distinct
          // rows, in blocks of rows as A^T dZ.
          const [dr, db] = tf.split(product, [units, 1], 0);
          const dw = sumOf(
            runsOf(distinct.count, fusedLstmTuning.gradientBlockRows).map(({ first, length }) => {
              const xd = tf.tensor2d(view(saved.xd + 4 * first * inputDim, length * inputDim), [length, inputDim]);
              const sums = tf.tensor2d(view(at.sums + 4 * first * g4, length * g4), [length, g4]);
              return tf.matMul(tf.transpose(xd), sums);
            }),
          );
          return [dx, dw, dr!, tf.reshape(db!, [g4])];
        });
        return grads;
      } finally {
        // The saved arrays and this pass's scratch go back even when the pass throws.
        weightsT.dispose(); // only the loop uses it
        giveAll(mem, at, out);
        giveAll(mem, saved, kept);
      }
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}

/** The sum of one or more tensors of one shape. */
const sumOf = (parts: tf.Tensor[]): tf.Tensor => (parts.length > 1 ? tf.addN(parts) : parts[0]!);

/** The layer's output from h of every step `[time, batch, u]`: all of it in input order, or the last step. */
function outputOf(hs: Float32Array, returnSequences: boolean, { batch, time, units, n }: Sizes): tf.Tensor {
  if (!returnSequences) return tf.tensor2d(hs.slice((time - 1) * n, time * n), [batch, units]);
  const out = new Float32Array(batch * time * units);
  for (let t = 0; t < time; t++) {
    for (let b = 0; b < batch; b++)
      out.set(hs.subarray(t * n + b * units, t * n + (b + 1) * units), (b * time + t) * units);
  }
  return tf.tensor3d(out, [batch, time, units]);
}

/** `[4u]`: 1 on the i, f and o blocks, 2 on the C~ block. */
function gateScale(units: number): Float32Array {
  const out = new Float32Array(4 * units).fill(1);
  out.fill(2, 2 * units, 3 * units);
  return out;
}

const FUSED_CLASS_NAME = 'FusedLSTM';

type LayerArgs = ConstructorParameters<typeof tf.layers.Layer>[0];
type Kwargs = Record<string, unknown>;

/**
 * An LSTM layer computing exactly what `tf.layers.lstm({recurrentActivation: 'sigmoid'})` does,
 * with the same weights (kernel `[inputDim, 4u]`, recurrent kernel `[u, 4u]`, bias `[4u]`, gate
 * order i, f, C~, o), in far fewer kernel calls. Input `[batch, time, inputDim]`; output
 * `[batch, time, units]` with `returnSequences`, else `[batch, units]`.
 *
 * It serialises as a standard `LSTM` layer, so that a saved model loads in plain tfjs as
 * `tf.layers.lstm`; {@link loadFusedModel} loads it back with this layer.
 */
export class FusedLstm extends tf.layers.Layer {
  /** The name this class is registered under, so that {@link loadFusedModel} can find it. */
  static className = FUSED_CLASS_NAME;
  readonly units: number;
  readonly returnSequences: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed: number;
  readonly unitForgetBias: boolean;
  private kernel: tf.LayerVariable | null = null;
  private recurrentKernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;
  private readonly rand: () => number;

  constructor(args: FusedLstmArgs) {
    const { units, returnSequences = false, dropout = 0, recurrentDropout = 0, seed = 1, unitForgetBias = true } = args;
    super({
      name: args.name ?? uniqueLstmName(),
      inputShape: args.inputShape,
      batchInputShape: args.batchInputShape,
      trainable: args.trainable,
    } as LayerArgs);
    if (!Number.isInteger(units) || units < 1)
      throw new Error(`FusedLstm: units must be a positive integer, got ${units}.`);
    for (const [key, rate] of [
      ['dropout', dropout],
      ['recurrentDropout', recurrentDropout],
    ] as const) {
      if (!(rate >= 0 && rate < 1)) throw new Error(`FusedLstm: ${key} must be in [0, 1), got ${rate}.`);
    }
    this.units = units;
    this.returnSequences = returnSequences;
    this.dropout = dropout;
    this.recurrentDropout = recurrentDropout;
    this.seed = seed;
    this.unitForgetBias = unitForgetBias;
    this.rand = dropoutStream(seed);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1];
    if (inputDim == null) throw new Error('FusedLstm: the last input dimension must be known.');
    const u = this.units;
    // Seeded Glorot-uniform kernel and orthonormal recurrent kernel in milliseconds (init.ts);
    // tfjs's orthogonal initialiser takes seconds.
    const init = initLstmWeights({ inputDim, units: u, seed: this.seed, unitForgetBias: this.unitForgetBias });
    const zeros = tf.initializers.zeros();
    this.kernel = this.addWeight('kernel', [inputDim, 4 * u], 'float32', zeros);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [u, 4 * u], 'float32', zeros);
    this.bias = this.addWeight('bias', [4 * u], 'float32', zeros);
    tf.tidy(() => {
      this.kernel!.write(tf.tensor2d(Float32Array.from(init.kernel), [inputDim, 4 * u]));
      this.recurrentKernel!.write(tf.tensor2d(Float32Array.from(init.recurrentKernel), [u, 4 * u]));
      this.bias!.write(tf.tensor1d(Float32Array.from(init.bias)));
    });
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return this.returnSequences ? [shape[0]!, shape[1]!, this.units] : [shape[0]!, this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D;
      const [batch, , inputDim] = x.shape;
      const training = kwargs['training'] === true;
      // Drawn in this order (input, then recurrent) from the layer's stream; applied in the op.
      const masks: Masks = {
        input: training && this.dropout > 0 ? dropoutMask(batch, inputDim, this.dropout, this.rand) : null,
        recurrent:
          training && this.recurrentDropout > 0
            ? dropoutMask(batch, this.units, this.recurrentDropout, this.rand)
            : null,
      };
      return fusedLstmOp(
        x,
        this.kernel!.read() as tf.Tensor2D,
        this.recurrentKernel!.read() as tf.Tensor2D,
        this.bias!.read() as tf.Tensor1D,
        masks,
        this.returnSequences,
      );
    });
  }

  /** Saved as a standard LSTM: plain tfjs loads the model without knowing this class. */
  override getClassName(): string {
    return 'LSTM';
  }

  /** The config of a standard `tf.layers.lstm` with recurrentActivation 'sigmoid'. */
  override getConfig(): tf.serialization.ConfigDict {
    const glorot = { className: 'GlorotUniform', config: { seed: this.seed } };
    return {
      ...super.getConfig(),
      units: this.units,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      useBias: true,
      kernelInitializer: glorot,
      recurrentInitializer: { className: 'Orthogonal', config: { gain: 1, seed: this.seed } },
      biasInitializer: { className: 'Zeros', config: {} },
      unitForgetBias: this.unitForgetBias,
      kernelRegularizer: null,
      recurrentRegularizer: null,
      biasRegularizer: null,
      activityRegularizer: null,
      kernelConstraint: null,
      recurrentConstraint: null,
      biasConstraint: null,
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      implementation: 2,
      returnSequences: this.returnSequences,
      returnState: false,
      goBackwards: false,
      stateful: false,
      unroll: false,
      // Not a tfjs option: plain tfjs ignores it, loadFusedModel reads it back.
      seed: this.seed,
    };
  }

  /** Builds the layer from a saved standard `LSTM` config; throws on options it does not support. */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const c = config as Record<string, unknown>;
    if (c['recurrentActivation'] !== 'sigmoid' || (c['activation'] ?? 'tanh') !== 'tanh') {
      throw new Error('FusedLstm: only activation tanh with recurrentActivation sigmoid can be fused.');
    }
    for (const key of ['returnState', 'goBackwards', 'stateful']) {
      if (c[key] === true) throw new Error(`FusedLstm: ${key} is not supported.`);
    }
    const args: FusedLstmArgs = {
      units: c['units'] as number,
      returnSequences: c['returnSequences'] === true,
      dropout: (c['dropout'] as number | undefined) ?? 0,
      recurrentDropout: (c['recurrentDropout'] as number | undefined) ?? 0,
      seed: (c['seed'] as number | undefined) ?? 1,
      unitForgetBias: c['unitForgetBias'] !== false,
      name: c['name'] as string,
      batchInputShape: c['batchInputShape'] as (number | null)[] | undefined,
      trainable: c['trainable'] as boolean | undefined,
    };
    return new (cls as unknown as new (a: FusedLstmArgs) => T)(args);
  }
}

tf.serialization.registerClass(FusedLstm);

let lstmCount = 0;

// tfjs names an unnamed LSTM `lstm_LSTM1`, `lstm_LSTM2`...; a name of the same form keeps a
// saved model's weight names looking like those of a standard one.
function uniqueLstmName(): string {
  lstmCount++;
  return `lstm_Fused${lstmCount}`;
}

/**
 * A {@link FusedLstm} layer, in the style of `tf.layers.lstm`: x `[batch, time, inputDim]` in, h
 * `[batch, units]` out, or `[batch, time, units]` with `returnSequences`.
 */
export function fusedLstm(args: FusedLstmArgs): FusedLstm {
  return new FusedLstm(args);
}

/**
 * Loads a saved model (from any `tf.io` handler) with every `LSTM` layer as a
 * {@link FusedLstm}. The same files load in plain tfjs, with `tf.loadLayersModel`, as
 * standard `tf.layers.lstm` layers.
 */
export async function loadFusedModel(handler: tf.io.IOHandler): Promise<tf.LayersModel> {
  if (!handler.load) throw new Error('loadFusedModel: the handler cannot load.');
  const artifacts = await handler.load();
  // tfjs 4.22 cannot swap a class through customObjects (Sequential.fromConfig drops them), so
  // the topology names the registered FusedLSTM class instead.
  const modelTopology = renameLstm(artifacts.modelTopology);
  return tf.loadLayersModel(
    tf.io.fromMemory({ ...artifacts, modelTopology: modelTopology as tf.io.ModelArtifacts['modelTopology'] }),
  );
}

// A deep copy of a saved topology with class name LSTM replaced by FusedLSTM.
function renameLstm(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(renameLstm);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = (key === 'class_name' || key === 'className') && value === 'LSTM' ? FUSED_CLASS_NAME : renameLstm(value);
  }
  return out;
}
