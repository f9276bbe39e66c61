/**
 * The state logic of the kit's one trained-model store (trained.ts): which model the page holds,
 * when its tensors are disposed, and who is told. It touches no DOM and no tfjs: loading,
 * disposing and change notices are passed in, so that test/unit/model-store.test.ts runs it in
 * Node with stand-in models.
 *
 * The disposal rule, the only one in the kit: **the store owns the one model it holds, and
 * disposes it exactly once, when it publishes a state that no longer holds it** (another model,
 * none, or an error), after every subscriber has been told of that state. While a new model
 * loads (`loading`) the old one stays held, so that a widget still computing with it finishes
 * and a failed install can return to it. A model that arrives after a newer load or install
 * began is disposed at once and never published. Subscribers never dispose the model; what they
 * keep beyond its life (weights as arrays, a vocabulary) they copy.
 */
import { errorMessage } from '../../data/errors';

/** Where the store stands. */
export type ModelStatus<M> =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'ready'; model: M };

/** What the store needs from its page. */
export interface ModelStoreOptions<M> {
  /**
   * Loads the model kept for this page; resolves to null when there is none. Returning null
   * itself (not a promise) says at once that there is none, without a `loading` state between.
   */
  load(): Promise<M | null> | null;
  /** Frees the model's tensors (called by the store only, by the rule above). */
  dispose(model: M): void;
  /** Calls `onChange` whenever the kept model changes elsewhere; returns the unsubscribe. */
  watch?(onChange: () => void): () => void;
}

/** One page's store of one model. */
export interface ModelStore<M> {
  /** The state now. */
  status(): ModelStatus<M>;
  /**
   * Calls `listener` with the state now and on every change; the first subscriber starts the
   * first load and the watch. Returns the unsubscribe.
   */
  subscribe(listener: (status: ModelStatus<M>) => void): () => void;
  /** Loads the kept model again (a change notice does this). */
  reload(): Promise<void>;
  /**
   * Makes the model `loadOne` resolves to the held one, without loading it again when the change
   * it caused is announced. On failure the state before it returns, and the error is rethrown.
   */
  install(loadOne: () => Promise<M>): Promise<void>;
  /** Stops watching, forgets every subscriber and disposes the held model. */
  close(): void;
}

/** A store of one model that obeys the disposal rule of this module's comment. */
export function createModelStore<M>({ load, dispose, watch }: ModelStoreOptions<M>): ModelStore<M> {
  let status: ModelStatus<M> = { kind: 'loading' };
  let held: M | null = null;
  // Each load or install takes the next number; only the latest may publish.
  let generation = 0;
  let installing = 0;
  let started = false;
  let stopWatching: (() => void) | null = null;
  const listeners = new Set<(status: ModelStatus<M>) => void>();

  function publish(next: ModelStatus<M>): void {
    status = next;
    for (const listener of [...listeners]) listener(next);
    if (next.kind === 'loading') return;
    const now = next.kind === 'ready' ? next.model : null;
    if (held !== null && held !== now) dispose(held);
    held = now;
  }

  /** Disposes a model that lost the race to a newer load, unless it is the one held. */
  function discard(model: M | null): void {
    if (model !== null && model !== held) dispose(model);
  }

  async function reload(): Promise<void> {
    const mine = ++generation;
    const pending = load();
    if (pending === null) {
      publish({ kind: 'none' });
      return;
    }
    publish({ kind: 'loading' });
    try {
      const model = await pending;
      if (mine !== generation) return discard(model);
      publish(model === null ? { kind: 'none' } : { kind: 'ready', model });
    } catch (error) {
      if (mine === generation) publish({ kind: 'error', message: errorMessage(error) });
    }
  }

  async function install(loadOne: () => Promise<M>): Promise<void> {
    const mine = ++generation;
    const before = status;
    installing++;
    publish({ kind: 'loading' });
    try {
      const model = await loadOne();
      if (mine !== generation) return discard(model);
      publish({ kind: 'ready', model });
    } catch (error) {
      if (mine === generation) {
        // A load this install interrupted is started again; any other state comes back as it was.
        if (before.kind === 'loading') void reload();
        else publish(before);
      }
      throw error;
    } finally {
      installing--;
    }
  }

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      if (started) listener(status);
      else {
        started = true;
        // The change an install announces is the install's own: it publishes that model itself.
        stopWatching = watch?.(() => void (installing === 0 && reload())) ?? null;
        void reload();
      }
      return () => void listeners.delete(listener);
    },
    reload,
    install,
    close() {
      stopWatching?.();
      stopWatching = null;
      listeners.clear();
      generation++;
      started = false;
      publish({ kind: 'loading' });
      if (held !== null) dispose(held);
      held = null;
    },
  };
}

/** One shared value (not a model: nothing to dispose) and its subscribers. */
export interface Slot<T> {
  /** The value now. */
  get(): T;
  /** Replaces the value and tells every subscriber. */
  set(value: T): void;
  /** Calls `listener` with each new value (not the current one); returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
}

/** A {@link Slot} holding `initial` until it is set. */
export function createSlot<T>(initial: T): Slot<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
