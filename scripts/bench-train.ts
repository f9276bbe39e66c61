/**
 * Training speed of the `r-keras` model (Embedding 20000 x 128 -> LSTM 64, dropout 0.2 and
 * recurrent dropout 0.2 -> Dense 1 sigmoid; maxlen 80, batch 32, Adam, binary cross-entropy) on
 * real IMDB batches, in Node. Four models, each adding one piece to the one before:
 *
 * 1. stock `tf.layers.lstm` and `tf.train.adam`, with only the fast UnsortedSegmentSum kernel
 *    (without which the WASM backend cannot train an embedding at all);
 * 2. the fused layer of src/lstm/fast/fused-layer.ts in its place;
 * 3. the fast lookup kernels of src/lstm/fast/gather.ts (a row-copying GatherV2, and no copies of
 *    the embedding table for Identity and no-op Transpose);
 * 4. the one-pass Adam of src/lstm/fast/one-pass-adam.ts (the same maths as tf.train.adam).
 *
 * All four start from the same weights and see the same batches, taking turns (timeInterleaved
 * in src/lstm/sentiment/rkeras.ts: five timed batches each, after one untimed batch that brings the
 * model back into the caches; the lookup kernels switched in and out for each), so that a change
 * in the machine's load falls on all alike and the ratios hold.
 *
 * Run: npx tsx scripts/bench-train.ts [--backend wasm|cpu] [--batches N] [--warmup N] [--data DIR]
 *      npx tsx scripts/bench-train.ts --epochs 1   (trains the fastest model for whole epochs and
 *      reports loss and accuracy on the training and test sets)
 * `npm run bench:train` runs this and then the same benchmark in headless Chromium.
 * The data must have been prepared: npm run data -- --archive PATH
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { loadImdb, R_KERAS_VIEW } from '../src/data/index.ts';
import type { ImdbSplitData } from '../src/data/index.ts';
import { directorySource } from '../src/data/node/index.ts';
import { registerFastGather, unregisterFastGather } from '../src/lstm/fast/gather.ts';
import { batchTensors, permutation, R_KERAS, rKerasModel, timeInterleaved } from '../src/lstm/sentiment/rkeras.ts';
import { targetLine, TRAIN_KINDS, trainTable, type TrainKind, type TrainRow } from './lib/train-report.ts';
import { registerFastSegmentSum } from '../src/lstm/fast/segment-sum.ts';
import { optionsOrExit } from './lib/options.ts';
import { mib, wasmHeapBytes } from './lib/memory.ts';
import { timeWholeReviews, wholeReviewTable } from './lib/whole-reviews.ts';

const BATCH = R_KERAS.batch;
/** Seeds the weights, the dropout masks and the order of the batches. */
const SEED = 7;

const args = optionsOrExit('bench:train', {
  data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
  backend: { type: 'choice', choices: ['wasm', 'cpu'], default: 'wasm' },
  batches: { type: 'int', min: 1, default: 20 },
  warmup: { type: 'int', min: 0, default: 3 },
  epochs: { type: 'int', min: 0, default: 0 },
});
const DATA_DIR = args.data;
const backend = args.backend;
const batchCount = args.batches;
const warmup = args.warmup;
const epochs = args.epochs;

/** The r-keras model of a row; seeded, so that every build starts equal. */
function buildModel(kind: TrainKind, vocabulary: number, maxlen: number): tf.Sequential {
  return rKerasModel({
    lstm: kind === 'stock' ? 'stock' : 'fused',
    optimizer: kind === 'fused+gather+adam' ? 'fast' : 'stock',
    vocabulary,
    maxlen,
    seed: SEED,
  });
}

async function loadData(splits: ('train' | 'test')[]) {
  if (!existsSync(join(DATA_DIR, 'manifest.json'))) {
    console.error(`No prepared IMDB data in ${DATA_DIR}.\nPrepare it first: npm run data -- --archive PATH`);
    process.exit(1);
  }
  return loadImdb(directorySource(DATA_DIR), { splits });
}

async function setUp(): Promise<void> {
  await tf.setBackend(backend);
  await tf.ready();
  registerFastSegmentSum(tf, backend as 'cpu' | 'wasm');
}

