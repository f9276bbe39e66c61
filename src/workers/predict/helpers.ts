/**
 * The evaluating thread's side of prediction helpers (./worker.ts): each is a
 * {@link PredictionHelper} for src/lstm/sentiment/train.ts's predictProbabilities, backed by a
 * worker started on first use and kept for the next evaluation (a validation pass each epoch).
 * A helper whose worker fails rejects what it was asked and everything after; the evaluation
 * then goes on without it (see predictProbabilities).
 */
import type { PredictorWeights } from '../../lstm/fast/fused-predict.ts';
import type { PredictionHelper } from '../../lstm/sentiment/train.ts';
import type { PredictReport, PredictRequest } from './protocol.ts';

/** How many helpers to start beside this thread: one per other core, at most three. */
export function helperCount(cores: number = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(0, Math.min(3, cores - 1));
}

/** `count` helpers whose workers `create` makes (a literal `new Worker(new URL(…))` for Vite). */
export function predictionHelpers(count: number, create: () => Worker): PredictionHelper[] {
  return Array.from({ length: count }, () => helper(create));
}

function helper(create: () => Worker): PredictionHelper {
  let worker: Worker | null = null;
  let broken: Error | null = null;
  let next = 0;
  // Answers awaited: 'ready' under -1, batches under their ids.
  const waiting = new Map<number, { resolve: (p: Float32Array | null) => void; reject: (e: Error) => void }>();
  const fail = (error: Error) => {
    broken = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker?.terminate();
  };
  const open = (): Worker => {
    if (worker) return worker;
    const made = create();
    made.onmessage = (event: MessageEvent<PredictReport>) => {
      const report = event.data;
      if (report.type === 'error') fail(new Error(`prediction helper: ${report.message}`));
      else if (report.type === 'ready') waiting.get(-1)?.resolve(null);
      else waiting.get(report.id)?.resolve(report.probabilities);
      if (report.type !== 'error') waiting.delete(report.type === 'ready' ? -1 : report.id);
    };
    made.onerror = (event) => {
      event.preventDefault(); // the evaluation goes on without it: not an error of the page
      fail(new Error(`prediction helper: ${event.message || 'it could not start'}`));
    };
    worker = made;
    return made;
  };
  const ask = (key: number, request: PredictRequest): Promise<Float32Array | null> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      waiting.set(key, { resolve, reject });
      open().postMessage(request);
    });
  return {
    start: async (weights: PredictorWeights) => void (await ask(-1, { type: 'weights', weights })),
    predict: async (ids, rows) => {
      const id = next++;
      return (await ask(id, { type: 'predict', id, ids, rows }))!;
    },
  };
}
