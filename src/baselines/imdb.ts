/**
 * The two baselines of chapter 5 on the IMDB splits, as the bench script and the page's worker
 * run them: a random forest on the padded `r-keras` ids, as the R article fits one, and a
 * bag-of-words logistic regression. Both learn from the training reviews only and are scored on
 * every test review.
 */
import { encodeReviews, R_KERAS_VIEW, type RankedReviews, type SequenceView } from '../data/views.ts';
import { applyBins, quantileBins } from './bins.ts';
import { bagOfWordsRows, fitBagOfWords } from './bag-of-words.ts';
import { checkpoint, type FitControl } from './fit.ts';
import { fitLogisticRegression, logisticProbability } from './logistic-regression.ts';
import { binaryMetrics, classesOf, type BinaryMetrics } from './metrics.ts';
import { fitRandomForest } from './random-forest.ts';

/** Trees of the R article's forest (`randomForest(..., ntree = 1000)`). */
export const ARTICLE_TREES = 1000;

/**
 * The penalty of the bag-of-words model: the most accurate of 1e-7 to 1e-4 on a fifth of the
 * training reviews held out from fitting (`npm run bench:baselines -- --tune`), never on the test
 * set. Everything from 1e-7 to 3e-6 scored within 0.15 points of it there.
 */
export const BAG_OF_WORDS_L2 = 3e-7;

/** Where a baseline fit stands. */
export interface BaselineProgress {
  /** What it is doing, in English words (for logs and the bench). */
  stage: string;
  /** What it is doing, for a page to say in its own edition (src/baselines/fit-run.ts, stageText). */
  code?: 'binning' | 'tree' | 'counting' | 'rows' | 'lbfgs-start' | 'lbfgs';
  /** The numbers of the stage: the trees done and in all, or the iteration and the objective. */
  values?: number[];
  /** An estimate of the share done, from 0 to 1. */
  fraction: number;
}

/** Options shared by both baselines. */
export interface BaselineOptions extends Omit<FitControl, 'onProgress'> {
  onProgress?: (progress: BaselineProgress) => void;
}

/** Options of {@link forestBaseline}. */
export interface ForestBaselineOptions extends BaselineOptions {
  /** Number of trees (default {@link ARTICLE_TREES}). */
  trees?: number;
  /** Seed of the bootstrap samples and the features tried (default 1). */
  seed?: number;
  /** How reviews become the features (default the `r-keras` view: 80 padded ids). */
  view?: SequenceView;
}

/** The random forest's result. */
export interface ForestBaseline {
  model: 'forest';
  trees: number;
  /** Scores on the test reviews. */
  metrics: BinaryMetrics;
  /** R's out-of-bag estimate, from the training reviews. */
  outOfBagAccuracy: number;
  /** Mean nodes per tree. */
  nodesPerTree: number;
  /** Seconds to fit and score. */
  seconds: number;
}

/** Options of {@link bagOfWordsBaseline}. */
export interface BagOfWordsBaselineOptions extends BaselineOptions {
  /** The penalty λ (default {@link BAG_OF_WORDS_L2}). */
  l2?: number;
  /** L-BFGS iterations at most (default 300). */
  maxIterations?: number;
}

/** The bag-of-words logistic regression's result. */
export interface BagOfWordsBaseline {
  model: 'bag-of-words';
  /** Word and bigram columns. */
  words: number;
  bigrams: number;
  l2: number;
  iterations: number;
  metrics: BinaryMetrics;
  seconds: number;
}

const now = () => performance.now();

/**
 * Fits the random forest on the padded ids of the training reviews (each of the `maxlen`
 * positions is one numeric feature, as the R article feeds them to `randomForest`) and scores it
 * on the test reviews.
 */
