/**
 * Chapter 7's length study as the page runs it: the request for the worker, the state of a run
 * (lengths measured so far, progress, the status line) as a small state machine, and every
 * sentence and table row the widget shows. No DOM, no tfjs, no worker: the widget
 * (src/widgets/limits/limits-length.ts) feeds it the worker's reports and draws what it returns,
 * and test/unit/limits-length-run.test.ts runs it in Node.
 */
import type { ReviewOffsets } from '../../data/explore.ts';
import { percent as pct } from '../../data/format.ts';
import type { RankedReviews } from '../../data/views.ts';
import {
  countLonger,
  describeStudy,
  reviewViewLengths,
  subsetReviews,
  type LengthPoint,
  type WeightArrays,
} from './length-cuts.ts';
import type { SentimentSettings } from './presets.ts';
import { LANG_TAG, type Locale } from '../../i18n/locales.ts';
import { LENGTH_STUDY_WORDS } from './length-study.words.ts';

/** `m:ss` for a duration in seconds, rounded to whole seconds ("1:05"). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Counts with thousands separators, as the rest of the kit prints them ("25,000"). */
function count(n: number, locale: Locale = 'en'): string {
  return Math.round(n).toLocaleString(LANG_TAG[locale]);
}

/** Truncation of all test reviews in the model's view, at each maxlen. */
export interface Cuts {
  /** Test reviews counted. */
  total: number;
  /** The lengths, in ids per review, ascending. */
  maxlens: number[];
  /** `longer[k]`: how many reviews are longer than `maxlens[k]`, i.e. lose their beginning. */
  longer: number[];
}

/** How many of the `reviews` each of `maxlens` truncates, in the view of `settings`. */
export function truncationCuts(
  reviews: ReviewOffsets,
  settings: Readonly<SentimentSettings>,
  maxlens: readonly number[],
): Cuts {
  const lengths = reviewViewLengths(reviews, settings);
  return { total: lengths.length, maxlens: [...maxlens], longer: countLonger(lengths, maxlens) };
}

/** Score these reviews at each maxlen with this model: the length-study worker's one request. */
export interface LengthStudyRun {
  type: 'run';
  settings: SentimentSettings;
  vocabularySize: number;
  /** The trained model's weights in `getWeights()` order (their buffers are transferred). */
  weights: WeightArrays[];
  /** The reviews to score, as stored ranks (only those of the sample: review k is index k). */
  reviews: { offsets: Uint32Array; tokens: Uint32Array; labels: Uint8Array };
  /** The lengths to score at, in ids per review, ascending. */
  maxlens: number[];
}

/** What the worker needs for a run, and the buffers to move to it rather than copy. */
export interface LengthRunRequest {
  request: LengthStudyRun;
  transfer: ArrayBuffer[];
}

