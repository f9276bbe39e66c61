/**
 * A fused LSTM layer for tfjs: the same model as `tf.layers.lstm` (recurrentActivation
 * 'sigmoid'), the same weights, many times fewer kernel calls.
 *
 * tfjs-layers runs an LSTM as a loop of small ops, and differentiates it by recording every one
 * of them: about 115 kernel calls per timestep for one training batch of `r-keras`, and on the
 * CPU-side backends (cpu, wasm) the cost of a call, not the arithmetic, is where the time goes
 * (DESIGN.md). This layer does the big products as few large matMuls and the rest in plain
 * TypeScript:
 *
 * - forward: the input projection of all timesteps is ONE matMul (`x W + b`); each step then
 *   costs one matMul (`h_{t-1} U`), one add and ONE sigmoid over the whole gate block (the
 *   candidate's tanh comes out of it too, see forwardLoop); the cell update and tanh(C_t) are
 *   plain loops over a typed array;
 * - backward: an analytic backpropagation through time, registered with `tf.customGrad`. Each
 *   step costs one matMul (`dz_t U^T`) and a loop; the weight gradients are ONE big matMul each
 *   at the end, over the stacked `dz_t` and `h_{t-1}` of every step, and the bias gradient is
 *   summed in the loop.
 *
 * One training batch of `r-keras` thus makes about 560 kernel calls instead of about 9,200.
 *
 * The per-step gate arithmetic reads tensors back with `dataSync`, which is free on the cpu and
 * wasm backends (the data already lives in JavaScript or the WASM heap) but would stall a GPU
 * backend at every step: this layer is meant for cpu and wasm.
 *
 * Dropout follows Keras: one input mask `[batch, inputDim]` and one recurrent mask
 * `[batch, units]` per batch, each shared by every timestep. tfjs's own LSTM draws a mask per
 * gate but then multiplies the input (and h_{t-1}) by the first one for all four gates; that is
 * the same as one mask shared by the gates, which is what this layer draws, so the two layers
 * are the same model.
 */
import * as tf from '@tensorflow/tfjs';
import { initLstmWeights } from './init';
import { mulberry32 } from './random';

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

/** What the forward pass keeps for the backward pass, all row-major typed arrays. */
interface Saved {
  /** Gate activations i, f, C~, o per step, `[time, batch, 4u]`. */
  gates: Float32Array;
  /** C_t per step, `[time, batch, u]`. */
  cs: Float32Array;
  /** tanh(C_t) per step, `[time, batch, u]`. */
  tcs: Float32Array;
  /**
   * h_{t-1} times the recurrent mask, stacked and transposed: `[u, batch * time]`, column
   * b * time + t (zero at t = 0), ready to be the left factor of dU = H^T dZ.
   */
  hPrevT: Float32Array;
}

/** Reads a tensor made by `make` into a typed array and frees it (`tidy` frees the rest). */
function readBack(make: () => tf.Tensor): Float32Array {
  const tensor = tf.tidy(make);
  const values = tensor.dataSync() as Float32Array;
  // tidy hands its result back alive; only the values are needed from here on.
  tensor.dispose();
  return values;
}

/**
 * The recurrence after the input projection. `xp` is `x W + b` with its C~ block doubled,
 * `[batch * time, 4u]` in input order (row b * time + t); `recurrentKernel` is U with its C~
 * block doubled, `[u, 4u]`; `recurrentMask` is `[batch, u]` or null. Returns h of every step,
 * `[batch, time, u]`, and what the backward pass needs.
 *
 * Each step is one kernel call for the product and one for a logistic sigmoid over the whole
 * gate block: with the C~ columns doubled, tanh(z) = 2 sigmoid(2z) - 1 comes out of the same
 * call. The backend's vectorised sigmoid is many times faster than Math.exp in a loop.
 */
