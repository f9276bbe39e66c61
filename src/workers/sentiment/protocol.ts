/**
 * Messages between chapter 5's widgets and the sentiment worker (./worker.ts), which trains and
 * evaluates the classifier off the page's thread. Types only.
 */
import type { RankedReviews } from '../../data/views.ts';
import type { BinaryMetrics } from '../../lstm/sentiment/metrics.ts';
import type { KitModelMetadata } from '../../lstm/sentiment/model-files.ts';
import type { SentimentSettings } from '../../lstm/sentiment/presets.ts';
import type { BatchTiming, RunSize } from '../../lstm/sentiment/run-cost.ts';
import type { BatchLog, EpochLog, TrainBegin } from '../../lstm/sentiment/train.ts';
import type { WorkerError } from '../client.ts';

/** The test reviews and which vocabulary numbered them: all that evaluation needs. */
export interface TestData {
  test: RankedReviews;
  vocabularySha256: string;
}

/** The reviews and vocabulary training needs, copied from the page's loaded dataset. */
export interface WorkerData extends TestData {
  train: RankedReviews;
  /** The training vocabulary's words in rank order (stored with the model). */
  words: string[];
}

/** Where validation comes from: 20% held out of training, or the test set as the R article does. */
export type ValidationMode = 'split' | 'test';

/** Page to worker. */
export type SentimentRequest =
  | {
      type: 'train';
      settings: SentimentSettings;
      validation: ValidationMode;
      /** Train on this many of the training reviews (a quick try), or null for all. */
      sample: number | null;
      seed: number;
      /** Continue from the checkpoint in IndexedDB instead of starting afresh. */
      resume: boolean;
      /** Keep the epoch with the best validation accuracy at the end, not the last. */
      keepBest: boolean;
      data: WorkerData;
    }
  /** Times a few batches of these settings on this machine, to say what a run would cost. */
  | {
      type: 'time';
      settings: SentimentSettings;
      validation: ValidationMode;
      sample: number | null;
      seed: number;
      data: WorkerData;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'evaluate'; data: TestData };

/** One of the reviews the model gets most wrong. */
export interface WrongReview {
  /** Index in the test split. */
  index: number;
  /** The model's probability that the review is positive, in [0, 1]. */
  probability: number;
  /** The truth: 1 positive, 0 negative. */
  label: number;
}

/** Worker to page. */
export type SentimentReport =
  | { type: 'backend'; label: string; reason: string }
  /** `code` names the line, for the page to say in its own edition; `text` is the English line. */
  | { type: 'status'; text: string; code?: 'building' | 'checkpoint' | 'loading' }
  | { type: 'begin'; info: TrainBegin; history: EpochLog[] }
  /** The batches since the last report, oldest first (a few times a second: ./batch-reports.ts). */
  | { type: 'batch'; logs: BatchLog[] }
  /** `checkpointError`: why the epoch's checkpoint was not kept (the previous one stays), or null. */
  | { type: 'epoch'; log: EpochLog; checkpointSaved: boolean; checkpointError?: string | null }
  | { type: 'paused' }
  | { type: 'resumed' }
  /** `saveError`: why the trained model was not kept (the one kept before stays), or null when kept. */
  | { type: 'trained'; stopped: boolean; metadata: KitModelMetadata; saveError?: string | null }
  /** The share of the test reviews predicted so far, in [0, 1]. */
  | { type: 'evaluating'; done: number }
  /** What timing a few batches measured, and the size of the run it was for. */
  | { type: 'timed'; timing: BatchTiming; size: RunSize }
  /**
   * `seconds`: how long the evaluation took. `metadata`: the model as kept, with the scores only
   * when they were kept with it; `saveError` says why not, or is null.
   */
  | {
      type: 'evaluated';
      metrics: BinaryMetrics;
      mostWrong: WrongReview[];
      metadata: KitModelMetadata;
      saveError?: string | null;
      seconds: number;
    }
  | WorkerError;