/** A weight as tfjs holds it: its shape and a synchronous read of its values. */
export interface WeightSource {
  shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/**
 * The request that scores a seeded sample of `sample` test reviews (all of them when `sample` is
 * at least their count) at each of `maxlens`. `weights` are the model's weights in
 * `getWeights()` order: they are copied, and the copies are handed over with the reviews.
 * `pick(all, count, seed)` draws the sample (holdout.ts's `sampleIndices`, passed in so that
 * this module loads without tfjs).
 */
export function lengthRunRequest(options: {
  settings: SentimentSettings;
  vocabularySize: number;
  weights: readonly WeightSource[];
  test: RankedReviews & { count: number };
  sample: number;
  seed: number;
  pick: (all: Int32Array, count: number, seed: number) => Int32Array;
  maxlens: number[];
}): LengthRunRequest {
  const { settings, vocabularySize, test, sample, seed, pick, maxlens } = options;
  const weights: WeightArrays[] = options.weights.map((w) => ({
    shape: [...w.shape],
    data: Float32Array.from(w.dataSync()),
  }));
  const all = Int32Array.from({ length: test.count }, (_, i) => i);
  const reviews = subsetReviews(test, pick(all, Math.min(sample, test.count), seed));
  return {
    request: {
      type: 'run',
      settings,
      vocabularySize,
      weights,
      reviews: { offsets: reviews.offsets, tokens: reviews.tokens, labels: reviews.labels },
      maxlens,
    },
    transfer: [
      ...weights.map((w) => w.data.buffer as ArrayBuffer),
      reviews.offsets.buffer as ArrayBuffer,
      reviews.tokens.buffer as ArrayBuffer,
      reviews.labels.buffer as ArrayBuffer,
    ],
  };
}

/** Where a run of the study stands. */
export interface LengthRunState {
  /** Whether a run is in progress. */
  running: boolean;
  /** The lengths measured so far, in the order measured. */
  points: LengthPoint[];
  /** Reviews each length scores in the latest run (0 before the first). */
  measuredOn: number;
  /** The share of the run done, in [0, 1], for the progress bar. */
  progress: number;
  /** The status line under the controls. */
  status: string;
}

/** Before any run. */
export const IDLE: LengthRunState = { running: false, points: [], measuredOn: 0, progress: 0, status: '' };

/** What happens to a run: the reader's buttons and the worker's reports (`seconds` since the start). */
export type LengthRunEvent =
  | { type: 'start'; measuredOn: number }
  | { type: 'progress'; fraction: number; seconds: number }
  | { type: 'point'; point: LengthPoint }
  | { type: 'done'; seconds: number }
  | { type: 'error'; message: string }
  | { type: 'stop'; reason: string }
  | { type: 'clear' };

/**
 * The state after `event`, for a study of `maxlens` (ids per review). Reports arriving when no
 * run is in progress (after Stop) change nothing; 'stop' keeps the lengths measured and says
 * how many with `reason` ('' says nothing); 'clear' (a new model, a reset) forgets them. The
 * status line is in `locale`'s words.
 */
export function lengthRunStep(
  state: LengthRunState,
  event: LengthRunEvent,
  maxlens: readonly number[],
  locale: Locale = 'en',
): LengthRunState {
  const w = LENGTH_STUDY_WORDS[locale];
  const num = (n: number) => count(n, locale);
  const total = maxlens.length;
  switch (event.type) {
    case 'start':
      return {
        running: true,
        points: [],
        measuredOn: event.measuredOn,
        progress: 0,
        status: w.starting(num(event.measuredOn), num(total)),
      };
    case 'clear':
      return { ...lengthRunStep(state, { type: 'stop', reason: '' }, maxlens, locale), points: [], status: '' };
    case 'stop':
      if (!state.running) return state;
      return {
        ...state,
        running: false,
        status: event.reason ? w.stopped(event.reason, num(state.points.length), num(total)) : '',
      };
  }
  if (!state.running) return state;
  switch (event.type) {
    case 'progress': {
      const { fraction, seconds } = event;
      const next = maxlens[Math.min(state.points.length, total - 1)];
      const left = fraction > 0.02 ? w.left(clock((seconds * (1 - fraction)) / fraction)) : '';
      return {
        ...state,
        progress: fraction,
        status: w.scoring({
          reviews: num(state.measuredOn),
          maxlen: String(next),
          k: num(state.points.length + 1),
          total: num(total),
          percent: String(Math.floor(100 * fraction)),
          clock: clock(seconds),
          left,
        }),
      };
    }
    case 'point':
      return { ...state, points: [...state.points, event.point] };
    case 'done':
      return {
        ...state,
        running: false,
        progress: 1,
        status: w.done(num(state.points.length), num(state.measuredOn), event.seconds.toFixed(1)),
      };
    case 'error':
      return { ...state, running: false, status: '' };
  }
}

/**
 * A reason the study cannot run, in `locale`'s words, or '' when it can. `ownVocabulary`/`dataVocabulary`
 * are SHA-256 hex digests.
 */
export function lengthBlocker(
  options: {
    hasModel: boolean;
    hasData: boolean;
    ownVocabulary?: string | null;
    dataVocabulary?: string;
  },
  locale: Locale = 'en',
): string {
  const w = LENGTH_STUDY_WORDS[locale];
  if (!options.hasModel) return w.needsModel;
  if (!options.hasData) return w.needsData;
  const own = options.ownVocabulary;
  if (own && own !== options.dataVocabulary) return w.otherVocabulary;
  return '';
}

/** What the plot and its caption show, for one model, its truncation and the lengths measured. */
export interface LengthView {
  /** Rows for the plot: `value` is a share in [0, 1] at `maxlen`, in series `series`. */
  rows: { maxlen: number; value: number; series: string }[];
  /** The series drawn, accuracy first. */
  names: string[];
  /** Which series each name is. */
  kinds: ('accuracy' | 'truncated')[];
  /** The caption: the study's key numbers, the truncation and the model's saved score. */
  summary: string;
  /** The plot's text alternative. */
  description: string;
}

/** The plot's data and sentences, in `locale`'s words; `trained` is the maxlen the model was trained at. */
export function lengthView(options: {
  cuts: Cuts | null;
  points: readonly LengthPoint[];
  maxlens: readonly number[];
  trained: number;
  measuredOn: number;
  saved: { accuracy: number; count: number } | null;
  locale?: Locale;
}): LengthView {
  const { cuts, points, maxlens, trained, measuredOn, saved, locale = 'en' } = options;
  const w = LENGTH_STUDY_WORDS[locale];
  const num = (n: number) => count(n, locale);
  const accuracyName = w.accuracyName(num(measuredOn));
  const cutName = w.cutName(num(cuts?.total ?? 0));
  const rows = [
    ...(cuts ? maxlens.map((m, k) => ({ maxlen: m, value: cuts.longer[k]! / cuts.total, series: cutName })) : []),
    ...points.map((p) => ({ maxlen: p.maxlen, value: p.accuracy, series: accuracyName })),
  ];
  const kinds = [...(points.length ? (['accuracy'] as const) : []), ...(cuts ? (['truncated'] as const) : [])];
  const names = kinds.map((k) => (k === 'accuracy' ? accuracyName : cutName));
  const study = points.length ? describeStudy(points, trained, locale) : w.notYet;
  const share = (k: number) => pct(cuts!.longer[k]! / cuts!.total);
  const cutText = cuts
    ? w.cutText({
        total: num(cuts.total),
        first: String(maxlens[0]),
        firstShare: share(0),
        trained: String(trained),
        trainedShare: share(maxlens.indexOf(trained)),
        last: String(maxlens.at(-1)),
        lastShare: share(cuts.longer.length - 1),
      })
    : '';
  const savedText = saved ? w.savedText(pct(saved.accuracy), num(saved.count), String(trained)) : '';
  return {
    rows,
    names,
    kinds,
    summary: `${study}${cutText}${savedText}`,
    description: `${study}${cutText}${w.chance}`,
  };
}

/** One row of the table: each maxlen, the test reviews it truncates, and the accuracy measured ('–' where none). */
export interface LengthRow {
  maxlen: number;
  /** "80 (trained)" at the model's own length. */
  heading: string;
  /** "1,234 of 25,000". */
  truncated: string;
  /** The same as a percentage. */
  share: string;
  accuracy: string;
  /** Binary cross-entropy, three decimals. */
  loss: string;
}

/** The table's rows, one per maxlen, in `locale`'s words. */
export function lengthRows(
  cuts: Cuts | null,
  points: readonly LengthPoint[],
  maxlens: readonly number[],
  trained: number,
  locale: Locale = 'en',
): LengthRow[] {
  const w = LENGTH_STUDY_WORDS[locale];
  const num = (n: number) => count(n, locale);
  return maxlens.map((m, k) => {
    const p = points.find((q) => q.maxlen === m);
    return {
      maxlen: m,
      heading: m === trained ? w.trainedHeading(String(m)) : String(m),
      truncated: cuts ? w.truncatedOf(num(cuts.longer[k]!), num(cuts.total)) : '–',
      share: cuts ? pct(cuts.longer[k]! / cuts.total) : '–',
      accuracy: p ? pct(p.accuracy) : '–',
      loss: p ? p.loss.toFixed(3) : '–',
    };
  });
}
