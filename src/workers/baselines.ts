/**
 * The chapter 5 baselines worker: fits the bag-of-words logistic regression and the random
 * forest (src/baselines/imdb.ts) off the page's thread, reporting progress as it goes. It yields
 * to its event loop between trees and iterations, so that a stop message can end a fit early.
 */
import {
  bagOfWordsBaseline,
  forestBaseline,
  type BagOfWordsBaseline,
  type BaselineProgress,
  type ForestBaseline,
} from '../baselines/imdb.ts';
import type { RankedReviews } from '../data/views.ts';
import { yieldToMessages } from './yield';

/** Which baseline. */
export type BaselineModel = 'bag-of-words' | 'forest';

/** The page asks the worker to fit, or to stop. */
export type BaselinesRequest =
  | {
      type: 'fit';
      /** Fitted in this order. */
      models: BaselineModel[];
      train: RankedReviews;
      test: RankedReviews;
      /** Trees of the forest. */
      trees: number;
      seed: number;
    }
  | { type: 'stop' };

/** What the worker reports: progress, each model's result as it is ready, then done (or an error). */
export type BaselinesReport =
  | ({ type: 'progress'; model: BaselineModel } & BaselineProgress)
  | { type: 'result'; result: ForestBaseline | BagOfWordsBaseline }
  | { type: 'done'; stopped: boolean }
  | { type: 'error'; message: string };

const scope = globalThis as unknown as {
  postMessage(message: BaselinesReport): void;
  onmessage: ((event: MessageEvent<BaselinesRequest>) => void) | null;
};

let controller: AbortController | null = null;

async function fit(request: Extract<BaselinesRequest, { type: 'fit' }>, signal: AbortSignal): Promise<void> {
  const { train, test, trees, seed } = request;
  for (const model of request.models) {
    const control = {
      signal,
      pause: yieldToMessages,
      onProgress: (p: BaselineProgress) => scope.postMessage({ type: 'progress', model, ...p }),
    };
    const result =
      model === 'forest'
        ? await forestBaseline(train, test, { ...control, trees, seed })
        : await bagOfWordsBaseline(train, test, control);
    scope.postMessage({ type: 'result', result });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'stop') {
    controller?.abort(new DOMException('The fit was stopped.', 'AbortError'));
    return;
  }
  if (controller) {
    scope.postMessage({ type: 'error', message: 'A fit is already going on in this worker.' });
    return;
  }
  const current = new AbortController();
  controller = current;
  fit(request, current.signal)
    .then(
      () => scope.postMessage({ type: 'done', stopped: false }),
      (error: unknown) => {
        if (current.signal.aborted) scope.postMessage({ type: 'done', stopped: true });
        else scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    )
    .finally(() => (controller = null));
};
