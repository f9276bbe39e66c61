/** The 2-D picture of cosine similarity, and the embedding lookup against the one-hot product. */
import { describe, expect, test } from 'vitest';
import { cosine, dot } from '../../src/embedding/cosine';
import { lookupRows, oneHotTimesTable, randomTable } from '../../src/embedding/lookup';
import { angleBetween, arcBetween } from '../../src/embedding/plane';

describe('angleBetween and arcBetween', () => {
  test('angles agree with the cosine', () => {
    expect(angleBetween({ x: 1, y: 0 }, { x: 0, y: 2 })).toBeCloseTo(90, 12);
    expect(angleBetween({ x: 1, y: 1 }, { x: 3, y: 3 })).toBeCloseTo(0, 6);
    expect(angleBetween({ x: 1, y: 0 }, { x: -1, y: 0 })).toBeCloseTo(180, 12);
    const a = { x: 2, y: 1 };
    const b = { x: 1, y: 2 };
    expect(Math.cos((angleBetween(a, b) * Math.PI) / 180)).toBeCloseTo(cosine([2, 1], [1, 2]), 12);
    expect(cosine([2, 1], [1, 2])).toBeCloseTo(0.8, 12);
    expect(angleBetween({ x: 0, y: 0 }, b)).toBe(90);
  });

  test('the arc runs the short way from a to b at the given radius', () => {
    const arc = arcBetween({ x: 0, y: -1 }, { x: -1, y: 0.0001 }, 0.5, 4);
    expect(arc).toHaveLength(5);
    for (const p of arc) expect(Math.hypot(p.x, p.y)).toBeCloseTo(0.5, 12);
    expect(arc[0]!.x).toBeCloseTo(0, 12);
    expect(arc[0]!.y).toBeCloseTo(-0.5, 12);
    // Short way from straight down to straight left: through the lower left quadrant.
    expect(arc[2]!.x).toBeLessThan(0);
    expect(arc[2]!.y).toBeLessThan(0);
    expect(arcBetween({ x: 0, y: 0 }, { x: 1, y: 0 }, 1)).toEqual([]);
  });
});

describe('embedding lookup', () => {
  test('the one-hot product and the lookup give exactly the same rows', () => {
    const table = randomTable(5, 4, 4);
    const ids = [0, 1, 2, 3, 0, 4];
    const looked = lookupRows(ids, table);
    expect(oneHotTimesTable(ids, table)).toEqual(looked);
    expect(Array.from(looked.subarray(4, 8))).toEqual(Array.from(table.values.subarray(4, 8)));
    expect(() => lookupRows([5], table)).toThrow(/outside/);
    expect(() => oneHotTimesTable([-1], table)).toThrow(/outside/);
  });

  test('the random table is seeded and within the limit', () => {
    const a = randomTable(50, 8, 1, 0.05);
    expect(a.values).toEqual(randomTable(50, 8, 1, 0.05).values);
    expect(a.values).not.toEqual(randomTable(50, 8, 2, 0.05).values);
    expect(Math.max(...a.values.map(Math.abs))).toBeLessThanOrEqual(0.05);
    // One-hot vectors of two different words are orthogonal: the reason they carry no similarity.
    expect(dot([0, 1, 0], [0, 0, 1])).toBe(0);
  });
});
