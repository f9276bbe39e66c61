/**
 * What a training run will cost on the reader's own machine, said before it starts: a few
 * batches of the chosen model are timed on the loaded reviews (in the training worker, so the
 * page stays responsive), and an epoch is those batches times the epoch's count plus its
 * validation pass. The estimate is honest only about this machine and this moment: the first
 * epoch's own rate replaces it once training runs.
 */
import * as tf from '@tensorflow/tfjs';
import type { RankedReviews, SequenceView } from '../../data/views.ts';
import { duration } from '../../data/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { batchOf, predictProbabilities } from './train.ts';
import { SENTIMENT_WORDS } from './sentiment.words.ts';

/** Seconds measured for one training batch and for predicting one review (validation). */
export interface BatchTiming {
  secondsPerBatch: number;
  secondsPerReview: number;
}

/** The size of a run: how many reviews train and validate, in batches of `batchSize`. */
export interface RunSize {
  trainCount: number;
  validationCount: number;
  batchSize: number;
}

/** Seconds of one epoch: every training batch, then the validation pass. */
export function epochSeconds(timing: BatchTiming, size: RunSize): number {
  const batches = Math.ceil(size.trainCount / size.batchSize);
  return batches * timing.secondsPerBatch + size.validationCount * timing.secondsPerReview;
}

/**
 * The form's sentence on cost: an epoch, this run of `epochs`, and, when the run is a shortened
 * preset, its full run of `fullEpochs` under the preset's `name`.
 */
export function costSentence(
  timing: BatchTiming,
  size: RunSize,
  epochs: number,
  full: { name: string; epochs: number } | null,
  locale: Locale = 'en',
): string {
  const w = SENTIMENT_WORDS[locale];
  const epoch = epochSeconds(timing, size);
  const run = w.cost({
    epoch: duration(epoch, locale),
    epochs: w.epochs(epochs, String(epochs)),
    run: duration(epoch * epochs, locale),
  });
  const article =
    full && full.epochs !== epochs
      ? w.costArticle(w.epochs(full.epochs, String(full.epochs)), full.name, duration(epoch * full.epochs, locale))
      : '';
  return w.costSentence(run, article);
}

/**
 * Times `timed` training batches of `model` after `warmup` untimed ones (which compile the
 * kernels and fill the caches), then one prediction of `predictRows` reviews after an untimed
 * one. The model's weights change: time a model built for the purpose, and dispose of it after.
 */
export async function timeBatches(
  model: tf.LayersModel,
  reviews: RankedReviews,
  indices: Int32Array,
  view: SequenceView,
  {
    batchSize,
    warmup = 2,
    timed = 3,
    predictRows = 250,
  }: { batchSize: number; warmup?: number; timed?: number; predictRows?: number },
): Promise<BatchTiming> {
  const train = batchOf(reviews, indices.subarray(0, batchSize), view);
  const rows = indices.subarray(0, predictRows);
  // The validation pass's own path (the fused prediction where the model allows it).
  const predictOnce = () => predictProbabilities(model, reviews, rows, view);
  try {
    for (let k = 0; k < warmup; k++) await model.trainOnBatch(train.x, train.y);
    let started = performance.now();
    for (let k = 0; k < timed; k++) await model.trainOnBatch(train.x, train.y);
    const secondsPerBatch = (performance.now() - started) / 1000 / timed;
    await predictOnce();
    started = performance.now();
    await predictOnce();
    return { secondsPerBatch, secondsPerReview: (performance.now() - started) / 1000 / rows.length };
  } finally {
    tf.dispose([train.x, train.y]);
  }
}
