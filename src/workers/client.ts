/**
 * The page's side of every Web Worker in the kit: one way to start a worker, send it typed
 * requests, hear its reports (progress included), and cancel it. Each worker lives in
 * `src/workers/<name>/` as `worker.ts` (the code that runs in the worker) and `protocol.ts`
 * (the messages, types only); its `new Worker(new URL(…))` line sits beside the widget or
 * client that starts it, because Vite bundles a worker only where that expression is written
 * out literally.
 *
 *     const training = startWorker<SentimentRequest, SentimentReport>(createSentimentWorker, onReport);
 *     training.send({ type: 'pause' });
 *     training.terminate();                          // cancels at once
 *
 *     const dataset = await requestInWorker(createLoadWorker, { type: 'load', … }, {
 *       signal,                                      // abort: the worker is terminated
 *       onReport: (m) => (m.type === 'dataset' ? m.dataset : undefined), // undefined: keep listening
 *     });
 */

import { WORKERS_WORDS } from './workers.words.ts';

/** What every worker reports when a request fails; each protocol's report union includes it. */
export interface WorkerError {
  type: 'error';
  /** What went wrong, in English. */
  message: string;
  /** What went wrong as a code, where the worker knows it, for the page to word in its edition. */
  code?: string;
  /** The numbers that go with `code`. */
  values?: number[];
}

/** An error with a code (and numbers) that a worker passes on in its {@link WorkerError}. */
export function codedError(code: string, message: string, values?: number[]): Error {
  return Object.assign(new Error(message), { code, ...(values ? { values } : {}) });
}

/** The {@link WorkerError} report of anything a worker caught: its message, and its code and numbers if it has them. */
export function workerError(error: unknown, message: string): WorkerError {
  const { code, values } = (error ?? {}) as { code?: unknown; values?: unknown };
  return {
    type: 'error',
    message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(Array.isArray(values) && values.every((v) => typeof v === 'number') ? { values: values as number[] } : {}),
  };
}

/** A started worker with typed messages. */
export interface WorkerClient<Request> {
  /** Posts a request; the buffers in `transfer` move to the worker instead of being copied. */
  send(request: Request, transfer?: Transferable[]): void;
  /** Ends the worker at once, whatever it was doing; no report arrives after this. */
  terminate(): void;
}

/** The message of a worker that failed outside any request (a script that would not load, an uncaught throw). */
function failureMessage(what: string, event: ErrorEvent): string {
  const w = WORKERS_WORDS.now();
  return w.failed(w.names[what] ?? what, event.message || w.couldNotStart);
}

/**
 * Starts a worker that lives as long as the page wants it (a training run with Pause and Stop).
 * `onReport` gets every report, and a failure of the worker itself as a {@link WorkerError}
 * naming `what` ("training worker").
 */
export function startWorker<Request, Report>(
  create: () => Worker,
  onReport: (report: Report | WorkerError) => void,
  what = 'worker',
): WorkerClient<Request> {
  const worker = create();
  let open = true;
  worker.onmessage = (event: MessageEvent<Report>) => {
    if (open) onReport(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault(); // reported here, not as an uncaught error in the console
    if (open) onReport({ type: 'error', message: failureMessage(what, event) });
  };
  return {
    send: (request, transfer = []) => worker.postMessage(request, transfer),
    terminate: () => {
      open = false;
      worker.terminate();
    },
  };
}

/** How {@link requestInWorker} listens. */
export interface RequestOptions<Report, Result> {
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Gets every report but errors: returns the result to resolve with, or undefined to keep
   * listening (progress reports).
   */
  onReport: (report: Report) => Result | undefined;
  /** Turns an error report into the Error to reject with (default: its message). */
  toError?: (report: WorkerError & Record<string, unknown>) => Error;
  /** Buffers in the request to move to the worker rather than copy. */
  transfer?: Transferable[];
  /** The worker as messages name it ("data worker"). */
  what?: string;
}

/**
 * Runs one request in a fresh worker and resolves with what `onReport` picks out of its
 * reports; an error report, a failure of the worker or an abort rejects. The worker is
 * terminated when the promise settles, so nothing keeps running after the answer.
 */
export function requestInWorker<Request, Report extends { type: string }, Result>(
  create: () => Worker,
  request: Request,
  options: RequestOptions<Report, Result>,
): Promise<Result> {
  const { signal, onReport, toError = (r) => new Error(r.message), transfer, what } = options;
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => settle(() => reject(signal?.reason));
    const client = startWorker<Request, Report>(
      create,
      (report) => {
        if (report.type === 'error') {
          settle(() => reject(toError(report as WorkerError & Record<string, unknown>)));
          return;
        }
        let result: Result | undefined;
        try {
          result = onReport(report as Report);
        } catch (error) {
          settle(() => reject(error));
          return;
        }
        if (result !== undefined) settle(() => resolve(result));
      },
      what,
    );
    function settle(done: () => void) {
      client.terminate();
      signal?.removeEventListener('abort', onAbort);
      done();
    }
    signal?.addEventListener('abort', onAbort);
    client.send(request, transfer);
  });
}
