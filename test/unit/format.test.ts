import { describe, expect, it } from 'vitest';
import { clause, duration, percent, sentence } from '../../src/data/format';

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

describe('messages inside sentences', () => {
  const tfjs = "Cannot find model with path 'lstm-kit-sentiment' in IndexedDB.";
  it('ends a sentence with one full stop, never two', () => {
    expect(`could not be read: ${sentence(tfjs)} Train it again`).toBe(
      "could not be read: Cannot find model with path 'lstm-kit-sentiment' in IndexedDB. Train it again",
    );
    expect(sentence('the quota is exceeded')).toBe('the quota is exceeded.');
    expect(sentence('is it a model? ')).toBe('is it a model?');
    expect(sentence('still loading…')).toBe('still loading…');
  });
  it('drops the full stop of a message that sits in brackets, but keeps an ellipsis', () => {
    expect(`(${clause(tfjs)}).`).toBe("(Cannot find model with path 'lstm-kit-sentiment' in IndexedDB).");
    expect(clause('the quota is exceeded')).toBe('the quota is exceeded');
    expect(clause('and so on...')).toBe('and so on...');
  });
});

describe('duration, a wait in words', () => {
  it('keeps the seconds under ten minutes and drops them after', () => {
    expect(duration(0.2)).toBe('under a second');
    expect(duration(41.4)).toBe('41 s');
    expect(duration(82)).toBe('1 min 22 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(599.4)).toBe('9 min 59 s');
    expect(duration(725)).toBe('12 min');
    expect(duration(3900)).toBe('1 h 5 min');
    expect(duration(7200)).toBe('2 h');
  });
  it('writes a dash for what is not a duration', () => {
    expect(duration(Number.NaN)).toBe('–');
    expect(duration(-1)).toBe('–');
  });
});
