/**
 * The length study of chapter 7 on a tiny trained model: at every maxlen its accuracy and loss
 * must be those of an independent forward pass (the kit's plain-TypeScript LSTM, src/lstm/
 * sequence.ts, fed the same weights and rows padded by padSequence), and those of evaluateModel
 * on tfjs's stock LSTM layer built at that length; truncation is counted by hand.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { padSequence } from '../../src/data/pad';
import { ranksToIds, type RankedReviews } from '../../src/data/views';
import { crossEntropy } from '../../src/lstm/sentiment/metrics';
import {
  countLonger,
  describeStudy,
  lengthStudy,
  modelAtMaxlen,
  studyFraction,
  studyMaxlens,
  subsetReviews,
  weightArrays,
  type LengthPoint,
  type WeightArrays,
} from '../../src/lstm/sentiment/length-study';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import { settingsView, type SentimentSettings } from '../../src/lstm/sentiment/presets';
import { runLstm } from '../../src/lstm/cell/sequence';
import { syntheticReviews } from '../fixtures/synthetic-reviews';
import { evaluateModel } from '../../src/lstm/sentiment/train';
import { lstmWeightsFromTfjs } from '../../src/lstm/cell/weights';

const VOCABULARY = 30;
const SETTINGS: SentimentSettings = {
  layout: 'imdb',
  numWords: null,
  maxlen: 8,
  embedding: 4,
  lstm: [5],
  dropout: 0,
  recurrentDropout: 0,
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 8,
  epochs: 1,
};

/** Reviews of 3 to 24 random ranks; positive ones contain rank 1 near their end, negative ones rank 2. */
const reviews = (count: number, seed: number): RankedReviews =>
  syntheticReviews(count, seed, { vocabulary: VOCABULARY, shortest: 3, spread: 22, marker: 'second-last' });

let weights: WeightArrays[];
const test = reviews(40, 2);
const indices = Int32Array.from({ length: 40 }, (_, i) => i);

beforeAll(async () => {
  await tf.setBackend('cpu');
  // A few batches of training, so that the predictions spread away from 0.5.
  const model = sentimentModel(SETTINGS, { vocabularySize: VOCABULARY });
  const train = reviews(64, 1);
  const { encodeReviews } = await import('../../src/data/views');
  const batch = encodeReviews(train, settingsView(SETTINGS));
  const x = tf.tensor2d(batch.x, batch.shape, 'int32');
  const y = tf.tensor2d(batch.y, [batch.shape[0], 1]);
  for (let step = 0; step < 15; step++) await model.trainOnBatch(x, y);
  tf.dispose([x, y]);
  weights = weightArrays(model);
  model.dispose();
});

/** p for each review at `maxlen`, computed with the plain-TypeScript LSTM from the weights. */
function reference(maxlen: number): Float64Array {
  const [emb, kernel, recurrent, bias, dense, denseBias] = weights;
  const lstm = lstmWeightsFromTfjs(
    [kernel!, recurrent!, bias!].map((w) => ({ shape: w.shape, dataSync: () => w.data })),
  );
  const e = SETTINGS.embedding;
  const out = new Float64Array(test.labels.length);
  for (let i = 0; i < out.length; i++) {
    const ids = ranksToIds(test.tokens.subarray(test.offsets[i], test.offsets[i + 1]), settingsView(SETTINGS));
    const row = padSequence(ids, { maxlen });
    const xs = [...row].map((id) => Float64Array.from(emb!.data.subarray(id * e, (id + 1) * e)));
    const run = runLstm(lstm, xs, { readout: { w: dense!.data, b: denseBias!.data[0]! } });
    out[i] = run.predictions!.at(-1)![0]!;
  }
  return out;
}

