import { describe, expect, it } from 'vitest';
import { currentSection, sectionFromHash } from '../../src/toc';

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

describe('sectionFromHash', () => {
  it('reads the place of a section from the language switch', () => {
    expect(sectionFromHash('#section-3')).toBe(3);
    expect(sectionFromHash('#section-12')).toBe(12);
  });
  it('ignores any other hash', () => {
    for (const hash of ['', '#section-0', '#section-x', '#cell-train', '#section-3a', '#section-1000'])
      expect(sectionFromHash(hash)).toBeNull();
  });
});
