/** The dense sigmoid readout and binary cross-entropy, against finite differences and tfjs. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianArray, mulberry32 } from '../../src/lstm/cell/random';
import { binaryCrossEntropy, denseBackward, denseLogits } from '../../src/lstm/cell/readout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('binary cross-entropy', () => {
  it('equals tfjs sigmoid cross-entropy and the formula on σ(z)', () => {
    const z = Float64Array.of(-3, -0.5, 0, 0.7, 4);
    const y = Float64Array.of(0, 1, 1, 0, 1);
    const { loss, probabilities, accuracy } = binaryCrossEntropy(z, y);
    const ref = tf.losses.sigmoidCrossEntropy(tf.tensor1d(Array.from(y)), tf.tensor1d(Array.from(z))).dataSync()[0];
    expect(loss).toBeCloseTo(ref, 6);
    let byHand = 0;
    z.forEach((zk, k) => {
      const p = 1 / (1 + Math.exp(-zk));
      expect(probabilities[k]).toBeCloseTo(p, 14);
      byHand -= (y[k] * Math.log(p) + (1 - y[k]) * Math.log(1 - p)) / z.length;
    });
    expect(loss).toBeCloseTo(byHand, 12);
    // Right: −3 → 0, 4 → 1. Wrong: −0.5 → 1, 0 (σ = 0.5 is not > 0.5) → 1, 0.7 → 0.
    expect(accuracy).toBeCloseTo(2 / 5, 14);
  });

  it('stays finite for saturated logits', () => {
    const { loss, dLogits } = binaryCrossEntropy(Float64Array.of(800, -800), Float64Array.of(0, 1));
    expect(loss).toBeCloseTo(800, 9);
    expect(Array.from(dLogits)).toEqual([0.5, -0.5]);
  });

  it('gives dL/dz = (σ(z) − y) / batch', () => {
    const z = gaussianArray(6, mulberry32(3), 2);
    const y = Float64Array.from([1, 0, 0, 1, 1, 0]);
    const { dLogits } = binaryCrossEntropy(z, y);
    const eps = 1e-6;
    z.forEach((v, k) => {
      z[k] = v + eps;
      const up = binaryCrossEntropy(z, y).loss;
      z[k] = v - eps;
      const down = binaryCrossEntropy(z, y).loss;
      z[k] = v;
      expect(dLogits[k]).toBeCloseTo((up - down) / (2 * eps), 8);
    });
  });
});

describe('dense readout', () => {
  it('backpropagates to w, b and h as finite differences say', () => {
    const batch = 3;
    const units = 4;
    const h = gaussianArray(batch * units, mulberry32(1));
    const readout = { w: gaussianArray(units, mulberry32(2)), b: 0.3 };
    const y = Float64Array.of(1, 0, 1);
    const loss = () => binaryCrossEntropy(denseLogits(h, readout), y).loss;
    const { dLogits } = binaryCrossEntropy(denseLogits(h, readout), y);
    const g = denseBackward(h, readout, dLogits);
    const eps = 1e-6;
    const numeric = (a: Float64Array, k: number) => {
      const v = a[k];
      a[k] = v + eps;
      const up = loss();
      a[k] = v - eps;
      const down = loss();
      a[k] = v;
      return (up - down) / (2 * eps);
    };
    readout.w.forEach((_, k) => expect(g.dw[k]).toBeCloseTo(numeric(readout.w, k), 8));
    h.forEach((_, k) => expect(g.dh[k]).toBeCloseTo(numeric(h, k), 8));
    const b = readout.b;
    readout.b = b + eps;
    const up = loss();
    readout.b = b - eps;
    const down = loss();
    readout.b = b;
    expect(g.db).toBeCloseTo((up - down) / (2 * eps), 8);
  });

  it('rejects states that do not fit the weights', () => {
    expect(() => denseLogits(new Float64Array(5), { w: new Float64Array(2), b: 0 })).toThrow(/\[batch, units=2\]/);
    expect(() => denseBackward(new Float64Array(4), { w: new Float64Array(2), b: 0 }, new Float64Array(3))).toThrow(
      /needs 6 numbers, got 4/,
    );
  });
});
