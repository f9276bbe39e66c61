/**
 * Messages between chapter 7's length-study widget and its worker (worker.ts). Types only: both
 * sides import them, and nothing here runs.
 */
import type { LengthPoint, WeightArrays } from '../../lstm/sentiment/length-study';
import type { SentimentSettings } from '../../lstm/sentiment/presets';
import type { WorkerError } from '../client';

/** From the page: score these reviews at each maxlen with this model. Stop = terminate the worker. */
export interface LengthStudyRequest {
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

/** From the worker: its backend, progress as a share in [0, 1], each length's point, the time in seconds. */
export type LengthStudyReport =
  | { type: 'backend'; label: string; reason: string }
  | { type: 'progress'; fraction: number }
  | { type: 'point'; point: LengthPoint }
  | { type: 'done'; seconds: number }
  | WorkerError;
