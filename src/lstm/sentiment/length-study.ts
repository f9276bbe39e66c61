/**
 * Long texts: how a trained sentiment model's accuracy depends on how much of each review it
 * reads. An LSTM applies the same weights W, U, b at every step, so nothing in them depends on
 * the sequence length: the same trained weights go into the same architecture built for another
 * `maxlen`, and the test reviews, padded or cut ('pre', as in training) to that length, are
 * scored again.
 *
 * Runs wherever tfjs runs: the page runs it in a Web Worker
 * (src/workers/length-study/worker.ts), the tests in Node.
 */
import * as tf from '@tensorflow/tfjs';
import type { RankedReviews } from '../../data/views.ts';
import {
  countLonger,
  reviewViewLengths,
  studyFraction,
  subsetReviews,
  type LengthPoint,
  type WeightArrays,
} from './length-cuts.ts';
import { sentimentModel } from './model.ts';
import { settingsView, type SentimentSettings } from './presets.ts';
import { evaluateModel } from './train.ts';

export * from './length-cuts.ts';

/** Copies a model's weights out of tfjs, in `model.getWeights()` order. */
export function weightArrays(model: tf.LayersModel): WeightArrays[] {
  return model.getWeights().map((w) => ({ shape: [...w.shape], data: Float32Array.from(w.dataSync()) }));
}

/**
 * Disposes a model built by {@link modelAtMaxlen} with its optimiser: `sentimentModel` compiles
 * with an optimiser object, which tfjs does not dispose with the model (Adam holds two tensors).
 */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

/**
 * The model of `settings` built for sequences of `maxlen` steps, holding `weights` (from a model
 * of the same settings at any length). Shapes are checked: the weights of another architecture
 * would fail loudly, not silently predict nonsense. The caller disposes it with {@link disposeModel}.
 */
export function modelAtMaxlen(
  settings: Readonly<SentimentSettings>,
  vocabularySize: number,
  weights: readonly WeightArrays[],
  maxlen: number,
): tf.LayersModel {
  const model = sentimentModel({ ...settings, maxlen }, { vocabularySize });
  const own = model.getWeights();
  if (own.length !== weights.length) {
    disposeModel(model);
    throw new Error(`the model has ${own.length} weight arrays, ${weights.length} were given`);
  }
  own.forEach((w, k) => {
    if (String(w.shape) !== String(weights[k]!.shape)) {
      disposeModel(model);
      throw new Error(`weight ${k} is [${weights[k]!.shape}], the model needs [${w.shape}]`);
    }
  });
  const tensors = weights.map((w) => tf.tensor(w.data, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors); // setWeights copies the values into the model's variables
  return model;
}

/** Options of {@link lengthStudy}. */
export interface LengthStudyOptions {
  settings: Readonly<SentimentSettings>;
  vocabularySize: number;
  /** The trained weights, as {@link weightArrays} gives them. */
  weights: readonly WeightArrays[];
  /** The test reviews (or any reviews) as stored ranks and labels. */
  reviews: RankedReviews;
  /** Which reviews to score. */
  indices: Int32Array;
  maxlens: readonly number[];
  /** Reviews per prediction batch (default 250). */
  batchSize?: number;
  /** The share of the whole study done, from 0 to 1, after every batch. */
  onProgress?(fraction: number): void;
  /** Each length as soon as it is measured. */
  onPoint?(point: LengthPoint): void;
  /** Runs after every batch: to yield, or to stop by throwing. */
  between?(): Promise<void>;
}

/** Scores the reviews at every maxlen in turn; see the file comment. */
export async function lengthStudy(options: LengthStudyOptions): Promise<LengthPoint[]> {
  const { settings, vocabularySize, weights, reviews, indices, maxlens, batchSize = 250 } = options;
  if (indices.length === 0) throw new RangeError('there are no reviews to score');
  const subset = subsetReviews(reviews, indices);
  const lengths = reviewViewLengths(subset, settings);
  const longer = countLonger(lengths, maxlens);
  const points: LengthPoint[] = [];
  for (const [k, maxlen] of maxlens.entries()) {
    const started = performance.now();
    const model = modelAtMaxlen(settings, vocabularySize, weights, maxlen);
    try {
      const { metrics } = await evaluateModel(
        model,
        reviews,
        indices,
        { ...settingsView(settings), maxlen },
        {
          batchSize,
          onProgress: (f) => options.onProgress?.(studyFraction(maxlens, k, f)),
          ...(options.between ? { between: options.between } : {}),
        },
      );
      const point: LengthPoint = {
        maxlen,
        count: metrics.count,
        accuracy: metrics.accuracy,
        loss: metrics.loss,
        truncated: longer[k]!,
        seconds: (performance.now() - started) / 1000,
      };
      points.push(point);
      options.onPoint?.(point);
    } finally {
      disposeModel(model);
    }
  }
  return points;
}
