/**
 * Messages between the chapter 4 training widget (src/widgets/word-embeddings/skipgram.ts) and
 * the skip-gram training worker (./worker.ts). Types only: importing this file bundles nothing.
 */
import type { SkipGramRunEvent } from '../../embedding/skipgram-session.ts';
import type { SkipGramRunOptions } from '../../embedding/training.ts';
import type { WorkerError } from '../client.ts';

/** The widget asks the training worker to train, or to stop after its current step. */
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

/**
 * What the training worker reports: the events of a run, which the widget's session reads as
 * they are. Tables are `[vocabSize, dim]` row-major, transferred.
 */
export type TrainReport = SkipGramRunEvent | WorkerError;
