/**
 * What chapter 6's review cell shows of the classifier reading one review, computed without a
 * DOM: the summary of the steps read, the points of the prediction plot p_t = σ(h_t · w + b),
 * one chip per word with how much it moved p (δ_t = p_t − p_{t−1}), the strongest moves, and the
 * verdict of the kit's cell against tfjs. The widget
 * (src/widgets/inside-classifier/classifier-review.ts) only draws these; numbers are printed
 * with the `fmt` it passes in (src/widgets/kit/format.ts), so that every readout looks the same.
 */
import { strongestMoves, type ReviewSteps, type StepMove } from './review-steps.ts';
import type { ClassifierTrace } from './trace.ts';
import { LANG_TAG, type Locale } from '../../i18n/locales.ts';
import { REVIEW_READING_WORDS } from './review-reading.words.ts';

/** Prints a number in a readout, e.g. "0.731" or "−0.012". */
export type Format = (x: number) => string;

/** The tolerance the chapter promises between the kit's cell and tfjs, on p in [0, 1]. */
export const TOLERANCE = 1e-4;

/** Thousands separators, as the kit's readouts print counts. */
function count(n: number, locale: Locale = 'en'): string {
  return Math.round(n).toLocaleString(locale === 'en' ? 'en-US' : LANG_TAG[locale]);
}

/** `x` with its sign, "+0.120" or "−0.045". */
export function signed(x: number, fmt: Format): string {
  return `${x >= 0 ? '+' : ''}${fmt(x)}`;
}

/** The sentences before the final prediction: what the model reads, and what it drops or cuts. */
export function readingSummary(steps: ReviewSteps, locale: Locale = 'en'): string[] {
  const w = REVIEW_READING_WORDS[locale];
  const n = (x: number) => count(x, locale);
  const L = steps.steps.length;
  const fates = (fate: string) => steps.fates.filter((f) => f === fate).length;
  const read = fates('read');
  const oov = fates('oov');
  const dropped = fates('dropped');
  const cut = fates('cut');
  const start = steps.steps.some((s) => s.kind === 'start');
  const parts = [
    w.paddingSteps(steps.padding, n(steps.padding)),
    ...(start ? [w.startMarker] : []),
    w.wordsRead(read + oov, n(read + oov), oov ? n(oov) : null),
  ];
  return [
    w.reads(n(L), parts.join(w.listComma)),
    dropped ? w.dropped(dropped, n(dropped)) : '',
    cut ? w.cut(cut, n(cut), n(L)) : '',
  ].filter(Boolean);
}

/** One step on the prediction plot: step t (from 1), p_t in [0, 1], δ_t, and the word read. */
export interface PredictionPoint {
  t: number;
  p: number;
  delta: number;
  word: string;
  pad: boolean;
}

/** The prediction plot's data. */
export interface PredictionSeries {
  /** The step the plot starts from: 0 (p_0), or the number of padding steps hidden. */
  first: number;
  /** The steps shown, from `first + 1`. */
  shown: PredictionPoint[];
  /** Where the shown steps start from: p_0 = σ(b), or p after the hidden padding. */
  before: { t: number; p: number };
  /** The word under each step's tick, `first` named "p₀" or "padding". */
  names: Map<number, string>;
  /** The shaded padding, in plot x units (empty when the padding is hidden or absent). */
  padRegion: { x1: number; x2: number }[];
  /** The plot's text alternative. */
  description: string;
}

/** The points of the prediction plot, with or without the padding steps. */
export function predictionSeries(
  steps: ReviewSteps,
  trace: ClassifierTrace,
  showPadding: boolean,
  fmt: Format,
  locale: Locale = 'en',
): PredictionSeries {
  const w = REVIEW_READING_WORDS[locale];
  const L = steps.steps.length;
  const first = showPadding ? 0 : steps.padding;
  const points: PredictionPoint[] = steps.steps.map((s, t) => ({
    t: t + 1,
    p: trace.p[t]!,
    delta: trace.delta[t]!,
    word: s.word,
    pad: s.kind === 'pad',
  }));
  const shown = points.slice(first);
  const before = { t: first, p: first === 0 ? trace.p0 : trace.p[first - 1]! };
  const names = new Map(points.map((q) => [q.t, q.word]));
  names.set(first, first === 0 ? 'p₀' : w.paddingTick);
  const description =
    (first === 0 ? w.beforeFirst(fmt(trace.p0)) : w.afterPadding(count(steps.padding, locale), fmt(before.p))) +
    w.afterLast(fmt(trace.p[L - 1]!)) +
    shown
      .filter((q) => !q.pad)
      .map((q) => `${q.word} ${fmt(q.p)}`)
      .join(', ');
  const padRegion = showPadding && steps.padding > 0 ? [{ x1: 0.5, x2: steps.padding + 0.5 }] : [];
  return { first, shown, before, names, padRegion, description };
}

