/**
 * Missing data: what the padding zeros do to a trained sentiment model. A short review is padded
 * to `maxlen` with zeros before it ('pre', Keras' default and how the kit trains) or after it
 * ('post'), and the model's prediction is read after every step, p_t = σ(w · h_t + b), with the
 * trained weights: the zeros are inputs like any word (id 0 has its own embedding row), so
 * every zero step moves the state.
 *
 * Keras' `Embedding(mask_zero = True)` would make the LSTM skip the zeros (carry h and C through
 * them unchanged). The reference models do not use it; what it would give is the prediction
 * after the review's last word with no padding at all, read here from the 'post' row.
 */
import * as tf from '@tensorflow/tfjs';
import { padSequence } from '../../data/pad.ts';
import type { WeightArrays } from './length-study.ts';
import { embeddingRows, lstmClassifier } from './model.ts';
import type { SentimentSettings } from './presets.ts';

/**
 * The classifier of `settings` with every LSTM layer returning its whole sequence and the Dense
 * sigmoid applied at every step: its output `[batch, maxlen, 1]` holds p_t after each step, and
 * its last step is the trained model's prediction. Holds `weights` (from the trained model, in
 * `getWeights()` order). Built by {@link lstmClassifier} with `everyStep`, without dropout. The caller
 * disposes it.
 */
export function stepwiseModel(
  settings: Readonly<SentimentSettings>,
  vocabularySize: number,
  weights: readonly WeightArrays[],
): tf.Sequential {
  const model = lstmClassifier({
    vocabulary: embeddingRows(settings, vocabularySize),
    embedding: settings.embedding,
    maxlen: settings.maxlen,
    lstm: settings.lstm,
    everyStep: true,
    seed: null, // the trained weights replace the initial ones at once
  });
  const shapes = model.getWeights().map((w) => String(w.shape));
  if (shapes.length !== weights.length || shapes.some((s, k) => s !== String(weights[k]!.shape))) {
    model.dispose();
    throw new Error('the weights do not fit the model of these settings');
  }
  const tensors = weights.map((w) => tf.tensor(w.data, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors); // copied into the model's variables
  return model;
}

/** A review padded both ways and the prediction after every step of each. */
export interface PaddingTrace {
  maxlen: number;
  /** The review's ids before padding (start marker included in the imdb layout). */
  ids: Int32Array;
  /** The 'pre' and 'post' rows the model reads, `[maxlen]` each (truncated 'pre' if too long). */
  preRow: Int32Array;
  postRow: Int32Array;
  /** p_t after each step t = 1..maxlen of each row. */
  pre: Float32Array;
  post: Float32Array;
}

/** Runs both paddings of `ids` (`[length]`) through a {@link stepwiseModel} in one batch `[2, maxlen]`. */
export async function paddingTrace(model: tf.LayersModel, ids: Int32Array, maxlen: number): Promise<PaddingTrace> {
  const preRow = padSequence(ids, { maxlen, padding: 'pre' });
  const postRow = padSequence(ids, { maxlen, padding: 'post' });
  const x = tf.tensor2d([...preRow, ...postRow], [2, maxlen], 'int32');
  const p = tf.tidy(() => model.predict(x) as tf.Tensor);
  const values = (await p.data()) as Float32Array;
  tf.dispose([x, p]);
  return {
    maxlen,
    ids,
    preRow,
    postRow,
    pre: values.slice(0, maxlen),
    post: values.slice(maxlen, 2 * maxlen),
  };
}

/** The numbers a reader compares. */
export interface PaddingSummary {
  /** Ids of the review that fit in the row. */
  kept: number;
  /** Zeros added. */
  zeros: number;
  /** The model's answer with 'pre' padding (how it was trained). */
  pre: number;
  /** The model's answer with 'post' padding. */
  post: number;
  /**
   * The answer with the zeros skipped (as `mask_zero` would give): p after the last word,
   * unpadded; NaN for a review without a single id.
   */
  masked: number;
  /** With 'pre' padding, p after the zeros alone, before the first word; null without zeros. */
  zerosOnly: number | null;
}

/** Reads the key numbers off a {@link PaddingTrace}. */
export function summarizePadding(trace: PaddingTrace): PaddingSummary {
  const { maxlen, ids, pre, post } = trace;
  const kept = Math.min(ids.length, maxlen);
  const zeros = maxlen - kept;
  return {
    kept,
    zeros,
    pre: pre[maxlen - 1]!,
    post: post[maxlen - 1]!,
    // The 'post' row starts with the review, from the zero state: its step `kept` is the unpadded run.
    masked: kept > 0 ? post[kept - 1]! : Number.NaN,
    zerosOnly: zeros > 0 ? pre[zeros - 1]! : null,
  };
}
