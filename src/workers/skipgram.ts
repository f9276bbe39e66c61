/**
 * The chapter 4 training worker: skip-gram word vectors with tfjs on WASM, off the page's
 * thread. It receives a corpus as word ids, reports the loss as it falls and sends a copy of
 * the table after every epoch (see skipgram-protocol.ts).
 */
import { trainSkipGram } from '../embedding/training.ts';
import type { TrainReport, TrainRequest } from './skipgram-protocol.ts';
import { startWorkerTf } from './tf-wasm.ts';
import { yieldToMessages } from './yield';

const scope = globalThis as unknown as {
  postMessage(message: TrainReport, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<TrainRequest>) => void) | null;
};

let backend: ReturnType<typeof startWorkerTf> | null = null;
let stopRequested = false;
let running = false;

async function train(request: Extract<TrainRequest, { type: 'train' }>): Promise<void> {
  backend ??= startWorkerTf();
  const info = await backend;
  scope.postMessage({ type: 'backend', ...info });
  const words = Array.from({ length: request.vocabSize }, (_, i) => String(i)); // only the count matters here
  const result = await trainSkipGram({ sequences: request.sequences, words }, request.options, {
    onStart: (table) =>
      scope.postMessage({ type: 'start', values: table.values, dim: table.dim }, [table.values.buffer]),
    onProgress: (p) => scope.postMessage({ type: 'progress', ...p }),
    onEpoch: (epoch, table, loss) =>
      scope.postMessage({ type: 'epoch', epoch, values: table.values, dim: table.dim, loss }, [table.values.buffer]),
    shouldStop: () => stopRequested,
    pause: yieldToMessages,
  });
  scope.postMessage({ type: 'done', ...result });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'stop') {
    stopRequested = true;
    return;
  }
  if (running) {
    scope.postMessage({ type: 'error', message: 'A training run is already going on in this worker.' });
    return;
  }
  running = true;
  stopRequested = false;
  train(request)
    .catch((error: unknown) =>
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => (running = false));
};
