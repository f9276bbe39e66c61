/**
 * The training loop of chapter 5, shared by the browser's training worker and `npm run train`:
 * epochs of shuffled batches through `model.trainOnBatch`, a validation pass after each epoch,
 * and callbacks in Keras' order (train begin, then per epoch: epoch begin, batch end..., epoch
 * end; then train end). Between batches it asks its control whether to stop and waits while
 * paused, so a page can pause, resume and stop it; an epoch-end callback may be async (the
 * checkpoint is saved there) and the loop waits for it.
 *
 * The order of epoch e is a seeded permutation (seed + e), so a run resumed from a checkpoint
 * after epoch e sees the same batches as one that never stopped.
 */
import * as tf from '@tensorflow/tfjs';
import { encodeReviews, type RankedReviews, type SequenceView } from '../../data/views.ts';
import { fusedPredictor } from '../fast/fused-predict.ts';
import { binaryMetrics, type BinaryMetrics } from './metrics.ts';
import { permutation } from './rkeras.ts';

/** The reviews to train on and to validate on, as indices into their splits. */
export interface TrainingData {
  train: RankedReviews;
  trainIndices: Int32Array;
  /** Null: no validation pass. */
  validation: RankedReviews | null;
  validationIndices: Int32Array | null;
}

/** What is known when training begins. */
export interface TrainBegin {
  startEpoch: number;
  epochs: number;
  batchesPerEpoch: number;
  trainCount: number;
  validationCount: number;
}

/** One batch's numbers, as Keras logs them (the running means of the epoch so far). */
export interface BatchLog {
  /** 0-based epoch. */
  epoch: number;
  /** 0-based batch within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** This batch's loss and accuracy. */
  loss: number;
  accuracy: number;
  /** Mean loss and accuracy over the epoch so far. */
  meanLoss: number;
  meanAccuracy: number;
  /** Seconds of training in this epoch so far (pauses excluded). */
  seconds: number;
}

/** One epoch's numbers. */
export interface EpochLog {
  epoch: number;
  loss: number;
  accuracy: number;
  /** Null without validation data. */
  valLoss: number | null;
  valAccuracy: number | null;
  /** Seconds of training (without the validation pass and pauses). */
  seconds: number;
}

/** How training ended. */
export interface TrainEnd {
  /** True when the control stopped it before the last epoch ended. */
  stopped: boolean;
  /** Epochs completed, counting those before `startEpoch`. */
  epochsDone: number;
  history: EpochLog[];
  /**
   * With `keepBest`: the epoch (1-based, counting those before `startEpoch`) whose weights the
   * model holds at the end, the one with the best validation accuracy; null otherwise.
   */
  keptEpoch: number | null;
}

/** Called in this order; each may return a promise, which the loop awaits. */
export interface TrainingCallbacks {
  onTrainBegin?(info: TrainBegin): void | Promise<void>;
  onEpochBegin?(epoch: number): void | Promise<void>;
  onBatchEnd?(log: BatchLog): void | Promise<void>;
  onEpochEnd?(log: EpochLog): void | Promise<void>;
  onTrainEnd?(end: TrainEnd): void | Promise<void>;
}

/** Lets the caller pause and stop: both are asked between batches. */
export interface TrainingControl {
  /** True once training should stop (the current batch finishes first). */
  shouldStop(): boolean;
  /** Resolves when training may go on: at once, or when the reader resumes. Also a chance to yield. */
  between?(): Promise<void>;
}

/** Options of {@link trainModel}. */
export interface TrainingOptions {
  view: SequenceView;
  batchSize: number;
  epochs: number;
  /** First epoch to run (0-based): the epochs already in a checkpoint. */
  startEpoch?: number;
  /** Seeds the order of every epoch. */
  seed?: number;
  callbacks?: TrainingCallbacks;
  control?: TrainingControl;
  /**
   * Put back, at the end, the weights of the epoch with the best validation accuracy (Keras'
   * `restore_best_weights`, without stopping early): the model a reader keeps is then the one
   * from before it began to overfit. Needs validation data. After a resume, the checkpoint's
   * own epoch competes with the new ones (its weights are where the run starts).
   */
  keepBest?: boolean;
}

/** A batch of reviews as tensors `[rows, maxlen]` int32 and `[rows, 1]`; the caller disposes them. */
export function batchOf(
  reviews: RankedReviews,
  indices: ArrayLike<number>,
  view: SequenceView,
): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const { x, y, shape } = encodeReviews(reviews, view, indices);
  return { x: tf.tensor2d(x, shape, 'int32'), y: tf.tensor2d(y, [shape[0], 1]) };
}

/**
 * The model's probability of "positive" for each review at `indices`, in batches of `batchSize`.
 * `onProgress` gets the fraction done; `between` runs after each batch (to yield, or to stop by
 * throwing). A model Embedding -> one LSTM -> Dense(1, sigmoid), as r-keras, is computed by the
 * fused prediction (src/lstm/fast/fused-predict.ts: the same values, a third of the arithmetic);
 * any other by `model.predict`.
 */