function forwardLoop(
  xp: Float32Array,
  recurrentKernel: tf.Tensor2D,
  recurrentMask: Float32Array | null,
  batch: number,
  time: number,
  units: number,
): { hs: Float32Array; saved: Saved } {
  const u = units;
  const g4 = 4 * u;
  const bt = batch * time;
  const gates = new Float32Array(time * batch * g4);
  const cs = new Float32Array(time * batch * u);
  const tcs = new Float32Array(time * batch * u);
  const hPrevT = new Float32Array(u * bt);
  const hs = new Float32Array(bt * u);
  // h_{t-1} times the mask, and x_t W + b: reusing them is safe, the tensors made from them are
  // freed within the step.
  const hm = new Float32Array(batch * u);
  const xpt = new Float32Array(batch * g4);
  for (let t = 0; t < time; t++) {
    for (let b = 0; b < batch; b++) xpt.set(xp.subarray((b * time + t) * g4, (b * time + t + 1) * g4), b * g4);
    if (t > 0) {
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < u; j++) {
          const k = b * u + j;
          const v = recurrentMask
            ? hs[(b * time + t - 1) * u + j]! * recurrentMask[k]!
            : hs[(b * time + t - 1) * u + j]!;
          hm[k] = v;
          hPrevT[j * bt + b * time + t] = v;
        }
      }
    }
    const s = readBack(() => {
      const projected = tf.tensor2d(xpt, [batch, g4]);
      // At t = 0, h_{-1} = 0 and z_0 = x_0 W + b.
      const z = t > 0 ? tf.add(tf.matMul(tf.tensor2d(hm, [batch, u]), recurrentKernel), projected) : projected;
      return tf.sigmoid(z);
    });
    for (let b = 0; b < batch; b++) {
      const at = (t * batch + b) * g4;
      const row = b * g4;
      const state = (t * batch + b) * u;
      const prevState = ((t - 1) * batch + b) * u;
      for (let j = 0; j < u; j++) {
        const i = s[row + j]!;
        const f = s[row + u + j]!;
        const g = 2 * s[row + 2 * u + j]! - 1;
        const o = s[row + 3 * u + j]!;
        gates[at + j] = i;
        gates[at + u + j] = f;
        gates[at + 2 * u + j] = g;
        gates[at + 3 * u + j] = o;
        // C_t is rounded to float32 as tfjs stores it, before tanh(C_t) is taken.
        const c = Math.fround((t > 0 ? f * cs[prevState + j]! : 0) + i * g);
        cs[state + j] = c;
        const tc = Math.tanh(c);
        tcs[state + j] = tc;
        hs[(b * time + t) * u + j] = o * tc;
      }
    }
  }
  return { hs, saved: { gates, cs, tcs, hPrevT } };
}

/**
 * Backpropagation through time. `dhs` is dL/dh_t for every step, `[batch, time, u]` (zero where
 * the output was only the last step). Returns dL/dz_t stacked in input order, `[batch * time, 4u]`,
 * and dL/db, `[4u]` (the sum of its rows, added up here rather than by a kernel).
 */
function backwardLoop(
  dhs: ArrayLike<number>,
  saved: Saved,
  recurrentKernelT: tf.Tensor2D,
  recurrentMask: Float32Array | null,
  batch: number,
  time: number,
  units: number,
): { dz: Float32Array; db: Float32Array } {
  const u = units;
  const g4 = 4 * u;
  const { gates, cs, tcs } = saved;
  const dz = new Float32Array(batch * time * g4);
  const db = new Float64Array(g4);
  // dz_t, reused: the tensor made from it is freed within the step.
  const dzt = new Float32Array(batch * g4);
  // dL/d(h_t * m) and dL/dC_t that flow back from step t + 1, zero at the last step.
  let dhRec: ArrayLike<number> = new Float32Array(batch * u);
  let dcNext = new Float32Array(batch * u);
  let dcPrev = new Float32Array(batch * u);
  for (let t = time - 1; t >= 0; t--) {
    for (let b = 0; b < batch; b++) {
      const at = (t * batch + b) * g4;
      const state = (t * batch + b) * u;
      const prevState = ((t - 1) * batch + b) * u;
      const out = (b * time + t) * g4;
      for (let j = 0; j < u; j++) {
        const k = b * u + j;
        const dh = dhs[(b * time + t) * u + j]! + (recurrentMask ? dhRec[k]! * recurrentMask[k]! : dhRec[k]!);
        const i = gates[at + j]!;
        const f = gates[at + u + j]!;
        const g = gates[at + 2 * u + j]!;
        const o = gates[at + 3 * u + j]!;
        const tc = tcs[state + j]!;
        const cPrev = t > 0 ? cs[prevState + j]! : 0;
        const dc = dcNext[k]! + dh * o * (1 - tc * tc);
        dcPrev[k] = dc * f;
        const di = dc * g * i * (1 - i);
        const df = dc * cPrev * f * (1 - f);
        const dg = dc * i * (1 - g * g);
        const dO = dh * tc * o * (1 - o);
        dzt[b * g4 + j] = dz[out + j] = di;
        dzt[b * g4 + u + j] = dz[out + u + j] = df;
        dzt[b * g4 + 2 * u + j] = dz[out + 2 * u + j] = dg;
        dzt[b * g4 + 3 * u + j] = dz[out + 3 * u + j] = dO;
        db[j] += di;
        db[u + j] += df;
        db[2 * u + j] += dg;
        db[3 * u + j] += dO;
      }
    }
    [dcNext, dcPrev] = [dcPrev, dcNext];
    // dL/d(h_{t-1} * m) = dz_t U^T; the mask is applied when it is added in at step t - 1.
    if (t > 0) dhRec = readBack(() => tf.matMul(tf.tensor2d(dzt, [batch, g4]), recurrentKernelT));
  }
  return { dz, db: Float32Array.from(db) };
}

