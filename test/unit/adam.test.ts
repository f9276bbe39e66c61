/** Adam on plain arrays: two steps worked by hand, then agreement with tf.train.adam. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adam } from '../../src/lstm/memory/adam';
import { gaussianArray, mulberry32 } from '../../src/lstm/cell/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('adam', () => {
  it('takes the two steps worked out by hand', () => {
    // η = 0.1, β₁ = 0.9, β₂ = 0.999. Step 1, g = (0.5, −1): m̂ = g and v̂ = g², so each
    // parameter moves by η against the sign of its gradient: (1, −2) → (0.9, −1.9).
    const p = Float64Array.of(1, -2);
    const opt = adam([p], { learningRate: 0.1 });
    opt.step([[0.5, -1]]);
    expect(p[0]).toBeCloseTo(0.9, 6);
    expect(p[1]).toBeCloseTo(-1.9, 6);
    // Step 2, g = (0.5, 1): m = (0.095, 0.01), v = (0.00049975, 0.001999); bias corrections
    // 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999 give m̂ = (0.5, 0.05263), v̂ = (0.25, 1), so the
    // steps are 0.1 · 0.5 / 0.5 = 0.1 and 0.1 · 0.05263 / 1 = 0.005263.
    opt.step([[0.5, 1]]);
    expect(p[0]).toBeCloseTo(0.8, 6);
    expect(p[1]).toBeCloseTo(-1.9 - 0.1 * (0.01 / 0.19), 6);
    expect(opt.iterations).toBe(2);
  });

  it('follows tf.train.adam step for step', () => {
    const n = 7;
    const start = gaussianArray(n, mulberry32(1));
    const ours = Float64Array.from(start);
    const opt = adam([ours], { learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-7 });
    const variable = tf.variable(tf.tensor1d(Array.from(start)));
    const theirs = tf.train.adam(0.05, 0.8, 0.99, 1e-7);
    const rand = mulberry32(2);
    for (let step = 0; step < 6; step++) {
      const g = gaussianArray(n, rand);
      opt.step([g]);
      theirs.applyGradients([{ name: variable.name, tensor: tf.tensor1d(Array.from(g)) }]);
      const v = variable.dataSync();
      ours.forEach((x, k) => expect(Math.abs(x - v[k])).toBeLessThan(1e-5));
    }
  });

  it('leaves a parameter with zero gradient where it is, and rejects mismatched gradients', () => {
    const p = Float64Array.of(3);
    const opt = adam([p]);
    opt.step([[0]]);
    expect(p[0]).toBe(3);
    expect(() => opt.step([])).toThrow(/expected 1 gradient arrays/);
    expect(() => opt.step([[1, 2]])).toThrow(/gradient 0 needs 1 numbers, got 2/);
  });
});
