/** The arithmetic of one-hot inputs against an embedding, checked on the R article's sizes. */
import { describe, expect, test } from 'vitest';
import { inputCosts, logSpaced, vocabularyFromLog } from '../../src/embedding/costs';

describe('inputCosts', () => {
  test('V = 20,000, T = 80, Dense(64) against Embedding(20000, 128)', () => {
    expect(inputCosts({ vocabulary: 20000, dim: 128, units: 64, length: 80 })).toEqual({
      oneHotInputs: 1_600_000,
      indexInputs: 80,
      denseWeights: 1_280_064,
      embeddingWeights: 2_560_000,
      denseMultiplyAdds: 102_400_000,
      embeddingReads: 10_240,
    });
  });

  test('everything but the embedding reads grows linearly with V', () => {
    const small = inputCosts({ vocabulary: 1000, dim: 32, units: 64, length: 10 });
    const large = inputCosts({ vocabulary: 10000, dim: 32, units: 64, length: 10 });
    expect(large.oneHotInputs / small.oneHotInputs).toBe(10);
    expect(large.embeddingWeights / small.embeddingWeights).toBe(10);
    expect(large.denseMultiplyAdds / small.denseMultiplyAdds).toBe(10);
    expect(large.embeddingReads).toBe(small.embeddingReads);
    expect(large.indexInputs).toBe(small.indexInputs);
  });

  test('refuses sizes that are not positive integers', () => {
    expect(() => inputCosts({ vocabulary: 0, dim: 8, units: 64, length: 80 })).toThrow(/vocabulary/);
    expect(() => inputCosts({ vocabulary: 10, dim: 1.5, units: 64, length: 80 })).toThrow(/dim/);
  });
});

describe('the log slider', () => {
  test('rounds to two significant digits', () => {
    expect(vocabularyFromLog(Math.log10(20000))).toBe(20000);
    expect(vocabularyFromLog(4.25)).toBe(18000); // 10^4.25 = 17,783
    expect(vocabularyFromLog(1)).toBe(10);
    expect(vocabularyFromLog(6)).toBe(1_000_000);
    expect(vocabularyFromLog(2.5)).toBe(320); // 316.2
  });

  test('logSpaced runs from min to max, evenly in log', () => {
    const xs = logSpaced(10, 1_000_000, 6);
    expect(xs).toEqual([10, 100, 1000, 10000, 100000, 1000000]);
    expect(() => logSpaced(0, 10, 3)).toThrow();
  });
});
