/**
 * The parts of chapter 7's length study that need no tfjs (src/lstm/sentiment/length-study.ts runs the
 * models): which lengths to measure, how many reviews each truncates, the reviews of a sample,
 * progress, and the sentence with the key numbers. The page imports these without loading tfjs.
 */
import { viewLengths, type ReviewOffsets } from '../../data/explore.ts';
import type { RankedReviews } from '../../data/views.ts';
import { settingsView, type SentimentSettings } from './presets.ts';
import { percent as pct } from '../../data/format.ts';
import { LANG_TAG, type Locale } from '../../i18n/locales.ts';
import { LENGTH_STUDY_WORDS } from './length-study.words.ts';

/** The lengths the study measures by default; the model's own maxlen is added to them. */
export const STUDY_MAXLENS: readonly number[] = [20, 40, 80, 160, 320];

/** The lengths to measure: `base` plus the length the model was trained at, ascending, no repeats. */
export function studyMaxlens(trainedMaxlen: number, base: readonly number[] = STUDY_MAXLENS): number[] {
  return [...new Set([...base, trainedMaxlen])].sort((a, b) => a - b);
}

/** A model's weights as plain arrays, to rebuild it elsewhere (another length, another thread). */
export interface WeightArrays {
  shape: number[];
  data: Float32Array;
}

/** One measured length. */
export interface LengthPoint {
  maxlen: number;
  /** Reviews scored. */
  count: number;
  /** Share classified correctly (threshold 0.5). */
  accuracy: number;
  /** Binary cross-entropy. */
  loss: number;
  /** How many of the scored reviews this maxlen truncates. */
  truncated: number;
  /** Seconds the scoring took. */
  seconds: number;
}

/**
 * How many of the reviews are longer than each maxlen, i.e. lose their beginning to truncation.
 * `lengths` are the reviews' lengths in the model's view (see {@link reviewViewLengths}).
 */
export function countLonger(lengths: ArrayLike<number>, maxlens: readonly number[]): number[] {
  return maxlens.map((maxlen) => {
    let n = 0;
    for (let i = 0; i < lengths.length; i++) if (lengths[i]! > maxlen) n++;
    return n;
  });
}

/** The length of every review in the view of `settings` (start marker counted, dropped words not). */
export function reviewViewLengths(reviews: ReviewOffsets, settings: Readonly<SentimentSettings>): Uint32Array {
  return viewLengths(reviews, settingsView(settings));
}

/**
 * The share in [0, 1] of the study's work done, given `fractionOfThis` (a share in [0, 1]) of the
 * length at `index` (work grows with maxlen: one LSTM step per position).
 */
export function studyFraction(maxlens: readonly number[], index: number, fractionOfThis: number): number {
  const total = maxlens.reduce((s, m) => s + m, 0);
  const before = maxlens.slice(0, index).reduce((s, m) => s + m, 0);
  return total === 0 ? 1 : Math.min(1, (before + fractionOfThis * (maxlens[index] ?? 0)) / total);
}

/**
 * The reviews at `indices` as a compact set of their own (review k is `indices[k]`), to post to a
 * worker without the rest of the split.
 */
export function subsetReviews(reviews: RankedReviews, indices: ArrayLike<number>): RankedReviews {
  let total = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    total += reviews.offsets[i + 1]! - reviews.offsets[i]!;
  }
  const offsets = new Uint32Array(indices.length + 1);
  const tokens = new Uint32Array(total);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const from = reviews.offsets[i]!;
    const to = reviews.offsets[i + 1]!;
    tokens.set(reviews.tokens.subarray(from, to), offsets[k]!);
    offsets[k + 1] = offsets[k]! + (to - from);
    labels[k] = reviews.labels[i]!;
  }
  return { offsets, tokens, labels };
}

/** Percent with one decimal, "78.0%". */

/**
 * One or two sentences with the study's key numbers, for a caption and a chart's text
 * alternative: the accuracy at the trained length, at the shortest and longest lengths, and the
 * best length.
 */
export function describeStudy(points: readonly LengthPoint[], trainedMaxlen: number, locale: Locale = 'en'): string {
  const w = LENGTH_STUDY_WORDS[locale];
  if (points.length === 0) return w.nothingMeasured;
  const n = points[0]!.count;
  const trained = points.find((p) => p.maxlen === trainedMaxlen);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const shown = [...new Set([trained, first, last].filter((p) => p !== undefined))];
  const phrases = shown.map((p) => w.atMaxlen(pct(p.accuracy), String(p.maxlen), p === trained));
  const list = phrases.length > 1 ? w.list(phrases.slice(0, -1), phrases.at(-1)!) : phrases[0]!;
  const best = points.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return w.study(n.toLocaleString(LANG_TAG[locale]), n === 1, list, pct(best.accuracy), String(best.maxlen));
}
