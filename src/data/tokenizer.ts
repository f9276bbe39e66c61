/**
 * Text to words, exactly as the Keras `Tokenizer` does it by default, so that a model trained
 * here sees the same tokens as the source articles' Keras models.
 */

/** The characters the Keras `Tokenizer` removes by default (its `filters` argument). */
export const KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/** Options of {@link textToWordSequence}; the defaults are the Keras defaults. */
export interface TokenizeOptions {
  /** Characters replaced by the split character before splitting. */
  filters?: string;
  /** Lower-case the text first. */
  lower?: boolean;
  /** The separator the text is split on. */
  split?: string;
}

// IMDB reviews carry HTML line breaks. Keras would keep them as the token "br" (its filter only
// removes the angle brackets and the slash), which is noise, so they become spaces first.
const HTML_BREAK = /<br\s*\/?>/gi;

/** Turns `<br />` line breaks into spaces; the rest of the text is left alone. */
export function stripHtmlBreaks(text: string): string {
  return text.replace(HTML_BREAK, ' ');
}

/**
 * Splits a text into words like Keras' `text_to_word_sequence`: lower-case, every filter
 * character becomes the split character, then split and drop empty pieces. Apostrophes are not
 * in the filter, so "don't" stays one word, as in Keras.
 */
export function textToWordSequence(text: string, options: TokenizeOptions = {}): string[] {
  const { filters = KERAS_FILTERS, lower = true, split = ' ' } = options;
  let s = lower ? text.toLowerCase() : text;
  if (filters.length > 0) {
    const filterSet = new Set(filters);
    let out = '';
    for (const ch of s) out += filterSet.has(ch) ? split : ch;
    s = out;
  }
  return s.split(split).filter((w) => w.length > 0);
}

/** A word index by descending frequency, as Keras' `Tokenizer.fit_on_texts` builds it. */
export interface WordIndex {
  /** Word to index; indices start at 1 (0 is kept for padding). */
  index: Map<string, number>;
  /** Words in index order: `words[i - 1]` has index `i`. */
  words: string[];
  /** How often each word occurs, in the same order as `words`. */
  counts: number[];
}

/**
 * Builds the word index of a list of tokenised texts: most frequent word first, ties in the
 * order words were first seen (Keras sorts its ordered counts with a stable sort).
 */
export function buildWordIndex(texts: Iterable<readonly string[]>): WordIndex {
  const counts = new Map<string, number>();
  for (const words of texts) {
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Array.prototype.sort is stable, and Map iterates in insertion (first-seen) order.
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const index = new Map<string, number>();
  sorted.forEach(([w], i) => index.set(w, i + 1));
  return { index, words: sorted.map(([w]) => w), counts: sorted.map(([, c]) => c) };
}

/**
 * Returns a tokenizer that gives exactly what {@link textToWordSequence} gives for the same
 * options, but scans the text once without building an intermediate string: preparing IMDB
 * tokenizes 65 MB of reviews.
 */
export function createTokenizer(options: TokenizeOptions = {}): (text: string) => string[] {
  const { filters = KERAS_FILTERS, lower = true, split = ' ' } = options;
  // The single scan compares UTF-16 code units, which is only right for separators that are one
  // code unit each; anything else takes the plain path.
  if (split.length !== 1 || [...filters].some((ch) => ch.length !== 1)) {
    return (text) => textToWordSequence(text, options);
  }
  const separator = new Uint8Array(65536);
  for (const ch of filters) separator[ch.charCodeAt(0)] = 1;
  separator[split.charCodeAt(0)] = 1;
  return (text) => {
    const s = lower ? text.toLowerCase() : text;
    const words: string[] = [];
    let start = -1;
    for (let i = 0; i < s.length; i++) {
      if (separator[s.charCodeAt(i)] === 1) {
        if (start >= 0) words.push(s.slice(start, i));
        start = -1;
      } else if (start < 0) start = i;
    }
    if (start >= 0) words.push(s.slice(start));
    return words;
  };
}

const kerasTokenizer = createTokenizer();

/**
 * The kit's tokenizer for a review: `<br />` becomes a space, then the Keras defaults apply
 * (lower-case, punctuation filter, split on spaces). Training, evaluation and "your own review"
 * all go through this one function, so they see the same tokens.
 */
export function tokenizeReview(text: string): string[] {
  return kerasTokenizer(stripHtmlBreaks(text));
}
