/**
 * The chapter 4 training worker: skip-gram word vectors with tfjs on WASM, off the page's
 * thread. It receives a corpus as word ids, reports the loss as it falls and sends a copy of
 * the table after every epoch (see ./protocol.ts).
 */
import { trainSkipGram } from '../../embedding/training.ts';
import { workerPort } from '../scope.ts';
import { errorMessage } from '../../data/errors.ts';
import { startWorkerTf } from '../tf-wasm.ts';
import { yieldToMessages } from '../yield.ts';
import type { TrainReport, TrainRequest } from './protocol.ts';

const port = workerPort<TrainRequest, TrainReport>();

let backend: ReturnType<typeof startWorkerTf> | null = null;
let stopRequested = false;
let running = false;

async function train(request: Extract<TrainRequest, { type: 'train' }>): Promise<void> {
  backend ??= startWorkerTf();
  const info = await backend;
  port.post({ type: 'backend', ...info });
  const words = Array.from({ length: request.vocabSize }, (_, i) => String(i)); // only the count matters here
  const result = await trainSkipGram({ sequences: request.sequences, words }, request.options, {
    onStart: (table) => port.post({ type: 'start', values: table.values, dim: table.dim }, [table.values.buffer]),
    onProgress: (p) => port.post({ type: 'progress', ...p }),
    onEpoch: (epoch, table, loss) =>
      port.post({ type: 'epoch', epoch, values: table.values, dim: table.dim, loss }, [table.values.buffer]),
    shouldStop: () => stopRequested,
    pause: yieldToMessages,
  });
  port.post({ type: 'done', ...result });
}

port.listen((request) => {
  if (request.type === 'stop') {
    stopRequested = true;
    return;
  }
  if (running) {
    port.post({ type: 'error', message: 'A training run is already going on in this worker.' });
    return;
  }
  running = true;
  stopRequested = false;
  train(request)
    .catch((error: unknown) => port.post({ type: 'error', message: errorMessage(error) }))
    .finally(() => (running = false));
});
