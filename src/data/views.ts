/**
 * Model inputs derived from the stored word ranks. One prepared dataset holds every review as
 * full-vocabulary ranks; a view picks the index layout, the vocabulary cut-off and the length
 * at load time, so the `r-keras` and `py-keras` models share the same files.
 */
import { padInto, type PadOptions } from './pad.ts';
import { tokenizeReview } from './tokenizer.ts';
import { wordsToRanks, type Vocabulary } from './vocabulary.ts';

/** Index of padding in both layouts. */
export const PAD_ID = 0;
/** Index of the start-of-review marker in the `keras.datasets.imdb` layout. */
export const START_ID = 1;
/** Index of out-of-vocabulary words in the `keras.datasets.imdb` layout. */
export const OOV_ID = 2;
/** Offset added to word ranks in the `keras.datasets.imdb` layout (its `index_from`). */
export const INDEX_FROM = 3;

/** How stored ranks become model input ids. */
export interface SequenceView extends PadOptions {
  /**
   * `'imdb'`: the `keras.datasets.imdb` layout. Each review starts with {@link START_ID}; a word
   * of rank r gets r + {@link INDEX_FROM} (so the most frequent word is 4 and 3 is never used,
   * exactly as in Keras); words outside the vocabulary or cut off by `numWords` become
   * {@link OOV_ID}. `'tokenizer'`: the ids of Keras' `Tokenizer.texts_to_sequences` without an
   * OOV token: a word's id is its rank and unknown or cut-off words are dropped.
   */
  layout?: 'imdb' | 'tokenizer';
  /** Keep only ids below this number (Keras' `num_words`); by default every word. */
  numWords?: number;
}

/** The data view of the `r-keras` model: `dataset_imdb(num_words = 20000)`, `maxlen = 80`. */
export const R_KERAS_VIEW: Readonly<SequenceView> = { layout: 'imdb', numWords: 20000, maxlen: 80 };

/** The data view of the `py-keras` model: a `Tokenizer` over all training words, `maxlen = 100`. */
export const PY_KERAS_VIEW: Readonly<SequenceView> = { layout: 'tokenizer', maxlen: 100 };

/** The input size an Embedding layer needs for a view: one more than the largest id. */
export function inputDim(vocabularySize: number, view: SequenceView = {}): number {
  const { layout = 'imdb', numWords } = view;
  const all = layout === 'imdb' ? vocabularySize + INDEX_FROM + 1 : vocabularySize + 1;
  return numWords === undefined ? all : Math.min(numWords, all);
}

/** Turns stored ranks (0 = unknown word) into a view's unpadded ids, one per word kept (`[length]`). */
export function ranksToIds(ranks: ArrayLike<number>, view: SequenceView = {}): Int32Array {
  const { layout = 'imdb', numWords = Infinity } = view;
  if (layout === 'imdb') {
    const out = new Int32Array(ranks.length + 1);
    out[0] = START_ID;
    for (let i = 0; i < ranks.length; i++) {
      const r = ranks[i]!;
      const id = r + INDEX_FROM;
      out[i + 1] = r === 0 || id >= numWords ? OOV_ID : id;
    }
    return out;
  }
  const out = new Int32Array(ranks.length);
  let n = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i]!;
    if (r !== 0 && r < numWords) out[n++] = r;
  }
  return out.slice(0, n);
}

/** Turns a view's ids back into words, with `<pad>`, `<start>`, `<oov>` and `<unused>` markers. */
export function idsToWords(ids: ArrayLike<number>, vocabulary: Vocabulary, view: SequenceView = {}): string[] {
  const { layout = 'imdb' } = view;
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === PAD_ID) out.push('<pad>');
    else if (layout === 'tokenizer') out.push(vocabulary.words[id - 1] ?? '<oov>');
    else if (id === START_ID) out.push('<start>');
    else if (id === OOV_ID) out.push('<oov>');
    else out.push(vocabulary.words[id - INDEX_FROM - 1] ?? '<unused>');
  }
  return out;
}

/**
 * Encodes any text (such as a review the reader types) exactly as the training data was
 * encoded: tokenize, look up ranks, apply the view, then pad to a row `[maxlen]` if the view has one.
 */
