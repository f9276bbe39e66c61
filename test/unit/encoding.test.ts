import { describe, expect, it } from 'vitest';
import { encodeSentence, encodingSizes, oneHot } from '../../src/data/encoding';

describe('sentence encodings', () => {
  it('numbers "The cat sat on the mat" as the Keras Tokenizer would', () => {
    const { words, vocabulary, ids } = encodeSentence('The cat sat on the mat.');
    expect(words).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
    // "the" occurs twice so it comes first; the rest keep first-seen order.
    expect(vocabulary.words).toEqual(['the', 'cat', 'sat', 'on', 'mat']);
    expect(ids).toEqual([1, 2, 3, 4, 1, 5]);
  });

  it('builds one-hot rows with a single 1 at the word index', () => {
    const m = oneHot([2, 1, 3], 3);
    expect(Array.from(m)).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 1]);
    expect(() => oneHot([4], 3)).toThrow(/outside 1..3/);
    expect(() => oneHot([0], 3)).toThrow(/outside/);
  });

  it('counts the numbers each encoding stores', () => {
    expect(encodingSizes(6, 20000)).toEqual({ oneHot: 120000, integers: 6, ones: 6 });
  });

  it('encodes an empty text as nothing', () => {
    expect(encodeSentence('  ... !!! ').words).toEqual([]);
  });
});
