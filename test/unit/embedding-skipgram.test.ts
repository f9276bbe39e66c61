/**
 * Skip-gram with negative sampling: the sampler, the pairs, the loss by hand, the gradient step
 * against tfjs's own gather gradient, learning on a tiny corpus, and tensor memory.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  cosine,
  countTokens,
  disposeSkipGram,
  normaliseRows,
  row,
  skipGram,
  skipGramBatches,
  skipGramEmbeddings,
  skipGramLoss,
  skipGramPairs,
  skipGramTrainStep,
  unigramSampler,
} from '../../src/embedding';
import type { SkipGramBatch } from '../../src/embedding';
import { seededRandom } from '../../src/embedding/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A two-topic corpus: sentences of pet words (0-4) or of road words (5-9), never mixed. */
function twoTopicCorpus(sentences: number, length: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: sentences }, (_, s) => {
    const base = s % 2 === 0 ? 0 : 5;
    return Array.from({ length }, () => base + Math.floor(random() * 5));
  });
}

describe('unigramSampler', () => {
  test('draws in proportion to counts^0.75 and never a zero count', () => {
    const counts = [0, 1, 16, 81, 0, 256];
    const sampler = unigramSampler(counts, { seed: 3 });
    // 1, 16^0.75 = 8, 81^0.75 = 27, 256^0.75 = 64: out of 100.
    expect(Array.from(sampler.probabilities)).toEqual([0, 0.01, 0.08, 0.27, 0, 0.64].map((p) => expect.closeTo(p, 12)));
    const drawn = new Float64Array(counts.length);
    const n = 100_000;
    for (let i = 0; i < n; i++) drawn[sampler.sample()] += 1;
    expect(drawn[0]).toBe(0);
    expect(drawn[4]).toBe(0);
    for (const [id, p] of [
      [1, 0.01],
      [2, 0.08],
      [3, 0.27],
      [5, 0.64],
    ])
      expect(drawn[id] / n).toBeCloseTo(p, 2);
  });

  test('is reproducible for a seed and follows the power', () => {
    const a = unigramSampler([1, 2, 3], { seed: 9 });
    const b = unigramSampler([1, 2, 3], { seed: 9 });
    expect(Array.from({ length: 50 }, () => a.sample())).toEqual(Array.from({ length: 50 }, () => b.sample()));
    expect(Array.from(unigramSampler([1, 2, 5], { power: 1 }).probabilities)).toEqual([0.125, 0.25, 0.625]);
  });

  test('refuses counts with nothing to draw', () => {
    expect(() => unigramSampler([0, 0])).toThrow(RangeError);
  });
});

describe('skipGramPairs and skipGramBatches', () => {
  test('every word within the window, in corpus order', () => {
    const { targets, contexts } = skipGramPairs([[1, 2, 3, 4]], { window: 1 });
    expect(Array.from(targets)).toEqual([1, 2, 2, 3, 3, 4]);
    expect(Array.from(contexts)).toEqual([2, 1, 3, 2, 4, 3]);
    const wide = skipGramPairs(
      [
        [1, 2, 3],
        [7, 8],
      ],
      { window: 2 },
    );
    expect(Array.from(wide.targets)).toEqual([1, 1, 2, 2, 3, 3, 7, 8]);
    expect(Array.from(wide.contexts)).toEqual([2, 3, 1, 3, 1, 2, 8, 7]);
  });

  test('removes skipped ids before windowing', () => {
    const { targets, contexts } = skipGramPairs([[0, 5, 0, 6, 2]], { window: 1, skip: [0, 2] });
    expect(Array.from(targets)).toEqual([5, 6]);
    expect(Array.from(contexts)).toEqual([6, 5]);
  });

  test('subsampling thins a frequent word to about sqrt(t / f)', () => {
    // Word 1 is half the corpus: with t = 0.01 it is kept with probability sqrt(0.02) = 0.141.
    const sequence = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? 1 : 2 + (i % 1000)));
    const { targets } = skipGramPairs([sequence], { window: 1, subsample: 0.01, seed: 4 });
    const counts = countTokens([targets], 1002);
    // Each kept word is a target about twice (window 1), so compare the two halves' ratio.
    const frequentShare = counts[1] / (targets.length - counts[1]);
    expect(frequentShare).toBeCloseTo(Math.sqrt(0.02), 1);
  });

  test('batches cover every pair once, shuffled, and repeat for a seed', () => {
    const corpus = twoTopicCorpus(20, 7, 1);
    const all = skipGramPairs(corpus, { window: 2 });
    const batches = Array.from(skipGramBatches(corpus, { window: 2, batchSize: 32, seed: 5 }), copy);
    expect(batches.slice(0, -1).every((b) => b.targets.length === 32)).toBe(true);
    const joined = (list: SkipGramBatch[]): string[] =>
      list.flatMap((b) => Array.from(b.targets, (t, i) => `${t}-${b.contexts[i]}`)).sort();
    expect(joined(batches)).toEqual(joined([all]));
    expect(batches.flatMap((b) => Array.from(b.targets))).not.toEqual(Array.from(all.targets));
    const again = Array.from(skipGramBatches(corpus, { window: 2, batchSize: 32, seed: 5 }), copy);
    expect(again).toEqual(batches);
  });

  test('counts tokens', () => {
    expect(
      Array.from(
        countTokens(
          [
            [0, 1, 1],
            [3, 1, 9],
          ],
          4,
        ),
      ),
    ).toEqual([1, 3, 0, 1]);
  });
});