async function bench(): Promise<void> {
  const data = await loadData(['train']);
  const train = data.splits.train!;
  await setUp();
  const vocabulary = R_KERAS_VIEW.numWords!;
  const maxlen = R_KERAS_VIEW.maxlen!;
  const order = permutation(train.count, SEED);
  const epochBatches = Math.ceil(train.count / BATCH);
  const kernels = backend as 'cpu' | 'wasm';

  const models = TRAIN_KINDS.map((kind) => buildModel(kind, vocabulary, maxlen));
  // The same starting point: the stock LSTM takes the fused one's seeded weights.
  for (const model of models) model.setWeights(models[1]!.getWeights());

  const threads = backend === 'wasm' ? `, ${getThreadsCount()} WASM thread(s)` : '';
  console.log(
    `r-keras training on ${backend}${threads}, Node ${process.version}: ${batchCount} batches of ${BATCH} real IMDB reviews ` +
      `(maxlen ${maxlen}) after ${warmup} warm-up batches, the models taking turns (five timed batches each, after an untimed one); an epoch is ` +
      `${train.count} reviews = ${epochBatches} batches.\n`,
  );
  let peakRss = process.memoryUsage().rss;
  let peakHeap = wasmHeapBytes();
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const heap = wasmHeapBytes();
    if (heap !== null) peakHeap = Math.max(peakHeap ?? 0, heap);
  };
  const timed = await timeInterleaved(
    models.map((model, n) => ({
      model,
      // The lookup kernels belong to the last two rows only, so that the first two compare the
      // LSTM layers alone.
      before: n >= 2 ? () => registerFastGather(tf, kernels) : () => unregisterFastGather(tf, kernels),
    })),
    train,
    order,
    { warmup, batches: batchCount, sample },
  );
  const rows: TrainRow[] = timed.map((t, n) => ({ kind: TRAIN_KINDS[n]!, ...t }));
  for (const line of trainTable(rows, epochBatches)) console.log(line);
  console.log(
    `\nPeak memory of the process over the run (all four models alive): RSS ${mib(peakRss)}` +
      (peakHeap === null ? '.' : `, WASM heap ${mib(peakHeap)}.`),
  );
  console.log(targetLine(rows, epochBatches));
  tf.dispose(models.flatMap((m) => m.weights.map((w) => w.read())));
  registerFastGather(tf, kernels);
  const whole = Math.max(5, Math.round(batchCount / 2));
  console.log(
    `\nWhole reviews: the presets r-keras-400 and dlwp (fast lookup kernels, the kit's optimisers), the fused layer with ` +
      `every step's input in its product and over distinct input rows (each way forced; of its own the layer takes them for r-keras-400 alone), taking turns; ${whole} timed batches each.\n`,
  );
  for (const line of wholeReviewTable(await timeWholeReviews(train, data.vocabulary.words.length, { batches: whole })))
    console.log(line);
}

/** Trains the fastest model for `epochs` whole epochs and evaluates it on the test set. */
async function train(): Promise<void> {
  const data = await loadData(['train', 'test']);
  const trainSplit = data.splits.train!;
  const testSplit = data.splits.test!;
  await setUp();
  registerFastGather(tf, backend as 'cpu' | 'wasm');
  const model = buildModel('fused+gather+adam', R_KERAS_VIEW.numWords!, R_KERAS_VIEW.maxlen!);
  const batches = Math.ceil(trainSplit.count / BATCH);
  console.log(
    `Training the fused r-keras model (fast lookup kernels, one-pass Adam) on ${backend} for ${epochs} epoch(s) of ${batches} batches.`,
  );
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = permutation(trainSplit.count, SEED + epoch);
    const start = performance.now();
    let loss = 0;
    let accuracy = 0;
    let seen = 0;
    for (let k = 0; k < batches; k++) {
      const { x, y } = batchTensors(trainSplit, order, k);
      const [l, a] = (await model.trainOnBatch(x, y)) as number[];
      loss += l! * x.shape[0];
      accuracy += a! * x.shape[0];
      seen += x.shape[0];
      tf.dispose([x, y]); // the batch is used once
      if ((k + 1) % 100 === 0) {
        const s = (performance.now() - start) / 1000;
        console.log(`  batch ${k + 1}/${batches}: loss ${(loss / seen).toFixed(4)}, ${s.toFixed(1)} s`);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const test = evaluate(model, testSplit);
    console.log(
      `epoch ${epoch + 1}: ${seconds.toFixed(1)} s (${((seconds / batches) * 1000).toFixed(1)} ms per batch), ` +
        `train loss ${(loss / seen).toFixed(4)}, train accuracy ${(accuracy / seen).toFixed(4)}, ` +
        `test loss ${test.loss.toFixed(4)}, test accuracy ${test.accuracy.toFixed(4)}`,
    );
  }
}

/** Mean binary cross-entropy and accuracy over a whole split, predicted in large batches. */
function evaluate(model: tf.Sequential, split: ImdbSplitData): { loss: number; accuracy: number } {
  const size = 500;
  const order = Int32Array.from({ length: split.count }, (_, i) => i);
  let loss = 0;
  let correct = 0;
  for (let k = 0; k * size < split.count; k++) {
    const { x, y } = batchTensors(split, order, k, size);
    const p = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    const labels = y.dataSync();
    for (let i = 0; i < p.length; i++) {
      const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]!));
      loss -= labels[i]! ? Math.log(q) : Math.log(1 - q);
      if (q >= 0.5 === (labels[i] === 1)) correct++;
    }
    tf.dispose([x, y]); // the batch is used once
  }
  return { loss: loss / split.count, accuracy: correct / split.count };
}

await (epochs > 0 ? train() : bench());
