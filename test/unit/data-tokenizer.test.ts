import { describe, expect, it } from 'vitest';
import {
  buildWordIndex,
  createTokenizer,
  KERAS_FILTERS,
  stripHtmlBreaks,
  textToWordSequence,
  tokenizeReview,
} from '../../src/data/index.ts';

// Expected values worked out by hand from Keras' text_to_word_sequence: lower-case, translate
// every filter character to a space, split on ' ', drop empty strings.
describe('Keras tokenizer defaults', () => {
  it('lower-cases, filters punctuation and splits on spaces', () => {
    expect(textToWordSequence("Hello, World! It's a test.")).toEqual(['hello', 'world', "it's", 'a', 'test']);
    expect(textToWordSequence("e-mail rock'n'roll 3.5/10 (really)")).toEqual([
      'e',
      'mail',
      "rock'n'roll",
      '3',
      '5',
      '10',
      'really',
    ]);
    expect(textToWordSequence('a\tb\nc  d')).toEqual(['a', 'b', 'c', 'd']);
    // Only the ASCII characters in the filter go: an em dash and accents stay.
    expect(textToWordSequence('Café NOIR—très «bien»')).toEqual(['café', 'noir—très', '«bien»']);
    // Carriage returns and non-breaking spaces are not in the filter, so Keras keeps them.
    expect(textToWordSequence('one\r\ntwo\u00a0three')).toEqual(['one\r', 'two\u00a0three']);
  });

  it('keeps `br` from HTML breaks unless they become spaces first', () => {
    const review = 'This movie was great!<br /><br />I loved it.';
    expect(textToWordSequence(review)).toEqual(['this', 'movie', 'was', 'great', 'br', 'br', 'i', 'loved', 'it']);
    expect(stripHtmlBreaks(review)).toBe('This movie was great!  I loved it.');
    expect(tokenizeReview(review)).toEqual(['this', 'movie', 'was', 'great', 'i', 'loved', 'it']);
    expect(tokenizeReview('a<br>b<BR/>c<br  />d')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ranks words by frequency, ties in first-seen order, as fit_on_texts does', () => {
    const texts = ['The cat sat on the mat.', 'The dog ate the cat!'].map((t) => textToWordSequence(t));
    const { index, words, counts } = buildWordIndex(texts);
    expect(words).toEqual(['the', 'cat', 'sat', 'on', 'mat', 'dog', 'ate']);
    expect(counts).toEqual([4, 2, 1, 1, 1, 1, 1]);
    expect(index.get('the')).toBe(1);
    expect(index.get('ate')).toBe(7);
  });
});

describe('createTokenizer', () => {
  // A deterministic generator, so the property test is reproducible.
  function* randomTexts(count: number): Generator<string> {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = [...`abcXYZ 0'${KERAS_FILTERS}éÉ—\u00a0\r🙂İΣσς`];
    for (let i = 0; i < count; i++) {
      let s = '';
      const n = next() % 40;
      for (let j = 0; j < n; j++) s += alphabet[next() % alphabet.length];
      yield s;
    }
  }

  it('gives exactly what textToWordSequence gives', () => {
    const fast = createTokenizer();
    for (const text of randomTexts(2000)) expect(fast(text)).toEqual(textToWordSequence(text));
  });

  it('honours other options, and falls back for multi-character separators', () => {
    const options = [{ lower: false }, { filters: '' }, { split: ',' }, { split: '--' }, { filters: '🙂!' }];
    for (const o of options) {
      const fast = createTokenizer(o);
      for (const text of randomTexts(300)) expect(fast(text)).toEqual(textToWordSequence(text, o));
    }
  });
});
