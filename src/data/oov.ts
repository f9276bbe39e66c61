/**
 * Out-of-vocabulary words: which words of a text a trained model cannot see. A model knows the
 * words of its training vocabulary only (the words of the English training reviews, cut to
 * `numWords`); any other word reaches it as the one id {@link OOV_ID} (the `keras.datasets.imdb`
 * layout) or not at all (the `Tokenizer` layout, which drops it). A text in another language is
 * mostly such words.
 *
 * The rules are those of src/data/views.ts (`ranksToIds`), applied word by word so that a page
 * can show which words were lost.
 */
import { tokenizeReview } from './tokenizer.ts';
import { INDEX_FROM, OOV_ID, type SequenceView } from './views.ts';

/** One word of a text and what the model receives for it. */
export interface WordStatus {
  word: string;
  /** Its rank in the training vocabulary (1 = most frequent), 0 when the training reviews never use it. */
  rank: number;
  /** The id the model receives: {@link OOV_ID} or -1 (dropped) for a word it cannot see. */
  id: number;
  /**
   * Why the model cannot see it: 'unknown' (not in the training vocabulary at all), 'rare' (in
   * it, but beyond the `numWords` cut-off); null for a word the model sees.
   */
  oov: 'unknown' | 'rare' | null;
}

/** The words of a text and how many of them the model cannot see. */
export interface OovReport {
  words: WordStatus[];
  /** Number of words after tokenizing. */
  count: number;
  /** Number of those out of the model's vocabulary. */
  oov: number;
  /** `oov / count`, and 0 for a text without words. */
  rate: number;
}

/** The rank of each word: `words[r - 1]` has rank r (the order of a model's `words`). */
export function rankIndex(words: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    // A list in rank order has no duplicates; were one there, the first (more frequent) rank wins.
    if (!index.has(w)) index.set(w, i + 1);
  });
  return index;
}

/**
 * Tokenizes `text` as the training reviews were (src/data/tokenizer.ts) and looks every word up
 * in `index` (word -> rank) under `view`'s layout and vocabulary cut-off.
 */
export function oovReport(text: string, index: ReadonlyMap<string, number>, view: SequenceView = {}): OovReport {
  const { layout = 'imdb', numWords = Infinity } = view;
  const words: WordStatus[] = tokenizeReview(text).map((word) => {
    const rank = index.get(word) ?? 0;
    // The id the view gives the word before any cut-off: rank + 3 in the imdb layout, the rank itself otherwise.
    const id = layout === 'imdb' ? rank + INDEX_FROM : rank;
    const oov = rank === 0 ? 'unknown' : id >= numWords ? 'rare' : null;
    return { word, rank, id: oov === null ? id : layout === 'imdb' ? OOV_ID : -1, oov };
  });
  const oov = words.reduce((n, w) => n + (w.oov === null ? 0 : 1), 0);
  return { words, count: words.length, oov, rate: words.length === 0 ? 0 : oov / words.length };
}
