/**
 * The fused prediction (src/lstm/fast/fused-predict.ts) against the model's own `predict`, on the
 * cpu and wasm backends, with the step arithmetic in TypeScript (6 units) and in WebAssembly SIMD
 * (8 units), for the kit's fused layer and for tfjs's own LSTM holding the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { fusedPredictor } from '../../src/lstm/fast/fused-predict';
import { lstmClassifier } from '../../src/lstm/sentiment/model';
import { mulberry32 } from '../../src/lstm/cell/random';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const VOCABULARY = 40;
const MAXLEN = 9;
const ROWS = 7;

/** Seeded uniform numbers on [-scale, scale]. */
function uniform(n: number, seed: number, scale: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** A classifier with seeded, non-trivial weights (every bias perturbed, so that every gate is tested). */
function classifier(units: number, implementation: 'fused' | 'stock', lstm = [units]) {
  const model = lstmClassifier({
    vocabulary: VOCABULARY,
    embedding: 8,
    maxlen: MAXLEN,
    lstm,
    dropout: 0.2,
    recurrentDropout: 0.2,
    implementation,
    seed: 3,
  });
  model.setWeights(model.getWeights().map((w, k) => tf.tensor(uniform(w.size, 100 + k, k === 0 ? 1 : 0.6), w.shape)));
  return model;
}

/** Ids in [0, VOCABULARY), zeros (padding) in front of some rows as the data has them. */
function ids(): Int32Array {
  const rand = mulberry32(9);
  return Int32Array.from({ length: ROWS * MAXLEN }, (_, k) =>
    k % MAXLEN < (k / MAXLEN) % 3 ? 0 : Math.floor(rand() * VOCABULARY),
  );
}

describe.each([
  ['cpu', 6],
  ['cpu', 8],
  ['wasm', 6],
  ['wasm', 8],
] as const)('fused prediction on %s, %i units', (backend, units) => {
  it.each(['fused', 'stock'] as const)('gives the %s model its predict values within 1e-5', async (implementation) => {
    await tf.setBackend(backend);
    const model = classifier(units, implementation);
    const x = ids();
    const expected = tf.tidy(() => (model.predict(tf.tensor2d(x, [ROWS, MAXLEN], 'int32')) as tf.Tensor).dataSync());
    const predictor = fusedPredictor(model)!;
    expect(predictor).not.toBeNull();
    const before = tf.memory().numTensors;
    const p = predictor.predict(x, ROWS);
    expect(tf.memory().numTensors).toBe(before);
    expect(p).toHaveLength(ROWS);
    let worst = 0;
    for (let b = 0; b < ROWS; b++) worst = Math.max(worst, Math.abs(p[b]! - expected[b]!));
    expect(worst).toBeLessThan(1e-5);
    // The outputs differ from row to row: the test is not passed by a constant.
    expect(Math.max(...p) - Math.min(...p)).toBeGreaterThan(0.01);
    // Another batch with fewer rows, from the same predictor.
    const p2 = predictor.predict(x.subarray(0, 3 * MAXLEN), 3);
    for (let b = 0; b < 3; b++) expect(Math.abs(p2[b]! - expected[b]!)).toBeLessThan(1e-5);
    predictor.dispose();
    tf.dispose(model.weights.map((w) => w.read()));
  });
});

describe.each(['cpu', 'wasm'] as const)('fused prediction of reviews padded at the front, on %s', (backend) => {
  it('gives what predict gives, whatever the padding: none, some, all', async () => {
    await tf.setBackend(backend);
    const model = classifier(8, 'fused');
    const rand = mulberry32(12);
    // Leading zeros 0..MAXLEN (a review of nothing but padding last), rows out of order.
    const leads = [3, 0, MAXLEN, 7, 1, MAXLEN - 1, 0, 5];
    const x = new Int32Array(leads.length * MAXLEN);
    leads.forEach((lead, b) => {
      for (let t = lead; t < MAXLEN; t++) x[b * MAXLEN + t] = 1 + Math.floor(rand() * (VOCABULARY - 1));
    });
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor2d(x, [leads.length, MAXLEN], 'int32')) as tf.Tensor).dataSync(),
    );
    const predictor = fusedPredictor(model)!;
    // A shorter batch first: the padding's states are then extended for the longer one.
    const short = predictor.predict(
      x.subarray(0, 4).map(() => 0),
      1,
    );
    expect(short).toHaveLength(1);
    const p = predictor.predict(x, leads.length);
    for (let b = 0; b < leads.length; b++) expect(Math.abs(p[b]! - expected[b]!), `row ${b}`).toBeLessThan(1e-5);
    // Rows with other padding give other numbers: each answer is its own row's.
    expect(new Set(Array.from(p, (v) => v.toFixed(6))).size).toBe(leads.length);
    predictor.dispose();
    tf.dispose(model.weights.map((w) => w.read()));
  });
});

describe('fused prediction', () => {
  it('declines models it does not compute, and ids outside the embedding', async () => {
    await tf.setBackend('cpu');
    expect(fusedPredictor(classifier(4, 'fused', [4, 4]))).toBeNull();
    const predictor = fusedPredictor(classifier(4, 'fused'))!;
    expect(() =>
      predictor.predict(
        Int32Array.from({ length: MAXLEN }, () => VOCABULARY),
        1,
      ),
    ).toThrow(/outside/);
    expect(() => predictor.predict(new Int32Array(MAXLEN), 2)).toThrow(/rows/);
    predictor.dispose();
  });
});
