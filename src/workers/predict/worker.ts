/**
 * A prediction helper: the fused prediction (src/lstm/fast/fused-predict.ts) on a tfjs of its
 * own, one WASM thread, so that an evaluation uses a second core (tfjs's WASM backend runs each
 * matMul on one thread, whatever its thread count). It gets a model's numbers, then batches of
 * review ids, and answers each batch's probabilities. Messages in ./protocol.ts; the other side
 * is ./helpers.ts.
 */
import { predictorOf, type FusedPredictor } from '../../lstm/fast/fused-predict.ts';
import { errorMessage } from '../../data/errors.ts';
import { workerPort } from '../scope.ts';
import { startWorkerTf } from '../tf-wasm.ts';
import type { PredictReport, PredictRequest } from './protocol.ts';

const port = workerPort<PredictRequest, PredictReport>();
let started: Promise<unknown> | null = null;
let predictor: FusedPredictor | null = null;

port.listen((request) => {
  void handle(request).catch((error: unknown) => port.post({ type: 'error', message: errorMessage(error) }));
});

async function handle(request: PredictRequest): Promise<void> {
  // One thread: this worker is the second core's share.
  started ??= startWorkerTf({ threads: false });
  await started;
  if (request.type === 'weights') {
    predictor?.dispose();
    predictor = null;
    predictor = predictorOf(request.weights);
    port.post({ type: 'ready' });
    return;
  }
  if (!predictor) throw new Error('no weights yet');
  const probabilities = predictor.predict(request.ids, request.rows);
  port.post({ type: 'predicted', id: request.id, probabilities }, [probabilities.buffer]);
}
