/**
 * What the data explorer shows, computed without a DOM: where each word of a review lands in a
 * view's ids, which ids padding and truncation keep, length statistics, how much of the
 * vocabulary a view keeps, and the first rows of a view's index.
 */
import type { SplitName } from './imdb.ts';
import type { PadOptions } from './pad.ts';
import {
  idsToWords,
  INDEX_FROM,
  OOV_ID,
  PAD_ID,
  PY_KERAS_VIEW,
  R_KERAS_VIEW,
  START_ID,
  type SequenceView,
} from './views.ts';
import type { Vocabulary } from './vocabulary.ts';
import { LANG_TAG, type Locale } from '../i18n/locales.ts';
import { DATA_WORDS } from './data.words.ts';

/** The views of the two reference models, by preset name. */
export const REFERENCE_VIEWS = { 'r-keras': R_KERAS_VIEW, 'py-keras': PY_KERAS_VIEW } as const;

/** A preset name of {@link REFERENCE_VIEWS}. */
export type ReferenceView = keyof typeof REFERENCE_VIEWS;

/** A review's words lined up with a view's ids. */
export interface AlignedIds {
  /** The id the view puts before the first word ({@link START_ID} in the imdb layout), or null. */
  start: number | null;
  /** Each word's id in the view, -1 where the view drops the word. */
  ids: Int32Array;
  /** Each word's position in the view's unpadded sequence, -1 where it is dropped. */
  positions: Int32Array;
  /** Length of the view's unpadded sequence (the start marker included). */
  length: number;
}

/**
 * Lines up a review's stored ranks with the ids of `view`, word by word; the ids in order,
 * after `start`, are exactly `ranksToIds(ranks, view)`.
 */
export function alignIds(ranks: ArrayLike<number>, view: SequenceView = {}): AlignedIds {
  const { layout = 'imdb', numWords = Infinity } = view;
  const n = ranks.length;
  const ids = new Int32Array(n);
  const positions = new Int32Array(n);
  if (layout === 'imdb') {
    for (let i = 0; i < n; i++) {
      const r = ranks[i]!;
      ids[i] = r === 0 || r + INDEX_FROM >= numWords ? OOV_ID : r + INDEX_FROM;
      positions[i] = i + 1;
    }
    return { start: START_ID, ids, positions, length: n + 1 };
  }
  let length = 0;
  for (let i = 0; i < n; i++) {
    const r = ranks[i]!;
    const kept = r !== 0 && r < numWords;
    ids[i] = kept ? r : -1;
    positions[i] = kept ? length++ : -1;
  }
  return { start: null, ids, positions, length };
}

/** The length of `ranksToIds(ranks, view)`, without building it. */
export function viewLength(ranks: ArrayLike<number>, view: SequenceView = {}): number {
  const { layout = 'imdb', numWords = Infinity } = view;
  if (layout === 'imdb') return ranks.length + 1;
  let length = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i]!;
    if (r !== 0 && r < numWords) length++;
  }
  return length;
}

/** What `pad_sequences` does to one sequence: which ids it keeps and where the zeros go. */
export interface PadLayout {
  /** The row length. */
  maxlen: number;
  /** The sequence's length. */
  length: number;
  /** Ids kept: `min(length, maxlen)`. */
  kept: number;
  /** Zeros added. */
  pads: number;
  /** Ids cut off. */
  cut: number;
  /** The kept ids are positions `from` to `to - 1` of the sequence. */
  from: number;
  /** One past the last kept position. */
  to: number;
  /** Where the kept ids start in the row. */
  at: number;
  /** Which end the zeros go, or null when there are none. */
  padAt: 'pre' | 'post' | null;
  /** Which end was cut, or null when nothing was. */
  cutAt: 'pre' | 'post' | null;
}

/** The {@link PadLayout} of a sequence of `length` ids, with Keras' defaults ('pre', 'pre'). */
export function padLayout(length: number, options: PadOptions & { maxlen: number }): PadLayout {
  const { maxlen, padding = 'pre', truncating = 'pre' } = options;
  const kept = Math.min(length, maxlen);
  const from = truncating === 'pre' ? length - kept : 0;
  const pads = maxlen - kept;
  const cut = length - kept;
  return {
    maxlen,
    length,
    kept,
    pads,
    cut,
    from,
    to: from + kept,
    at: padding === 'pre' ? pads : 0,
    padAt: pads > 0 ? padding : null,
    cutAt: cut > 0 ? truncating : null,
  };
}

