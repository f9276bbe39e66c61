/**
 * The trained classifier as the widgets of chapters 4, 6 and 7 use it: a loaded kit model with
 * its weights read into the kit's layout, its vocabulary ready for encoding, and `predict` on one
 * review. Built by the one trained-model store (trained.ts), which owns and disposes it; the
 * model code is imported only when a page first loads a model, so that pages merely offering
 * the model stay light.
 */
import type * as tf from '@tensorflow/tfjs';
import type { UnitVectorTable } from '../../embedding/cosine';
import type { SequenceView } from '../../data/views';
import type { Vocabulary } from '../../data/vocabulary';
import type { KitModelMetadata, LoadedKitModel } from '../../lstm/sentiment/model-files';
import type { ClassifierWeights, LayerLike } from '../../lstm/sentiment/trace';
import { percent } from '../../data/format';
import type { Locale } from '../../i18n/locales';
import { pageLocale } from '../../i18n/words';
import { fmtInt } from './format';
import { TRAINED_WORDS } from './trained.words';

/** The trained classifier as the widgets of chapters 4, 6 and 7 use it, loaded once per page. */
export interface TrainedClassifier extends LoadedKitModel {
  /** Its weights in the kit's layout, for the kit's own cell (copies: they outlive the model). */
  weights: ClassifierWeights;
  /** Its vocabulary, to encode a review as training did. */
  vocabulary: Vocabulary;
  /** Its data view: layout, num_words, maxlen. */
  view: SequenceView;
  /** "r-keras", "py-keras" or "custom (...)". */
  label: string;
  /** One line for chapter 7's panel: label, maxlen, epochs and the saved test accuracy. */
  description: string;
  /** The tfjs backend that runs `predict`, e.g. "tfjs · WASM (SIMD, 1 thread)". */
  backend: string;
  /** 'reader': trained or loaded by the reader, kept in this browser; 'kit': the site's own model. */
  origin: 'reader' | 'kit';
  /** Counts the models loaded on this page, so that a widget can tell a new one from the last. */
  serial: number;
  /** The embedding table with unit rows `[vocabularySize, dim]`, for cosine neighbours (computed on first use). */
  unitEmbedding(): UnitVectorTable;
  /** `model.predict` on one row of ids `[maxlen]`: the model's probability in [0, 1] that the review is positive. */
  predict(ids: Int32Array): Promise<number>;
}

let serial = 0;

/**
 * The classifier's one-line description: label, maxlen, epochs and the saved test accuracy, in
 * the words `w` (the page's edition by default).
 */
export function describeClassifier(label: string, metadata: KitModelMetadata, w = TRAINED_WORDS.now()): string {
  const { settings, epochsDone, test, keptEpoch } = metadata;
  const epochs =
    keptEpoch === undefined
      ? w.epochs(epochsDone, fmtInt(epochsDone))
      : w.keptEpoch(fmtInt(keptEpoch), fmtInt(epochsDone));
  const score = test ? w.testScore(percent(test.accuracy, 2), fmtInt(test.count)) : '';
  return w.description(label, String(settings.maxlen), epochs, score);
}

/**
 * Wraps a loaded model for the widgets. On failure the model is disposed here, since it never
 * reaches the store.
 */
export async function toClassifier(
  { model, metadata }: LoadedKitModel,
  origin: 'reader' | 'kit' = 'reader',
): Promise<TrainedClassifier> {
  try {
    const [{ loadTf }, { normaliseRows }, { vocabularyFromWords }, { settingsLabel, settingsView }, trace] =
      await Promise.all([
        import('./tf'),
        import('../../embedding/cosine'),
        import('../../data/vocabulary'),
        import('../../lstm/sentiment/presets'),
        import('../../lstm/sentiment/trace'),
      ]);
    const { tf, backend } = await loadTf();
    const weights = trace.classifierWeights(model.layers as unknown as LayerLike[]);
    // The label in the page's edition (settingsLabel takes it last, English by default).
    const label = (settingsLabel as (settings: KitModelMetadata['settings'], locale?: Locale) => string)(
      metadata.settings,
      pageLocale(),
    );
    let unit: UnitVectorTable | null = null;
    return {
      model,
      metadata,
      weights,
      vocabulary: vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0)),
      view: settingsView(metadata.settings),
      label,
      description: describeClassifier(label, metadata),
      backend: backend.label,
      origin,
      serial: ++serial,
      unitEmbedding: () => (unit ??= normaliseRows(weights.embedding)),
      async predict(ids) {
        const out = tf.tidy(() => model.predict(tf.tensor2d(ids, [1, ids.length], 'int32')) as tf.Tensor);
        const values = await out.data();
        // The prediction is read; its tensor is no longer needed.
        out.dispose();
        return values[0]!;
      },
    };
  } catch (error) {
    // Never handed to the store, so disposed here.
    model.dispose();
    throw error;
  }
}
