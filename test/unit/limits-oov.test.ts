/** Out-of-vocabulary words of a text, in both index layouts, counted by hand. */
import { describe, expect, it } from 'vitest';
import { oovReport, rankIndex } from '../../src/data/oov';

// Ranks 1..6 in this order.
const index = rankIndex(['the', 'film', 'a', 'is', 'good', 'bad']);

describe('out-of-vocabulary words', () => {
  it('ranks words by their position, keeping the first of a repeated word', () => {
    expect([...rankIndex(['a', 'b', 'a'])]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('finds the words a model cannot see in the imdb layout', () => {
    // "Le film est bon, the end!" -> le, film, est, bon, the, end: film (2) and the (1) are known.
    const r = oovReport('Le film est bon, the end!', index, { layout: 'imdb' });
    expect(r.words.map((w) => w.word)).toEqual(['le', 'film', 'est', 'bon', 'the', 'end']);
    expect(r.words.map((w) => w.id)).toEqual([2, 5, 2, 2, 4, 2]);
    expect(r.words.map((w) => w.oov)).toEqual(['unknown', null, 'unknown', 'unknown', null, 'unknown']);
    expect(r).toMatchObject({ count: 6, oov: 4, rate: 4 / 6 });
  });

  it('counts words beyond the numWords cut-off as rare', () => {
    // numWords 8: ids below 8 are kept, so ranks 1..4 (ids 4..7); "good" (rank 5, id 8) and "bad" are cut.
    const r = oovReport('The film is good, not bad.', index, { layout: 'imdb', numWords: 8 });
    expect(r.words.map((w) => [w.word, w.rank, w.id, w.oov])).toEqual([
      ['the', 1, 4, null],
      ['film', 2, 5, null],
      ['is', 4, 7, null],
      ['good', 5, 2, 'rare'],
      ['not', 0, 2, 'unknown'],
      ['bad', 6, 2, 'rare'],
    ]);
    expect(r.rate).toBe(3 / 6);
  });

  it('drops unknown words in the tokenizer layout (id -1), where ids are the ranks', () => {
    const r = oovReport('A GOOD film<br />Ein guter Film', index, { layout: 'tokenizer' });
    expect(r.words.map((w) => [w.word, w.id])).toEqual([
      ['a', 3],
      ['good', 5],
      ['film', 2],
      ['ein', -1],
      ['guter', -1],
      ['film', 2],
    ]);
    expect(r.rate).toBe(2 / 6);
    expect(oovReport('good bad', index, { layout: 'tokenizer', numWords: 6 }).words.map((w) => w.oov)).toEqual([
      null,
      'rare',
    ]);
  });

  it('gives a rate of 0 for a text without words', () => {
    expect(oovReport(' ... !', index)).toEqual({ words: [], count: 0, oov: 0, rate: 0 });
  });
});
