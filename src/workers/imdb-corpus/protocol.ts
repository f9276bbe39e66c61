/**
 * Messages between the chapter 4 training widget (src/widgets/word-embeddings/skipgram.ts) and
 * the worker that builds its corpus from the prepared IMDB data (./worker.ts). Types only.
 */
import type { WorkerError } from '../client.ts';

/** The widget asks whether the prepared IMDB data is there, or for a corpus from it. */
export type ImdbCorpusRequest =
  | { type: 'check'; baseUrl: string }
  | {
      type: 'load';
      baseUrl: string;
      /** Training reviews to take, evenly spread over the split. */
      reviews: number;
      /** Most distinct words kept, the most frequent first. */
      maxVocabulary: number;
      /** Fewest occurrences in the chosen reviews for a word to be kept. */
      minCount: number;
    };

/** What the data worker reports. */
export type ImdbCorpusReport =
  /** The answer to 'check': the data is there, with this many training reviews and words. */
  | { type: 'available'; reviews: number; words: number }
  /**
   * The answer to 'check': it is not ('missing'), or cannot be read ('unreadable', with the
   * error's `detail`); `message` says which, in English words (the page words it in its edition).
   */
  | { type: 'absent'; message: string; reason?: 'missing' | 'unreadable'; detail?: string }
  /** Loading the shards, in bytes. */
  | { type: 'progress'; loaded: number; total: number }
  /** The answer to 'load': texts as word ids (buffers transferred) and the word of each id. */
  | { type: 'corpus'; sequences: Int32Array[]; words: string[]; reviews: number }
  | WorkerError;
