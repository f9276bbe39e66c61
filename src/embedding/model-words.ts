/**
 * Words in a trained model's Embedding table. The table's rows are input ids, not words: a word
 * becomes an id through the vocabulary's ranks and the model's layout (`keras.datasets.imdb`:
 * id = rank + 3, with ids 0 to 3 for padding, start, out-of-vocabulary and unused; or the
 * tokenizer's: id = rank, 0 for padding), and only ids below `numWords` have a row of their own.
 * These helpers go both ways and find a word's nearest neighbours among the rows that are words.
 */
import { idsToWords, INDEX_FROM, OOV_ID, PAD_ID, START_ID, type SequenceView } from '../data/views.ts';
import type { Vocabulary } from '../data/vocabulary.ts';
import { row, type UnitVectorTable } from './cosine.ts';
import { nearestToVector } from './neighbours.ts';
import { normaliseWord } from './probes.ts';

/** Where a word stands for a model. */
export type WordStatus =
  /** It has its own row, `id`; `rank` is its place in the training vocabulary by frequency. */
  | { kind: 'known'; id: number; rank: number }
  /** In the training vocabulary, but past the model's `numWords`: read as out-of-vocabulary (or dropped). */
  | { kind: 'cut'; rank: number }
  /** Not in the model's vocabulary at all. */
  | { kind: 'unknown' };

/** The id a word gets in the model's input, if it has a row of its own in a table of `rows` rows. */
export function wordStatus(word: string, vocabulary: Vocabulary, view: SequenceView, rows: number): WordStatus {
  const rank = vocabulary.index.get(normaliseWord(word));
  if (rank === undefined) return { kind: 'unknown' };
  const id = (view.layout ?? 'imdb') === 'imdb' ? rank + INDEX_FROM : rank;
  if (id >= (view.numWords ?? Infinity) || id >= rows) return { kind: 'cut', rank };
  return { kind: 'known', id, rank };
}

/** The ids of a layout that are markers, not words: padding, and for imdb start, out-of-vocabulary and the unused id 3. */
export function markerIds(view: SequenceView): number[] {
  return (view.layout ?? 'imdb') === 'imdb' ? [PAD_ID, START_ID, OOV_ID, INDEX_FROM] : [PAD_ID];
}

/** One neighbour by name. */
export interface ModelNeighbour {
  id: number;
  word: string;
  similarity: number;
}

/** A word's neighbours in a model's table, or why it has none. */
export interface ModelNeighbours {
  /** The word as looked up (trimmed, lower case). */
  word: string;
  status: WordStatus;
  /** Best first; empty unless the word is known. */
  neighbours: ModelNeighbour[];
}

/**
 * The `k` rows of `table` (unit rows, one per input id) nearest by cosine to `word`'s row, best
 * first, mapped back to words through the layout; markers (padding, start, out-of-vocabulary)
 * are never neighbours.
 */
export function modelNeighbours(
  table: UnitVectorTable,
  vocabulary: Vocabulary,
  view: SequenceView,
  word: string,
  k = 8,
): ModelNeighbours {
  const key = normaliseWord(word);
  const status = wordStatus(key, vocabulary, view, table.rows);
  if (status.kind !== 'known') return { word: key, status, neighbours: [] };
  const found = nearestToVector(table, row(table, status.id), { k, exclude: [status.id, ...markerIds(view)] });
  const words = idsToWords(
    found.map((n) => n.id),
    vocabulary,
    view,
  );
  return {
    word: key,
    status,
    neighbours: found.map((n, i) => ({ id: n.id, word: words[i]!, similarity: n.similarity })),
  };
}
