/**
 * Saving and loading a trained sentiment model with `tf.io`, anywhere tfjs runs: IndexedDB in a
 * page or a worker, files to download, files a reader chooses, a folder in Node.
 *
 * A saved model is a standard tfjs Layers model (the fused LSTM saves as 'LSTM', so
 * `tf.loadLayersModel` reads it in any tfjs app) whose user-defined metadata carries what the kit
 * needs to use it: the settings, the training history and test metrics, and the words of its
 * vocabulary, so that a review typed later is encoded exactly as the training data was.
 *
 * A checkpoint is the same thing saved with the optimiser's state (Adam's moments), so that
 * training resumes where it stopped instead of restarting the optimiser.
 */
import * as tf from '@tensorflow/tfjs';
import { modelFileError } from './model-errors.ts';
import type { BinaryMetrics } from './metrics.ts';
import { loadFusedModel } from '../fast/fused-layer.ts';
import { metricsProblem, networkDisagreements } from './model-check.ts';
import { checkSettings, type SentimentSettings } from './presets.ts';
import type { EpochLog } from './train.ts';

/**
 * Where the browser keeps the reader's trained model (a tf.io URL), the first of its two slots:
 * save and load it through ./model-slots.ts (TRAINED_MODEL_SLOTS), never this URL alone.
 */
export const TRAINED_MODEL_URL = 'indexeddb://lstm-kit-sentiment';
/** Where the checkpoint of the last epoch is kept while training (a tf.io URL): the first of CHECKPOINT_SLOTS. */
export const CHECKPOINT_URL = 'indexeddb://lstm-kit-checkpoint';

/** Marks the kit's metadata inside a model's `userDefinedMetadata`. */
export const KIT_MODEL_FORMAT = 'lstm-kit-sentiment';
export const KIT_MODEL_VERSION = 1;

/** The test metrics kept with a model (no per-review numbers). */
export type TestMetrics = Omit<BinaryMetrics, never>;

/** Everything the kit keeps with a trained model. */
export interface KitModelMetadata {
  format: typeof KIT_MODEL_FORMAT;
  version: number;
  settings: SentimentSettings;
  /** Where validation came from: a hold-out of the training reviews, or the test set. */
  validation: 'split' | 'test';
  /** How many training reviews it trained on. */
  trainCount: number;
  /** Epochs done, and what each measured. */
  epochsDone: number;
  history: EpochLog[];
  /**
   * When the weights are not the last epoch's: the epoch (1-based) they come from, the one with
   * the best validation accuracy (`npm run train -- --keep-best`).
   */
  keptEpoch?: number;
  /** Metrics on the test reviews once evaluated. */
  test: TestMetrics | null;
  /** Words of the vocabulary the model can see, in rank order (rank r is words[r - 1]). */
  words: string[];
  /** Words in the whole training vocabulary (sizes the Embedding). */
  vocabularySize: number;
  /** SHA-256 of the prepared vocabulary file, to tell whether loaded data matches the model. */
  vocabularySha256: string;
  /** ISO time of the save. */
  savedAt: string;
}

/** What {@link kitMetadata} needs: the run, and the whole training vocabulary. */
export interface MetadataFields {
  settings: SentimentSettings;
  validation: 'split' | 'test';
  trainCount: number;
  epochsDone: number;
  history: EpochLog[];
  test?: TestMetrics | null;
  /** Every word of the training vocabulary in rank order; the model keeps those it can see. */
  vocabulary: readonly string[];
  vocabularySha256: string;
}

/** The metadata of a model trained now: the Node command line and the page's worker alike. */
export function kitMetadata(fields: MetadataFields): KitModelMetadata {
  const { vocabulary, settings } = fields;
  // Only ids below num_words reach the model; rarer words would all be "out of vocabulary".
  const seen = Math.min(vocabulary.length, settings.numWords ?? vocabulary.length);
  return {
    format: KIT_MODEL_FORMAT,
    version: KIT_MODEL_VERSION,
    settings,
    validation: fields.validation,
    trainCount: fields.trainCount,
    epochsDone: fields.epochsDone,
    history: fields.history,
    test: fields.test ?? null,
    words: vocabulary.slice(0, seen),
    vocabularySize: vocabulary.length,
    vocabularySha256: fields.vocabularySha256,
    savedAt: new Date().toISOString(),
  };
}

/** What stays the same across one training run: {@link MetadataFields} but the epochs and the test. */
export type RunFields = Omit<MetadataFields, 'epochsDone' | 'test'>;

