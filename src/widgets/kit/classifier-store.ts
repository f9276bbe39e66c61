/**
 * The reader's trained classifier as the widgets of chapter 6 (and chapter 4's comparison) use
 * it: loaded once per page from the browser's storage, its weights read into the kit's layout,
 * its vocabulary ready for encoding, and loaded again whenever the trained model changes (a new
 * model trained in chapter 5, model files loaded here, or either in another tab).
 *
 * Not a widget: a module the widgets share, so that a page loads the model once. It also carries
 * the review the review cell has read, for the gate cell below it.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { normaliseRows, type UnitVectorTable } from '../../embedding/cosine';
import type { SequenceView } from '../../data/views';
import { vocabularyFromWords, type Vocabulary } from '../../data/vocabulary';
import type { KitModelMetadata } from '../../lstm/sentiment/model-files';
import type { ReviewSteps } from '../../lstm/sentiment/review-steps';
import { settingsLabel, settingsView } from '../../lstm/sentiment/presets';
import {
  classifierWeights,
  type ClassifierTrace,
  type ClassifierWeights,
  type LayerLike,
} from '../../lstm/sentiment/trace';
import { installModelFromFiles, loadTrainedModel, onTrainedChange, trainedSummary } from './trained';

/** Where chapter 5 trains the model (relative to the site's base). */
export const TRAINING_PATH = 'chapters/05-sentiment-imdb/#cell-train';

/** The link to chapter 5's training, under the site's base path. */
export function trainingHref(): string {
  return `${import.meta.env.BASE_URL}${TRAINING_PATH}`;
}

/** The trained classifier, ready for the widgets. */
export interface TrainedClassifier {
  /** The tfjs model (fused LSTM layers), for `predict`. */
  model: tfjs.LayersModel;
  metadata: KitModelMetadata;
  /** Its weights in the kit's layout, for the kit's own cell. */
  weights: ClassifierWeights;
  /** Its vocabulary, to encode a review as training did. */
  vocabulary: Vocabulary;
  /** Its data view: layout, num_words, maxlen. */
  view: SequenceView;
  /** "r-keras", "py-keras" or "custom (...)". */
  label: string;
  /** The tfjs backend that runs `predict`, e.g. "tfjs · WASM (SIMD, 1 thread)". */
  backend: string;
  /** Counts the models loaded on this page, so that a widget can tell a new one from the last. */
  serial: number;
  /** The embedding table with unit rows, for cosine neighbours (computed on first use). */
  unitEmbedding(): UnitVectorTable;
  /** `model.predict` on one row of ids `[maxlen]`: the model's probability that the review is positive. */
  predict(ids: Int32Array): Promise<number>;
}

/** Where loading stands. */
export type ClassifierStatus =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; classifier: TrainedClassifier };

let status: ClassifierStatus = { kind: 'loading' };
let started = false;
let serial = 0;
let loading = 0;
const listeners = new Set<(status: ClassifierStatus) => void>();

function setStatus(next: ClassifierStatus): void {
  const previous = status;
  status = next;
  for (const listener of listeners) listener(next);
  // Widgets have switched to the new model (or to none): the old one's tensors can go.
  if (previous.kind === 'ready' && (next.kind !== 'ready' || next.classifier !== previous.classifier)) {
    previous.classifier.model.dispose();
  }
}

async function load(): Promise<void> {
  const attempt = ++loading;
  setStatus({ kind: 'loading' });
  try {
    // No summary means no model was ever saved here (installing or training writes one): say so
    // without downloading tfjs, so that pages merely offering the model stay light.
    const loaded = trainedSummary() === null ? null : await loadTrainedModel();
    if (attempt !== loading) {
      loaded?.model.dispose();
      return;
    }
    if (!loaded) {
      setStatus({ kind: 'none' });
      return;
    }
    const { loadTf } = await import('./tf');
    const { tf, backend } = await loadTf();
    const { model, metadata } = loaded;
    let unit: UnitVectorTable | null = null;
    const weights = classifierWeights(model.layers as unknown as LayerLike[]);
    const classifier: TrainedClassifier = {
      model,
      metadata,
      weights,
      vocabulary: vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0)),
      view: settingsView(metadata.settings),
      label: settingsLabel(metadata.settings),
      backend: backend.label,
      serial: ++serial,
      unitEmbedding: () => (unit ??= normaliseRows(weights.embedding)),
      async predict(ids) {
        const out = tf.tidy(() => model.predict(tf.tensor2d(ids, [1, ids.length], 'int32')) as tfjs.Tensor);
        const values = await out.data();
        // The prediction is read; its tensor is no longer needed.
        out.dispose();
        return values[0]!;
      },
    };
    if (attempt !== loading) {
      model.dispose();
      return;
    }
    setStatus({ kind: 'ready', classifier });
  } catch (error) {
    if (attempt === loading) setStatus({ kind: 'error', message: (error as Error).message });
  }
}

/**
 * Calls `listener` now and whenever the classifier changes; the first call on a page starts
 * loading it. Returns the function that stops listening.
 */
export function watchClassifier(listener: (status: ClassifierStatus) => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    onTrainedChange(() => void load());
    void load();
  }
  listener(status);
  return () => listeners.delete(listener);
}

/**
 * Makes model files the reader chose (model.json and its .bin) the trained model. Throws with a
 * message a reader can act on; on success every widget reloads the model through
 * `onTrainedChange`.
 */
export async function installFiles(files: readonly File[]): Promise<KitModelMetadata> {
  const loaded = await installModelFromFiles(files);
  // The model is now in IndexedDB and the page loads it from there: this copy is not needed.
  loaded.model.dispose();
  return loaded.metadata;
}

/** A review as the review cell read it, for the cells below. */
export interface ReadReview {
  steps: ReviewSteps;
  trace: ClassifierTrace;
  classifier: TrainedClassifier;
}

const reviewTarget = new EventTarget();
let review: ReadReview | null = null;

/** The review the review cell read last, or null. */
export function currentReview(): ReadReview | null {
  return review;
}

/** Publishes the review just read (or null) to the cells that follow it. */
export function publishReview(next: ReadReview | null): void {
  review = next;
  reviewTarget.dispatchEvent(new Event('change'));
}

/** Calls `listener` whenever a review is published; returns the function that stops it. */
export function onReview(listener: () => void): () => void {
  reviewTarget.addEventListener('change', listener);
  return () => reviewTarget.removeEventListener('change', listener);
}
