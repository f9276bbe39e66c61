/**
 * A whole skip-gram training run over a {@link Corpus}: epochs of shuffled batches, a learning
 * rate that falls linearly to almost zero (as in word2vec), progress reports and a copy of the
 * table after every epoch. DOM-free: the chapter runs it in a Web Worker, the tests in Node.
 */
import * as tf from '@tensorflow/tfjs';
import type { VectorTable } from './cosine.ts';
import type { Corpus } from './corpus.ts';
import {
  countTokens,
  disposeSkipGram,
  skipGram,
  skipGramBatches,
  skipGramEmbeddings,
  skipGramTrainStep,
} from './skipgram.ts';

/** Settings of a run; every one has a default that trains well on a few thousand reviews. */
export interface SkipGramRunOptions {
  /** Length of each word vector. */
  dim?: number;
  /** Passes over the corpus. */
  epochs?: number;
  /** Context words on each side of the centre word. */
  window?: number;
  /** Negative samples per pair. */
  negatives?: number;
  /** Starting SGD step per pair; it falls linearly to 1/10,000 of this by the last step. */
  learningRate?: number;
  /** Subsampling threshold of frequent words (0 turns it off). */
  subsample?: number;
  /** Most pairs per batch; small corpora get smaller batches (see {@link batchSizeFor}). */
  maxBatchSize?: number;
  /** Seed of the initial table, the negatives, the subsampling and the shuffling. */
  seed?: number;
}

/** A progress report, sent about every `reportEveryMs`. */
export interface SkipGramProgress {
  /** Epochs done so far, with the current epoch's fraction: 1.5 is halfway through epoch 2. */
  epoch: number;
  /** Mean loss per pair over the batches since the last report. */
  loss: number;
  /** Corpus words (before subsampling) per second of training so far. */
  wordsPerSecond: number;
  /** Training steps so far. */
  steps: number;
}

/** What a run reports: its start, its progress and each finished epoch. */
export interface SkipGramRunHooks {
  /** The untrained table, before the first step (epoch 0). */
  onStart?(table: VectorTable): void;
  /** Progress within an epoch. */
  onProgress?(progress: SkipGramProgress): void;
  /** The table after epoch `epoch` (from 1), a copy the caller may keep, and that epoch's mean loss. */
  onEpoch?(epoch: number, table: VectorTable, loss: number): void;
  /** Asked between steps: true ends the run after the current step. */
  shouldStop?(): boolean;
  /**
   * Awaited about every `reportEveryMs`, so that a worker can read its messages (a stop) while
   * training; by default a macrotask.
   */
  pause?(): Promise<void>;
  /** How often to report and pause, in milliseconds. */
  reportEveryMs?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?(): number;
}

/** How a run ended. */
export interface SkipGramRunResult {
  /** Epochs completed. */
  epochs: number;
  /** Training steps taken. */
  steps: number;
  /** Whether `shouldStop` ended it early. */
  stopped: boolean;
  /** Corpus words per second over the whole run. */
  wordsPerSecond: number;
}

/**
 * Pairs per batch for a corpus with about `pairs` pairs per epoch: `max` for large corpora, and
 * for small ones small enough that an epoch still has about 20 steps (at least 16 pairs each),
 * since one batch per epoch would give a pasted paragraph a handful of updates in all.
 */
export function batchSizeFor(pairs: number, max = 2048): number {
  return Math.max(16, Math.min(max, Math.floor(pairs / 20)));
}

/** The pairs a window gives a text of `length` words, before subsampling. */
export function pairsInText(length: number, window: number): number {
  let pairs = 0;
  for (let i = 0; i < length; i++) pairs += Math.min(length - 1, i + window) - Math.max(0, i - window);
  return pairs;
}

/**
 * The subsampling threshold for a corpus of `tokens` words: word2vec's 1e-3 for real corpora,
 * none below 50,000 words, where every word is "frequent" and t = 1e-3 would drop most of a
 * pasted paragraph.
 */
export function subsampleFor(tokens: number): number {
  return tokens >= 50_000 ? 1e-3 : 0;
}