/**
 * The metadata of one training run at any point of it, for the Node command line and the page's
 * worker alike: `runMetadata(fixed)(epochsDone)` for a checkpoint after `epochsDone` epochs,
 * `(epochsDone, test)` once the model is scored on the test reviews. `fixed.history` is read at
 * each call, so epochs pushed onto it after this call are included.
 */
export function runMetadata(fixed: RunFields): (epochsDone: number, test?: TestMetrics | null) => KitModelMetadata {
  return (epochsDone, test = null) => kitMetadata({ ...fixed, epochsDone, test });
}

/**
 * Checks metadata read from a file or IndexedDB, with a message a reader can act on. The
 * settings go through {@link checkSettings}.
 */
export function checkMetadata(value: unknown): KitModelMetadata {
  const kit = (value as { kit?: unknown } | null | undefined)?.kit;
  if (kit === undefined || kit === null || typeof kit !== 'object') {
    throw modelFileError(
      'no-metadata',
      'this model has no lstm-kit metadata: the kit needs the settings and vocabulary it was trained with (save models from chapter 5 or `npm run train`)',
    );
  }
  const m = kit as Record<string, unknown>;
  if (m['format'] !== KIT_MODEL_FORMAT)
    throw modelFileError('not-kit', `this is not an lstm-kit sentiment model (format ${JSON.stringify(m['format'])})`);
  if (m['version'] !== KIT_MODEL_VERSION)
    throw modelFileError(
      'version',
      `this model file is version ${String(m['version'])}; the kit reads version ${KIT_MODEL_VERSION}`,
    );
  const settings = checkSettings(m['settings']);
  const words = m['words'];
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string'))
    throw modelFileError('bad-metadata', "the model's vocabulary is missing or malformed");
  const int = (key: string): number => {
    const v = m[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw modelFileError('bad-metadata', `the model's ${key} is malformed`);
    return v;
  };
  if (!Array.isArray(m['history'])) throw modelFileError('bad-metadata', "the model's training history is malformed");
  const metricsError = metricsProblem(m['test']);
  if (metricsError) throw modelFileError('contradicts', `this model file cannot be right: ${metricsError}`);
  return {
    format: KIT_MODEL_FORMAT,
    version: KIT_MODEL_VERSION,
    settings,
    validation: m['validation'] === 'test' ? 'test' : 'split',
    trainCount: int('trainCount'),
    epochsDone: int('epochsDone'),
    ...(Number.isInteger(m['keptEpoch']) &&
    (m['keptEpoch'] as number) >= 1 &&
    (m['keptEpoch'] as number) <= int('epochsDone')
      ? { keptEpoch: m['keptEpoch'] as number }
      : {}),
    history: m['history'] as EpochLog[],
    test: (m['test'] as TestMetrics | null) ?? null,
    words: words as string[],
    vocabularySize: int('vocabularySize'),
    vocabularySha256: typeof m['vocabularySha256'] === 'string' ? m['vocabularySha256'] : '',
    savedAt: typeof m['savedAt'] === 'string' ? m['savedAt'] : '',
  };
}

/** Saves a model with its metadata; `includeOptimizer` makes it a checkpoint. */
export async function saveKitModel(
  model: tf.LayersModel,
  handler: tf.io.IOHandler | string,
  metadata: KitModelMetadata,
  { includeOptimizer = false }: { includeOptimizer?: boolean } = {},
): Promise<tf.io.SaveResult> {
  model.setUserDefinedMetadata({ kit: metadata as unknown as Record<string, unknown> } as unknown as object);
  if (!includeOptimizer || !model.optimizer) return model.save(handler, { includeOptimizer });
  // tfjs's optimisers hand the model their step count as a new scalar tensor ('iter', from
  // Optimizer.saveIterations) that nothing frees: one tensor lost per checkpoint, every epoch.
  // The other tensors they give are their own variables, which must stay.
  const optimizer = model.optimizer;
  const getWeights = optimizer.getWeights;
  const made: tf.Tensor[] = [];
  optimizer.getWeights = async () => {
    const weights = await getWeights.call(optimizer);
    made.push(...weights.filter((w) => w.name === 'iter').map((w) => w.tensor));
    return weights;
  };
  try {
    return await model.save(handler, { includeOptimizer });
  } finally {
    optimizer.getWeights = getWeights;
    tf.dispose(made);
  }
}

/** Reads a saved model's artifacts, with a clear message when there is nothing or it is broken. */
export async function readArtifacts(handler: tf.io.IOHandler): Promise<tf.io.ModelArtifacts> {
  if (!handler.load) throw new Error('this storage cannot load models');
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await handler.load();
  } catch (error) {
    throw modelFileError('unreadable', `the model could not be read: ${(error as Error).message}`, { cause: error });
  }
  if (!artifacts.modelTopology)
    throw modelFileError('no-topology', 'the model file has no topology (is it model.json from tfjs?)');
  if (!artifacts.weightSpecs || !artifacts.weightData)
    throw modelFileError('no-weights', 'the model has no weights (choose model.json and its .bin file together)');
  return artifacts;
}

