/**
 * The chapter 5 baselines worker: fits the bag-of-words logistic regression and the random
 * forest (src/baselines/imdb.ts) off the page's thread, reporting progress as it goes. It yields
 * to its event loop between trees and iterations, so that a stop message can end a fit early.
 * Its messages are in ./protocol.ts.
 */
import { bagOfWordsBaseline, forestBaseline, type BaselineProgress } from '../../baselines/imdb.ts';
import { workerPort } from '../scope.ts';
import { errorMessage } from '../../data/errors.ts';
import { yieldToMessages } from '../yield.ts';
import type { BaselinesReport, BaselinesRequest } from './protocol.ts';

const port = workerPort<BaselinesRequest, BaselinesReport>();

let controller: AbortController | null = null;

async function fit(request: Extract<BaselinesRequest, { type: 'fit' }>, signal: AbortSignal): Promise<void> {
  const { train, test, trees, seed } = request;
  for (const model of request.models) {
    const control = {
      signal,
      pause: yieldToMessages,
      onProgress: (p: BaselineProgress) => port.post({ type: 'progress', model, ...p }),
    };
    const result =
      model === 'forest'
        ? await forestBaseline(train, test, { ...control, trees, seed })
        : await bagOfWordsBaseline(train, test, control);
    port.post({ type: 'result', result });
  }
}

port.listen((request) => {
  if (request.type === 'stop') {
    controller?.abort(new DOMException('The fit was stopped.', 'AbortError'));
    return;
  }
  if (controller) {
    port.post({ type: 'error', message: 'A fit is already going on in this worker.' });
    return;
  }
  const current = new AbortController();
  controller = current;
  fit(request, current.signal)
    .then(
      () => port.post({ type: 'done', stopped: false }),
      (error: unknown) => {
        if (current.signal.aborted) port.post({ type: 'done', stopped: true });
        else port.post({ type: 'error', message: errorMessage(error) });
      },
    )
    .finally(() => (controller = null));
});
