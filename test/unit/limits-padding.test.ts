/**
 * Chapter 7's padding study: the prediction after every step of a 'pre' and a 'post' padded row,
 * from the stepwise rebuild of a trained model, against the kit's plain-TypeScript LSTM (one
 * layer) and against the trained model's own predictions (two stacked layers); the "masked"
 * answer against the same weights run over the unpadded review alone.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { padSequence } from '../../src/data/pad';
import { disposeModel, modelAtMaxlen, weightArrays, type WeightArrays } from '../../src/lstm/sentiment/length-study';
import { paddingTrace, stepwiseModel, summarizePadding } from '../../src/lstm/sentiment/padding-study';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import type { SentimentSettings } from '../../src/lstm/sentiment/presets';
import { runLstm } from '../../src/lstm/cell/sequence';
import { lstmWeightsFromTfjs } from '../../src/lstm/cell/weights';

const VOCABULARY = 20;
const ONE: SentimentSettings = {
  layout: 'imdb',
  numWords: null,
  maxlen: 10,
  embedding: 3,
  lstm: [4],
  dropout: 0,
  recurrentDropout: 0,
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 4,
  epochs: 1,
};
const TWO: SentimentSettings = { ...ONE, layout: 'tokenizer', lstm: [4, 3] };

/** Seeded weights with larger values than the initialisers give, so that the zeros visibly move the state. */
function weightsOf(settings: SentimentSettings, seed: number): WeightArrays[] {
  const model = sentimentModel(settings, { vocabularySize: VOCABULARY, seed });
  const out = weightArrays(model).map((w, k) => ({
    shape: w.shape,
    data: w.data.map((x, i) => x * 4 + 0.3 * Math.sin(i + k)),
  }));
  disposeModel(model);
  return out;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the padding trace', () => {
  it('equals the plain-TypeScript LSTM read out after every step, for both paddings', async () => {
    const weights = weightsOf(ONE, 3);
    const model = stepwiseModel(ONE, VOCABULARY, weights);
    const ids = Int32Array.from([1, 7, 12, 5]);
    const trace = await paddingTrace(model, ids, ONE.maxlen);
    disposeModel(model);
    expect([...trace.preRow]).toEqual([0, 0, 0, 0, 0, 0, 1, 7, 12, 5]);
    expect([...trace.postRow]).toEqual([1, 7, 12, 5, 0, 0, 0, 0, 0, 0]);
    const [emb, kernel, recurrent, bias, dense, denseBias] = weights;
    const lstm = lstmWeightsFromTfjs(
      [kernel!, recurrent!, bias!].map((w) => ({ shape: w.shape, dataSync: () => w.data })),
    );
    const run = (row: Int32Array) =>
      runLstm(
        lstm,
        [...row].map((id) => Float64Array.from(emb!.data.subarray(id * 3, id * 3 + 3))),
        { readout: { w: dense!.data, b: denseBias!.data[0]! } },
      ).predictions!.map((p) => p[0]!);
    const pre = run(trace.preRow);
    const post = run(trace.postRow);
    for (let t = 0; t < 10; t++) {
      expect(trace.pre[t]).toBeCloseTo(pre[t]!, 5);
      expect(trace.post[t]).toBeCloseTo(post[t]!, 5);
    }
    // Zeros are inputs like any word: after the review, they keep moving the prediction.
    expect(Math.abs(trace.post[9]! - trace.post[3]!)).toBeGreaterThan(1e-3);
    const s = summarizePadding(trace);
    expect(s).toEqual({
      kept: 4,
      zeros: 6,
      pre: trace.pre[9],
      post: trace.post[9],
      masked: trace.post[3],
      zerosOnly: trace.pre[5],
    });
    // mask_zero's answer is the unpadded review's: the same LSTM over the four ids alone.
    expect(s.masked).toBeCloseTo(run(ids).at(-1)!, 5);
  });

  it("ends at the trained model's own predictions with stacked layers, and masks like a model of the review's length", async () => {
    const weights = weightsOf(TWO, 5);
    const stepwise = stepwiseModel(TWO, VOCABULARY, weights);
    const ids = Int32Array.from([3, 9, 1]);
    const trace = await paddingTrace(stepwise, ids, TWO.maxlen);
    disposeModel(stepwise);
    const trained = modelAtMaxlen(TWO, VOCABULARY, weights, TWO.maxlen);
    const rows = [padSequence(ids, { maxlen: 10, padding: 'pre' }), padSequence(ids, { maxlen: 10, padding: 'post' })];
    const x = tf.tensor2d(
      rows.flatMap((r) => [...r]),
      [2, 10],
      'int32',
    );
    const p = trained.predict(x) as tf.Tensor;
    const [pre, post] = p.dataSync();
    tf.dispose([x, p]);
    disposeModel(trained);
    const s = summarizePadding(trace);
    expect(s.pre).toBeCloseTo(pre!, 5);
    expect(s.post).toBeCloseTo(post!, 5);
    const short = modelAtMaxlen(TWO, VOCABULARY, weights, 3);
    const y = tf.tensor2d([...ids], [1, 3], 'int32');
    const q = short.predict(y) as tf.Tensor;
    expect(s.masked).toBeCloseTo(q.dataSync()[0]!, 5);
    tf.dispose([y, q]);
    disposeModel(short);
  });

  it('has nothing to pad in a review at least maxlen long, and no zeros-only value', async () => {
    const weights = weightsOf(ONE, 4);
    const model = stepwiseModel(ONE, VOCABULARY, weights);
    const ids = Int32Array.from({ length: 13 }, (_, i) => 1 + (i % 15));
    const trace = await paddingTrace(model, ids, ONE.maxlen);
    disposeModel(model);
    expect([...trace.preRow]).toEqual([...ids.subarray(3)]);
    expect([...trace.postRow]).toEqual([...ids.subarray(3)]);
    const s = summarizePadding(trace);
    expect(s.zeros).toBe(0);
    expect(s.zerosOnly).toBeNull();
    expect(s.pre).toBe(s.post);
    expect(s.masked).toBe(s.pre);
  });

  it('refuses weights of another architecture', () => {
    expect(() => stepwiseModel(TWO, VOCABULARY, weightsOf(ONE, 1))).toThrow(/do not fit/);
  });
});