function copy(batch: SkipGramBatch): SkipGramBatch {
  return { targets: batch.targets.slice(), contexts: batch.contexts.slice() };
}

describe('skipGramLoss', () => {
  test('matches a hand-worked value', () => {
    // u.v+ = 2; negatives: u.n1 = 0, u.n2 = -1. Loss = softplus(-2) + softplus(0) + softplus(-1)
    // = log(1 + e^-2) + log 2 + log(1 + e^-1) = 0.126928 + 0.693147 + 0.313262 = 1.133337.
    const loss = tf.tidy(
      () =>
        skipGramLoss(
          tf.tensor2d([[1, 0]]),
          tf.tensor2d([[2, 0]]),
          tf.tensor3d([
            [
              [0, 1],
              [-1, 0],
            ],
          ]),
        ).dataSync()[0],
    );
    expect(loss).toBeCloseTo(Math.log1p(Math.exp(-2)) + Math.LN2 + Math.log1p(Math.exp(-1)), 6);
    expect(loss).toBeCloseTo(1.133337, 5);
  });

  test('averages over the batch and is stable for large scores', () => {
    const loss = tf.tidy(
      () =>
        skipGramLoss(
          tf.tensor2d([
            [1, 0],
            [100, 0],
          ]),
          tf.tensor2d([
            [2, 0],
            [1, 0],
          ]),
          tf.tensor3d([
            [
              [0, 1],
              [-1, 0],
            ],
            [
              [-1, 0],
              [0, 0],
            ],
          ]),
        ).dataSync()[0],
    );
    // The second pair: softplus(-100) + softplus(-100) + softplus(0) = log 2 (to float precision).
    expect(loss).toBeCloseTo((1.133337 + Math.LN2) / 2, 5);
  });
});