export async function forestBaseline(
  train: RankedReviews,
  test: RankedReviews,
  options: ForestBaselineOptions = {},
): Promise<ForestBaseline> {
  const { trees = ARTICLE_TREES, seed = 1, view = R_KERAS_VIEW, onProgress, ...control } = options;
  checkReviews(train, test);
  const started = now();
  onProgress?.({ stage: 'binning the padded ids', code: 'binning', fraction: 0 });
  const a = encodeReviews(train, view);
  const b = encodeReviews(test, view);
  const [rows, features] = a.shape;
  const bins = quantileBins(a.x, rows, features);
  const x = applyBins(a.x, rows, features, bins);
  const score = applyBins(b.x, b.shape[0], features, bins);
  await checkpoint(control);
  const forest = await fitRandomForest(x, train.labels, {
    ...control,
    trees,
    seed,
    keepTrees: false,
    score,
    onProgress: (done, total) =>
      onProgress?.({
        stage: `tree ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
        code: 'tree',
        values: [done, total],
        fraction: done / total,
      }),
  });
  return {
    model: 'forest',
    trees,
    metrics: binaryMetrics(classesOf(forest.scores!), test.labels),
    outOfBagAccuracy: forest.outOfBagAccuracy,
    nodesPerTree: forest.nodes / trees,
    seconds: (now() - started) / 1000,
  };
}

// Test rows are turned into features this many at a time, to bound memory.
const SCORE_CHUNK = 5000;
// L-BFGS stops when no gradient component exceeds this.
const GRADIENT_TOLERANCE = 1e-6;
// For progress: the share of the fit that building the features takes, and about the iterations
// that the fit on the 25,000 training reviews takes (117 in Node, 146 in Chromium, whose
// Math.exp and Math.log round a little differently).
const FEATURE_SHARE = 0.15;
const TYPICAL_ITERATIONS = 140;

/** Fits the bag-of-words logistic regression on the training reviews and scores it on the test reviews. */
export async function bagOfWordsBaseline(
  train: RankedReviews,
  test: RankedReviews,
  options: BagOfWordsBaselineOptions = {},
): Promise<BagOfWordsBaseline> {
  const { l2 = BAG_OF_WORDS_L2, maxIterations = 300, onProgress, ...control } = options;
  checkReviews(train, test);
  const started = now();
  onProgress?.({ stage: 'counting words and word pairs', code: 'counting', fraction: 0 });
  const bow = fitBagOfWords(train);
  await checkpoint(control);
  onProgress?.({ stage: 'building the feature rows', code: 'rows', fraction: FEATURE_SHARE / 2 });
  const x = bagOfWordsRows(bow, train);
  await checkpoint(control);
  onProgress?.({ stage: 'starting L-BFGS', code: 'lbfgs-start', fraction: FEATURE_SHARE });
  // The share done is estimated from the length of a typical fit (the gradient falls fast at
  // first and then slowly, so it says little about the time left).
  const model = await fitLogisticRegression(x, train.labels, {
    ...control,
    l2,
    maxIterations,
    gradientTolerance: GRADIENT_TOLERANCE,
    onIteration: (iteration, value) =>
      onProgress?.({
        stage: `L-BFGS iteration ${iteration}, objective ${value.toFixed(4)}`,
        code: 'lbfgs',
        values: [iteration, value],
        fraction: FEATURE_SHARE + (1 - FEATURE_SHARE) * Math.min(0.99, iteration / TYPICAL_ITERATIONS),
      }),
  });
  const predicted = new Uint8Array(test.labels.length);
  for (let first = 0; first < predicted.length; first += SCORE_CHUNK) {
    await checkpoint(control);
    const rows = bagOfWordsRows(bow, test, first, Math.min(SCORE_CHUNK, predicted.length - first));
    predicted.set(classesOf(logisticProbability(model, rows)), first);
  }
  return {
    model: 'bag-of-words',
    words: bow.words,
    bigrams: bow.columns - bow.words,
    l2,
    iterations: model.optimiser.iterations,
    metrics: binaryMetrics(predicted, test.labels),
    seconds: (now() - started) / 1000,
  };
}

function checkReviews(train: RankedReviews, test: RankedReviews): void {
  if (train.labels.length === 0) throw new RangeError('there are no training reviews to fit on');
  if (test.labels.length === 0) throw new RangeError('there are no test reviews to score');
}

/** The reviews at `indices`, in that order, as a new set (copies of their ranks). */
export function pickReviews(reviews: RankedReviews, indices: ArrayLike<number>): RankedReviews {
  const offsets = new Uint32Array(indices.length + 1);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    offsets[k + 1] = offsets[k]! + reviews.offsets[i + 1]! - reviews.offsets[i]!;
  }
  const tokens = new Uint32Array(offsets[indices.length]!);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    tokens.set(reviews.tokens.subarray(reviews.offsets[i], reviews.offsets[i + 1]), offsets[k]);
    labels[k] = reviews.labels[i]!;
  }
  return { offsets, tokens, labels };
}
