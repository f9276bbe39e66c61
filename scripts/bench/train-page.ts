/**
 * The browser side of scripts/bench-train-browser.ts: the same r-keras models and batch timing
 * as the Node benchmark, run in a page on tfjs's WASM backend (threaded when the page is
 * cross-origin isolated). Bundled by esbuild; the page calls `runTrainBench`.
 */
import * as tf from '@tensorflow/tfjs';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import { loadImdb, urlSource } from '../../src/data/index.ts';
import { registerFastGather } from '../../src/lstm/gather.ts';
import { permutation, rKerasModel, timeBatches } from '../../src/lstm/rkeras.ts';
import type { TrainRow } from '../lib/train-report.ts';
import { registerFastSegmentSum } from '../../src/lstm/segment-sum.ts';
import { startWasmBackend } from '../../src/widgets/kit/wasm-backend.ts';

async function runTrainBench({ batches = 20, warmup = 3, seed = 7 } = {}) {
  wasm.setWasmPaths(new URL('wasm/', location.href).href);
  await startWasmBackend(tf, wasm);
  await tf.ready();
  registerFastSegmentSum(tf, 'wasm');
  const data = await loadImdb(urlSource(new URL('data/imdb/', location.href).href), { splits: ['train'] });
  const train = data.splits.train!;
  const order = permutation(train.count, seed);
  const fused = rKerasModel({ lstm: 'fused', seed });
  const stock = rKerasModel({ lstm: 'stock', seed });
  const fusedGather = rKerasModel({ lstm: 'fused', seed });
  stock.setWeights(fused.getWeights());
  const rows: TrainRow[] = [];
  for (const [kind, model] of [
    ['stock', stock],
    ['fused', fused],
    ['fused+gather', fusedGather],
  ] as const) {
    if (kind === 'fused+gather') registerFastGather(tf, 'wasm');
    const t = await timeBatches(model, train, order, { warmup, batches });
    rows.push({ kind, ...t });
  }
  return { threads: wasm.getThreadsCount(), isolated: crossOriginIsolated, reviews: train.count, rows };
}

(globalThis as { runTrainBench?: typeof runTrainBench }).runTrainBench = runTrainBench;
