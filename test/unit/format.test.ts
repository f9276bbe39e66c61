import { describe, expect, it } from 'vitest';
import { percent } from '../../src/data/format';

describe('percent, the one percentage formatter', () => {
  it('writes a share with the given decimals', () => {
    expect(percent(0.8398, 2)).toBe('83.98%');
    expect(percent(0.9101)).toBe('91.0%');
    expect(percent(1, 0)).toBe('100%');
  });
  it('writes a dash for values that are not numbers', () => {
    expect(percent(Number.NaN)).toBe('–');
    expect(percent(Number.POSITIVE_INFINITY, 2)).toBe('–');
  });
});