/** Reviews as offsets into a token array (a loaded split). */
export interface ReviewOffsets {
  /** Review `i` is `tokens[offsets[i]] .. tokens[offsets[i + 1] - 1]`. */
  offsets: Uint32Array;
  /** Word ranks. */
  tokens: Uint32Array;
}

/** The number of words of reviews `first` to `first + count - 1` (all by default). */
export function reviewLengths(
  reviews: ReviewOffsets,
  first = 0,
  count = reviews.offsets.length - 1 - first,
): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = reviews.offsets[first + i + 1]! - reviews.offsets[first + i]!;
  return out;
}

/** The length of each review's ids under `view` (the start marker included, dropped words not). */
export function viewLengths(
  reviews: ReviewOffsets,
  view: SequenceView,
  first = 0,
  count = reviews.offsets.length - 1 - first,
): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = viewLength(reviews.tokens.subarray(reviews.offsets[first + i], reviews.offsets[first + i + 1]), view);
  }
  return out;
}

/** Summary numbers of a list of lengths. */
export interface LengthStats {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  /** The 99th percentile, a sensible end for a histogram's axis. */
  p99: number;
}

/** Quantile `q` (a share in [0, 1]) of sorted numbers, interpolated between neighbours (R's type 7, as d3 does it). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

/** Count, extremes, mean, median and 99th percentile; NaN for an empty list. */
export function lengthStats(lengths: ArrayLike<number>): LengthStats {
  const sorted = Float64Array.from(lengths).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return {
    count: n,
    min: n ? sorted[0]! : NaN,
    max: n ? sorted[n - 1]! : NaN,
    mean: n ? sum / n : NaN,
    median: quantileSorted(sorted, 0.5),
    p99: quantileSorted(sorted, 0.99),
  };
}

/** How many sequences a `maxlen` cuts. */
export interface Truncation {
  /** Sequences in all. */
  count: number;
  /** Sequences longer than `maxlen`, which lose ids. */
  longer: number;
  /** `longer / count` (0 for no sequences). */
  share: number;
}

/** The share in [0, 1] of `lengths` longer than `maxlen`. */
export function truncation(lengths: ArrayLike<number>, maxlen: number): Truncation {
  let longer = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i]! > maxlen) longer++;
  return { count: lengths.length, longer, share: lengths.length ? longer / lengths.length : 0 };
}

/** How much of the training vocabulary a view keeps. */
export interface Coverage {
  /** Vocabulary words the view gives an id of their own. */
  words: number;
  /** Share of training tokens that are such words (the rest become OOV or are dropped). */
  tokenShare: number;
}

/** The words and the share of training tokens that keep their own id under `view`'s `numWords`. */
export function vocabularyCoverage(vocabulary: Vocabulary, view: SequenceView = {}): Coverage {
  const { layout = 'imdb', numWords = Infinity } = view;
  // A word of rank r has id r + INDEX_FROM (imdb) or r (tokenizer); ids must stay below numWords.
  const maxRank = layout === 'imdb' ? numWords - INDEX_FROM - 1 : numWords - 1;
  const words = Math.max(0, Math.min(vocabulary.words.length, maxRank));
  let kept = 0;
  let all = 0;
  vocabulary.counts.forEach((c, i) => {
    all += c;
    if (i < words) kept += c;
  });
  return { words, tokenShare: all ? kept / all : 0 };
}

/** One row of a view's index. */
export interface IndexRow {
  id: number;
  /** The word, or a marker such as `<pad>`. */
  token: string;
  /** What the id stands for. */
  kind: 'pad' | 'start' | 'oov' | 'unused' | 'word';
  /** How often the word occurs in the training reviews (words only). */
  count?: number;
}

