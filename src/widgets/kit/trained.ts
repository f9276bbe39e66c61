/**
 * The kit's one store of trained models, shared by every page: chapter 5 trains and evaluates the
 * sentiment model, chapter 6 looks inside it, chapter 4 compares its embedding (and shares its
 * own skip-gram vectors between cells), chapter 7 measures its limits, and the baselines table
 * lists its scores.
 *
 * The model itself lives in IndexedDB (`tf.io`, saved by the training worker); a small summary
 * (its name, epochs and test scores) lives in localStorage so that any widget can show it at
 * once without loading tfjs. Changes are announced to this page and to the kit's other open tabs.
 * A page loads the model once, through one {@link createModelStore} store: the store holds it and
 * disposes it by that module's one rule (when it publishes a state without it), and every
 * subscription returns its unsubscribe, which a widget hands to `listen()` so that its
 * disconnect ends it.
 */
import type * as tf from '@tensorflow/tfjs';
import type { EpochVectors } from '../../embedding/skipgram-session';
import type { KitModelMetadata, LoadedKitModel } from '../../lstm/sentiment/model-files';
import type { ReviewSteps } from '../../lstm/sentiment/review-steps';
import type { ClassifierTrace } from '../../lstm/sentiment/trace';
import { toClassifier, type TrainedClassifier } from './trained-classifier';
import { createModelStore, createSlot, type ModelStatus } from './model-store';
import { readStored, writeStored } from './stored';
import { TRAINED_WORDS } from './trained.words';
import type { Locale } from '../../i18n/locales';
import { pageLocale } from '../../i18n/words';

import { CHECKPOINT_URL, TRAINED_MODEL_URL } from '../../lstm/sentiment/model-files';

export { CHECKPOINT_URL, TRAINED_MODEL_URL };
export type { TrainedClassifier };

const SUMMARY_KEY = 'lstm-kit:trained-model';
const CHANNEL = 'lstm-kit-trained-model';
const EVENT = 'kit-trained-model';

/** Test scores of the trained model. */
export interface TrainedScores {
  loss: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What every widget may know about the trained model without loading it. */
export interface TrainedSummary {
  /** "r-keras", "py-keras" or "custom (...)". */
  label: string;
  /** The preset whose layout it uses. */
  preset: string;
  epochs: number;
  /** Scores on all test reviews, once evaluated. */
  test: TrainedScores | null;
  savedAt: string;
}

/** The summary of the trained model, or null when the reader has not trained one. */
export function trainedSummary(): TrainedSummary | null {
  // Storage blocked or unreadable: as if none was trained.
  return readStored(SUMMARY_KEY) as TrainedSummary | null;
}

/** Calls `listener` whenever the trained model changes (here or in another tab); returns an unsubscribe. */
export function onTrainedChange(listener: () => void): () => void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener('message', listener);
  window.addEventListener(EVENT, listener);
  return () => {
    channel?.close();
    window.removeEventListener(EVENT, listener);
  };
}

/**
 * Records (or, with null, forgets) the summary of the model just kept in its slots. Call it only
 * after a confirmed save (model-slots.ts `saveConfirmed`): the summary must describe the model
 * that loads.
 */
export function announceTrained(metadata: KitModelMetadata | null, label = ''): void {
  const summary: TrainedSummary | null = metadata && {
    label,
    preset: metadata.settings.layout === 'imdb' ? 'r-keras' : 'py-keras',
    epochs: metadata.epochsDone,
    test: metadata.test && {
      loss: metadata.test.loss,
      accuracy: metadata.test.accuracy,
      precision: metadata.test.precision,
      recall: metadata.test.recall,
      f1: metadata.test.f1,
    },
    savedAt: metadata.savedAt,
  };
  // If storage is full or blocked, the model in IndexedDB still works this visit.
  writeStored(SUMMARY_KEY, summary);
  window.dispatchEvent(new Event(EVENT));
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  }
}

/**
 * Loads the trained model (fused LSTM layers, for fast inference on cpu and wasm) with its
 * metadata, or null when there is none: the newest of its two slots that loads (see
 * src/lstm/sentiment/model-slots.ts). Starts tfjs if no widget has yet.
 */
export async function loadTrainedModel(): Promise<LoadedKitModel | null> {
  const { loadTf } = await import('./tf');
  await loadTf();
  const { loadNewest, TRAINED_MODEL_SLOTS } = await import('../../lstm/sentiment/model-slots');
  return loadNewest(TRAINED_MODEL_SLOTS);
}

