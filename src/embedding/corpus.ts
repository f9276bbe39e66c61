/**
 * A corpus for training word vectors: texts as arrays of word ids, and the word of each id.
 *
 * Whatever the text comes from (IMDB reviews already stored as word ranks, or a text a reader
 * pastes), it ends up in the same small shape, ranked by frequency within the corpus itself,
 * so that the trainer, the neighbour search and the exports never need to know its origin.
 */
import { rankByFrequency, WordInterner } from '../data/vocabulary.ts';
import { tokenizeReview } from '../data/tokenizer.ts';

/** Texts as word ids, and the words: what skip-gram training takes. */
export interface Corpus {
  /** One array of word ids per text (a review, a line); every id is an index into `words`. */
  sequences: Int32Array[];
  /** The word of each id, most frequent first: `words[id]`. */
  words: string[];
}

/** Options of {@link buildCorpus}, {@link corpusFromTexts} and {@link corpusFromRanks}. */
export interface CorpusOptions {
  /** Keep at most this many distinct words, the most frequent; the others are dropped from the texts. */
  maxVocabulary?: number;
  /** Drop words that occur fewer times than this. */
  minCount?: number;
}

/**
 * Re-ranks `sequences` (ids indexing `words`) by frequency within them: the most frequent word
 * gets id 0, ties go to the word seen first. Words below `minCount` or past `maxVocabulary` are
 * removed from the texts (as Keras' `num_words` drops them), and texts left with fewer than two
 * words, which hold no (word, context) pair, are removed too. Every word kept occurs in a kept
 * text, so that no row of a table trained on the corpus stays untrained.
 */
export function buildCorpus(
  sequences: Iterable<ArrayLike<number>>,
  words: readonly string[],
  options: CorpusOptions = {},
): Corpus {
  const { maxVocabulary = Infinity, minCount = 1 } = options;
  const all = Array.from(sequences).filter((s) => s.length >= 2);
  for (const sequence of all) {
    for (let i = 0; i < sequence.length; i++) {
      const id = sequence[i]!;
      if (!Number.isInteger(id) || id < 0 || id >= words.length) {
        throw new RangeError(`word id ${id} is outside the ${words.length} words`);
      }
    }
  }
  const { order, counts } = rankByFrequency(all, words.length);
  let kept = 0;
  while (kept < order.length && kept < maxVocabulary && counts[kept]! >= minCount) kept++;
  const newId = new Int32Array(words.length).fill(-1);
  for (let r = 0; r < kept; r++) newId[order[r]!] = r;

  const out: Int32Array[] = [];
  const seen = new Uint8Array(kept);
  for (const sequence of all) {
    const ids = new Int32Array(sequence.length);
    let n = 0;
    for (let i = 0; i < sequence.length; i++) {
      const id = newId[sequence[i]!]!;
      if (id >= 0) ids[n++] = id;
    }
    if (n < 2) continue;
    for (let i = 0; i < n; i++) seen[ids[i]!] = 1;
    out.push(ids.slice(0, n));
  }
  const keptWords = Array.from(order.subarray(0, kept), (id) => words[id]!);
  // A text shortened below two words took some words' last occurrences with it: rank again
  // without them (each round drops words, so this ends).
  if (seen.includes(0)) return buildCorpus(out, keptWords, options);
  return { sequences: out, words: keptWords };
}

/**
 * A corpus from plain texts, tokenized as the kit tokenizes reviews (Keras' defaults: lower
 * case, punctuation removed; `<br />` becomes a space). Each text is one sequence, so no
 * context window reaches across two texts.
 */
export function corpusFromTexts(texts: Iterable<string>, options: CorpusOptions = {}): Corpus {
  const interner = new WordInterner();
  const sequences = Array.from(texts, (text) => interner.intern(tokenizeReview(text)));
  return buildCorpus(sequences, interner.words, options);
}

/** Splits a pasted text into its non-empty lines, one sequence each, for {@link corpusFromTexts}. */
export function textLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** Stored reviews: word ranks (from 1; 0 for a word outside the vocabulary) with offsets. */
export interface RankedTexts {
  /** Text `i`'s ranks are `tokens.subarray(offsets[i], offsets[i + 1])`. */
  offsets: ArrayLike<number>;
  /** Word ranks: rank r is the word `vocabulary[r - 1]`; 0 is an unknown word, dropped. */
  tokens: Uint32Array;
}

/**
 * A corpus from texts stored as word ranks (the prepared IMDB split): the texts at `indices`
 * (all by default), with `vocabulary[r - 1]` the word of rank r, re-ranked within the subset.
 */
export function corpusFromRanks(
  texts: RankedTexts,
  vocabulary: readonly string[],
  indices?: ArrayLike<number>,
  options: CorpusOptions = {},
): Corpus {
  const count = texts.offsets.length - 1;
  const pick = indices ?? Array.from({ length: count }, (_, i) => i);
  const sequences: Int32Array[] = [];
  for (let k = 0; k < pick.length; k++) {
    const i = pick[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`text ${i} is outside 0..${count - 1}`);
    const ranks = texts.tokens.subarray(texts.offsets[i], texts.offsets[i + 1]);
    const ids = new Int32Array(ranks.length);
    let n = 0;
    for (let j = 0; j < ranks.length; j++) {
      const r = ranks[j]!;
      if (r > 0 && r <= vocabulary.length) ids[n++] = r - 1;
    }
    sequences.push(ids.subarray(0, n));
  }
  return buildCorpus(sequences, vocabulary, options);
}

/**
 * `count` indices spread evenly over `0 .. total - 1` (all of them when count >= total). The
 * IMDB splits store negative reviews before positive ones, so an even spread takes both.
 */
export function evenlySpaced(count: number, total: number): Int32Array {
  const n = Math.max(0, Math.min(Math.floor(count), total));
  return Int32Array.from({ length: n }, (_, k) => Math.floor((k * total) / n));
}

/** How many word tokens the corpus holds. */
export function corpusTokens(corpus: Corpus): number {
  return corpus.sequences.reduce((n, s) => n + s.length, 0);
}
