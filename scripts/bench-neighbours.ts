/**
 * Benchmarks of src/embedding in Node:
 *   - row normalisation and top-10 cosine neighbours over a seeded 20,000 x 128 table
 *     (median and p95 over many queries), plus analogies and PCA on the same table;
 *   - skip-gram training throughput (words per second) on a seeded Zipf-distributed corpus,
 *     and the gather-gradient formulation it avoids, for comparison.
 *
 * Run: npx node --experimental-strip-types scripts/bench-neighbours.ts [--quick] [--backend wasm]
 * (--quick runs fewer queries and steps, for a smoke test; --backend picks the tfjs backend of
 * the skip-gram part, 'cpu' by default, 'wasm' being what the browser uses.)
 */
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import {
  analogy,
  disposeSkipGram,
  nearestNeighbours,
  normaliseRows,
  pca,
  skipGram,
  skipGramBatches,
  skipGramLoss,
  skipGramTrainStep,
  unigramSampler,
  vectorTable,
} from '../src/embedding/index.ts';
import { seededRandom } from '../src/embedding/random.ts';
import { optionsOrExit } from './lib/options.ts';

const { quick, backend } = optionsOrExit('bench:neighbours', {
  quick: { type: 'boolean' },
  backend: { type: 'choice', choices: ['cpu', 'wasm'], default: 'cpu' },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, min ${sorted[0].toFixed(2)} ms (n = ${times.length})`;
}

/** Runs `f` `runs` times after `warmup` untimed runs; returns each run's milliseconds. */
function time(runs: number, warmup: number, f: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) f(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** A seeded table of standard-normal-ish numbers (sum of 4 uniforms, centred), `[rows, dim]`. */
function seededTable(rows: number, dim: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: rows * dim }, () => random() + random() + random() + random() - 2);
}

/** A seeded corpus of `sentences` x `length` ids drawn from a Zipf law over `vocabSize` ids. */
function zipfCorpus(vocabSize: number, sentences: number, length: number, seed: number): Int32Array[] {
  const counts = Float64Array.from({ length: vocabSize }, (_, i) => 1 / (i + 1));
  const sampler = unigramSampler(counts, { power: 1, seed });
  return Array.from({ length: sentences }, () => Int32Array.from({ length }, () => sampler.sample()));
}

async function main(): Promise<void> {
  // Imported only on request: the WASM backend registers itself on import.
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} is not available`);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), tfjs ${tf.version.tfjs}`,
  );

  // --- Neighbours -----------------------------------------------------------------------------
  const rows = 20_000;
  const dim = 128;
  const table = vectorTable(seededTable(rows, dim, 1), dim);
  console.log(`\nTable: ${rows} x ${dim} float32, seeded`);

  let unit = normaliseRows(table);
  console.log(`normaliseRows: ${summary(time(quick ? 5 : 20, 2, () => (unit = normaliseRows(table))))}`);

  const queries = quick ? 200 : 2000;
  const random = seededRandom(2);
  const ids = Array.from({ length: queries + 50 }, () => Math.floor(random() * rows));
  let checksum = 0; // consumed below so that no engine can skip the searches
  const neighbourTimes = time(queries, 50, (i) => {
    checksum += nearestNeighbours(unit, ids[i], { k: 10 })[0].id;
  });
  console.log(`top-10 neighbours: ${summary(neighbourTimes)}`);
  const excludeTimes = time(queries, 50, (i) => {
    checksum += nearestNeighbours(unit, ids[i], { k: 10, exclude: [0, 1, 2, ids[i + 1]] })[0].id;
  });
  console.log(`top-10 neighbours, 4 excluded ids: ${summary(excludeTimes)}`);
  const analogyTimes = time(quick ? 100 : 500, 20, (i) => {
    checksum += analogy(unit, ids[i], ids[i + 1], ids[i + 2], { k: 10 })[0].id;
  });
  console.log(`analogy (a - b + c), top-10: ${summary(analogyTimes)}`);

  const pcaSmall = vectorTable(table.values.subarray(0, 1000 * dim), dim);
  console.log(`pca, 2 components, 1,000 x ${dim}: ${summary(time(quick ? 3 : 10, 1, () => pca(pcaSmall)))}`);
  console.log(`pca, 2 components, ${rows} x ${dim}: ${summary(time(quick ? 1 : 3, 0, () => pca(table)))}`);
  console.log(`(checksum ${checksum})`);

  // --- Skip-gram ------------------------------------------------------------------------------
  console.log(
    `\nSkip-gram on the tfjs ${tf.getBackend()} backend, window 2, k = 5 negatives, batch 1024 pairs, SGD; Zipf corpus of 100-word sentences`,
  );
  for (const [vocabSize, d] of [
    [2000, 32],
    [5000, 64],
    [20_000, 128],
  ] as const) {
    const corpus = zipfCorpus(vocabSize, 500, 100, 3);
    const tokens = corpus.reduce((s, c) => s + c.length, 0);
    const batches = Array.from(skipGramBatches(corpus, { window: 2, batchSize: 1024, seed: 4 }), (b) => ({
      targets: b.targets.slice(),
      contexts: b.contexts.slice(),
    }));
    const totalPairs = batches.reduce((s, b) => s + b.targets.length, 0);
    const model = skipGram({ vocabSize, dim: d, negatives: 5, seed: 5 });
    const steps = Math.min(batches.length - 3, quick ? 5 : 30);
    const before = tf.memory().numTensors;
    let first = 0;
    let last = 0;
    const stepTimes = time(steps, 3, (i) => {
      const loss = skipGramTrainStep(model, batches[i]);
      if (i === 0) first = loss;
      last = loss;
    });
    const leaked = tf.memory().numTensors - before;
    const pairsPerStep = 1024;
    const wordsPerPair = tokens / totalPairs;
    const medianStep = [...stepTimes].sort((a, b) => a - b)[Math.floor(stepTimes.length / 2)];
    const wordsPerSecond = (pairsPerStep * wordsPerPair * 1000) / medianStep;
    console.log(
      `V = ${vocabSize}, dim = ${d}: step ${summary(stepTimes)}; ${Math.round((pairsPerStep * 1000) / medianStep)} pairs/s, ` +
        `${Math.round(wordsPerSecond)} words/s; loss ${first.toFixed(3)} -> ${last.toFixed(3)}; tensors leaked ${leaked}`,
    );
    disposeSkipGram(model);
  }

  // The formulation avoided: differentiating through tf.gather on the variables, whose gradient
  // is tfjs's UnsortedSegmentSum. One step on a small table and a small batch is enough to show it.
  const naiveVocab = 2000;
  const naiveDim = 32;
  const naiveBatch = 128;
  const corpus = zipfCorpus(naiveVocab, 50, 100, 6);
  const [batch] = skipGramBatches(corpus, { batchSize: naiveBatch, seed: 7 });
  if (batch === undefined) throw new Error('the benchmark corpus gave no batch');
  const sampler = unigramSampler(new Float64Array(naiveVocab).fill(1), { seed: 8 });
  const negatives = Int32Array.from({ length: naiveBatch * 5 }, () => sampler.sample());
  const model = skipGram({ vocabSize: naiveVocab, dim: naiveDim, negatives: 5, seed: 9 });
  const optimizer = tf.train.sgd(0.025);
  let naive: string;
  try {
    const naiveTimes = time(quick ? 1 : 3, 1, () => {
      tf.tidy(() => {
        optimizer.minimize(() => {
          const u = tf.gather(model.target, tf.tensor1d(batch.targets, 'int32')) as tf.Tensor2D;
          const vp = tf.gather(model.context, tf.tensor1d(batch.contexts, 'int32')) as tf.Tensor2D;
          const vn = tf.reshape(tf.gather(model.context, tf.tensor1d(negatives, 'int32')), [naiveBatch, 5, naiveDim]);
          return skipGramLoss(u, vp, vn as tf.Tensor3D);
        });
      });
    });
    naive = summary(naiveTimes);
  } catch (error) {
    // The WASM backend has no UnsortedSegmentSum kernel at all (see DESIGN.md).
    naive = `fails: ${(error as Error).message}`;
  }
  const oursTimes = time(quick ? 3 : 10, 2, () => skipGramTrainStep(model, batch, negatives));
  console.log(
    `V = ${naiveVocab}, dim = ${naiveDim}, batch ${naiveBatch}: gradient through tf.gather (UnsortedSegmentSum) ${naive}; ` +
      `skipGramTrainStep (gather, then scatterND) ${summary(oursTimes)}`,
  );
  optimizer.dispose(); // created here, not by skipGram
  disposeSkipGram(model);
}

await main();
