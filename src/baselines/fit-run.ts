/**
 * Chapter 5's baseline fits as a page sees them, without the page: which results are kept for
 * which dataset, and a state machine over the worker's reports (progress, each model's result,
 * done, error) that gives the status line, the progress bar and the results to show. No DOM;
 * the clock is an argument (`now`, in milliseconds), so tests drive it by hand.
 *
 *     let state = idleFit(checkResults(readStored(key)));
 *     state = startFit(state, ['bag-of-words', 'forest'], performance.now());
 *     worker.onReport((report) => (state = fitStep(state, report, performance.now())));
 */
import type { ImdbManifest } from '../data/shards.ts';
import { seedFromString } from '../lstm/cell/random.ts';
import type { BagOfWordsBaseline, BaselineProgress, ForestBaseline } from './imdb.ts';
import type { BinaryMetrics } from './metrics.ts';
import { LANG_TAG, type Locale } from '../i18n/locales.ts';
import { BASELINES_WORDS } from './baselines.words.ts';

/** Which baseline. */
export type BaselineModel = 'bag-of-words' | 'forest';

/** What a fit reports: progress, each model's result as it is ready, then done (or an error). */
export type FitReport =
  | ({ type: 'progress'; model: BaselineModel } & BaselineProgress)
  | { type: 'result'; result: ForestBaseline | BagOfWordsBaseline }
  | { type: 'done'; stopped: boolean }
  | { type: 'error'; message: string };

/** The results kept for one dataset. */
export interface BaselineResults {
  forest?: ForestBaseline;
  bagOfWords?: BagOfWordsBaseline;
}

/** Each model as the sentences under the table name it (in English; the page's edition: {@link modelNames}). */
export const MODEL_NAMES: Readonly<Record<BaselineModel, string>> = {
  'bag-of-words': BASELINES_WORDS.en.modelNames['bag-of-words'],
  forest: BASELINES_WORDS.en.modelNames.forest,
};

/** Each model (and the LSTM) as the sentences under the table name it, in the edition `locale`. */
export function modelNames(locale: Locale = 'en'): Readonly<Record<BaselineModel | 'lstm', string>> {
  return BASELINES_WORDS[locale].modelNames;
}

/** What a baseline is doing, in words of the edition `locale` (its `code` when it has one, else its English `stage`). */
export function stageText(progress: BaselineProgress, locale: Locale = 'en'): string {
  const w = BASELINES_WORDS[locale].stages;
  const n = (k: number) => (progress.values?.[k] ?? 0).toLocaleString(locale === 'en' ? 'en-US' : LANG_TAG[locale]);
  switch (progress.code) {
    case 'binning':
      return w.binning;
    case 'tree':
      return w.tree(n(0), n(1));
    case 'counting':
      return w.counting;
    case 'rows':
      return w.rows;
    case 'lbfgs-start':
      return w.lbfgsStart;
    case 'lbfgs':
      return w.lbfgs(String(progress.values?.[0] ?? 0), (progress.values?.[1] ?? 0).toFixed(4));
    default:
      return progress.stage;
  }
}

/**
 * The storage key of a dataset's results: `prefix` and a checksum (8 hex digits) of the
 * checksums of its vocabulary and shards, so that other data never shows these results.
 */
export function resultsKey(manifest: ImdbManifest, prefix: string): string {
  const sums = [manifest.vocabulary, ...manifest.splits.train.shards, ...manifest.splits.test.shards].map(
    (ref) => ref.sha256,
  );
  return prefix + seedFromString(sums.join(',')).toString(16).padStart(8, '0');
}

