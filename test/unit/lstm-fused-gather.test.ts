/** The row-copying GatherV2 against tfjs's own kernels, on the cpu and wasm backends. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { gatherRowsInto, registerFastGather, unregisterFastGather } from '../../src/lstm/fast/gather';
import { mulberry32 } from '../../src/lstm/cell/random';
import { registerFastSegmentSum } from '../../src/lstm/fast/segment-sum';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('gatherRowsInto', () => {
  it('copies the rows at the given indices and rejects indices out of range', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const out = new Float32Array(3 * 2);
    gatherRowsInto(x, [2, 0, 2], 2, out);
    expect(Array.from(out)).toEqual([5, 6, 1, 2, 5, 6]);
    expect(() => gatherRowsInto(x, [3], 2, new Float32Array(2))).toThrow(/not in \[0, 2\]/);
  });
});

describe.each(['cpu', 'wasm'] as const)('the fast gather on %s', (backend) => {
  it('gives what tfjs gives, for an embedding lookup and its gradient, and falls back otherwise', async () => {
    await tf.setBackend(backend);
    const rand = mulberry32(3);
    const V = 40;
    const D = 5;
    const table = tf.tensor2d(
      Float32Array.from({ length: V * D }, () => rand() - 0.5),
      [V, D],
    );
    const ids = tf.tensor2d(
      Int32Array.from({ length: 6 * 4 }, () => Math.floor(rand() * V)),
      [6, 4],
      'int32',
    );
    const cols = tf.tensor1d([4, 0, 2], 'int32');
    const want = tf.gather(table, ids).arraySync();
    const wantCols = tf.gather(table, cols, 1).arraySync();
    const wantInt = tf.gather(tf.cast(table, 'int32'), ids).arraySync();

    registerFastGather(tf, backend);
    registerFastGather(tf, backend); // twice is harmless
    // The gradient of a gather: WASM has no kernel of its own for it.
    registerFastSegmentSum(tf, backend);
    const tableVar = tf.variable(table);
    const before = tf.memory().numTensors;
    const got = tf.gather(table, ids);
    expect(got.shape).toEqual([6, 4, D]);
    expect(got.arraySync()).toEqual(want);
    expect(tf.tidy(() => tf.gather(tf.cast(table, 'int32'), ids).arraySync())).toEqual(wantInt);
    // Along axis 1 the backend's own kernel still answers.
    expect(tf.tidy(() => tf.gather(table, cols, 1).arraySync())).toEqual(wantCols);
    // Training through the lookup: d/dtable of sum(gather(table, ids)) counts each row's uses.
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.gather(tableVar, ids)), [tableVar]);
    const counts = new Array<number>(V).fill(0);
    for (const id of ids.dataSync()) counts[id]!++;
    expect(Array.from(grads[tableVar.name]!.dataSync())).toEqual(counts.flatMap((n) => new Array<number>(D).fill(n)));
    tf.dispose([got, value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => tf.gather(table, tf.tensor1d([V], 'int32'))).toThrow();
    tf.dispose([table, tableVar, ids, cols]);
  });

  it('shares data for Identity and transposes that move nothing, and switches back to tfjs', async () => {
    await tf.setBackend(backend);
    const kernels = () => ['GatherV2', 'Identity', 'Transpose'].map((name) => tf.getKernel(name, backend)!.kernelFunc);
    unregisterFastGather(tf, backend); // the test above registered them
    const own = kernels();
    registerFastGather(tf, backend);
    expect(kernels().every((k, n) => k !== own[n])).toBe(true);
    const x = tf.tensor3d(
      Float32Array.from({ length: 2 * 3 * 4 }, (_, k) => k),
      [2, 3, 4],
    );
    const column = tf.tensor2d([1, 2, 3], [3, 1]);
    const buffers = tf.memory().numDataBuffers;
    const flat = tf.reshape(x, [2, 1, 12]);
    const copies = [tf.clone(x), tf.transpose(column), tf.transpose(flat, [1, 0, 2])];
    expect(tf.memory().numDataBuffers).toBe(buffers); // no new data: all three share
    expect(copies.map((c) => c.shape)).toEqual([
      [2, 3, 4],
      [1, 3],
      [1, 2, 12],
    ]);
    expect(copies.map((c) => Array.from(c.dataSync()))).toEqual([
      Array.from(x.dataSync()),
      [1, 2, 3],
      Array.from(x.dataSync()),
    ]);
    // A transpose that moves numbers still does.
    const moved = tf.transpose(x, [0, 2, 1]);
    expect(moved.arraySync()[1]![3]).toEqual([15, 19, 23]);
    tf.dispose([x, flat, ...copies, moved]);
    expect(tf.memory().numDataBuffers).toBe(buffers - 1); // x's data was freed with its last holder
    unregisterFastGather(tf, backend);
    expect(kernels()).toEqual(own);
    tf.dispose(column);
  });
});