export async function predictProbabilities(
  model: tf.LayersModel,
  reviews: RankedReviews,
  indices: Int32Array,
  view: SequenceView,
  {
    batchSize = 500,
    onProgress,
    between,
  }: { batchSize?: number; onProgress?: (done: number) => void; between?: () => Promise<void> } = {},
): Promise<Float32Array> {
  const out = new Float32Array(indices.length);
  const fused = fusedPredictor(model);
  try {
    for (let start = 0; start < indices.length; start += batchSize) {
      const rows = indices.subarray(start, Math.min(indices.length, start + batchSize));
      if (fused) {
        const { x, shape } = encodeReviews(reviews, view, rows);
        out.set(fused.predict(x, shape[0]), start);
      } else {
        const { x, y } = batchOf(reviews, rows, view);
        const p = tf.tidy(() => model.predict(x) as tf.Tensor);
        out.set(await p.data(), start);
        tf.dispose([x, y, p]);
      }
      onProgress?.(Math.min(1, (start + rows.length) / indices.length));
      await between?.();
    }
  } finally {
    fused?.dispose();
  }
  return out;
}

/** Metrics of the model on the reviews at `indices` (see src/lstm/sentiment/metrics.ts). */
export async function evaluateModel(
  model: tf.LayersModel,
  reviews: RankedReviews,
  indices: Int32Array,
  view: SequenceView,
  options: Parameters<typeof predictProbabilities>[4] = {},
): Promise<{ probabilities: Float32Array; metrics: BinaryMetrics }> {
  const probabilities = await predictProbabilities(model, reviews, indices, view, options);
  const labels = Uint8Array.from(indices, (i) => reviews.labels[i]!);
  return { probabilities, metrics: binaryMetrics(probabilities, labels) };
}

/** Trains `model` for epochs `startEpoch` to `epochs - 1`; see the file comment. */
export async function trainModel(
  model: tf.LayersModel,
  data: TrainingData,
  options: TrainingOptions,
): Promise<TrainEnd> {
  const { view, batchSize, epochs, startEpoch = 0, seed = 7, callbacks = {}, control, keepBest = false } = options;
  const n = data.trainIndices.length;
  if (n === 0) throw new RangeError('there are no training reviews');
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const history: EpochLog[] = [];
  await callbacks.onTrainBegin?.({
    startEpoch,
    epochs,
    batchesPerEpoch,
    trainCount: n,
    validationCount: data.validationIndices?.length ?? 0,
  });
  const stopped = () => control?.shouldStop() ?? false;
  // The best weights so far (copies, freed at the end) and their epoch, 1-based; 0 = the start.
  const best = { weights: null as tf.Tensor[] | null, epoch: startEpoch, accuracy: -Infinity };
  const canKeep = keepBest && (data.validationIndices?.length ?? 0) > 0;
  if (canKeep && startEpoch > 0) best.weights = model.getWeights().map((w) => w.clone());
  for (let epoch = startEpoch; epoch < epochs; epoch++) {
    await callbacks.onEpochBegin?.(epoch);
    const order = permutation(n, seed + epoch);
    let lossSum = 0;
    let accuracySum = 0;
    let seen = 0;
    let seconds = 0;
    for (let batch = 0; batch < batchesPerEpoch; batch++) {
      await control?.between?.();
      if (stopped()) return end(true);
      const rows = Int32Array.from(
        order.subarray(batch * batchSize, Math.min(n, (batch + 1) * batchSize)),
        (j) => data.trainIndices[j]!,
      );
      const started = performance.now();
      const { x, y } = batchOf(data.train, rows, view);
      const [loss, accuracy] = (await model.trainOnBatch(x, y)) as number[];
      tf.dispose([x, y]); // each batch is used once
      seconds += (performance.now() - started) / 1000;
      if (!Number.isFinite(loss))
        throw Object.assign(
          new Error(`the loss became ${loss} at epoch ${epoch + 1}, batch ${batch + 1}: lower the learning rate`),
          // For a page to say it in its own edition (src/workers/client.ts, WorkerError).
          { code: 'diverged', values: [loss!, epoch + 1, batch + 1] },
        );
      lossSum += loss! * rows.length;
      accuracySum += accuracy! * rows.length;
      seen += rows.length;
      await callbacks.onBatchEnd?.({
        epoch,
        batch,
        batchesPerEpoch,
        loss: loss!,
        accuracy: accuracy!,
        meanLoss: lossSum / seen,
        meanAccuracy: accuracySum / seen,
        seconds,
      });
    }
    let valLoss: number | null = null;
    let valAccuracy: number | null = null;
    if (data.validation && data.validationIndices?.length) {
      const { metrics } = await evaluateModel(model, data.validation, data.validationIndices, view, {
        ...(control?.between ? { between: control.between } : {}),
      });
      valLoss = metrics.loss;
      valAccuracy = metrics.accuracy;
    }
    const log: EpochLog = { epoch, loss: lossSum / seen, accuracy: accuracySum / seen, valLoss, valAccuracy, seconds };
    history.push(log);
    if (canKeep && valAccuracy !== null && valAccuracy > best.accuracy) {
      tf.dispose(best.weights ?? []);
      best.weights = model.getWeights().map((w) => w.clone());
      best.epoch = epoch + 1;
      best.accuracy = valAccuracy;
    }
    await callbacks.onEpochEnd?.(log);
  }
  return end(false);

  async function end(wasStopped: boolean): Promise<TrainEnd> {
    let keptEpoch: number | null = null;
    if (canKeep && best.weights) {
      model.setWeights(best.weights); // copies the values into the model's variables
      tf.dispose(best.weights);
      keptEpoch = best.epoch;
    }
    const result = { stopped: wasStopped, epochsDone: startEpoch + history.length, history, keptEpoch };
    await callbacks.onTrainEnd?.(result);
    return result;
  }
}
