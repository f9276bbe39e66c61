import { describe, expect, it } from 'vitest';
import { headerShown } from '../../src/site-head';

describe('the header that hides while the reader scrolls down', () => {
  const height = 60;
  it('shows near the top of the page, whatever the direction', () => {
    expect(headerShown(200, 40, false, height)).toBe(true);
    expect(headerShown(0, 50, true, height)).toBe(true);
  });
  it('hides on the way down and shows on the way up', () => {
    expect(headerShown(500, 600, true, height)).toBe(false);
    expect(headerShown(600, 550, false, height)).toBe(true);
  });
  it('ignores jitter of a few pixels', () => {
    expect(headerShown(500, 503, true, height)).toBe(true);
    expect(headerShown(500, 497, false, height)).toBe(false);
  });
});
