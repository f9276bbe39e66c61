import { describe, expect, it } from 'vitest';
import { padSequence, padSequences } from '../../src/data/index.ts';

const rows = (p: { data: Int32Array; shape: [number, number] }) =>
  Array.from({ length: p.shape[0] }, (_, i) => [...p.data.subarray(i * p.shape[1], (i + 1) * p.shape[1])]);

// The examples of Keras' pad_sequences documentation.
describe('padSequences', () => {
  const seqs = [[1], [2, 3], [4, 5, 6]];

  it('pads at the front to the longest length by default', () => {
    const p = padSequences(seqs);
    expect(p.shape).toEqual([3, 3]);
    expect(rows(p)).toEqual([
      [0, 0, 1],
      [0, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('pads with another value, or at the end', () => {
    expect(rows(padSequences(seqs, { value: -1 }))).toEqual([
      [-1, -1, 1],
      [-1, 2, 3],
      [4, 5, 6],
    ]);
    expect(rows(padSequences(seqs, { padding: 'post' }))).toEqual([
      [1, 0, 0],
      [2, 3, 0],
      [4, 5, 6],
    ]);
  });

  it('truncates at the front by default, at the end when asked', () => {
    expect(rows(padSequences(seqs, { maxlen: 2 }))).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
    ]);
    expect(rows(padSequences(seqs, { maxlen: 2, truncating: 'post' }))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(rows(padSequences(seqs, { maxlen: 2, truncating: 'post', padding: 'post' }))).toEqual([
      [1, 0],
      [2, 3],
      [4, 5],
    ]);
  });

  it('handles empty sequences and empty lists', () => {
    expect(rows(padSequences([[], [7]], { maxlen: 3 }))).toEqual([
      [0, 0, 0],
      [0, 0, 7],
    ]);
    expect(padSequences([]).shape).toEqual([0, 0]);
  });

  it('pads one sequence like one row, and rejects bad options', () => {
    expect([...padSequence(new Uint32Array([1, 2, 3, 4, 5]), { maxlen: 3 })]).toEqual([3, 4, 5]);
    expect(() => padSequence([1], { maxlen: -1 })).toThrow(RangeError);
    expect(() => padSequence([1], { maxlen: 2, padding: 'middle' as 'pre' })).toThrow(/padding must be/);
  });
});
