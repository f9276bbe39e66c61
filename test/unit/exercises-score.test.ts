import { describe, expect, it } from 'vitest';
import { parseGuess, scoreGuess, type Answer } from '../../src/exercises/score';

const linear: Answer = { kind: 'number', value: 0.8, scale: 'linear', close: 0.1, digits: 3 };
const log: Answer = { kind: 'number', value: 2.3e-25, scale: 'log10', close: 2, digits: 1 };
const choice: Answer = {
  kind: 'choice',
  options: [
    { value: 'up', label: 'It grows' },
    { value: 'same', label: 'It stays the same' },
  ],
  correct: 'same',
};

describe('predict-then-check scoring', () => {
  it('reads a typed guess with a true minus sign or a decimal comma, and rejects words', () => {
    expect(parseGuess(' −3 ')).toBe(-3);
    expect(parseGuess('0,25')).toBe(0.25);
    expect(parseGuess('')).toBeNull();
    expect(parseGuess('about 3')).toBeNull();
  });

  it('measures a number guess on its own scale: right, close or far, and says which way', () => {
    expect(scoreGuess(linear, 0.805)).toMatchObject({ verdict: 'right' });
    expect(scoreGuess(linear, 0.75)).toMatchObject({ verdict: 'close' });
    const far = scoreGuess(linear, 0.5);
    expect(far.verdict).toBe('far');
    expect(far.off).toBeCloseTo(0.3, 12);
    expect(far.message).toBe('Too small: the answer is 0.8, 0.3 from your guess of 0.5.');
    expect(scoreGuess(linear, 1).message).toMatch(/^Too large/);
    expect(scoreGuess(linear, 'x')).toMatchObject({ verdict: 'far', message: 'That is not a number.' });
  });

  it('measures a power-of-ten guess in powers of ten', () => {
    const power = Math.log10(2.3e-25);
    expect(scoreGuess(log, -25)).toMatchObject({ verdict: 'close' });
    expect(scoreGuess(log, -24.6).verdict).toBe('right');
    const far = scoreGuess(log, -10);
    expect(far.verdict).toBe('far');
    expect(far.off).toBeCloseTo(-10 - power, 12);
    expect(far.message).toMatch(/^Far too large: the answer is about 10 to the power −24.6, 14.6 powers of ten/);
  });

  it('scores a choice as right or wrong, naming the right one', () => {
    expect(scoreGuess(choice, 'same')).toEqual({ verdict: 'right', off: 0, message: 'Right: It stays the same.' });
    expect(scoreGuess(choice, 'up')).toEqual({
      verdict: 'far',
      off: 1,
      message: 'Not quite: the answer is “It stays the same”.',
    });
  });
});
