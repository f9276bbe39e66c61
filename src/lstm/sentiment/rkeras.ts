/**
 * The `r-keras` reference model of the R article (Embedding 20000 x 128 -> LSTM 64 with dropout
 * and recurrent dropout 0.2 -> Dense(1, sigmoid); Adam, binary cross-entropy, batch 32, maxlen
 * 80) built with either tfjs's own LSTM layer or the kit's fused one, and the batching both
 * training loops share (Node scripts and the browser alike).
 */
import * as tf from '@tensorflow/tfjs';
import { encodeReviews, R_KERAS_VIEW, type RankedReviews } from '../../data/index.ts';
import { adamOptimizer } from '../fast/one-pass-adam.ts';
import { mulberry32 } from '../cell/random.ts';
import { lstmClassifier } from './model.ts';

/** The preset's sizes, and the arithmetic of one epoch (forward and backward) for reports. */
export const R_KERAS = { batch: 32, units: 64, embedding: 128, gflopPerEpoch: 590 } as const;

/** Options of {@link rKerasModel}. */
export interface RKerasOptions {
  /** 'stock' is `tf.layers.lstm`; 'fused' is the kit's FusedLstm (same weights and maths). */
  lstm: 'stock' | 'fused';
  /**
   * 'stock' is `tf.train.adam`; 'fast' is the kit's one-pass Adam (fast/one-pass-adam.ts), the same maths
   * in one kernel per variable (default 'stock').
   */
  optimizer?: 'stock' | 'fast';
  /** Embedding rows (numWords of the view). */
  vocabulary?: number;
  /** Sequence length. */
  maxlen?: number;
  /** Seeds the initial weights, so that two builds start equal. */
  seed?: number;
}

/** The compiled `r-keras` model, built by {@link lstmClassifier}: ids `[batch, maxlen]` in, p `[batch, 1]` out. */
export function rKerasModel({
  lstm,
  optimizer = 'stock',
  vocabulary = R_KERAS_VIEW.numWords!,
  maxlen = R_KERAS_VIEW.maxlen!,
  seed = 7,
}: RKerasOptions): tf.Sequential {
  return lstmClassifier({
    vocabulary,
    embedding: R_KERAS.embedding,
    maxlen,
    lstm: [R_KERAS.units],
    dropout: 0.2,
    recurrentDropout: 0.2,
    implementation: lstm,
    seed,
    optimizer: optimizer === 'fast' ? adamOptimizer(tf, 0.001) : tf.train.adam(0.001),
  });
}

/** A seeded permutation of 0..n-1 (Fisher-Yates), the order of one epoch. */
export function permutation(n: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const out = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Batch `k` of `order` as tensors `[rows, maxlen]` int32 and `[rows, 1]`; the caller disposes them. */
export function batchTensors(
  split: RankedReviews,
  order: Int32Array,
  k: number,
  size: number = R_KERAS.batch,
): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const indices = order.subarray(k * size, Math.min(order.length, (k + 1) * size));
  const { x, y, shape } = encodeReviews(split, R_KERAS_VIEW, indices);
  return { x: tf.tensor2d(x, shape, 'int32'), y: tf.tensor2d(y, [shape[0], 1]) };
}

/** What {@link timeBatches} measured. */
export interface BatchTimes {
  /** Milliseconds of each timed batch. */
  times: number[];
  tensorsBefore: number;
  tensorsAfter: number;
  /** The loss of the last batch. */
  loss: number;
}

/** Options of {@link timeBatches} and {@link timeInterleaved}. */
export interface TimingOptions {
  /** Untimed batches first (default 3). */
  warmup?: number;
  /** Timed batches (default 20). */
  batches?: number;
  /** Timed batches in a row per model, in {@link timeInterleaved} (default 5). */
  block?: number;
  /** Runs after every batch (to sample memory, say). */
  sample?: () => void;
  /** Batch `k` of `order` as tensors (default: {@link batchTensors}, r-keras's batches). */
  batchOf?: (order: Int32Array, k: number) => { x: tf.Tensor2D; y: tf.Tensor2D };
}

/**
 * Trains `batches` batches after `warmup` untimed ones, timing each in milliseconds; `sample` runs
 * after every batch.
 */
export async function timeBatches(
  model: tf.LayersModel,
  split: RankedReviews,
  order: Int32Array,
  options: TimingOptions = {},
): Promise<BatchTimes> {
  return (await timeInterleaved([{ model }], split, order, options))[0]!;
}

/** One model of {@link timeInterleaved}; `before` runs before each of its batches (to switch kernels, say). */
export interface TimedModel {
  model: tf.LayersModel;
  before?: () => void;
}

/**
 * Trains several models on the same batches and times them, taking turns: `warmup` untimed
 * batches each, then rounds in which each model trains one untimed batch and `block` timed ones.
 * A change in the machine's load (other processes on a shared machine) then falls on every model
 * alike, so that their ratios hold even when the absolute times drift; the untimed batch at the
 * start of each turn brings the model's weights back into the caches that the other models used,
 * as they are when one model trains alone. Every model sees the same batches in the same order.
 * Tensor counts are taken before each model's first timed batch and after its last.
 */
export async function timeInterleaved(
  models: readonly TimedModel[],
  split: RankedReviews,
  order: Int32Array,
  {
    warmup = 3,
    batches = 20,
    block = 5,
    sample = () => {},
    batchOf = (o: Int32Array, k: number) => batchTensors(split, o, k),
  }: TimingOptions = {},
): Promise<BatchTimes[]> {
  const results: BatchTimes[] = models.map(() => ({ times: [], tensorsBefore: 0, tensorsAfter: 0, loss: NaN }));
  // Runs batch k of `order` on model n; returns its milliseconds.
  const train = async (n: number, k: number): Promise<number> => {
    const { model, before } = models[n]!;
    before?.();
    const { x, y } = batchOf(order, k);
    const start = performance.now();
    const values = (await model.trainOnBatch(x, y)) as number[];
    const ms = performance.now() - start;
    tf.dispose([x, y]); // each batch is used once
    results[n]!.loss = values[0]!;
    sample();
    return ms;
  };
  for (let k = 0; k < warmup; k++) for (let n = 0; n < models.length; n++) await train(n, k);
  // Alone, a model has nobody to share the caches with: no untimed batch per turn.
  const rewarm = models.length > 1 ? 1 : 0;
  let next = warmup;
  while (results[0]!.times.length < batches) {
    const timed = Math.min(block, batches - results[0]!.times.length);
    for (let n = 0; n < models.length; n++) {
      const result = results[n]!;
      if (rewarm) await train(n, next); // untimed: back into the caches
      if (result.times.length === 0) result.tensorsBefore = tf.memory().numTensors;
      for (let k = 0; k < timed; k++) result.times.push(await train(n, next + rewarm + k));
      result.tensorsAfter = tf.memory().numTensors;
    }
    next += rewarm + timed;
  }
  return results;
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
