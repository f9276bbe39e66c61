/**
 * Keeping a model in the browser's storage without ever losing the good copy, and without
 * claiming a save that did not happen. `tf.io` only, so it runs in workers, pages and Node.
 *
 * Why: tfjs's IndexedDB `save` resolves when its put request succeeds, before the transaction
 * commits; a full quota then aborts the commit silently, leaving at most the model's info entry.
 * So a save is never trusted on its word. The rule, for the trained model and the checkpoint
 * alike:
 *
 * - Each kind has two slots (two tf.io URLs, {@link TRAINED_MODEL_SLOTS} and
 *   {@link CHECKPOINT_SLOTS}). {@link saveConfirmed} writes the slot that does not hold the
 *   current copy, then reads it back: only when its metadata's `savedAt` and its weight bytes
 *   equal what was saved is the other slot removed. On any failure the half-written slot is
 *   removed, the other stays intact, and the Error says why in words a reader can act on.
 * - {@link loadNewest} / {@link readNewest} take the newest slot that loads, fall back to the
 *   other, and remove a slot that does not load (so that nothing offers it again).
 * - {@link removeSlots} forgets both (forgetting a model, discarding a checkpoint).
 */
import * as tf from '@tensorflow/tfjs';
import { storageErrorMessage } from '../../data/errors.ts';
import {
  CHECKPOINT_URL,
  checkMetadata,
  loadKitModel,
  readArtifacts,
  saveKitModel,
  TRAINED_MODEL_URL,
  type KitModelMetadata,
  type LoadedKitModel,
} from './model-files.ts';

/** The two tf.io URLs of one kind of saved model; the first is the kit's older single URL. */
export type Slots = readonly [string, string];

/** Where the trained model is kept: two slots, so that a failed save never loses the good copy. */
export const TRAINED_MODEL_SLOTS: Slots = [TRAINED_MODEL_URL, `${TRAINED_MODEL_URL}-b`];
/** Where the checkpoint of the last epoch is kept while training, in two slots likewise. */
export const CHECKPOINT_SLOTS: Slots = [CHECKPOINT_URL, `${CHECKPOINT_URL}-b`];

/** The storage the slots live in: tf.io's model registry by default, a fake one in tests. */
export interface ModelStorage {
  /** The handler that saves and loads `url`. */
  handler(url: string): tf.io.IOHandler;
  /** The URLs that have an entry, with when each was saved (the entry may hold only the info). */
  list(): Promise<Record<string, { dateSaved: Date }>>;
  /** Removes what `url` holds; resolves when there was nothing. */
  remove(url: string): Promise<void>;
}

/** Options of every function here. */
export interface SlotOptions {
  /** Defaults to {@link tfStorage}. */
  storage?: ModelStorage;
  /**
   * Also fail (instead of hanging or dying) when tfjs's own IndexedDB callbacks throw, which
   * escapes to the global scope as an `error` or `unhandledrejection` event (e.g. a stale empty
   * `tensorflowjs` database). Any such event during the call counts, so only a worker that does
   * nothing else meanwhile should ask for it.
   */
  watchGlobalErrors?: boolean;
}

/** tf.io's registry of model stores (IndexedDB in a browser). */
export function tfStorage(): ModelStorage {
  return {
    handler(url) {
      const [handler] = tf.io.getSaveHandlers(url);
      if (!handler) throw new Error('this browser gives no IndexedDB here, so models cannot be kept');
      return handler;
    },
    list: async () => (await tf.io.listModels()) as Record<string, { dateSaved: Date }>,
    remove: async (url) => void (await tf.io.removeModel(url).catch(() => undefined)),
  };
}

/** Bytes of a model's weights (tfjs may hand them over in pieces). */
function weightBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  return new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Runs `work`, failing as soon as an error escapes to the global scope meanwhile (see
 * {@link SlotOptions.watchGlobalErrors}); with `watch` false, just `work`.
 */
async function guarded<T>(watch: boolean | undefined, work: () => Promise<T>): Promise<T> {
  const scope = globalThis as unknown as Partial<EventTarget>;
  if (!watch || typeof scope.addEventListener !== 'function') return work();
  let stop = () => {};
  const escaped = new Promise<never>((_, reject) => {
    const onError = (event: Event) => {
      event.preventDefault();
      const e = event as ErrorEvent;
      reject(e.error ?? new Error(e.message));
    };
    const onRejection = (event: Event) => {
      event.preventDefault();
      reject((event as PromiseRejectionEvent).reason);
    };
    scope.addEventListener!('error', onError);
    scope.addEventListener!('unhandledrejection', onRejection);
    stop = () => {
      scope.removeEventListener!('error', onError);
      scope.removeEventListener!('unhandledrejection', onRejection);
    };
  });
  try {
    return await Promise.race([work(), escaped]);
  } finally {
    stop();
  }
}

/**
 * The slots of `slots` that have an entry, newest first. Throws when storage cannot list them:
 * a save must not guess which slot holds the good copy.
 */
async function present(slots: Slots, storage: ModelStorage): Promise<string[]> {
  const listed = await storage.list();
  const time = (url: string) => new Date(listed[url]!.dateSaved).getTime() || 0;
  return slots.filter((url) => url in listed).sort((a, b) => time(b) - time(a));
}

