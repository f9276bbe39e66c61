/**
 * The browser side of scripts/bench-train-browser.ts: the same four r-keras models and the same
 * interleaved batch timing as the Node benchmark, run in a page on tfjs's WASM backend (threaded
 * when the page is cross-origin isolated). Bundled by esbuild; the page calls `runTrainBench`.
 */
import * as tf from '@tensorflow/tfjs';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import { loadImdb, R_KERAS_VIEW, urlSource } from '../../src/data/index.ts';
import { batchOf, predictProbabilities } from '../../src/lstm/sentiment/train.ts';
import { registerFastGather, unregisterFastGather } from '../../src/lstm/fast/gather.ts';
import { batchTensors, permutation, R_KERAS, rKerasModel, timeInterleaved } from '../../src/lstm/sentiment/rkeras.ts';
import type { ImdbSplitData } from '../../src/data/index.ts';
import { TRAIN_KINDS, type TrainRow } from '../lib/train-report.ts';
import { registerFastSegmentSum } from '../../src/lstm/fast/segment-sum.ts';
import { startWasmBackend } from '../../src/workers/wasm-backend.ts';
import { timeWholeReviews } from '../lib/whole-reviews.ts';

/** Bytes of the WASM heap and of the JavaScript heap (Chromium's `performance.memory`). */
function memory(): { wasm: number; js: number } {
  const heap = (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
  const js = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  return { wasm: heap, js };
}

async function runTrainBench({ batches = 20, warmup = 3, seed = 7 } = {}) {
  wasm.setWasmPaths(new URL('wasm/', location.href).href);
  await startWasmBackend(tf, wasm);
  await tf.ready();
  registerFastSegmentSum(tf, 'wasm');
  const data = await loadImdb(urlSource(new URL('data/imdb/', location.href).href), { splits: ['train'] });
  const train = data.splits.train!;
  const order = permutation(train.count, seed);
  const models = TRAIN_KINDS.map((kind) =>
    rKerasModel({
      lstm: kind === 'stock' ? 'stock' : 'fused',
      optimizer: kind === 'fused+gather+adam' ? 'fast' : 'stock',
      seed,
    }),
  );
  for (const model of models) model.setWeights(models[1]!.getWeights());
  const peak = memory();
  const sample = () => {
    const now = memory();
    peak.wasm = Math.max(peak.wasm, now.wasm);
    peak.js = Math.max(peak.js, now.js);
  };
  const timed = await timeInterleaved(
    models.map((model, n) => ({
      model,
      // The lookup kernels belong to the last two rows only (see bench-train.ts).
      before: n >= 2 ? () => registerFastGather(tf, 'wasm') : () => unregisterFastGather(tf, 'wasm'),
    })),
    train,
    order,
    { warmup, batches, sample },
  );
  const rows: TrainRow[] = timed.map((t, n) => ({ kind: TRAIN_KINDS[n]!, ...t }));
  return { threads: wasm.getThreadsCount(), isolated: crossOriginIsolated, reviews: train.count, rows, peak };
}

/** tfjs on WASM (threaded where the page is isolated) with all the kit's kernels, and the training reviews. */
async function trainingReviews() {
  wasm.setWasmPaths(new URL('wasm/', location.href).href);
  await startWasmBackend(tf, wasm);
  await tf.ready();
  registerFastSegmentSum(tf, 'wasm');
  registerFastGather(tf, 'wasm');
  return loadImdb(urlSource(new URL('data/imdb/', location.href).href), { splits: ['train'] });
}

/** The last row's model (fused layer, fast kernels, one-pass Adam) and where its batches are. */
let fast: { model: tf.LayersModel; train: ImdbSplitData; order: Int32Array; next: number } | null = null;

/**
 * Builds the last row's model alone and trains `warmup` untimed batches: the benchmark's figure
 * beside the chapter (scripts/bench-train-chapter.ts), which then asks for it in blocks.
 */
async function startFastBench({ warmup = 3, seed = 7 } = {}) {
  const data = await trainingReviews();
  const train = data.splits.train!;
  const model = rKerasModel({ lstm: 'fused', optimizer: 'fast', seed });
  fast = { model, train, order: permutation(train.count, seed), next: 0 };
  await fastBatches(warmup);
  return { threads: wasm.getThreadsCount(), isolated: crossOriginIsolated, reviews: train.count };
}

/**
 * Trains the next `count` batches of the fast model, as the benchmark times them (trainOnBatch
 * alone, the batch made before); returns the milliseconds of each.
 */
async function fastBatches(count: number): Promise<number[]> {
  if (!fast) throw new Error('startFastBench first');
  const times: number[] = [];
  const batches = Math.ceil(fast.train.count / R_KERAS.batch);
  for (let k = 0; k < count; k++) {
    const { x, y } = batchTensors(fast.train, fast.order, fast.next++ % batches);
    const start = performance.now();
    await fast.model.trainOnBatch(x, y);
    times.push(performance.now() - start);
    tf.dispose([x, y]); // each batch is used once
  }
  return times;
}

/**
 * Evaluation of every test review with the fast model as it stands, both ways, taking turns:
 * tfjs's `model.predict` in batches of 500 (what the chapter did before issue 16), and
 * predictProbabilities (src/lstm/sentiment/train.ts: the fused prediction) in batches of
 * `batchSize`. Returns the seconds of each pass and the largest difference of the probabilities.
 */
async function evaluationBench({ rounds = 2, batchSize = 500 } = {}) {
  if (!fast) throw new Error('startFastBench first');
  const data = await loadImdb(urlSource(new URL('data/imdb/', location.href).href), { splits: ['test'] });
  const test = data.splits.test!;
  const all = Int32Array.from({ length: test.count }, (_, i) => i);
  const layers: number[] = [];
  const fused: number[] = [];
  let difference = 0;
  for (let r = 0; r < rounds; r++) {
    let start = performance.now();
    const reference = new Float32Array(test.count);
    for (let k = 0; k < test.count; k += 500) {
      const { x, y } = batchOf(test, all.subarray(k, Math.min(test.count, k + 500)), R_KERAS_VIEW);
      const p = tf.tidy(() => fast!.model.predict(x) as tf.Tensor);
      reference.set(await p.data(), k);
      tf.dispose([x, y, p]);
    }
    layers.push((performance.now() - start) / 1000);
    start = performance.now();
    const probabilities = await predictProbabilities(fast.model, test, all, R_KERAS_VIEW, { batchSize });
    fused.push((performance.now() - start) / 1000);
    for (let k = 0; k < test.count; k++) difference = Math.max(difference, Math.abs(probabilities[k]! - reference[k]!));
  }
  return { reviews: test.count, layers, fused, difference };
}

/** The whole-review presets, every step against distinct rows (scripts/lib/whole-reviews.ts). */
async function runWholeReviewsBench({ batches = 10 } = {}) {
  const data = await trainingReviews();
  return timeWholeReviews(data.splits.train!, data.vocabulary.words.length, { batches });
}

Object.assign(globalThis, { runTrainBench, startFastBench, fastBatches, evaluationBench, runWholeReviewsBench });