export function encodeText(text: string, vocabulary: Vocabulary, view: SequenceView = {}): Int32Array {
  const ids = ranksToIds(wordsToRanks(tokenizeReview(text), vocabulary), view);
  if (view.maxlen === undefined) return ids;
  const out = new Int32Array(view.maxlen);
  padInto(ids, out, 0, { ...view, maxlen: view.maxlen });
  return out;
}

/** Reviews as stored: word ranks with offsets, and labels (a loaded split or a shard). */
export interface RankedReviews {
  /** Review `i`'s ranks are `tokens.subarray(offsets[i], offsets[i + 1])`. */
  offsets: Uint32Array;
  /** Word ranks, 0 for words outside the vocabulary. */
  tokens: Uint32Array;
  /** 1 for positive, 0 for negative. */
  labels: Uint8Array;
}

/** A batch ready for a model. */
export interface EncodedBatch {
  /** Padded ids, row-major: a tensor of shape `[rows, maxlen]`. */
  x: Int32Array;
  /** Labels as 0 or 1: a tensor of shape `[rows]` (float, for binary cross-entropy). */
  y: Float32Array;
  /** `[rows, maxlen]`. */
  shape: [number, number];
}

/** A review's stored word ranks (a view into the split's token array, not a copy). */
export function reviewRanks(reviews: RankedReviews, index: number): Uint32Array {
  return reviews.tokens.subarray(reviews.offsets[index], reviews.offsets[index + 1]);
}

/**
 * Encodes reviews through a view and pads them into a batch: all reviews, or those at
 * `indices` (a shuffled batch, say) in that order: ids `[rows, maxlen]` and labels `[rows]`. The
 * view must have a `maxlen`.
 */
export function encodeReviews(reviews: RankedReviews, view: SequenceView, indices?: ArrayLike<number>): EncodedBatch {
  const { maxlen } = view;
  if (maxlen === undefined) throw new RangeError('encodeReviews needs a view with a maxlen');
  const rows = indices?.length ?? reviews.labels.length;
  const x = new Int32Array(rows * maxlen);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const i = indices === undefined ? row : indices[row]!;
    padInto(ranksToIds(reviewRanks(reviews, i), view), x, row * maxlen, { ...view, maxlen });
    y[row] = reviews.labels[i]!;
  }
  return { x, y, shape: [rows, maxlen] };
}

/** One word of a typed text, and what the view made of it. */
export interface EncodedWord {
  word: string;
  /** Its id in the view; null when the view drops it ('tokenizer' layout, unknown word). */
  id: number | null;
  /** 'oov': became {@link OOV_ID}; 'dropped': not in the vocabulary, left out; 'cut': lost to truncation. */
  status: 'kept' | 'oov' | 'dropped' | 'cut';
}

/**
 * {@link encodeText} with its working shown: every word of the text with its id and fate, and
 * the padded row `[maxlen]` (identical to `encodeText`'s) that the model receives.
 */
export function explainText(
  text: string,
  vocabulary: Vocabulary,
  view: SequenceView,
): { words: EncodedWord[]; ids: Int32Array; startMarker: boolean } {
  const { layout = 'imdb', maxlen } = view;
  const tokens = tokenizeReview(text);
  const ranks = wordsToRanks(tokens, vocabulary);
  const words: EncodedWord[] = tokens.map((word, i) => {
    const id = ranksToIds(ranks.subarray(i, i + 1), view);
    const own = layout === 'imdb' ? id[1]! : (id[0] ?? null);
    const status = own === null ? 'dropped' : own === OOV_ID && layout === 'imdb' ? 'oov' : 'kept';
    return { word, id: own, status };
  });
  const ids = encodeText(text, vocabulary, view);
  let startMarker = layout === 'imdb';
  if (maxlen !== undefined) {
    // 'pre' truncation keeps the last maxlen ids; 'post' the first (src/data/pad.ts).
    const kept = words.filter((w) => w.id !== null);
    const total = kept.length + (layout === 'imdb' ? 1 : 0);
    const cut = Math.max(0, total - maxlen);
    if (cut > 0) {
      const cutWords =
        view.truncating === 'post' ? kept.slice(kept.length - cut) : kept.slice(0, cut - (layout === 'imdb' ? 1 : 0));
      for (const w of cutWords) w.status = 'cut';
      if (layout === 'imdb' && view.truncating !== 'post') startMarker = false;
    }
  }
  return { words, ids, startMarker };
}
