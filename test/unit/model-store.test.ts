/**
 * The kit's one trained-model store (src/widgets/kit/model-store.ts) without a browser: who holds
 * which model, when its tensors are disposed (the one rule: when the store publishes a state
 * without it, after telling every subscriber), stale loads, installs, and unsubscribing. The
 * models are real tfjs tensors on the cpu backend, so that a leak shows in `tf.memory()`.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModelStore, createSlot, type ModelStatus } from '../../src/widgets/kit/model-store';
import { deferred } from '../fixtures/deferred';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A stand-in model: one tensor and a name. */
interface Model {
  name: string;
  weights: tf.Tensor;
}

function model(name: string): Model {
  return { name, weights: tf.ones([4, 3]) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store whose loads the test answers one by one, with a record of what was disposed and said. */
function harness(options: { none?: () => boolean } = {}) {
  const loads: ReturnType<typeof deferred<Model | null>>[] = [];
  const disposed: string[] = [];
  let notify: (() => void) | null = null;
  let watching = false;
  const store = createModelStore<Model>({
    load: () => {
      if (options.none?.()) return null;
      const d = deferred<Model | null>();
      loads.push(d);
      return d.promise;
    },
    dispose: (m) => {
      disposed.push(m.name);
      m.weights.dispose();
    },
    watch: (onChange) => {
      watching = true;
      notify = onChange;
      return () => {
        watching = false;
        notify = null;
      };
    },
  });
  const seen: string[] = [];
  const describeStatus = (s: ModelStatus<Model>) => (s.kind === 'ready' ? `ready ${s.model.name}` : s.kind);
  return {
    store,
    loads,
    disposed,
    seen,
    describeStatus,
    listen: () => store.subscribe((s) => seen.push(describeStatus(s))),
    change: () => notify?.(),
    watching: () => watching,
  };
}

describe('model store', () => {
  it('starts loading on the first subscriber only, and tells later ones the state at once', async () => {
    const h = harness();
    expect(h.loads).toHaveLength(0);
    h.listen();
    expect(h.seen).toEqual(['loading']);
    expect(h.watching()).toBe(true);
    h.loads[0]!.resolve(model('a'));
    await flush();
    expect(h.seen).toEqual(['loading', 'ready a']);
    const later: string[] = [];
    h.store.subscribe((s) => later.push(h.describeStatus(s)));
    expect(later).toEqual(['ready a']);
    expect(h.loads).toHaveLength(1);
    h.store.close();
  });

  it('says "none" at once, without a loading state, when the page knows there is no model', () => {
    const h = harness({ none: () => true });
    h.listen();
    expect(h.seen).toEqual(['none']);
    expect(h.loads).toHaveLength(0);
  });

  it('keeps the old model while a new one loads and disposes it after every subscriber has the new one', async () => {
    const before = tf.memory().numTensors;
    const h = harness();
    const a = model('a');
    let aDisposedWhenTold: boolean | null = null;
    h.store.subscribe((s) => {
      if (s.kind === 'ready' && s.model.name === 'b') aDisposedWhenTold = a.weights.isDisposed;
    });
    h.loads[0]!.resolve(a);
    await flush();
    h.change(); // trained again elsewhere
    expect(h.store.status().kind).toBe('loading');
    expect(a.weights.isDisposed).toBe(false);
    h.loads[1]!.resolve(model('b'));
    await flush();
    expect(aDisposedWhenTold).toBe(false);
    expect(h.disposed).toEqual(['a']);
    expect(a.weights.isDisposed).toBe(true);
    h.store.close();
    expect(h.disposed).toEqual(['a', 'b']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('disposes the model when it is forgotten or a reload fails', async () => {
    let none = false;
    const h = harness({ none: () => none });
    h.listen();
    h.loads[0]!.resolve(model('a'));
    await flush();
    h.change();
    h.loads[1]!.reject(new Error('IndexedDB is blocked'));
    await flush();
    expect(h.store.status()).toEqual({ kind: 'error', message: 'IndexedDB is blocked' });
    expect(h.disposed).toEqual(['a']);
    h.change();
    h.loads[2]!.resolve(model('b'));
    await flush();
    none = true;
    h.change();
    expect(h.seen.at(-1)).toBe('none');
    expect(h.disposed).toEqual(['a', 'b']);
  });

  it('disposes a model that arrives after a newer load began, without publishing it', async () => {
    const h = harness();
    h.listen();
    h.change();
    h.loads[1]!.resolve(model('new'));
    await flush();
    h.loads[0]!.resolve(model('stale'));
    await flush();
    expect(h.seen).toEqual(['loading', 'loading', 'ready new']);
    expect(h.disposed).toEqual(['stale']);
    expect(h.store.status()).toMatchObject({ kind: 'ready', model: { name: 'new' } });
  });

  it('publishes an installed model without loading it again when its change is announced', async () => {
    const h = harness();
    h.listen();
    h.loads[0]!.resolve(model('a'));
    await flush();
    await h.store.install(async () => {
      h.change(); // the install's own announcement
      return model('installed');
    });
    expect(h.loads).toHaveLength(1);
    expect(h.seen).toEqual(['loading', 'ready a', 'loading', 'ready installed']);
    expect(h.disposed).toEqual(['a']);
  });

  it('returns to the model it had when an install fails, without disposing it', async () => {
    const h = harness();
    h.listen();
    h.loads[0]!.resolve(model('a'));
    await flush();
    await expect(
      h.store.install(() => Promise.reject(new Error('choose the weights file (.bin) together with model.json'))),
    ).rejects.toThrow(/weights file/);
    expect(h.seen).toEqual(['loading', 'ready a', 'loading', 'ready a']);
    expect(h.disposed).toEqual([]);
  });

  it('starts an interrupted load again when an install fails', async () => {
    const h = harness();
    h.listen();
    await expect(h.store.install(() => Promise.reject(new Error('not a kit model')))).rejects.toThrow();
    expect(h.loads).toHaveLength(2);
    h.loads[0]!.resolve(model('stale'));
    h.loads[1]!.resolve(model('kept'));
    await flush();
    expect(h.store.status()).toMatchObject({ kind: 'ready', model: { name: 'kept' } });
    expect(h.disposed).toEqual(['stale']);
  });

  it('stops calling a subscriber that unsubscribed, and close stops watching', async () => {
    const h = harness();
    const stop = h.listen();
    stop();
    h.loads[0]!.resolve(model('a'));
    await flush();
    expect(h.seen).toEqual(['loading']);
    h.store.close();
    expect(h.watching()).toBe(false);
    expect(h.disposed).toEqual(['a']);
  });
});

describe('slot', () => {
  it('holds a value, tells subscribers of each new one, and stops when they unsubscribe', () => {
    const slot = createSlot<number | null>(null);
    const seen: (number | null)[] = [];
    const stop = slot.subscribe((v) => seen.push(v));
    expect(seen).toEqual([]);
    slot.set(3);
    expect(slot.get()).toBe(3);
    stop();
    slot.set(4);
    expect(seen).toEqual([3]);
    expect(slot.get()).toBe(4);
  });
});