/** The first `count` ids of a view's index, with what each stands for. */
export function indexRows(vocabulary: Vocabulary, view: SequenceView = {}, count = 8): IndexRow[] {
  const { layout = 'imdb' } = view;
  const ids = Array.from({ length: count }, (_, id) => id);
  const tokens = idsToWords(ids, vocabulary, view);
  return ids.map((id, i) => {
    const token = tokens[i]!;
    if (id === PAD_ID) return { id, token, kind: 'pad' };
    if (layout === 'imdb' && id === START_ID) return { id, token, kind: 'start' };
    if (layout === 'imdb' && id === OOV_ID) return { id, token, kind: 'oov' };
    const rank = layout === 'imdb' ? id - INDEX_FROM : id;
    if (rank < 1 || rank > vocabulary.words.length) return { id, token, kind: 'unused' };
    return { id, token, kind: 'word', count: vocabulary.counts[rank - 1]! };
  });
}

/** Which reviews of a split to browse: all, or one sentiment. */
export type LabelFilter = 'all' | 'pos' | 'neg';

/** The reviews of a split that a label filter selects, as a range (negatives come first). */
export function labelRange(
  split: { count: number; negative: number },
  label: LabelFilter,
): { first: number; count: number } {
  if (label === 'neg') return { first: 0, count: split.negative };
  if (label === 'pos') return { first: split.negative, count: split.count - split.negative };
  return { first: 0, count: split.count };
}

/** The path a review had in the archive, e.g. `aclImdb/train/pos/123_9.txt`. */
export function reviewPath(split: SplitName, label: number, id: number, rating: number): string {
  return `aclImdb/${split}/${label ? 'pos' : 'neg'}/${id}_${rating}.txt`;
}

/** A piece of a review's text: plain text, or an HTML line break as written. */
export interface TextPiece {
  text: string;
  /** True for a `<br />` tag, which the tokenizer turns into a space. */
  lineBreak: boolean;
}

// The same pattern as the tokenizer's: <br>, <br/>, <br />, any case.
const HTML_BREAK = /<br\s*\/?>/gi;

/** Splits a review into text and `<br />` pieces, so that a page can mark the tags (as text). */
export function splitLineBreaks(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(HTML_BREAK)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), lineBreak: false });
    out.push({ text: m[0], lineBreak: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), lineBreak: false });
  return out;
}

/** A piece of {@link textPage}: text, a line break, or a run of line breaks folded into one. */
export interface ShownPiece extends TextPiece {
  /** For a folded run: how many `<br />` tags it stands for (more than are shown). */
  folded?: number;
}

/** One page of a review's text to show, and where the next page starts. */
export interface TextPage {
  pieces: ShownPiece[];
  /** Index of the next page's first piece in the pieces given, or null at the end. */
  next: number | null;
  /** Characters of text (tags not counted) up to the end of this page, and in the whole review. */
  shownChars: number;
  totalChars: number;
}

/**
 * {@link splitLineBreaks}, with text longer than `maxChars` characters split into pieces of at
 * most that length, so that a page of {@link textPage} never has to cut one.
 */
export function pagedPieces(text: string, maxChars = 20_000): TextPiece[] {
  return splitLineBreaks(text).flatMap((p) => {
    if (p.lineBreak || p.text.length <= maxChars) return [p];
    return Array.from({ length: Math.ceil(p.text.length / maxChars) }, (_, k) => ({
      text: p.text.slice(k * maxChars, (k + 1) * maxChars),
      lineBreak: false,
    }));
  });
}

/**
 * A page of a review's text for the page to draw, from piece `from` of {@link pagedPieces}:
 * pieces up to about `maxChars` characters, with every run of more than `maxBreaks` line breaks
 * folded into one piece that counts them. A review of 200,000 words or of 150,000 `<br />`
 * tags is then drawn a page at a time, and its words are not pushed off the screen.
 */
export function textPage(
  pieces: readonly TextPiece[],
  { from = 0, maxChars = 20_000, maxBreaks = 2 }: { from?: number; maxChars?: number; maxBreaks?: number } = {},
): TextPage {
  let totalChars = 0;
  let shownChars = 0;
  for (let k = 0; k < pieces.length; k++) {
    const n = pieces[k]!.lineBreak ? 0 : pieces[k]!.text.length;
    totalChars += n;
    if (k < from) shownChars += n;
  }
  const out: ShownPiece[] = [];
  let onPage = 0;
  let i = from;
  while (i < pieces.length) {
    const piece = pieces[i]!;
    if (piece.lineBreak) {
      let end = i;
      while (end < pieces.length && pieces[end]!.lineBreak) end++;
      if (end - i > maxBreaks) out.push({ text: piece.text, lineBreak: true, folded: end - i });
      else out.push(...pieces.slice(i, end));
      i = end;
      continue;
    }
    if (onPage > 0 && onPage + piece.text.length > maxChars) break;
    out.push(piece);
    onPage += piece.text.length;
    i++;
  }
  return { pieces: out, next: i < pieces.length ? i : null, shownChars: shownChars + onPage, totalChars };
}