/** One word of the review as a chip: what it shows, its class and its explanation. */
export interface WordChip {
  /** What the chip shows (and its `data-word`): the word, "word → <oov>" or "12 × <pad>". */
  label: string;
  /** The small line under it: δ signed, "dropped" or "cut". */
  small: string;
  /** '', 'pad', 'start', 'oov', 'dropped' or 'cut'. */
  className: string;
  /** What happened to it, in a sentence. */
  title: string;
  /** For a word read: its step (from 0) and δ_t, by which the widget colours it. */
  step?: number;
  delta?: number;
}

/** The review's words in order (padding and start marker first), each with what became of it. */
export function wordChips(steps: ReviewSteps, trace: ClassifierTrace, fmt: Format, locale: Locale = 'en'): WordChip[] {
  const w = REVIEW_READING_WORDS[locale];
  const chips: WordChip[] = [];
  const plain = (label: string, small: string, className: string, title: string): WordChip => ({
    label,
    small,
    className,
    title,
  });
  const read = (word: string, t: number, className: string): WordChip => {
    const d = trace.delta[t]!;
    const before = t === 0 ? trace.p0 : trace.p[t - 1]!;
    const oov = className === 'oov';
    return {
      label: oov ? `${word} → <oov>` : word,
      small: signed(d, fmt),
      className,
      title: w.stepTitle(count(t + 1, locale), word, oov, fmt(before), fmt(trace.p[t]!)),
      step: t,
      delta: d,
    };
  };
  if (steps.padding > 0) {
    const t = steps.padding - 1;
    const label = `${steps.padding} × <pad>`;
    const moved = w.paddingMoved(fmt(trace.p0), fmt(trace.p[t]!));
    chips.push(plain(label, signed(trace.p[t]! - trace.p0, fmt), 'pad', moved));
  }
  const startStep = steps.steps.findIndex((s) => s.kind === 'start');
  if (startStep >= 0) chips.push(read('<start>', startStep, 'start'));
  else if (steps.startCut) chips.push(plain('<start>', w.cutSmall, 'cut', w.startCut));
  steps.tokens.forEach((word, k) => {
    const fate = steps.fates[k]!;
    if (fate === 'dropped') {
      chips.push(plain(word, w.droppedSmall, 'dropped', w.droppedTitle(word)));
    } else if (fate === 'cut') {
      chips.push(plain(word, w.cutSmall, 'cut', w.cutTitle(word, count(steps.steps.length, locale))));
    } else {
      chips.push(read(word, steps.stepOf[k]!, fate === 'oov' ? 'oov' : ''));
    }
  });
  return chips;
}

/** The `k` words that raised and lowered the prediction most, as two sentences. */
export function movesText(
  steps: ReviewSteps,
  trace: ClassifierTrace,
  k: number,
  fmt: Format,
  locale: Locale = 'en',
): { up: string; down: string } {
  const w = REVIEW_READING_WORDS[locale];
  const { up, down } = strongestMoves(steps, trace.delta, k);
  const list = (moves: StepMove[]) =>
    moves.length === 0 ? w.none : moves.map((x) => `${x.word} (${signed(x.delta, fmt)})`).join(w.listComma);
  return { up: w.raised(list(up)), down: w.lowered(list(down)) };
}

/** The kit's cell against tfjs: |p_kit − p_tfjs| (null until tfjs answers) and what to say of it. */
export function predictVerdict(
  ours: number,
  theirs: number | null,
  error = '',
  locale: Locale = 'en',
): { diff: number | null; note: string } {
  const w = REVIEW_READING_WORDS[locale];
  const diff = theirs === null ? null : Math.abs(ours - theirs);
  const note = error ? w.predictFailed(error) : diff === null ? w.asking : diff < TOLERANCE ? w.agree : w.differ;
  return { diff, note };
}

/**
 * A test review as the cell shows it: at most `maxChars` characters, from its end (the model
 * reads a review's end, 'pre' truncation), cut at a word, and the note that says which review
 * it is (`index` from 0 of `count`, its author's rating out of 10).
 */
export function testReview(
  full: string,
  maxChars: number,
  review: { index: number; count: number; rating: number; positive: boolean },
  locale: Locale = 'en',
): { text: string; note: string } {
  const w = REVIEW_READING_WORDS[locale];
  const text = full.length > maxChars ? full.slice(full.length - maxChars).replace(/^\S*\s/, '') : full;
  const note =
    w.testReview(count(review.index + 1, locale), count(review.count, locale), String(review.rating), review.positive) +
    (text === full ? '' : w.long);
  return { text, note };
}
