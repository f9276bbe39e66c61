/** Classification metrics against counts worked by hand. */
import { describe, expect, it } from 'vitest';
import { binaryMetrics, crossEntropy, mostWrong } from '../../src/lstm/sentiment/metrics';
import { sampleIndices, stratifiedHoldout, trainingData } from '../../src/lstm/sentiment/holdout';

describe('binaryMetrics', () => {
  it('counts the confusion matrix and derives the rest', () => {
    // truth:  1    1    1    0    0    0    0
    // pred:   1    1    0    1    0    0    0    -> TP 2, FN 1, FP 1, TN 3
    const p = [0.9, 0.6, 0.2, 0.7, 0.1, 0.4, 0.49];
    const y = [1, 1, 1, 0, 0, 0, 0];
    const m = binaryMetrics(p, y);
    expect(m).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 3, count: 7 });
    expect(m.accuracy).toBeCloseTo(5 / 7, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    const loss =
      -(
        Math.log(0.9) +
        Math.log(0.6) +
        Math.log(0.2) +
        Math.log(0.3) +
        Math.log(0.9) +
        Math.log(0.6) +
        Math.log(0.51)
      ) / 7;
    expect(m.loss).toBeCloseTo(loss, 12);
  });

  it('clips probabilities as Keras does and never divides by zero', () => {
    expect(crossEntropy(0, 1)).toBeCloseTo(-Math.log(1e-7), 9);
    const m = binaryMetrics([0.1, 0.2], [0, 0]);
    expect(m).toMatchObject({ precision: 0, recall: 0, f1: 0, accuracy: 1 });
    expect(() => binaryMetrics([], [])).toThrow(/no predictions/);
    expect(() => binaryMetrics([0.5], [1, 0])).toThrow(/labels/);
  });

  it('lists the most confidently wrong reviews first', () => {
    expect(mostWrong([0.99, 0.3, 0.6, 0.02, 0.8], [0, 0, 0, 1, 1], 2)).toEqual([0, 3]);
    expect(mostWrong([0.2], [0], 5)).toEqual([]);
  });
});

describe('stratifiedHoldout', () => {
  it('holds out the same fraction of each class, disjoint and seeded', () => {
    const labels = Uint8Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 1));
    const a = stratifiedHoldout(labels, 0.2, 3);
    expect(a.validation.length).toBe(20);
    expect(a.train.length).toBe(80);
    expect([...a.validation].filter((i) => labels[i] === 1).length).toBe(8);
    expect(new Set([...a.train, ...a.validation]).size).toBe(100);
    expect(stratifiedHoldout(labels, 0.2, 3)).toEqual(a);
    expect(stratifiedHoldout(labels, 0.2, 4).validation).not.toEqual(a.validation);
    expect(() => stratifiedHoldout(labels, 1, 3)).toThrow(/fraction/);
  });

  it('samples without repeats', () => {
    const s = sampleIndices(
      Int32Array.from({ length: 50 }, (_, i) => i * 2),
      10,
      1,
    );
    expect(new Set(s).size).toBe(10);
    expect([...s].every((v) => v % 2 === 0)).toBe(true);
  });
});

describe('trainingData', () => {
  const reviews = (n: number) => ({
    offsets: new Uint32Array(n + 1),
    tokens: new Uint32Array(0),
    labels: Uint8Array.from({ length: n }, (_, i) => i % 2),
  });

  it("'split' trains on 80% of the training reviews and validates on the rest; 'test' on all and the test set", () => {
    const train = reviews(100);
    const test = reviews(40);
    const split = trainingData(train, test, { validation: 'split', sample: null, seed: 1 });
    expect(split.validation).toBe(train);
    expect([split.trainIndices.length, split.validationIndices.length]).toEqual([80, 20]);
    expect(new Set([...split.trainIndices, ...split.validationIndices]).size).toBe(100);
    const all = trainingData(train, test, { validation: 'test', sample: null, seed: 1 });
    expect(all.validation).toBe(test);
    expect([all.trainIndices.length, all.validationIndices.length]).toEqual([100, 40]);
    const sampled = trainingData(train, test, { validation: 'split', sample: 10, seed: 1 });
    expect(sampled.trainIndices.length).toBe(10);
    expect([...sampled.trainIndices].every((i) => split.trainIndices.includes(i))).toBe(true);
  });
});
