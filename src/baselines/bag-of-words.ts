/**
 * Bag-of-words features: a review becomes the set of words and of adjacent word pairs
 * (bigrams) it contains, whatever their order elsewhere. Words are the ranks of the kit's
 * vocabulary (the Keras tokenizer over the training reviews), so the features see exactly the
 * words the LSTM sees, without the 20,000-word cut or the 80-word window. Each present n-gram is
 * weighted by its inverse document frequency and each review's row is scaled to length 1
 * (tf-idf with binary term frequencies). Which n-grams count, and their weights, come from the
 * training reviews only.
 */
import type { RankedReviews } from '../data/views.ts';
import { reviewRanks } from '../data/views.ts';

/** Options of {@link fitBagOfWords}. */
export interface BagOfWordsOptions {
  /** Also use pairs of adjacent words (default true). */
  bigrams?: boolean;
  /** Keep only n-grams found in at least this many training reviews (default 2). */
  minReviews?: number;
  /** Weight each n-gram by its inverse document frequency (default true); else every present n-gram weighs 1. */
  idf?: boolean;
}

/** The fitted feature map: which n-grams are columns, and their weights. */
export interface BagOfWords {
  /** Column of the word of rank `r`, or -1 when it is not a feature. */
  wordColumn: Int32Array;
  /** The kept bigrams as ascending keys `r1 * stride + r2`; the bigram at place `k` is column `words + k`. */
  bigramKeys: Float64Array;
  /** One more than the largest rank: the multiplier of bigram keys. */
  stride: number;
  /** Number of word columns. */
  words: number;
  /** Number of columns in all. */
  columns: number;
  /** Each column's weight: `ln((1 + n) / (1 + df)) + 1` for `n` reviews of which `df` hold the n-gram, or 1. */
  weight: Float64Array;
}

/** Rows of a sparse matrix (compressed sparse rows): row `i` has `values[k]` at column `indices[k]` for k in `indptr[i]..indptr[i+1]`. */
export interface SparseRows {
  rows: number;
  columns: number;
  indptr: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

function largestRank(reviews: RankedReviews): number {
  let max = 0;
  for (const r of reviews.tokens) if (r > max) max = r;
  return max;
}

/**
 * Appends the distinct bigram keys of one review's ranks to `out` from `at` (unknown words,
 * rank 0, break pairs); returns the new end.
 */
function reviewBigrams(ranks: Uint32Array, stride: number, out: Float64Array, at: number): number {
  const start = at;
  for (let k = 1; k < ranks.length; k++) {
    const a = ranks[k - 1]!;
    const b = ranks[k]!;
    if (a !== 0 && b !== 0) out[at++] = a * stride + b;
  }
  if (at - start < 2) return at;
  out.subarray(start, at).sort();
  let end = start + 1;
  for (let k = start + 1; k < at; k++) if (out[k] !== out[end - 1]) out[end++] = out[k]!;
  return end;
}

/** Fits the feature map on training reviews. */
export function fitBagOfWords(train: RankedReviews, options: BagOfWordsOptions = {}): BagOfWords {
  const { bigrams = true, minReviews = 2, idf = true } = options;
  const n = train.labels.length;
  if (n === 0) throw new RangeError('a bag of words needs at least one training review');
  const stride = largestRank(train) + 1;
  // Words: document frequencies, counting each review once.
  const wordDf = new Uint32Array(stride);
  const seen = new Int32Array(stride).fill(-1);
  for (let i = 0; i < n; i++) {
    for (const r of reviewRanks(train, i)) {
      if (r === 0 || seen[r] === i) continue;
      seen[r] = i;
      wordDf[r]++;
    }
  }
  const wordColumn = new Int32Array(stride).fill(-1);
  const df: number[] = [];
  for (let r = 1; r < stride; r++) {
    if (wordDf[r]! < minReviews) continue;
    wordColumn[r] = df.length;
    df.push(wordDf[r]!);
  }
  const words = df.length;
  // Bigrams: every review's distinct pairs, sorted together and counted in runs.
  let bigramKeys = new Float64Array(0);
  if (bigrams) {
    const all = new Float64Array(train.tokens.length);
    let at = 0;
    for (let i = 0; i < n; i++) at = reviewBigrams(reviewRanks(train, i), stride, all, at);
    const sorted = all.subarray(0, at).sort();
    const kept: number[] = [];
    for (let k = 0; k < sorted.length;) {
      let end = k + 1;
      while (end < sorted.length && sorted[end] === sorted[k]) end++;
      if (end - k >= minReviews) {
        kept.push(sorted[k]!);
        df.push(end - k);
      }
      k = end;
    }
    bigramKeys = Float64Array.from(kept);
  }
  const weight = new Float64Array(df.length);
  for (let c = 0; c < df.length; c++) weight[c] = idf ? Math.log((1 + n) / (1 + df[c]!)) + 1 : 1;
  return { wordColumn, bigramKeys, stride, words, columns: df.length, weight };
}

/** The column of a bigram key, or -1 (binary search in the sorted keys). */
function bigramColumn(bow: BagOfWords, key: number): number {
  const keys = bow.bigramKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return bow.words + mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The feature rows of reviews `first` to `first + count - 1` (default all): each row holds its
 * present n-grams' weights, scaled to length 1 (a review without any feature stays empty).
 */
export function bagOfWordsRows(bow: BagOfWords, reviews: RankedReviews, first = 0, count?: number): SparseRows {
  const total = reviews.labels.length;
  const rows = count ?? total - first;
  if (first < 0 || rows < 0 || first + rows > total)
    throw new RangeError(`reviews ${first} to ${first + rows - 1} do not exist (there are ${total})`);
  const indptr = new Uint32Array(rows + 1);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    nnz += reviews.offsets[first + i + 1]! - reviews.offsets[first + i]!;
  }
  // At most one word and one bigram per token.
  let indices = new Uint32Array(2 * nnz);
  const keys = new Float64Array(reviews.tokens.length === 0 ? 0 : maxLength(reviews, first, rows));
  const mark = new Int32Array(bow.columns).fill(-1);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const ranks = reviewRanks(reviews, first + i);
    const start = at;
    for (const r of ranks) {
      const c = r < bow.stride ? bow.wordColumn[r]! : -1;
      if (c < 0 || mark[c] === i) continue;
      mark[c] = i;
      indices[at++] = c;
    }
    const end = reviewBigrams(ranks, bow.stride, keys, 0);
    for (let k = 0; k < end; k++) {
      const c = bigramColumn(bow, keys[k]!);
      if (c >= 0) indices[at++] = c;
    }
    indices.subarray(start, at).sort();
    indptr[i + 1] = at;
  }
  indices = indices.slice(0, at);
  const values = new Float32Array(at);
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) norm += bow.weight[indices[k]!]! ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) values[k] = bow.weight[indices[k]!]! * scale;
  }
  return { rows, columns: bow.columns, indptr, indices, values };
}

function maxLength(reviews: RankedReviews, first: number, rows: number): number {
  let max = 0;
  for (let i = first; i < first + rows; i++) max = Math.max(max, reviews.offsets[i + 1]! - reviews.offsets[i]!);
  return max;
}
