/**
 * Chapter 3's training worker: a vanilla RNN and an LSTM learn the memory task side by side, off
 * the page's thread. The maths is src/lstm/memory/experiment.ts; this file only slices it into
 * short runs, reports progress and listens for Stop between them.
 */
import { trainMemoryPair, type MemoryTick } from '../lstm/memory/experiment';
import type { MemoryReport, MemoryRequest } from './memory-protocol';
import { yieldToMessages } from './yield';

const scope = globalThis as unknown as {
  postMessage(message: MemoryReport, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<MemoryRequest>) => void) | null;
};

// Report (and look for a Stop) after this much work: often enough for smooth curves, rarely
// enough that posting costs nothing next to training.
const SLICE_MS = 60;

let running: number | null = null;
let stopped = false;

async function train(request: Extract<MemoryRequest, { type: 'train' }>): Promise<void> {
  const { id, settings } = request;
  for (const distractors of request.distractors) {
    if (stopped) break;
    const started = performance.now();
    const run = trainMemoryPair({ distractors, ...settings, shouldStop: () => stopped });
    let losses = { rnn: 0, lstm: 0, count: 0 };
    let accuracy: { step: number; rnn: number; lstm: number }[] = [];
    let sliceStart = performance.now();
    let lastTick: MemoryTick | undefined;
    const flush = () => {
      if (!lastTick || losses.count === 0) return;
      scope.postMessage({
        type: 'progress',
        id,
        distractors,
        step: lastTick.step,
        loss: { step: lastTick.step, rnn: losses.rnn / losses.count, lstm: losses.lstm / losses.count },
        accuracy,
      });
      losses = { rnn: 0, lstm: 0, count: 0 };
      accuracy = [];
    };
    for (;;) {
      const next = run.next();
      if (next.done) {
        flush();
        const r = next.value;
        const m = r.lstmModel;
        if (m.kind !== 'lstm') throw new Error('memory worker: the second network is not an LSTM.');
        scope.postMessage({
          type: 'result',
          id,
          distractors,
          steps: r.steps,
          ended: r.ended,
          seconds: (performance.now() - started) / 1000,
          rnn: r.rnn,
          lstm: r.lstm,
          initial: r.initial,
          lstmModel: {
            units: m.weights.units,
            inputDim: m.weights.inputDim,
            kernel: Float64Array.from(m.weights.kernel),
            recurrentKernel: Float64Array.from(m.weights.recurrentKernel),
            bias: Float64Array.from(m.weights.bias),
            readoutW: Float64Array.from(m.readout.w),
            readoutB: m.readout.b[0],
          },
        });
        break;
      }
      const tick = next.value;
      lastTick = tick;
      losses.rnn += tick.loss.rnn;
      losses.lstm += tick.loss.lstm;
      losses.count++;
      if (tick.accuracy) accuracy.push({ step: tick.step, ...tick.accuracy });
      if (performance.now() - sliceStart >= SLICE_MS) {
        flush();
        await yieldToMessages();
        sliceStart = performance.now();
      }
    }
  }
  scope.postMessage({ type: 'done', id, stopped });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'stop') {
    if (request.id === running) stopped = true;
    return;
  }
  if (running !== null) {
    scope.postMessage({ type: 'error', id: request.id, message: 'A training run is already going on.' });
    return;
  }
  running = request.id;
  stopped = false;
  train(request)
    .catch((e: Error) => scope.postMessage({ type: 'error', id: request.id, message: e.message }))
    .finally(() => {
      running = null;
    });
};