/** Where the site says whether it carries the kit's own model (see src/pages/models/kit.json.ts). */
function kitModelIndexUrl(): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}models/kit.json`, location.href).href;
}

/**
 * The kit's own model, trained by `npm run model` and served with the site, or null when the site
 * has none: what every page uses until the reader trains or loads one of their own.
 */
export async function loadSiteModel(): Promise<LoadedKitModel | null> {
  const path = await siteModelPath();
  if (path === null) return null;
  const { loadTf } = await import('./tf');
  const { tf } = await loadTf();
  const { loadKitModel } = await import('../../lstm/sentiment/model-files');
  return loadKitModel(tf.io.http(new URL(path, kitModelIndexUrl()).href));
}

let sitePath: Promise<string | null> | null = null;

/** The kit's model's path under `models/` if the site carries one, else null (read once per page). */
export function siteModelPath(): Promise<string | null> {
  sitePath ??= fetch(kitModelIndexUrl())
    .then((response) => (response.ok ? (response.json() as Promise<{ model?: unknown }>) : { model: null }))
    .then((index) => (typeof index.model === 'string' ? index.model : null))
    // Offline, or a host without the file: as if the site had no model.
    .catch(() => null);
  return sitePath;
}

/** Deletes the trained model (both slots) and its summary. */
export async function forgetTrained(): Promise<void> {
  const { loadTf } = await import('./tf');
  await loadTf();
  const { removeSlots, TRAINED_MODEL_SLOTS } = await import('../../lstm/sentiment/model-slots');
  await removeSlots(TRAINED_MODEL_SLOTS);
  announceTrained(null);
}

/**
 * The checkpoint kept in this browser, read back (its metadata: settings, epochs done, history),
 * or null when none loads; one that does not load is removed. Chapter 5 offers to resume only
 * what this finds.
 */
export async function keptCheckpoint(): Promise<KitModelMetadata | null> {
  // tf.io alone: reading or removing a checkpoint needs no backend started in the page.
  const { readNewest, CHECKPOINT_SLOTS } = await import('../../lstm/sentiment/model-slots');
  return (await readNewest(CHECKPOINT_SLOTS).catch(() => null))?.metadata ?? null;
}

/** Removes the checkpoint from this browser (both slots). */
export async function discardCheckpoint(): Promise<void> {
  // tf.io alone: reading or removing a checkpoint needs no backend started in the page.
  const { removeSlots, CHECKPOINT_SLOTS } = await import('../../lstm/sentiment/model-slots');
  await removeSlots(CHECKPOINT_SLOTS);
}

/**
 * Loads model files the reader chose (its errors in the page's edition) (model.json and its weights .bin, as "Download" or
 * `npm run train` wrote them), checks them, and makes them the trained model once a save is
 * confirmed (the summary is announced only then). Throws with a message a reader can act on
 * when the files are not a kit model, or when the browser could not keep them: then the model
 * kept before stays, with its summary.
 */
export async function installModelFromFiles(files: readonly File[]): Promise<LoadedKitModel> {
  const w = TRAINED_WORDS.now();
  const json = files.find((f) => f.name.endsWith('.json'));
  const weights = files.filter((f) => f !== json);
  if (!json) throw new Error(w.chooseJson);
  if (weights.length === 0) throw new Error(w.chooseWeights(json.name));
  const { loadTf } = await import('./tf');
  const { tf } = await loadTf();
  const { loadKitModel } = await import('../../lstm/sentiment/model-files');
  const { saveConfirmed, TRAINED_MODEL_SLOTS } = await import('../../lstm/sentiment/model-slots');
  // Parsed here rather than by tf.io.browserFiles, which leaves a bad JSON file as an uncaught
  // error inside its FileReader and never settles.
  let parsed: tf.io.ModelJSON;
  try {
    parsed = JSON.parse(await json.text()) as tf.io.ModelJSON;
  } catch (error) {
    throw new Error(w.notJson(json.name, (error as Error).message), { cause: error });
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    !parsed.modelTopology ||
    !Array.isArray(parsed.weightsManifest)
  ) {
    throw new Error(w.notModelJson(json.name));
  }
  const byName = new Map(weights.map((f) => [f.name, f]));
  const artifacts = await tf.io.getModelArtifactsForJSON(parsed, async (manifest) => {
    const buffers: ArrayBuffer[] = [];
    for (const path of manifest.flatMap((group) => group.paths)) {
      const name = path.split('/').pop() ?? path;
      const file = byName.get(name);
      if (!file) throw new Error(w.missingWeights(name, json.name));
      buffers.push(await file.arrayBuffer());
    }
    return [manifest.flatMap((group) => group.weights), tf.io.concatenateArrayBuffers(buffers)];
  });
  const loaded = await loadKitModel(tf.io.fromMemory(artifacts));
  try {
    await saveConfirmed(loaded.model, TRAINED_MODEL_SLOTS, loaded.metadata);
  } catch (error) {
    loaded.model.dispose();
    throw new Error(w.notKept((error as Error).message), { cause: error });
  }
  const { settingsLabel } = await import('../../lstm/sentiment/presets');
  // The label in the page's edition, as chapter 5 announces it (settingsLabel takes it last).
  const label = (settingsLabel as (settings: KitModelMetadata['settings'], locale?: Locale) => string)(
    loaded.metadata.settings,
    pageLocale(),
  );
  announceTrained(loaded.metadata, label);
  return loaded;
}

/** Where chapter 5 trains the model (relative to the site's base). */
export const TRAINING_PATH = 'chapters/05-sentiment-imdb/#cell-train';

/** The link to chapter 5's training, under the site's base path. */
export function trainingHref(): string {
  return `${import.meta.env.BASE_URL}${TRAINING_PATH}`;
}

/** Where loading the classifier stands, as chapters 4 and 6 read it. */
export type ClassifierStatus =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; classifier: TrainedClassifier };

const store = createModelStore<TrainedClassifier>({
  // The reader's own model first (no summary means none was ever saved here: no tfjs needed to
  // know it); without one, the kit's model if the site carries it (a small JSON file says).
  load: async () => {
    const own = trainedSummary() === null ? null : await loadTrainedModel();
    if (own) return toClassifier(own, 'reader');
    const kit = await loadSiteModel();
    return kit && toClassifier(kit, 'kit');
  },
  dispose: (classifier) => classifier.model.dispose(),
  watch: onTrainedChange,
});

/** The store's state in chapter 6's words. */
function classifierStatus(status: ModelStatus<TrainedClassifier>): ClassifierStatus {
  return status.kind === 'ready' ? { kind: 'ready', classifier: status.model } : status;
}

/**
 * Calls `listener` now and whenever the classifier changes; the first call on a page starts
 * loading it. Returns the function that stops listening.
 */
export function watchClassifier(listener: (status: ClassifierStatus) => void): () => void {
  return store.subscribe((status) => listener(classifierStatus(status)));
}

/**
 * Makes model files the reader chose (model.json and its .bin) the trained model of every page
 * of the kit, and this page's classifier. Throws with a message a reader can act on.
 */
export async function installFiles(files: readonly File[]): Promise<KitModelMetadata> {
  let metadata: KitModelMetadata | null = null;
  await store.install(async () => {
    const loaded = await installModelFromFiles(files);
    metadata = loaded.metadata;
    return toClassifier(loaded);
  });
  return metadata!;
}

/** A review as chapter 6's review cell read it, for the cells below. */
export interface ReadReview {
  steps: ReviewSteps;
  trace: ClassifierTrace;
  classifier: TrainedClassifier;
}

const review = createSlot<ReadReview | null>(null);

/** The review the review cell read last, or null. */
export function currentReview(): ReadReview | null {
  return review.get();
}

/** Publishes the review just read (or null) to the cells that follow it. */
export function publishReview(next: ReadReview | null): void {
  review.set(next);
}

/** Calls `listener` whenever a review is published; returns the function that stops it. */
export function onReview(listener: () => void): () => void {
  return review.subscribe(() => listener());
}

/** Word vectors chapter 4's skip-gram cell trained, and what they belong to (table `[words, dim]`). */
export type TrainedVectors = EpochVectors;

// Plain arrays, no tensors: nothing to dispose when they are replaced.
const vectors = createSlot<TrainedVectors | null>(null);

/** The latest trained vectors, or null before any training. */
export function trainedVectors(): TrainedVectors | null {
  return vectors.get();
}

/** Publishes new vectors (or null after a reset) to every subscriber. */
export function publishTrainedVectors(next: TrainedVectors | null): void {
  vectors.set(next);
}

/** Calls `listener` whenever new vectors are published; returns the function that stops it. */
export function onTrainedVectors(listener: () => void): () => void {
  return vectors.subscribe(() => listener());
}
