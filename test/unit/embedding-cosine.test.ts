/** Cosine similarity and normalisation against values worked out by hand. */
import { describe, expect, test } from 'vitest';
import { cosine, dot, norm, normalise, normaliseRows, row, vectorTable } from '../../src/embedding';

describe('cosine', () => {
  test('matches hand-worked values', () => {
    // a.b = 4 + 10 + 18 = 32, |a| = sqrt(14), |b| = sqrt(77): 32 / sqrt(1078) = 0.97463184...
    expect(cosine([1, 2, 3], [4, 5, 6])).toBeCloseTo(32 / Math.sqrt(1078), 12);
    expect(cosine([1, 2, 3], [4, 5, 6])).toBeCloseTo(0.9746318461970762, 12);
    expect(cosine([1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 2], [-2, -4])).toBeCloseTo(-1, 12);
    expect(cosine([3, 4], [6, 8])).toBeCloseTo(1, 12);
  });

  test('ignores length: scaling a vector does not change it', () => {
    expect(cosine([0.5, -1, 2], [7, 1, 1])).toBeCloseTo(cosine([5, -10, 20], [0.7, 0.1, 0.1]), 12);
  });

  test('is 0 when either vector is zero, never NaN', () => {
    expect(cosine([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(cosine([1, 2, 3], [0, 0, 0])).toBe(0);
    expect(cosine([0, 0], [0, 0])).toBe(0);
  });

  test('stays within [-1, 1] for parallel vectors despite rounding', () => {
    const v = [0.1, 0.2, 0.3, 0.7, 1e-3];
    expect(cosine(v, v)).toBeLessThanOrEqual(1);
    expect(
      cosine(
        v,
        v.map((x) => -3 * x),
      ),
    ).toBeGreaterThanOrEqual(-1);
  });

  test('rejects vectors of different lengths', () => {
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
  });
});

describe('dot, norm and normalise', () => {
  test('hand-worked values', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(norm([3, 4])).toBe(5);
    expect(Array.from(normalise([3, 4]))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });

  test('a zero vector normalises to itself', () => {
    expect(Array.from(normalise([0, 0, 0]))).toEqual([0, 0, 0]);
  });
});

describe('normaliseRows', () => {
  test('scales each row to length 1 and keeps zero rows zero', () => {
    const table = vectorTable(Float32Array.from([3, 4, 0, 0, 0, 0, 0, 0, 0, -2, 0, 0, 1, 1, 1, 1]), 4);
    expect(table.rows).toBe(4);
    const unit = normaliseRows(table);
    expect(unit.unit).toBe(true);
    expect(Array.from(row(unit, 0))).toEqual([0.6, 0.8, 0, 0].map(Math.fround));
    expect(Array.from(row(unit, 1))).toEqual([0, 0, 0, 0]);
    expect(Array.from(row(unit, 2))).toEqual([0, -1, 0, 0]);
    expect(Array.from(row(unit, 3))).toEqual([0.5, 0.5, 0.5, 0.5]);
    // The input is left alone: the unit table is a new array.
    expect(table.values[0]).toBe(3);
  });

  test('an all-zero table stays zero, with no NaN', () => {
    const unit = normaliseRows(vectorTable(new Float32Array(6), 3));
    expect(Array.from(unit.values)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('vectorTable and row', () => {
  test('checks the shape', () => {
    expect(() => vectorTable(new Float32Array(7), 3)).toThrow(RangeError);
    expect(() => vectorTable(new Float32Array(6), 0)).toThrow(RangeError);
    const table = vectorTable(Float32Array.from([1, 2, 3, 4, 5, 6]), 3);
    expect(Array.from(row(table, 1))).toEqual([4, 5, 6]);
    expect(() => row(table, 2)).toThrow(RangeError);
    expect(() => row(table, -1)).toThrow(RangeError);
  });

  test('row is a view, not a copy', () => {
    const table = vectorTable(Float32Array.from([1, 2, 3, 4]), 2);
    expect(row(table, 1).buffer).toBe(table.values.buffer);
  });
});
