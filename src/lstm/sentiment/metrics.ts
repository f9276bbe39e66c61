/**
 * How good a binary classifier is, from its predicted probabilities p_i = P(positive | review i)
 * and the true labels y_i in {0, 1}, with a threshold of 0.5 (what `accuracy` means in Keras):
 *
 *   loss      = -mean( y log p + (1 - y) log(1 - p) )     (p clipped to [1e-7, 1 - 1e-7], as Keras)
 *   accuracy  = (TP + TN) / n
 *   precision = TP / (TP + FP)      of the reviews called positive, how many are
 *   recall    = TP / (TP + FN)      of the positive reviews, how many were found
 *   F1        = 2 precision recall / (precision + recall)
 *
 * Pure, so the page, the worker, the command line and the baselines all report the same numbers.
 */

/** Counts of the confusion matrix: rows are the truth, columns the prediction. */
export interface Confusion {
  /** Positive reviews predicted positive. */
  tp: number;
  /** Negative reviews predicted positive. */
  fp: number;
  /** Negative reviews predicted negative. */
  tn: number;
  /** Positive reviews predicted negative. */
  fn: number;
}

/** The metrics of {@link binaryMetrics}. */
export interface BinaryMetrics extends Confusion {
  count: number;
  loss: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Keras' epsilon: probabilities are clipped this far from 0 and 1 before the logarithm. */
export const EPSILON = 1e-7;

/** Binary cross-entropy of one prediction. */
export function crossEntropy(p: number, y: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return y ? -Math.log(q) : -Math.log(1 - q);
}

/** Every metric at once. Precision, recall and F1 are 0 (not NaN) when their denominator is. */
export function binaryMetrics(probabilities: ArrayLike<number>, labels: ArrayLike<number>): BinaryMetrics {
  const n = probabilities.length;
  if (n !== labels.length) throw new RangeError(`${n} predictions for ${labels.length} labels`);
  if (n === 0) throw new RangeError('no predictions to score');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    const y = labels[i]!;
    loss += crossEntropy(p, y);
    const positive = p >= 0.5;
    if (y && positive) tp++;
    else if (y) fn++;
    else if (positive) fp++;
    else tn++;
  }
  return { ...confusionScores({ tp, fp, tn, fn }), loss: loss / n };
}

/** Accuracy, precision, recall and F1 from the counts; 0 (not NaN) where a denominator is 0. */
export function confusionScores(c: Confusion): Omit<BinaryMetrics, 'loss'> {
  const count = c.tp + c.fp + c.tn + c.fn;
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return {
    ...c,
    count,
    accuracy: (c.tp + c.tn) / count,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** The `k` reviews the classifier gets most wrong: misclassified, most confident first. */
export function mostWrong(probabilities: ArrayLike<number>, labels: ArrayLike<number>, k: number): number[] {
  const wrong: number[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    if (probabilities[i]! >= 0.5 !== (labels[i] === 1)) wrong.push(i);
  }
  const error = (i: number) => Math.abs(probabilities[i]! - labels[i]!);
  return wrong.sort((a, b) => error(b) - error(a) || a - b).slice(0, k);
}
