/**
 * Two slots per saved model (src/lstm/sentiment/model-slots.ts): a save is trusted only once it
 * reads back, so a full storage quota never loses the good copy nor passes for a save. The
 * storage is a fake in-memory tf.io registry that can be told to fail the way browsers do:
 * resolve the save but keep nothing, or keep only the info entry (tfjs's IndexedDB save resolves
 * before the commit that a full quota aborts), or throw Chromium's QuotaExceededError, whose
 * message is empty. tfjs's CPU backend, a tiny model.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type KitModelMetadata } from '../../src/lstm/sentiment/model-files';
import {
  CHECKPOINT_SLOTS,
  loadNewest,
  readNewest,
  removeSlots,
  saveConfirmed,
  TRAINED_MODEL_SLOTS,
  type ModelStorage,
} from '../../src/lstm/sentiment/model-slots';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import { TINY_SETTINGS, tinyMetadata } from '../fixtures/tiny-metadata';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VOCABULARY = 30;
const settings = TINY_SETTINGS;

let clock = 0;
function metadata(epochsDone: number): KitModelMetadata {
  clock += 1000;
  return tinyMetadata(settings, VOCABULARY, { trainCount: 8, epochsDone, savedAt: new Date(clock).toISOString() });
}

type Failure = 'none' | 'keep-nothing' | 'keep-info' | 'quota' | 'other-weights';

/** An in-memory tf.io registry; `fail` says how the next saves go. */
function fakeStorage() {
  const models = new Map<string, tf.io.ModelArtifacts | null>(); // null: the info entry only
  const dates = new Map<string, Date>();
  let tick = 0;
  const state = { fail: 'none' as Failure };
  const storage: ModelStorage = {
    handler: (url) => ({
      save: async (artifacts) => {
        dates.set(url, new Date(++tick));
        if (state.fail === 'quota') throw new DOMException('', 'QuotaExceededError');
        if (state.fail === 'keep-info') models.set(url, null);
        else if (state.fail === 'other-weights') models.set(url, { ...artifacts, weightData: new ArrayBuffer(8) });
        else if (state.fail === 'none') models.set(url, artifacts);
        else dates.delete(url);
        return { modelArtifactsInfo: { dateSaved: dates.get(url) ?? new Date(), modelTopologyType: 'JSON' } };
      },
      load: async () => {
        const artifacts = models.get(url);
        if (!artifacts) throw new Error(`Cannot find model with path '${url}'`);
        return artifacts;
      },
    }),
    // An entry a test puts in by hand counts as the newest.
    list: async () =>
      Object.fromEntries([...models.keys()].map((url) => [url, { dateSaved: dates.get(url) ?? new Date(1e12) }])),
    remove: async (url) => {
      models.delete(url);
      dates.delete(url);
    },
  };
  return { storage, models, state };
}

function model(seed: number): tf.LayersModel {
  return sentimentModel(settings, { vocabularySize: VOCABULARY, seed });
}

function dispose(m: tf.LayersModel): void {
  tf.dispose(m.weights.map((w) => w.read()));
}

/** The first weight of a model, to tell two models apart. */
function firstWeights(m: tf.LayersModel): number[] {
  return [...(m.weights[0]!.read().dataSync() as Float32Array).slice(0, 8)];
}

describe('saveConfirmed and loadNewest', () => {
  it('writes the other slot, confirms it, then removes the old copy', async () => {
    const { storage, models } = fakeStorage();
    const a = model(1);
    const first = await saveConfirmed(a, TRAINED_MODEL_SLOTS, metadata(1), { storage });
    expect(first.url).toBe(TRAINED_MODEL_SLOTS[0]);
    expect(first.bytes).toBeGreaterThan(4 * 100);
    const b = model(2);
    const m2 = metadata(2);
    const second = await saveConfirmed(b, TRAINED_MODEL_SLOTS, m2, { storage });
    expect(second.url).toBe(TRAINED_MODEL_SLOTS[1]);
    expect([...models.keys()]).toEqual([TRAINED_MODEL_SLOTS[1]]);
    const loaded = (await loadNewest(TRAINED_MODEL_SLOTS, { storage }))!;
    expect(loaded.metadata.savedAt).toBe(m2.savedAt);
    expect(firstWeights(loaded.model)).toEqual(firstWeights(b));
    [a, b, loaded.model].forEach(dispose);
  });

  for (const fail of ['keep-nothing', 'keep-info', 'quota', 'other-weights'] as const) {
    it(`keeps the previous copy loadable and reports the failure when a save does "${fail}"`, async () => {
      const { storage, models, state } = fakeStorage();
      const good = model(1);
      const kept = metadata(1);
      await saveConfirmed(good, TRAINED_MODEL_SLOTS, kept, { storage });
      state.fail = fail;
      const next = model(2);
      // Building a model leaves tfjs a few tensors of its own; the save and the load leave none.
      const before = tf.memory().numTensors;
      const error = await saveConfirmed(next, TRAINED_MODEL_SLOTS, metadata(2), { storage }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).not.toBe('');
      expect(error!.message).toMatch(/needs about 1 MB.*clearing this site's data/);
      if (fail !== 'quota') expect(error!.message).toMatch(/^the browser did not keep it \(reading it back found/);
      else expect(error!.message).toMatch(/^this browser's storage for the site is full/);
      // The half-written slot is gone; the good one is as it was.
      expect([...models.keys()]).toEqual([TRAINED_MODEL_SLOTS[0]]);
      const loaded = (await loadNewest(TRAINED_MODEL_SLOTS, { storage }))!;
      expect(loaded.metadata.savedAt).toBe(kept.savedAt);
      expect(firstWeights(loaded.model)).toEqual(firstWeights(good));
      dispose(loaded.model);
      expect(tf.memory().numTensors).toBe(before);
      [good, next].forEach(dispose);
    });
  }

  it('falls back to the other slot, and removes a slot that does not load', async () => {
    const { storage, models } = fakeStorage();
    const good = model(1);
    const kept = metadata(3);
    await saveConfirmed(good, CHECKPOINT_SLOTS, kept, { storage, includeOptimizer: true });
    // A newer entry in the other slot holding only the info, as a commit aborted by a full quota leaves it.
    models.set(CHECKPOINT_SLOTS[1], null);
    const read = (await readNewest(CHECKPOINT_SLOTS, { storage }))!;
    expect(read.url).toBe(CHECKPOINT_SLOTS[0]);
    expect(read.metadata.epochsDone).toBe(3);
    expect([...models.keys()]).toEqual([CHECKPOINT_SLOTS[0]]);
    dispose(good);
  });

  it('finds nothing in empty slots, and forgets both slots', async () => {
    const { storage, models } = fakeStorage();
    expect(await loadNewest(TRAINED_MODEL_SLOTS, { storage })).toBeNull();
    const m = model(1);
    await saveConfirmed(m, CHECKPOINT_SLOTS, metadata(1), { storage });
    models.set(CHECKPOINT_SLOTS[1], null);
    await removeSlots(CHECKPOINT_SLOTS, { storage });
    expect(models.size).toBe(0);
    expect(await readNewest(CHECKPOINT_SLOTS, { storage })).toBeNull();
    dispose(m);
  });
});
