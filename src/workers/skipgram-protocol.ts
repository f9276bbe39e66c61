/**
 * Messages between the chapter 4 training widget and its workers (types only: importing this
 * file bundles nothing).
 */
import type { SkipGramRunOptions } from '../embedding/training.ts';

/** The widget asks the training worker to train, or to stop. */
export type TrainRequest =
  | {
      type: 'train';
      /** The corpus' texts as word ids (transferred, not copied). */
      sequences: Int32Array[];
      /** Number of distinct words (table rows). */
      vocabSize: number;
      options: SkipGramRunOptions;
    }
  | { type: 'stop' };

/** What the training worker reports. Tables are `[vocabSize, dim]` row-major, transferred. */
export type TrainReport =
  | { type: 'backend'; label: string; reason: string }
  | { type: 'start'; values: Float32Array; dim: number }
  | { type: 'progress'; epoch: number; loss: number; wordsPerSecond: number; steps: number }
  | { type: 'epoch'; epoch: number; values: Float32Array; dim: number; loss: number }
  | { type: 'done'; epochs: number; steps: number; stopped: boolean; wordsPerSecond: number }
  | { type: 'error'; message: string };

/** The widget asks the data worker whether the prepared IMDB data is there, or for a corpus from it. */
export type ImdbRequest =
  | { type: 'check'; baseUrl: string }
  | { type: 'load'; baseUrl: string; reviews: number; maxVocabulary: number; minCount: number };

/** What the data worker reports. */
export type ImdbReport =
  | { type: 'available'; reviews: number; words: number }
  | { type: 'absent'; message: string }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'corpus'; sequences: Int32Array[]; words: string[]; reviews: number }
  | { type: 'error'; message: string };