function isMetrics(value: unknown): value is BinaryMetrics {
  const m = value as Partial<BinaryMetrics> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    [m.accuracy, m.precision, m.recall, m.f1, m.count].every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

/** Kept results as read from storage (anything), dropping whatever is not a result this module wrote. */
export function checkResults(value: unknown): BaselineResults {
  const kept = (value ?? {}) as Record<string, unknown>;
  const out: BaselineResults = {};
  const forest = kept.forest as ForestBaseline | undefined;
  if (forest?.model === 'forest' && isMetrics(forest.metrics) && typeof forest.seconds === 'number')
    out.forest = forest;
  const bow = kept.bagOfWords as BagOfWordsBaseline | undefined;
  if (bow?.model === 'bag-of-words' && isMetrics(bow.metrics) && typeof bow.seconds === 'number') out.bagOfWords = bow;
  return out;
}

/**
 * "about 12 s left" from the time spent on a model (`elapsedMs`, milliseconds) and the share of
 * it done (`fraction`, in [0, 1]); too early to tell under 2% or 1.5 s.
 */
export function timeLeft(elapsedMs: number, fraction: number, locale: Locale = 'en'): string {
  const w = BASELINES_WORDS[locale];
  if (fraction < 0.02 || elapsedMs < 1500) return w.estimating;
  const seconds = (elapsedMs * (1 - fraction)) / fraction / 1000;
  return seconds < 90
    ? w.secondsLeft(String(Math.max(1, Math.round(seconds))))
    : w.minutesLeft(String(Math.round(seconds / 60)));
}

/** A fit in progress. Times are `performance.now()` milliseconds. */
export interface FitRun {
  /** Fitted in this order. */
  models: BaselineModel[];
  /** The model being fitted (null before its first report) and when it started. */
  model: BaselineModel | null;
  modelStarted: number;
  started: number;
  /** A stop was asked for. */
  stopping: boolean;
}

/** What the page shows of the fits. */
export interface FitState {
  /** The fit in progress, or null. */
  run: FitRun | null;
  results: BaselineResults;
  /** The status line under the buttons. */
  status: string;
  /** The share of the current model done, in [0, 1] (the progress bar, shown while `run` is set). */
  fraction: number;
  /** The edition the status line is written in (English when absent). */
  locale?: Locale;
}

/** No fit going on, with the results kept so far. */
export function idleFit(results: BaselineResults): FitState {
  return { run: null, results, status: '', fraction: 0 };
}

/** A fit of `models`, in that order, started at `now` (milliseconds); unchanged if one is running. */
export function startFit(state: FitState, models: BaselineModel[], now: number): FitState {
  if (state.run) return state;
  return {
    ...state,
    run: { models, model: null, modelStarted: now, started: now, stopping: false },
    status: BASELINES_WORDS[state.locale ?? 'en'].starting,
    fraction: 0,
  };
}

/** A stop asked for (the worker is told); unchanged without a run or if already stopping. */
export function stopFit(state: FitState): FitState {
  if (!state.run || state.run.stopping) return state;
  return { ...state, run: { ...state.run, stopping: true }, status: BASELINES_WORDS[state.locale ?? 'en'].stopping };
}

/** The run ended without a word from the worker (it did not answer a stop in time). */
export function abandonFit(state: FitState): FitState {
  return state.run ? { ...state, run: null, status: BASELINES_WORDS[state.locale ?? 'en'].stopped } : state;
}

/**
 * The state after one report of the worker at `now` (milliseconds). Reports with no run going
 * on (late ones, after a stop) change nothing. `done` and `error` end the run.
 */
export function fitStep(state: FitState, report: FitReport, now: number): FitState {
  const run = state.run;
  if (!run) return state;
  const locale = state.locale ?? 'en';
  const w = BASELINES_WORDS[locale];
  switch (report.type) {
    case 'progress': {
      const moved = run.model !== report.model;
      const next = moved ? { ...run, model: report.model, modelStarted: now } : run;
      // While stopping, the status says so; progress only keeps track of the model.
      if (run.stopping) return { ...state, run: next };
      const step = run.models.indexOf(report.model) + 1;
      return {
        ...state,
        run: next,
        fraction: report.fraction,
        status: w.step(
          String(step),
          String(run.models.length),
          w.modelNames[report.model],
          stageText(report, locale),
          timeLeft(now - next.modelStarted, report.fraction, locale),
        ),
      };
    }
    case 'result': {
      const { result } = report;
      const results =
        result.model === 'forest' ? { ...state.results, forest: result } : { ...state.results, bagOfWords: result };
      return { ...state, results };
    }
    case 'done': {
      const seconds = (now - run.started) / 1000;
      return {
        ...state,
        run: null,
        status: report.stopped ? w.stoppedPartial : w.fitted(seconds.toFixed(1)),
      };
    }
    case 'error':
      return { ...state, run: null, status: '' };
  }
}
