/**
 * Messages between a thread that evaluates a model (chapter 5's sentiment worker) and a
 * prediction helper (./worker.ts), which predicts batches of reviews beside it. Types only.
 */
import type { PredictorWeights } from '../../lstm/fast/fused-predict.ts';

/** To the helper. */
export type PredictRequest =
  { type: 'weights'; weights: PredictorWeights } | { type: 'predict'; id: number; ids: Int32Array; rows: number };

/** From the helper. */
export type PredictReport =
  | { type: 'ready' }
  | { type: 'predicted'; id: number; probabilities: Float32Array }
  | { type: 'error'; message: string };
