/** Top-k neighbours against a brute-force reference (every cosine, sorted) on seeded tables. */
import { describe, expect, test } from 'vitest';
import { cosine, nearestNeighbours, nearestToVector, normaliseRows, row, vectorTable } from '../../src/embedding';
import type { Neighbour, VectorTable } from '../../src/embedding';
import { seededRandom } from '../../src/embedding/random.ts';

function randomTable(rows: number, dim: number, seed: number): VectorTable {
  const random = seededRandom(seed);
  return vectorTable(
    Float32Array.from({ length: rows * dim }, () => 2 * random() - 1),
    dim,
  );
}

/** Every row's cosine with the query from the raw rows, sorted best first (ties: lower id). */
function bruteForce(table: VectorTable, query: ArrayLike<number>, k: number, exclude: number[]): Neighbour[] {
  const all: Neighbour[] = [];
  for (let id = 0; id < table.rows; id++) {
    if (!exclude.includes(id)) all.push({ id, similarity: cosine(row(table, id), query) });
  }
  all.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
  return all.slice(0, k);
}

function expectSameNeighbours(actual: Neighbour[], expected: Neighbour[]): void {
  expect(actual.map((n) => n.id)).toEqual(expected.map((n) => n.id));
  actual.forEach((n, i) => expect(n.similarity).toBeCloseTo(expected[i].similarity, 5));
}

describe('nearestNeighbours', () => {
  // dim 30 is not a multiple of 4, so the tail of the unrolled loop is exercised too.
  for (const [rows, dim] of [
    [2000, 32],
    [1500, 30],
  ] as const) {
    test(`matches brute force on a seeded ${rows} x ${dim} table`, () => {
      const table = randomTable(rows, dim, 7 + dim);
      const unit = normaliseRows(table);
      for (const id of [0, 1, 17, 999, rows - 1]) {
        expectSameNeighbours(nearestNeighbours(unit, id, { k: 10 }), bruteForce(table, row(table, id), 10, [id]));
      }
    });
  }

  test('never returns the query word nor excluded ids', () => {
    const table = randomTable(500, 16, 3);
    const unit = normaliseRows(table);
    const first = nearestNeighbours(unit, 42, { k: 5 });
    const exclude = first.slice(0, 3).map((n) => n.id);
    const second = nearestNeighbours(unit, 42, { k: 5, exclude });
    expect(second.map((n) => n.id)).not.toContain(42);
    for (const id of exclude) expect(second.map((n) => n.id)).not.toContain(id);
    expectSameNeighbours(second, bruteForce(table, row(table, 42), 5, [42, ...exclude]));
  });

  test('returns every other row, sorted, when k exceeds the table', () => {
    const table = randomTable(6, 4, 11);
    const result = nearestNeighbours(normaliseRows(table), 2, { k: 50 });
    expect(result).toHaveLength(5);
    expectSameNeighbours(result, bruteForce(table, row(table, 2), 50, [2]));
  });

  test('defaults to k = 10', () => {
    expect(nearestNeighbours(normaliseRows(randomTable(100, 8, 5)), 0)).toHaveLength(10);
  });

  test('keeps the lower id first among equal similarities', () => {
    // Rows 1, 2 and 3 are the same direction at different lengths: equal cosines after normalising.
    const table = vectorTable(Float32Array.from([1, 0, 0, 1, 0, 2, 0, 3, 1, 1]), 2);
    const result = nearestNeighbours(normaliseRows(table), 4, { k: 3 });
    expect(result.map((n) => n.id)).toEqual([0, 1, 2]);
    expect(result[0].similarity).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe('nearestToVector', () => {
  test('matches brute force for an arbitrary query, whatever its length', () => {
    const table = randomTable(1000, 24, 21);
    const random = seededRandom(99);
    const query = Float64Array.from({ length: 24 }, () => 10 * (random() - 0.5));
    expectSameNeighbours(nearestToVector(normaliseRows(table), query, { k: 7 }), bruteForce(table, query, 7, []));
  });

  test('a zero query has no neighbours', () => {
    expect(nearestToVector(normaliseRows(randomTable(10, 4, 1)), [0, 0, 0, 0])).toEqual([]);
  });

  test('zero rows score 0, below any positive cosine', () => {
    const table = vectorTable(Float32Array.from([0, 0, 1, 0, -1, 0]), 2);
    expect(nearestToVector(normaliseRows(table), [1, 1], { k: 3 }).map((n) => [n.id, n.similarity])).toEqual([
      [1, expect.closeTo(Math.SQRT1_2, 6)],
      [0, 0],
      [2, expect.closeTo(-Math.SQRT1_2, 6)],
    ]);
  });

  test('rejects a query of the wrong length', () => {
    expect(() => nearestToVector(normaliseRows(randomTable(10, 4, 1)), [1, 2, 3])).toThrow(RangeError);
  });
});