/** One word of a review as the explorer shows it, with the id a view gives it. */
export interface WordCell {
  word: string;
  /** The id as text ('—' for a word the view drops). */
  id: string;
  /** 'marker': the <start> id; 'oov': out of the view's vocabulary (id 2); 'dropped': not kept. */
  kind: 'marker' | 'word' | 'oov' | 'dropped';
  /** True when truncation to maxlen cuts it from the row. */
  cut: boolean;
}

/** A review's words with their ids under `view` and `pad`, and what happened to them. */
export interface WordCells {
  cells: WordCell[];
  /** Words out of the view's vocabulary (they became id 2), and words it dropped. */
  oov: number;
  dropped: number;
  /** The ids after alignment (with <start>), and how padding lays them into the row. */
  aligned: AlignedIds;
  layout: PadLayout;
}

/**
 * Each word of a review (`ranks` as stored, `words` its tokens, for words the training
 * vocabulary lacks) with the id `view` gives it and whether truncation to `pad.maxlen` cuts it.
 */
export function wordCells(
  ranks: ArrayLike<number>,
  words: readonly string[],
  vocabulary: readonly string[],
  view: SequenceView,
  pad: PadOptions & { maxlen: number },
): WordCells {
  const aligned = alignIds(ranks, view);
  const layout = padLayout(aligned.length, pad);
  const inRow = (position: number) => position >= layout.from && position < layout.to;
  const cells: WordCell[] = [];
  if (aligned.start !== null)
    cells.push({ word: '<start>', id: String(aligned.start), kind: 'marker', cut: !inRow(0) });
  let oov = 0;
  let dropped = 0;
  for (let i = 0; i < ranks.length; i++) {
    const rank = ranks[i]!;
    const word = rank > 0 ? vocabulary[rank - 1]! : (words[i] ?? '?');
    const id = aligned.ids[i]!;
    if (id < 0) {
      dropped++;
      cells.push({ word, id: '—', kind: 'dropped', cut: false });
      continue;
    }
    const isOov = id === OOV_ID && view.layout !== 'tokenizer';
    if (isOov) oov++;
    cells.push({ word, id: String(id), kind: isOov ? 'oov' : 'word', cut: !inRow(aligned.positions[i]!) });
  }
  return { cells, oov, dropped, aligned, layout };
}

/**
 * What the view and padding make of a review of `words` words, in one sentence for the reader:
 * ids, <start>, words out of the vocabulary or dropped, and what truncation or padding does.
 */
export function rowSummary(
  words: number,
  { oov, dropped, aligned, layout }: Omit<WordCells, 'cells'>,
  { maxlen, padding = 'pre', truncating = 'pre' }: PadOptions & { maxlen: number },
  locale: Locale = 'en',
): string {
  const w = DATA_WORDS[locale];
  const n = (x: number) => x.toLocaleString(locale === 'en' ? 'en-US' : LANG_TAG[locale]);
  const parts = [
    w.wordsToIds(words, n(words), aligned.length, n(aligned.length)),
    aligned.start !== null ? w.startFirst(String(aligned.start)) : '',
  ];
  if (oov) parts.push(w.oov(oov, n(oov)));
  if (dropped) parts.push(w.dropped(dropped, n(dropped)));
  parts.push(w.end);
  if (layout.cut > 0) parts.push(w.truncation(String(maxlen), truncating, truncating === 'pre', n(layout.cut)));
  else if (layout.pads > 0)
    parts.push(w.padding(String(maxlen), padding, padding === 'pre', layout.pads, n(layout.pads)));
  else parts.push(w.exact(String(maxlen)));
  return parts.join('');
}