describe('skipGramTrainStep', () => {
  test('applies exactly the SGD step of the summed loss that tfjs gather gradients give', () => {
    const vocabSize = 7;
    const dim = 3;
    const k = 2;
    const learningRate = 0.1;
    // Repeated targets and contexts, and a negative equal to another pair's context, so that the
    // scatter must add up several rows' gradients.
    const batch = { targets: Int32Array.from([1, 1, 4, 2]), contexts: Int32Array.from([2, 3, 3, 1]) };
    const negatives = Int32Array.from([5, 6, 0, 2, 6, 6, 3, 0]);

    const model = skipGram({ vocabSize, dim, negatives: k, learningRate, seed: 12 });
    // Give the context table values too, so that both tables get non-zero gradients.
    const random = seededRandom(8);
    model.context.assign(
      tf.tensor2d(
        Float32Array.from({ length: vocabSize * dim }, () => random() - 0.5),
        [vocabSize, dim],
      ),
    );
    const target0 = model.target.arraySync() as number[][];
    const context0 = model.context.arraySync() as number[][];

    // Reference: tfjs differentiates straight through gather on the variables (the slow path).
    const reference = tf.tidy(() => {
      const t = tf.variable(tf.tensor2d(target0));
      const c = tf.variable(tf.tensor2d(context0));
      const { value, grads } = tf.variableGrads(() => {
        const u = tf.gather(t, tf.tensor1d(batch.targets, 'int32')) as tf.Tensor2D;
        const vp = tf.gather(c, tf.tensor1d(batch.contexts, 'int32')) as tf.Tensor2D;
        const vn = tf.reshape(tf.gather(c, tf.tensor1d(negatives, 'int32')), [4, k, dim]) as tf.Tensor3D;
        return tf.mul(skipGramLoss(u, vp, vn), 4) as tf.Scalar;
      }, [t, c]);
      const result = {
        loss: value.dataSync()[0] / 4,
        target: tf.sub(t, tf.mul(grads[t.name], learningRate)).arraySync() as number[][],
        context: tf.sub(c, tf.mul(grads[c.name], learningRate)).arraySync() as number[][],
      };
      t.dispose(); // variables outlive tidy, so they are freed by hand
      c.dispose();
      return result;
    });

    const loss = skipGramTrainStep(model, batch, negatives);
    expect(loss).toBeCloseTo(reference.loss, 6);
    const target1 = model.target.arraySync() as number[][];
    const context1 = model.context.arraySync() as number[][];
    target1.flat().forEach((x, i) => expect(x).toBeCloseTo(reference.target.flat()[i], 6));
    context1.flat().forEach((x, i) => expect(x).toBeCloseTo(reference.context.flat()[i], 6));
    // Row 1 appears twice as a target and must have moved; row 5 never appears as a target.
    expect(target1[1]).not.toEqual(target0[1]);
    expect(target1[5]).toEqual(target0[5]);
    disposeSkipGram(model);
  });

  test('starts at (1 + k) log 2, the loss falls, and co-occurring words end closer', () => {
    const corpus = twoTopicCorpus(200, 8, 2);
    const k = 3;
    const model = skipGram({ vocabSize: 10, dim: 8, negatives: k, counts: countTokens(corpus, 10), seed: 1 });
    const losses: number[][] = [];
    for (let epoch = 0; epoch < 8; epoch++) {
      const epochLosses: number[] = [];
      for (const batch of skipGramBatches(corpus, { window: 2, batchSize: 64, seed: epoch })) {
        epochLosses.push(skipGramTrainStep(model, batch));
      }
      losses.push(epochLosses);
    }
    // The context table starts at zero, so every score is 0 and every term costs log 2.
    expect(losses[0][0]).toBeCloseTo((1 + k) * Math.LN2, 5);
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(losses[7])).toBeLessThan(0.65 * losses[0][0]);
    expect(mean(losses[7])).toBeLessThan(mean(losses[0]));

    const unit = normaliseRows(skipGramEmbeddings(model));
    const within: number[] = [];
    const across: number[] = [];
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) {
        const c = cosine(row(unit, a), row(unit, b));
        (a < 5 === b < 5 ? within : across).push(c);
      }
    }
    expect(mean(within)).toBeGreaterThan(0.5);
    expect(mean(across)).toBeLessThan(0.2);
    expect(Math.min(...within)).toBeGreaterThan(Math.max(...across));
    disposeSkipGram(model);
  });

  test('does not grow the tensor count across steps, and dispose frees everything', () => {
    const before = tf.memory().numTensors;
    const corpus = twoTopicCorpus(40, 8, 3);
    const model = skipGram({ vocabSize: 10, dim: 4, counts: countTokens(corpus, 10), seed: 2 });
    const batches = Array.from(skipGramBatches(corpus, { batchSize: 16 }), copy);
    skipGramTrainStep(model, batches[0]);
    const afterFirst = tf.memory().numTensors;
    for (const batch of batches) skipGramTrainStep(model, batch);
    expect(tf.memory().numTensors).toBe(afterFirst);
    skipGramEmbeddings(model);
    expect(tf.memory().numTensors).toBe(afterFirst);
    disposeSkipGram(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('with a caller-owned optimizer (Adam): trains, and dispose leaves the optimizer alone', () => {
    const optimizer = tf.train.adam(0.01);
    const corpus = twoTopicCorpus(20, 8, 4);
    const model = skipGram({ vocabSize: 10, dim: 4, optimizer, seed: 3 });
    const batches = Array.from(skipGramBatches(corpus, { batchSize: 16 }), copy);
    skipGramTrainStep(model, batches[0]);
    const afterFirst = tf.memory().numTensors; // Adam's moment variables exist from here on
    for (const batch of batches) expect(Number.isFinite(skipGramTrainStep(model, batch))).toBe(true);
    expect(tf.memory().numTensors).toBe(afterFirst);
    disposeSkipGram(model);
    expect(optimizer.iterations).toBeGreaterThan(0);
    optimizer.dispose();
  });

  test('is deterministic for a seed, and the exported table is a copy', () => {
    const corpus = twoTopicCorpus(30, 6, 5);
    const run = (): Float32Array => {
      const model = skipGram({ vocabSize: 10, dim: 4, counts: countTokens(corpus, 10), seed: 42 });
      for (const batch of skipGramBatches(corpus, { batchSize: 32, seed: 1 })) skipGramTrainStep(model, batch);
      const first = skipGramEmbeddings(model);
      const snapshot = first.values.slice();
      for (const batch of skipGramBatches(corpus, { batchSize: 32, seed: 2 })) skipGramTrainStep(model, batch);
      expect(Array.from(first.values)).toEqual(Array.from(snapshot));
      expect(skipGramEmbeddings(model).values).not.toEqual(snapshot);
      disposeSkipGram(model);
      return snapshot;
    };
    expect(Array.from(run())).toEqual(Array.from(run()));
  });

  test('checks its inputs', () => {
    expect(() => skipGram({ vocabSize: 1 })).toThrow(RangeError);
    expect(() => skipGram({ vocabSize: 5, counts: [1, 2] })).toThrow(RangeError);
    const model = skipGram({ vocabSize: 5, dim: 2, negatives: 2 });
    const batch = { targets: Int32Array.from([1]), contexts: Int32Array.from([2]) };
    expect(() => skipGramTrainStep(model, batch, Int32Array.from([1]))).toThrow(RangeError);
    expect(() => skipGramTrainStep(model, { targets: new Int32Array(0), contexts: new Int32Array(0) })).toThrow(
      RangeError,
    );
    disposeSkipGram(model);
  });
});