describe('the length study', () => {
  const maxlens = [4, 8, 12, 30];

  it('scores every maxlen as an independent forward pass does, and counts truncation by hand', async () => {
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const seen: LengthPoint[] = [];
    const points = await lengthStudy({
      settings: SETTINGS,
      vocabularySize: VOCABULARY,
      weights,
      reviews: test,
      indices,
      maxlens,
      batchSize: 16,
      onProgress: (f) => progress.push(f),
      onPoint: (p) => seen.push(p),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(points);
    expect(points.map((p) => p.maxlen)).toEqual(maxlens);
    for (const point of points) {
      const p = reference(point.maxlen);
      let correct = 0;
      let loss = 0;
      p.forEach((q, i) => {
        correct += Number(q >= 0.5 === (test.labels[i] === 1));
        loss += crossEntropy(q, test.labels[i]!);
      });
      expect(point.count).toBe(40);
      expect(point.accuracy).toBe(correct / 40);
      expect(point.loss).toBeCloseTo(loss / 40, 5);
      // Review i has ranks.length + 1 ids (the start marker); it loses words when that exceeds maxlen.
      let longer = 0;
      for (let i = 0; i < 40; i++) longer += Number(test.offsets[i + 1]! - test.offsets[i]! + 1 > point.maxlen);
      expect(point.truncated).toBe(longer);
    }
    // Not a degenerate model: it does better than chance at its own length.
    expect(points[1]!.accuracy).toBeGreaterThan(0.6);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('gives at each maxlen what evaluateModel gives for the stock LSTM layer built at that length', async () => {
    const points = await lengthStudy({
      settings: SETTINGS,
      vocabularySize: VOCABULARY,
      weights,
      reviews: test,
      indices: indices.subarray(5, 30),
      maxlens,
    });
    for (const point of points) {
      const stock = sentimentModel(
        { ...SETTINGS, maxlen: point.maxlen },
        { vocabularySize: VOCABULARY, lstm: 'stock' },
      );
      const tensors = weights.map((w) => tf.tensor(w.data, w.shape));
      stock.setWeights(tensors);
      tf.dispose(tensors);
      const { metrics } = await evaluateModel(stock, test, indices.subarray(5, 30), {
        ...settingsView(SETTINGS),
        maxlen: point.maxlen,
      });
      stock.dispose();
      stock.optimizer.dispose();
      expect(point.count).toBe(25);
      expect(point.accuracy).toBe(metrics.accuracy);
      expect(point.loss).toBeCloseTo(metrics.loss, 5);
    }
  });

  it('refuses weights of another architecture', () => {
    expect(() => modelAtMaxlen({ ...SETTINGS, lstm: [6] }, VOCABULARY, weights, 10)).toThrow(/weight 1 is \[4,20\]/);
    expect(() => modelAtMaxlen(SETTINGS, VOCABULARY, weights.slice(1), 10)).toThrow(/6 weight arrays, 5 were given/);
  });

  it('stops when `between` throws', async () => {
    let batches = 0;
    const run = lengthStudy({
      settings: SETTINGS,
      vocabularySize: VOCABULARY,
      weights,
      reviews: test,
      indices,
      maxlens,
      batchSize: 10,
      between: async () => {
        if (++batches === 3) throw new Error('stopped');
      },
    });
    await expect(run).rejects.toThrow('stopped');
    expect(batches).toBe(3);
  });
});

describe('helpers', () => {
  it('adds the trained length to the default lengths', () => {
    expect(studyMaxlens(80)).toEqual([20, 40, 80, 160, 320]);
    expect(studyMaxlens(100)).toEqual([20, 40, 80, 100, 160, 320]);
    expect(studyMaxlens(7, [10, 5])).toEqual([5, 7, 10]);
  });

  it('copies a subset of reviews into a compact set of their own', () => {
    const all = reviews(6, 9);
    const subset = subsetReviews(all, [4, 1]);
    const ranks = (r: typeof all, i: number) => [...r.tokens.subarray(r.offsets[i], r.offsets[i + 1])];
    expect(ranks(subset, 0)).toEqual(ranks(all, 4));
    expect(ranks(subset, 1)).toEqual(ranks(all, 1));
    expect([...subset.labels]).toEqual([all.labels[4], all.labels[1]]);
    expect(subset.offsets.length).toBe(3);
    expect(subset.tokens.length).toBe(subset.offsets[2]);
  });

  it('counts reviews longer than each maxlen', () => {
    expect(countLonger([1, 5, 6, 10, 80, 81], [5, 10, 80])).toEqual([4, 2, 1]);
  });

  it('weighs progress by the work of each length', () => {
    // lengths 10 and 30: the first is a quarter of the work.
    expect(studyFraction([10, 30], 0, 1)).toBe(0.25);
    expect(studyFraction([10, 30], 1, 0.5)).toBe(0.625);
    expect(studyFraction([10, 30], 1, 1)).toBe(1);
  });

  it('describes the key numbers', () => {
    const point = (maxlen: number, accuracy: number): LengthPoint => ({
      maxlen,
      accuracy,
      count: 1000,
      loss: 0.5,
      truncated: 0,
      seconds: 1,
    });
    expect(describeStudy([point(20, 0.651), point(80, 0.78), point(160, 0.801), point(320, 0.792)], 80)).toBe(
      'Accuracy on 1,000 test reviews: 78.0% at maxlen 80 (the length it was trained at), 65.1% at maxlen 20 and 79.2% at maxlen 320; the best is 80.1% at maxlen 160.',
    );
    expect(describeStudy([point(20, 0.6)], 80)).toBe(
      'Accuracy on 1,000 test reviews: 60.0% at maxlen 20; the best is 60.0% at maxlen 20.',
    );
    expect(describeStudy([], 80)).toBe('Nothing measured yet.');
  });
});
