import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lstm/cell/random';
import { registerFastSegmentSum, segmentSumInto } from '../../src/lstm/fast/segment-sum';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('segmentSumInto', () => {
  it('adds rows into their segments and skips ids out of range', () => {
    const out = new Float32Array(3 * 2);
    segmentSumInto([1, 2, 3, 4, 5, 6, 7, 8], [2, 0, 2, -1], 2, out);
    expect(Array.from(out)).toEqual([3, 4, 0, 0, 6, 8]);
  });
});

describe.each(['cpu', 'wasm'] as const)('the %s kernel', (backend) => {
  it('equals the embedding gradient that tf.grad computes through gather', async () => {
    await tf.setBackend(backend);
    const V = 50;
    const D = 8;
    const rand = mulberry32(7);
    const ids = Array.from({ length: 4 * 6 }, () => Math.floor(rand() * V));
    ids[3] = ids[4] = 17; // a repeated word: its rows must add up
    const dy = Array.from({ length: ids.length * D }, () => rand() - 0.5);
    // Reference: the scatter-add in plain TypeScript.
    const expected = new Float32Array(V * D);
    segmentSumInto(dy, ids, D, expected);

    registerFastSegmentSum(tf, backend);
    registerFastSegmentSum(tf, backend); // twice is harmless
    const table = tf.variable(tf.randomNormal([V, D]));
    const idsT = tf.tensor2d(ids, [4, 6], 'int32');
    const dyT = tf.tensor3d(dy, [4, 6, D]);
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(tf.gather(table, idsT), dyT)), [table]);
    const got = grads[table.name].dataSync();
    for (let k = 0; k < expected.length; k++) expect(got[k]).toBeCloseTo(expected[k], 5);
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([table, idsT, dyT]);
  });

  it.each([8, 6])('sums rows of width %i, skipping ids out of range, as segmentSumInto does', async (width) => {
    await tf.setBackend(backend);
    registerFastSegmentSum(tf, backend);
    const rand = mulberry32(width);
    const ids = [3, -1, 0, 3, 5, 9, 2, 0];
    const x = Float32Array.from({ length: ids.length * width }, () => rand() - 0.5);
    const expected = new Float32Array(5 * width);
    segmentSumInto(x, ids, width, expected);
    const got = tf.tidy(() =>
      tf.unsortedSegmentSum(tf.tensor2d(x, [ids.length, width]), tf.tensor1d(ids, 'int32'), 5).dataSync(),
    );
    expect(Array.from(got)).toEqual(Array.from(expected));
  });
});