/** The learning rate at `step` of `totalSteps`: linear from `start` down to `start * 1e-4`. */
export function linearDecay(start: number, step: number, totalSteps: number): number {
  if (totalSteps <= 0) return start;
  return start * Math.max(1e-4, 1 - step / totalSteps);
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Trains skip-gram word vectors on `corpus`, reporting through `hooks`; frees its tensors at the end. */
export async function trainSkipGram(
  corpus: Corpus,
  options: SkipGramRunOptions = {},
  hooks: SkipGramRunHooks = {},
): Promise<SkipGramRunResult> {
  const {
    dim = 32,
    epochs = 3,
    window = 2,
    negatives = 5,
    learningRate = 0.05,
    subsample = 1e-3,
    maxBatchSize = 2048,
    seed = 1,
  } = options;
  const { reportEveryMs = 150, now = () => performance.now(), pause = macrotask, shouldStop = () => false } = hooks;
  const vocabSize = corpus.words.length;
  if (vocabSize < 2) throw new RangeError('the corpus needs at least two distinct words to train on');
  const tokens = corpus.sequences.reduce((n, s) => n + s.length, 0);
  const pairs = corpus.sequences.reduce((n, s) => n + pairsInText(s.length, window), 0);
  // Subsampling removes about half the pairs of a typical text; the batch size only needs to be
  // about right, so it is computed from the pairs before subsampling, halved.
  const batchSize = batchSizeFor(subsample > 0 ? pairs / 2 : pairs, maxBatchSize);
  const counts = countTokens(corpus.sequences, vocabSize);
  const optimizer = tf.train.sgd(learningRate);
  const model = skipGram({ vocabSize, dim, negatives, counts, seed, optimizer });
  let steps = 0;
  let stopped = false;
  let trainingMs = 0;
  let wordsDone = 0; // corpus words of the finished epochs
  let wordsSeen = 0; // ... and of the current one, up to the last report
  let epochsDone = 0;
  try {
    hooks.onStart?.(skipGramEmbeddings(model));
    // The number of steps of later epochs is about that of the first (subsampling is random),
    // which is all the linear decay needs.
    let totalSteps = 0;
    for (let epoch = 0; epoch < epochs && !stopped; epoch++) {
      const batches = Array.from(
        skipGramBatches(corpus.sequences, { window, subsample, counts, batchSize, seed: seed * 1000 + epoch }),
      );
      if (epoch === 0) totalSteps = batches.length * epochs;
      let epochLoss = 0;
      let reportLoss = 0;
      let reportBatches = 0;
      let started = now();
      let lastReport = started;
      for (let b = 0; b < batches.length; b++) {
        optimizer.setLearningRate(linearDecay(learningRate, steps, totalSteps));
        const loss = skipGramTrainStep(model, batches[b]!);
        steps++;
        epochLoss += loss;
        reportLoss += loss;
        reportBatches++;
        const t = now();
        if (t - lastReport >= reportEveryMs || b === batches.length - 1) {
          const fraction = (b + 1) / batches.length;
          trainingMs += t - started;
          wordsSeen = wordsDone + tokens * fraction;
          hooks.onProgress?.({
            epoch: epoch + fraction,
            loss: reportLoss / reportBatches,
            wordsPerSecond: trainingMs > 0 ? (wordsSeen * 1000) / trainingMs : 0,
            steps,
          });
          reportLoss = 0;
          reportBatches = 0;
          await pause();
          // Time spent paused (the page drawing, messages) is not training time.
          started = now();
          lastReport = started;
          if (shouldStop()) {
            stopped = b < batches.length - 1 || epoch < epochs - 1;
            if (stopped) break;
          }
        }
      }
      if (stopped) break;
      wordsDone += tokens;
      epochsDone = epoch + 1;
      hooks.onEpoch?.(epochsDone, skipGramEmbeddings(model), epochLoss / Math.max(1, batches.length));
    }
  } finally {
    disposeSkipGram(model);
    optimizer.dispose(); // created here, so skipGram leaves it to us
  }
  return {
    epochs: epochsDone,
    steps,
    stopped,
    wordsPerSecond: trainingMs > 0 ? (wordsSeen * 1000) / trainingMs : 0,
  };
}
