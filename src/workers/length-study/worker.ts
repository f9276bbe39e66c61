/**
 * Chapter 7's length study off the page's thread: the trained weights are rebuilt at each maxlen
 * and score the sample of test reviews (src/lstm/sentiment/length-study.ts). At maxlen 320 one
 * batch takes far longer than a frame, so the page would freeze if it ran there. Stop terminates
 * the worker.
 */
import * as tf from '@tensorflow/tfjs';
import { lengthStudy } from '../../lstm/sentiment/length-study';
import { registerFastKernels } from '../../lstm/fast/kernels';
import { workerPort } from '../scope';
import { errorMessage } from '../../data/errors';
import { startWorkerTf } from '../tf-wasm';
import type { LengthStudyReport, LengthStudyRequest } from './protocol';

const port = workerPort<LengthStudyRequest, LengthStudyReport>();

// Progress messages at most this often: enough for a smooth bar, nothing next to the work.
const REPORT_MS = 100;

async function run(request: LengthStudyRequest): Promise<void> {
  const backend = await startWorkerTf({ threads: true });
  registerFastKernels(tf);
  port.post({ type: 'backend', ...backend });
  const started = performance.now();
  let last = 0;
  const count = request.reviews.labels.length;
  await lengthStudy({
    settings: request.settings,
    vocabularySize: request.vocabularySize,
    weights: request.weights,
    reviews: request.reviews,
    indices: Int32Array.from({ length: count }, (_, i) => i),
    maxlens: request.maxlens,
    onProgress: (fraction) => {
      const now = performance.now();
      if (now - last < REPORT_MS && fraction < 1) return;
      last = now;
      port.post({ type: 'progress', fraction });
    },
    onPoint: (point) => port.post({ type: 'point', point }),
  });
  port.post({ type: 'done', seconds: (performance.now() - started) / 1000 });
}

port.listen((request) => {
  if (request.type !== 'run') return;
  run(request).catch((error: unknown) => port.post({ type: 'error', message: errorMessage(error) }));
});
