/**
 * How well predicted classes match the labels, with the positive class (1) as the one to find.
 * The scores are the kit's one {@link binaryMetrics} (src/lstm/sentiment/metrics.ts), given the
 * classes 0 and 1 as probabilities, so the baselines and the LSTM are scored by the same code.
 */
import { binaryMetrics, type BinaryMetrics } from '../lstm/sentiment/metrics.ts';

export { binaryMetrics, type BinaryMetrics };

/** Classes from probabilities: 1 above `threshold` (default one half), else 0. */
export function classesOf(probabilities: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const out = new Uint8Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) out[i] = probabilities[i]! > threshold ? 1 : 0;
  return out;
}
