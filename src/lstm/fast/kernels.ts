/**
 * Everything training needs from the backend, in one call: on cpu and wasm the kit's fast
 * embedding kernels (the gradient's UnsortedSegmentSum, which WASM lacks and the CPU backend runs
 * slowly, and the row-copying GatherV2), so that the Node command line, the benchmarks and the
 * page's training worker train the same way.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import { registerFastGather } from './gather.ts';
import { registerFastSegmentSum } from './segment-sum.ts';

/** Registers the fast kernels for the active backend when it is cpu or wasm; returns its name. */
export function registerFastKernels(tf: typeof TfNamespace): string {
  const name = tf.getBackend();
  if (name === 'cpu' || name === 'wasm') {
    registerFastSegmentSum(tf, name);
    registerFastGather(tf, name);
  }
  return name;
}