/** A loaded model: the tfjs model (with fused LSTM layers) and the kit's metadata. */
export interface LoadedKitModel {
  model: tf.LayersModel;
  metadata: KitModelMetadata;
}

/** Loads a kit model from any handler for inference; the metadata must be the kit's. */
export async function loadKitModel(handler: tf.io.IOHandler): Promise<LoadedKitModel> {
  const artifacts = await readArtifacts(handler);
  const metadata = checkMetadata(artifacts.userDefinedMetadata);
  // Only the model's own weights: a checkpoint's optimiser state is for resuming, not predicting.
  const specs = artifacts.weightSpecs!;
  const own = specs.filter((s) => s.group !== 'optimizer');
  const weightData = own.length === specs.length ? artifacts.weightData! : ownWeightData(artifacts);
  let model: tf.LayersModel;
  try {
    model = await loadFusedModel(
      tf.io.fromMemory({ modelTopology: artifacts.modelTopology!, weightSpecs: own, weightData }),
    );
  } catch (error) {
    throw modelFileError('malformed', `the model file is malformed: ${(error as Error).message}`, { cause: error });
  }
  try {
    checkNetwork(model, metadata);
  } catch (error) {
    tf.dispose(model.weights.map((w) => w.read()));
    throw error;
  }
  return { model, metadata };
}

// The bytes of the non-optimiser weights, which tfjs writes first.
function ownWeightData(artifacts: tf.io.ModelArtifacts): ArrayBuffer {
  const all = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  const own = artifacts.weightSpecs!.filter((s) => s.group !== 'optimizer');
  const tensors = own.map((s) => all[s.name]!);
  const bytes = tensors.map((t) => new Uint8Array((t.dataSync() as Float32Array).slice().buffer));
  tf.dispose(Object.values(all));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out.buffer;
}

/**
 * The loaded network must be the one the metadata describes, or encoding a review would lie
 * (or fail deep inside tfjs): layers, sizes, maxlen, vocabulary, finite weights.
 */
function checkNetwork(model: tf.LayersModel, metadata: KitModelMetadata): void {
  let nonFinite = 0;
  for (const w of model.weights) {
    for (const x of w.read().dataSync() as Float32Array) if (!Number.isFinite(x)) nonFinite++;
  }
  const problems = networkDisagreements(
    { settings: metadata.settings, vocabularySize: metadata.vocabularySize, wordCount: metadata.words.length },
    {
      layers: model.layers
        .filter((l) => l.countParams() > 0)
        .map((l) => ({ kind: l.getClassName(), params: l.countParams() })),
      inputShape: model.inputs[0]?.shape ?? [],
      outputShape: model.outputs[0]?.shape ?? [],
      nonFinite,
    },
  );
  if (problems.length > 0)
    throw modelFileError('contradicts', `this model file contradicts itself: ${problems.join('; ')}`);
}

/**
 * Puts a checkpoint's weights into a freshly built model of the same settings, and the
 * optimiser's state into its optimiser, both by position (layer names differ between builds).
 */
export async function restoreCheckpoint(model: tf.LayersModel, artifacts: tf.io.ModelArtifacts): Promise<void> {
  const specs = artifacts.weightSpecs ?? [];
  const named = tf.io.decodeWeights(artifacts.weightData!, specs);
  const own = specs.filter((s) => s.group !== 'optimizer');
  const optimizer = specs.filter((s) => s.group === 'optimizer');
  try {
    if (own.length !== model.weights.length) {
      throw new Error(`the checkpoint has ${own.length} weights, the model ${model.weights.length}`);
    }
    own.forEach((s, k) => {
      const expected = model.weights[k]!.shape;
      if (String(named[s.name]!.shape) !== String(expected)) {
        throw new Error(`weight ${k} (${s.name}) is [${named[s.name]!.shape}], the model needs [${expected}]`);
      }
    });
    model.setWeights(own.map((s) => named[s.name]!));
    if (optimizer.length > 0 && model.optimizer) {
      await model.optimizer.setWeights(optimizer.map((s) => ({ name: s.name, tensor: named[s.name]! })));
    }
  } finally {
    // setWeights copies values into the model's variables; the decoded tensors are done.
    tf.dispose(own.map((s) => named[s.name]!));
  }
}
