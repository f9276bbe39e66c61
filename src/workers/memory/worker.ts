/**
 * Chapter 3's training worker: a vanilla RNN and an LSTM learn the memory task side by side, off
 * the page's thread. The maths is src/lstm/memory/experiment.ts; this file only slices it into
 * short runs, reports progress and listens for Stop between them.
 */
import { trainMemoryPair, type MemoryTick } from '../../lstm/memory/experiment';
import { lstmSnapshot, type MemoryScore } from '../../lstm/memory/run';
import { workerPort } from '../scope';
import { errorMessage } from '../../data/errors';
import { yieldToMessages } from '../yield';
import type { MemoryReport, MemoryRequest } from './protocol';

const port = workerPort<MemoryRequest, MemoryReport>();

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
    let accuracy: MemoryScore[] = [];
    let sliceStart = performance.now();
    let lastTick: MemoryTick | undefined;
    const flush = () => {
      if (!lastTick || losses.count === 0) return;
      port.post({
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
        port.post({
          type: 'result',
          id,
          distractors,
          steps: r.steps,
          ended: r.ended,
          seconds: (performance.now() - started) / 1000,
          rnn: r.rnn,
          lstm: r.lstm,
          initial: r.initial,
          lstmModel: lstmSnapshot(r.lstmModel),
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
  port.post({ type: 'done', id, stopped });
}

port.listen((request) => {
  if (request.type === 'stop') {
    if (request.id === running) stopped = true;
    return;
  }
  if (running !== null) {
    port.post({ type: 'error', id: request.id, message: 'A training run is already going on.', code: 'busy' });
    return;
  }
  running = request.id;
  stopped = false;
  train(request)
    .catch((error: unknown) => port.post({ type: 'error', id: request.id, message: errorMessage(error) }))
    .finally(() => {
      running = null;
    });
});
