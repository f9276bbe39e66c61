/** The corpus a skip-gram run trains on: from pasted text and from stored word ranks. */
import { describe, expect, test } from 'vitest';
import {
  buildCorpus,
  corpusFromRanks,
  corpusFromTexts,
  corpusTokens,
  evenlySpaced,
  textLines,
} from '../../src/embedding/corpus';

describe('corpusFromTexts', () => {
  test('ranks words by frequency within the corpus, ties by first appearance', () => {
    const corpus = corpusFromTexts(['The cat sat on the mat.', 'A cat, a hat!']);
    expect(corpus.words).toEqual(['the', 'cat', 'a', 'sat', 'on', 'mat', 'hat']);
    expect(corpus.sequences.map((s) => Array.from(s))).toEqual([
      [0, 1, 3, 4, 0, 5],
      [2, 1, 2, 6],
    ]);
    expect(corpusTokens(corpus)).toBe(10);
  });

  test('drops rare words and words past the vocabulary cap, then texts too short to pair', () => {
    const texts = ['good good good bad', 'good bad bad', 'ugly good', 'ugly'];
    const capped = corpusFromTexts(texts, { maxVocabulary: 2 });
    expect(capped.words).toEqual(['good', 'bad']);
    expect(capped.sequences.map((s) => Array.from(s))).toEqual([
      [0, 0, 0, 1],
      [0, 1, 1],
    ]);
    const frequent = corpusFromTexts(texts, { minCount: 3 });
    expect(frequent.words).toEqual(['good', 'bad']);
    // 'one' alone holds no pair, so it gets no row.
    expect(corpusFromTexts(['one', '  ', 'two words'])).toEqual({
      sequences: [Int32Array.from([0, 1])],
      words: ['two', 'words'],
    });
    // 'w' is frequent enough, but both its texts shrink to one word once 'r' and 's' go: no row.
    const cut = corpusFromTexts(['w r', 'w s', 'a a'], { minCount: 2 });
    expect(cut).toEqual({ sequences: [Int32Array.from([0, 0])], words: ['a'] });
  });

  test('tokenizes like the reviews: lower case, punctuation and <br /> removed, apostrophes kept', () => {
    const corpus = corpusFromTexts(["Don't<br />miss it!! DON'T"]);
    expect(corpus.words).toEqual(["don't", 'miss', 'it']);
    expect(Array.from(corpus.sequences[0]!)).toEqual([0, 1, 2, 0]);
  });

  test('textLines keeps the non-empty lines', () => {
    expect(textLines('one two\r\n\n  \nthree four\n')).toEqual(['one two', 'three four']);
  });
});

describe('buildCorpus', () => {
  test('re-ranks any ids and refuses ids outside the words', () => {
    const corpus = buildCorpus(
      [
        [2, 2, 0],
        [1, 2],
      ],
      ['x', 'y', 'z'],
    );
    expect(corpus.words).toEqual(['z', 'x', 'y']);
    expect(corpus.sequences.map((s) => Array.from(s))).toEqual([
      [0, 0, 1],
      [2, 0],
    ]);
    expect(() => buildCorpus([[0, 3]], ['a', 'b'])).toThrow(/outside/);
    expect(() => buildCorpus([[0, -1]], ['a', 'b'])).toThrow(/outside/);
  });
});

describe('corpusFromRanks', () => {
  // Three stored reviews over a vocabulary whose rank 1 is 'the'; 0 marks an unknown word.
  const vocabulary = ['the', 'film', 'was', 'good', 'bad'];
  const texts = {
    offsets: Uint32Array.from([0, 4, 7, 10]),
    tokens: Uint32Array.from([1, 2, 3, 4, 1, 2, 0, 1, 2, 5]),
  };

  test('maps rank r to the word vocabulary[r - 1], drops unknown words and re-ranks within the subset', () => {
    const all = corpusFromRanks(texts, vocabulary);
    expect(all.words).toEqual(['the', 'film', 'was', 'good', 'bad']);
    expect(all.sequences.map((s) => Array.from(s))).toEqual([
      [0, 1, 2, 3],
      [0, 1],
      [0, 1, 4],
    ]);
    const last = corpusFromRanks(texts, vocabulary, [2]);
    expect(last.words).toEqual(['the', 'film', 'bad']);
    expect(Array.from(last.sequences[0]!)).toEqual([0, 1, 2]);
    expect(() => corpusFromRanks(texts, vocabulary, [3])).toThrow(/outside/);
  });

  test('evenlySpaced spreads picks over both halves (negative, then positive reviews)', () => {
    expect(Array.from(evenlySpaced(4, 10))).toEqual([0, 2, 5, 7]);
    expect(Array.from(evenlySpaced(20, 3))).toEqual([0, 1, 2]);
    expect(Array.from(evenlySpaced(0, 3))).toEqual([]);
  });
});
