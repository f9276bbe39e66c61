/** How well predicted classes match the labels, with the positive class (1) as the one to find. */
import { confusionScores } from '../lstm/binary-metrics.ts';

/** The four scores of a binary classifier, each between 0 and 1. */
export interface BinaryMetrics {
  /** Share of all rows classified right. */
  accuracy: number;
  /** Of the rows predicted positive, the share that are positive (0 when none is predicted positive). */
  precision: number;
  /** Of the positive rows, the share predicted positive. */
  recall: number;
  /** The harmonic mean of precision and recall (0 when both are 0). */
  f1: number;
  /** Rows scored. */
  count: number;
}

/** Scores predicted classes (0 or 1) against labels (0 or 1). */
export function binaryMetrics(labels: ArrayLike<number>, predicted: ArrayLike<number>): BinaryMetrics {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels but ${predicted.length} predictions`);
  if (labels.length === 0) throw new RangeError('no rows to score');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    const p = predicted[i]!;
    if ((y !== 0 && y !== 1) || (p !== 0 && p !== 1)) throw new RangeError(`row ${i}: label ${y}, prediction ${p}`);
    if (p === 1) {
      if (y === 1) tp++;
      else fp++;
    } else if (y === 1) fn++;
    else tn++;
  }
  const { accuracy, precision, recall, f1, count } = confusionScores({ tp, fp, tn, fn });
  return { accuracy, precision, recall, f1, count };
}

/** Classes from probabilities: 1 above `threshold` (default one half), else 0. */
export function classesOf(probabilities: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const out = new Uint8Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) out[i] = probabilities[i]! > threshold ? 1 : 0;
  return out;
}
