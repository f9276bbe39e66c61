/**
 * distinctRows against a direct reference: two rows are the same exactly when every number is
 * (bit for bit), within a sequence or across sequences.
 */
import { describe, expect, it } from 'vitest';
import { distinctRows } from '../../src/lstm/fast/distinct-rows';
import { mulberry32 } from '../../src/lstm/cell/random';

/** x `[batch, time, width]` whose rows are picked from `kinds` random rows. */
function picked(batch: number, time: number, width: number, kinds: number, seed: number) {
  const rand = mulberry32(seed);
  const table = Float32Array.from({ length: kinds * width }, () => rand() - 0.5);
  const ids = Int32Array.from({ length: batch * time }, () => Math.floor(rand() * kinds));
  const x = new Float32Array(batch * time * width);
  ids.forEach((id, r) => x.set(table.subarray(id * width, (id + 1) * width), r * width));
  return { x, ids };
}

/** The reference: rows as strings of their numbers, numbered in order of first appearance. */
function reference(x: Float32Array, batch: number, time: number, width: number, perSequence: boolean) {
  const index = new Map<string, number>();
  const indexOf = new Int32Array(batch * time);
  const first: number[] = [];
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < time; t++) {
      const r = b * time + t;
      const key = (perSequence ? `${b}:` : '') + Array.from(x.subarray(r * width, (r + 1) * width)).join(',');
      if (!index.has(key)) {
        index.set(key, first.length);
        first.push(r);
      }
      indexOf[t * batch + b] = index.get(key)!;
    }
  }
  return { count: first.length, indexOf, first };
}

describe('distinctRows', () => {
  it.each([true, false])('finds the rows a direct comparison finds (per sequence %s)', (perSequence) => {
    const [batch, time, width] = [6, 9, 12];
    const { x } = picked(batch, time, width, 5, 3);
    const got = distinctRows(x, batch, time, width, perSequence)!;
    const want = reference(x, batch, time, width, perSequence);
    expect(got.count).toBe(want.count);
    expect(Array.from(got.indexOf)).toEqual(Array.from(want.indexOf));
    expect(Array.from(got.first)).toEqual(want.first);
    expect(Array.from(got.sequence)).toEqual(want.first.map((r) => Math.floor(r / time)));
    // Every step's row is its distinct row's first row.
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < time; t++) {
        const r = got.first[got.indexOf[t * batch + b]!]!;
        expect(Array.from(x.subarray(r * width, (r + 1) * width))).toEqual(
          Array.from(x.subarray((b * time + t) * width, (b * time + t + 1) * width)),
        );
      }
    }
  });

  it('keeps apart rows that differ in one number its hash does not read', () => {
    // Width 64: the hash reads 8 of the numbers (0, 8, 16, ...); these rows differ only in number 3.
    const width = 64;
    const x = new Float32Array(2 * width).fill(0.25);
    x[width + 3] = 0.5;
    const got = distinctRows(x, 1, 2, width, false)!;
    expect(got.count).toBe(2);
    expect(Array.from(got.indexOf)).toEqual([0, 1]);
  });

  it('gives up, returning null, when more than maxShare of the rows are distinct', () => {
    const [batch, time, width] = [16, 10, 8];
    // Nearly every row distinct within its sequence: 400 kinds, 10 steps.
    const many = picked(batch, time, width, 400, 4).x;
    expect(distinctRows(many, batch, time, width, true, 0.5)).toBeNull();
    expect(distinctRows(many, batch, time, width, true, 1)).not.toBeNull();
    // Three kinds: well under the share, found in full.
    const few = picked(batch, time, width, 3, 5).x;
    expect(distinctRows(few, batch, time, width, true, 0.5)!.count).toBe(
      reference(few, batch, time, width, true).count,
    );
    expect(distinctRows(few, batch, time, width, false, 0.5)!.count).toBe(3);
  });
});
