/**
 * The word vectors the chapter 4 training cell has trained last, shared with the other cells of
 * the page that use them (word pairs). Not a widget: a module both widgets import, so that they
 * share one instance.
 */
import type { UnitVectorTable, VectorTable } from '../../embedding/cosine';

/** A trained table and what it belongs to. */
export interface TrainedVectors {
  /** The table after `epoch` epochs, `[words.length, dim]`. */
  table: VectorTable;
  /** The same with unit rows, for neighbours. */
  unit: UnitVectorTable;
  /** The word of each row. */
  words: readonly string[];
  /** Each word's row. */
  ids: ReadonlyMap<string, number>;
  /** Epochs trained (0: the random start). */
  epoch: number;
  /** The corpus, in words, e.g. "3,000 IMDB training reviews". */
  corpus: string;
}

const target = new EventTarget();
let current: TrainedVectors | null = null;

/** The latest trained vectors, or null before any training. */
export function trainedVectors(): TrainedVectors | null {
  return current;
}

/** Publishes new vectors (or null after a reset) to every subscriber. */
export function publishTrainedVectors(vectors: TrainedVectors | null): void {
  current = vectors;
  target.dispatchEvent(new Event('change'));
}

/** Calls `listener` whenever new vectors are published. */
export function onTrainedVectors(listener: () => void): void {
  target.addEventListener('change', listener);
}
