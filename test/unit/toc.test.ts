import { describe, expect, it } from 'vitest';
import { currentSection } from '../../src/toc';

describe('currentSection', () => {
  it('is the first section before any heading has reached the line', () => {
    expect(currentSection([500, 900, 1400], 300)).toBe(0);
  });
  it('is the last heading at or above the line', () => {
    expect(currentSection([-800, -100, 300, 1400], 300)).toBe(2);
    expect(currentSection([-800, -100, 301, 1400], 300)).toBe(1);
  });
  it('is the last section once every heading has passed', () => {
    expect(currentSection([-3000, -2000, -50], 280)).toBe(2);
  });
});
