/** explainText: the row must be encodeText's, and each word's fate must follow the layout's rules. */
import { describe, expect, it } from 'vitest';
import { encodeText, explainText, OOV_ID, START_ID } from '../../src/data/views';
import { vocabularyFromWords } from '../../src/data/vocabulary';

const vocabulary = vocabularyFromWords(['the', 'movie', 'was', 'great', 'awful'], [5, 4, 3, 2, 1]);

describe('explainText', () => {
  it('imdb layout: ids are rank + 3, unknown and cut-off words become 2, the row starts with 1', () => {
    const view = { layout: 'imdb' as const, numWords: 7, maxlen: 8 };
    const { words, ids, startMarker } = explainText('The movie was GREAT, zorglub!', vocabulary, view);
    expect(words.map((w) => [w.word, w.id, w.status])).toEqual([
      ['the', 4, 'kept'],
      ['movie', 5, 'kept'],
      ['was', 6, 'kept'],
      ['great', OOV_ID, 'oov'], // rank 4 -> id 7, not below numWords 7
      ['zorglub', OOV_ID, 'oov'],
    ]);
    expect([...ids]).toEqual([0, 0, START_ID, 4, 5, 6, OOV_ID, OOV_ID]);
    expect(ids).toEqual(encodeText('The movie was GREAT, zorglub!', vocabulary, view));
    expect(startMarker).toBe(true);
  });

  it('tokenizer layout: unknown words are dropped; pre truncation cuts the first words', () => {
    const view = { layout: 'tokenizer' as const, maxlen: 2 };
    const { words, ids } = explainText('the zorglub movie was', vocabulary, view);
    expect(words.map((w) => w.status)).toEqual(['cut', 'dropped', 'kept', 'kept']);
    expect([...ids]).toEqual([2, 3]);
    expect(ids).toEqual(encodeText('the zorglub movie was', vocabulary, view));
  });

  it('imdb layout truncation loses the start marker first', () => {
    const view = { layout: 'imdb' as const, maxlen: 3 };
    const { words, startMarker, ids } = explainText('the movie was great', vocabulary, view);
    expect(words.map((w) => w.status)).toEqual(['cut', 'kept', 'kept', 'kept']);
    expect(startMarker).toBe(false);
    expect([...ids]).toEqual([5, 6, 7]);
  });

  it('an empty text gives a row of padding', () => {
    const { words, ids } = explainText('  <br /> ', vocabulary, { layout: 'imdb', maxlen: 3 });
    expect(words).toEqual([]);
    expect([...ids]).toEqual([0, 0, START_ID]);
  });
});