/**
 * The fused LSTM as a differentiable function of `x` `[batch, time, inputDim]` (already
 * multiplied by its input mask), W, U and b. Returns h, `[batch, time, u]` or `[batch, u]`.
 */
function fusedLstmOp(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  recurrentMask: Float32Array | null,
  returnSequences: boolean,
): tf.Tensor {
  const [batch, time, inputDim] = x.shape;
  const units = recurrentKernel.shape[0];
  const op = tf.customGrad((...args) => {
    const [xIn, w, r, bIn] = args.slice(0, 4) as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const save = args[4] as unknown as (tensors: tf.Tensor[]) => void;
    // The C~ block doubled (see forwardLoop), in the projection and in a copy of U.
    const doubled = tf.tensor1d(gateScale(units));
    const xp = readBack(() => tf.mul(tf.add(tf.matMul(tf.reshape(xIn, [batch * time, inputDim]), w), bIn), doubled));
    const r2 = tf.mul(r, doubled);
    const { hs, saved } = forwardLoop(xp, r2 as tf.Tensor2D, recurrentMask, batch, time, units);
    tf.dispose([doubled, r2]); // only the loop uses them
    save([xIn, w, r]);
    const value = returnSequences ? tf.tensor3d(hs, [batch, time, units]) : lastStep(hs, batch, time, units);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], kept: tf.Tensor[]) => {
      const [xK, wK, rK] = kept as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D];
      const dyData = (Array.isArray(dy) ? dy[0]! : dy).dataSync();
      const dhs = returnSequences ? dyData : spreadLastStep(dyData, batch, time, units);
      // The WASM backend multiplies by a transposed operand about ten times slower than by a
      // transposed copy (measured: 44 ms against 4 ms for dZ W^T), so every transpose is explicit.
      const rT = tf.transpose(rK);
      const { dz: dzData, db: dbData } = backwardLoop(dhs, saved, rT, recurrentMask, batch, time, units);
      rT.dispose(); // only the loop uses it
      return tf.tidy(() => {
        const dz = tf.tensor2d(dzData, [batch * time, 4 * units]);
        const xT = tf.transpose(tf.reshape(xK, [batch * time, inputDim]));
        const hPrevT = tf.tensor2d(saved.hPrevT, [units, batch * time]);
        // Each weight gradient is one product over every (sequence, step) row at once.
        const dx = tf.reshape(tf.matMul(dz, tf.transpose(wK)), [batch, time, inputDim]);
        const dw = tf.matMul(xT, dz);
        const dr = tf.matMul(hPrevT, dz);
        const db = tf.tensor1d(dbData);
        return [dx, dw, dr, db];
      });
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}

/** `[4u]`: 1 on the i, f and o blocks, 2 on the C~ block. */
function gateScale(units: number): Float32Array {
  const out = new Float32Array(4 * units).fill(1);
  out.fill(2, 2 * units, 3 * units);
  return out;
}

/** h_T of every sequence, `[batch, u]`, from h of every step `[batch, time, u]`. */
function lastStep(hs: Float32Array, batch: number, time: number, units: number): tf.Tensor2D {
  const out = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++)
    out.set(hs.subarray((b * time + time - 1) * units, (b * time + time) * units), b * units);
  return tf.tensor2d(out, [batch, units]);
}

/** dL/dh_t for every step, `[batch, time, u]`, when only h_T was the output (`dy` `[batch, u]`). */
function spreadLastStep(dy: ArrayLike<number>, batch: number, time: number, units: number): Float32Array {
  const out = new Float32Array(batch * time * units);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < units; j++) out[(b * time + time - 1) * units + j] = dy[b * units + j]!;
  }
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
      let x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D;
      const [batch, , inputDim] = x.shape;
      const training = kwargs['training'] === true;
      if (training && this.dropout > 0) {
        const mask = dropoutMask(batch, inputDim, this.dropout, this.rand);
        x = tf.mul(x, tf.tensor3d(mask, [batch, 1, inputDim]));
      }
      const recurrentMask =
        training && this.recurrentDropout > 0 ? dropoutMask(batch, this.units, this.recurrentDropout, this.rand) : null;
      return fusedLstmOp(
        x,
        this.kernel!.read() as tf.Tensor2D,
        this.recurrentKernel!.read() as tf.Tensor2D,
        this.bias!.read() as tf.Tensor1D,
        recurrentMask,
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

/** A {@link FusedLstm} layer, in the style of `tf.layers.lstm`. */
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
