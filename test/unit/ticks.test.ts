import { describe, expect, it } from 'vitest';
import { wholeTicks } from '../../src/widgets/kit/ticks';

describe('wholeTicks', () => {
  it('gives each whole number once, never a half between two epochs', () => {
    expect(wholeTicks(1, 2, 15)).toEqual([1, 2]);
    expect(wholeTicks(1, 1, 15)).toEqual([1]);
    expect(wholeTicks(1, 15, 15)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
  it('thins long ranges to at most `most` ticks, and gives none for an empty range', () => {
    expect(wholeTicks(1, 100, 10)).toEqual([1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
    expect(wholeTicks(0.5, 3.5)).toEqual([1, 2, 3]);
    expect(wholeTicks(3, 2)).toEqual([]);
  });
});
