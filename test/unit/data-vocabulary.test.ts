import { describe, expect, it } from 'vitest';
import {
  buildWordIndex,
  encodeReviews,
  encodeText,
  idsToWords,
  inputDim,
  PY_KERAS_VIEW,
  R_KERAS_VIEW,
  rankByFrequency,
  ranksToIds,
  textToWordSequence,
  vocabularyFromWords,
  WordInterner,
  wordsToRanks,
} from '../../src/data/index.ts';

const texts = ['The cat sat on the mat.', 'The dog ate the cat!'];
// the 1, cat 2, sat 3, on 4, mat 5, dog 6, ate 7 (see data-tokenizer.test.ts).
const vocabulary = buildWordIndex(texts.map((t) => textToWordSequence(t)));

describe('rankByFrequency', () => {
  it('agrees with buildWordIndex, ties broken by first appearance', () => {
    const interner = new WordInterner();
    // Interned in another order than the ranking reads them, as when an archive lists test first.
    interner.intern(['ate', 'zebra', 'mat']);
    const seqs = texts.map((t) => interner.intern(textToWordSequence(t)));
    const r = rankByFrequency(seqs, interner.size);
    expect(Array.from(r.order, (id) => interner.words[id])).toEqual(vocabulary.words);
    expect([...r.counts]).toEqual(vocabulary.counts);
    expect(r.rankOf[interner.intern(['zebra'])[0]!]).toBe(0);
  });
});

describe('views', () => {
  const ranks = wordsToRanks(['the', 'cat', 'ate', 'unicorn'], vocabulary);

  it('looks up ranks, 0 for unknown words', () => {
    expect([...ranks]).toEqual([1, 2, 7, 0]);
    expect(vocabularyFromWords(vocabulary.words, vocabulary.counts).index.get('dog')).toBe(6);
  });

  it('follows the keras.datasets.imdb layout: 1 start, 2 unknown, ranks + 3', () => {
    expect([...ranksToIds(ranks, { layout: 'imdb' })]).toEqual([1, 4, 5, 10, 2]);
    // num_words keeps ids below it, as Keras does (start and OOV included).
    expect([...ranksToIds(ranks, { layout: 'imdb', numWords: 6 })]).toEqual([1, 4, 5, 2, 2]);
    expect(inputDim(7, { layout: 'imdb' })).toBe(11);
    expect(inputDim(88582, R_KERAS_VIEW)).toBe(20000);
  });

  it('follows the Tokenizer layout: ranks, unknown and cut-off words dropped', () => {
    expect([...ranksToIds(ranks, { layout: 'tokenizer' })]).toEqual([1, 2, 7]);
    expect([...ranksToIds(ranks, { layout: 'tokenizer', numWords: 3 })]).toEqual([1, 2]);
    expect(inputDim(88582, PY_KERAS_VIEW)).toBe(88583);
    expect(inputDim(7, { layout: 'tokenizer', numWords: 3 })).toBe(3);
  });

  it('turns ids back into words', () => {
    expect(idsToWords([0, 1, 4, 5, 10, 2, 3], vocabulary)).toEqual([
      '<pad>',
      '<start>',
      'the',
      'cat',
      'ate',
      '<oov>',
      '<unused>',
    ]);
    expect(idsToWords([0, 1, 7], vocabulary, { layout: 'tokenizer' })).toEqual(['<pad>', 'the', 'ate']);
  });

  it('encodes a typed review exactly as the training data, padded at the front', () => {
    expect([...encodeText('The CAT ate a unicorn!<br />', vocabulary, { layout: 'imdb', maxlen: 8 })]).toEqual([
      0, 0, 1, 4, 5, 10, 2, 2,
    ]);
    expect([...encodeText('The cat ate a unicorn', vocabulary, { layout: 'imdb', maxlen: 3 })]).toEqual([10, 2, 2]);
    expect([...encodeText('The cat ate', vocabulary, { layout: 'tokenizer', maxlen: 5 })]).toEqual([0, 0, 1, 2, 7]);
    expect([...encodeText('The cat ate', vocabulary, { layout: 'tokenizer' })]).toEqual([1, 2, 7]);
  });

  it('encodes stored reviews into a batch, in the order of the indices given', () => {
    const reviews = {
      offsets: new Uint32Array([0, 2, 2, 5]),
      tokens: new Uint32Array([1, 2, 3, 4, 5]),
      labels: new Uint8Array([1, 0, 1]),
    };
    const all = encodeReviews(reviews, { layout: 'imdb', maxlen: 3 });
    expect(all.shape).toEqual([3, 3]);
    expect([...all.x]).toEqual([1, 4, 5, 0, 0, 1, 6, 7, 8]);
    expect([...all.y]).toEqual([1, 0, 1]);
    const some = encodeReviews(reviews, { layout: 'tokenizer', maxlen: 2, padding: 'post' }, [2, 0]);
    expect([...some.x]).toEqual([4, 5, 1, 2]);
    expect([...some.y]).toEqual([1, 1]);
    expect(() => encodeReviews(reviews, { layout: 'imdb' })).toThrow(/maxlen/);
  });
});
