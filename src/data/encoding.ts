/** Integer and one-hot encodings of a sentence, as chapters 1 and 4 show them. */
import { buildWordIndex, textToWordSequence, type WordIndex } from './tokenizer';

/** A sentence encoded against its own vocabulary. */
export interface EncodedSentence {
  /** The words, in order (after the Keras tokenizer). */
  words: string[];
  /** The sentence's vocabulary, most frequent first, indices from 1. */
  vocabulary: WordIndex;
  /** The index of each word, shape `[T]`. */
  ids: number[];
}

/** Tokenises a sentence and numbers its distinct words as the Keras `Tokenizer` would. */
export function encodeSentence(text: string): EncodedSentence {
  const words = textToWordSequence(text);
  const vocabulary = buildWordIndex([words]);
  return { words, vocabulary, ids: words.map((w) => vocabulary.index.get(w) as number) };
}

/**
 * One-hot rows for indices `ids` (from 1) over a vocabulary of `size` words: shape `[T, size]`
 * row-major, row t has a single 1 in column ids[t] - 1.
 */
export function oneHot(ids: readonly number[], size: number): Uint8Array {
  const out = new Uint8Array(ids.length * size);
  ids.forEach((id, t) => {
    if (!Number.isInteger(id) || id < 1 || id > size) throw new Error(`index ${id} is outside 1..${size}`);
    out[t * size + id - 1] = 1;
  });
  return out;
}

/** How many numbers each encoding of T words stores, with a vocabulary of V words. */
export function encodingSizes(T: number, V: number): { oneHot: number; integers: number; ones: number } {
  return { oneHot: T * V, integers: T, ones: T };
}