/** What {@link saveConfirmed} kept. */
export interface ConfirmedSave {
  /** The slot that now holds the model. */
  url: string;
  /** Its size: topology, weight specs and weights, in bytes. */
  bytes: number;
}

/**
 * Saves `model` with `metadata` into the pair `slots` and confirms it by reading it back; only
 * then is the older copy removed. `includeOptimizer` makes it a checkpoint. Throws an Error
 * saying why (how much room it needs, how to free it) when it was not kept; the previous copy
 * then stays as it was.
 */
export async function saveConfirmed(
  model: tf.LayersModel,
  slots: Slots,
  metadata: KitModelMetadata,
  { includeOptimizer = false, ...options }: SlotOptions & { includeOptimizer?: boolean } = {},
): Promise<ConfirmedSave> {
  const storage = options.storage ?? tfStorage();
  let target: string | null = null;
  let saved: tf.io.ModelArtifacts | null = null;
  let bytes = 0;
  try {
    return await guarded(options.watchGlobalErrors, async () => {
      const [current] = await present(slots, storage);
      target = slots.find((url) => url !== current)!;
      // A stale or half-written copy there is worth nothing, and its room is needed.
      await storage.remove(target);
      const inner = storage.handler(target);
      const recording: tf.io.IOHandler = {
        save: async (artifacts) => {
          saved = artifacts;
          bytes =
            JSON.stringify(artifacts.modelTopology ?? null).length +
            JSON.stringify(artifacts.weightSpecs ?? []).length +
            weightBytes(artifacts.weightData).length;
          return inner.save!(artifacts);
        },
      };
      await saveKitModel(model, recording, metadata, { includeOptimizer });
      await confirm(inner, saved!, metadata, bytes);
      for (const url of slots) if (url !== target) await storage.remove(url);
      return { url: target, bytes };
    });
  } catch (error) {
    if (target !== null) await guarded(options.watchGlobalErrors, () => storage.remove(target!)).catch(() => undefined);
    throw new Error(storageErrorMessage(error, bytes), { cause: error });
  }
}

/** A save that resolved but kept nothing, or something else: what a full quota does at commit. */
class NotKeptError extends Error {
  constructor(bytes: number, why: string) {
    const mb = Math.max(1, Math.round(bytes / 1e6));
    super(
      `the browser did not keep it (${why}), most likely because its storage for this site is full: ` +
        `keeping it needs about ${mb} MB; free room by clearing this site's data in the browser's settings`,
    );
    this.name = 'NotKeptError';
  }
}

/** Reads the slot back: the same `savedAt` and the same weight bytes, or a {@link NotKeptError}. */
async function confirm(
  handler: tf.io.IOHandler,
  saved: tf.io.ModelArtifacts,
  metadata: KitModelMetadata,
  bytes: number,
): Promise<void> {
  let back: tf.io.ModelArtifacts;
  try {
    back = await readArtifacts(handler);
  } catch {
    throw new NotKeptError(bytes, 'reading it back found no model');
  }
  const savedAt = (back.userDefinedMetadata as { kit?: { savedAt?: unknown } } | undefined)?.kit?.savedAt;
  if (savedAt !== metadata.savedAt) throw new NotKeptError(bytes, 'reading it back found another model');
  if (!sameBytes(weightBytes(back.weightData), weightBytes(saved.weightData)))
    throw new NotKeptError(bytes, 'reading it back found other weights');
}

/** A checkpoint or model read from its slot, not yet built into a network. */
export interface ReadSlot {
  url: string;
  artifacts: tf.io.ModelArtifacts;
  metadata: KitModelMetadata;
}

/**
 * The newest slot of `slots` whose artifacts read and whose metadata is the kit's, or null when
 * neither does. A slot that does not read is removed, so that nothing offers it again.
 */
export async function readNewest(slots: Slots, options: SlotOptions = {}): Promise<ReadSlot | null> {
  return newest(slots, options, async (handler) => {
    const artifacts = await readArtifacts(handler);
    return { artifacts, metadata: checkMetadata(artifacts.userDefinedMetadata) };
  });
}

/**
 * The newest slot of `slots` that loads as a kit model (see loadKitModel), falling back to the
 * other; null when neither does. A slot that does not load is removed.
 */
export async function loadNewest(slots: Slots, options: SlotOptions = {}): Promise<LoadedKitModel | null> {
  const found = await newest(slots, options, (handler) => loadKitModel(handler));
  return found && { model: found.model, metadata: found.metadata };
}

async function newest<T>(
  slots: Slots,
  options: SlotOptions,
  read: (handler: tf.io.IOHandler) => Promise<T>,
): Promise<(T & { url: string }) | null> {
  const storage = options.storage ?? tfStorage();
  const watch = options.watchGlobalErrors;
  const urls = await guarded(watch, () => present(slots, storage)).catch(() => []);
  for (const url of urls) {
    try {
      const value = await guarded(watch, () => read(storage.handler(url)));
      return { ...value, url };
    } catch {
      await guarded(watch, () => storage.remove(url)).catch(() => undefined);
    }
  }
  return null;
}

/** Removes both slots of `slots` (forgetting the model, discarding the checkpoint). */
export async function removeSlots(slots: Slots, options: SlotOptions = {}): Promise<void> {
  const storage = options.storage ?? tfStorage();
  for (const url of slots) await guarded(options.watchGlobalErrors, () => storage.remove(url)).catch(() => undefined);
}
