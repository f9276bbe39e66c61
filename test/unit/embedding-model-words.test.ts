/**
 * Words in a trained model's Embedding table (src/embedding/model-words.ts) against a brute-force
 * reference: every cosine computed, sorted, and ids turned into words by hand through each layout.
 */
import { describe, expect, it } from 'vitest';
import { cosine, normaliseRows, row, vectorTable } from '../../src/embedding/cosine';
import { markerIds, modelNeighbours, wordStatus } from '../../src/embedding/model-words';
import type { SequenceView } from '../../src/data/views';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import { mulberry32 } from '../../src/lstm/cell/random';

const WORDS = Array.from({ length: 40 }, (_, k) => `w${k + 1}`);
const VOCABULARY = vocabularyFromWords(WORDS, new Array<number>(WORDS.length).fill(0));

function randomTable(rows: number, dim: number, seed: number) {
  const rand = mulberry32(seed);
  return vectorTable(
    Float32Array.from({ length: rows * dim }, () => 2 * rand() - 1),
    dim,
  );
}

/** The word of an id, written out from the layouts' definitions. */
function wordOfId(id: number, view: SequenceView): string {
  return view.layout === 'tokenizer' ? WORDS[id - 1]! : WORDS[id - 4]!;
}

const CASES: { view: SequenceView; rows: number }[] = [
  // keras.datasets.imdb with num_words = 30: ids 4..29 are the words of rank 1..26.
  { view: { layout: 'imdb', numWords: 30, maxlen: 10 }, rows: 30 },
  // The tokenizer's ids: every word, id = rank, 0 for padding.
  { view: { layout: 'tokenizer', maxlen: 10 }, rows: 41 },
];

describe('modelNeighbours', () => {
  for (const { view, rows } of CASES) {
    it(`finds the same neighbours as a brute-force search (${view.layout})`, () => {
      const raw = randomTable(rows, 7, 3);
      const unit = normaliseRows(raw);
      const markers = new Set(markerIds(view));
      for (const word of ['w1', 'w5', 'W12 ', 'w26']) {
        const key = word.trim().toLowerCase();
        const rank = WORDS.indexOf(key) + 1;
        const id = view.layout === 'tokenizer' ? rank : rank + 3;
        const reference = Array.from({ length: rows }, (_, other) => other)
          .filter((other) => other !== id && !markers.has(other))
          .map((other) => ({ id: other, similarity: cosine(row(raw, id), row(raw, other)) }))
          .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
          .slice(0, 6);
        const found = modelNeighbours(unit, VOCABULARY, view, word, 6);
        expect(found.word).toBe(key);
        expect(found.status).toEqual({ kind: 'known', id, rank });
        expect(found.neighbours.map((n) => n.id)).toEqual(reference.map((n) => n.id));
        expect(found.neighbours.map((n) => n.word)).toEqual(reference.map((n) => wordOfId(n.id, view)));
        found.neighbours.forEach((n, k) => expect(n.similarity).toBeCloseTo(reference[k]!.similarity, 5));
      }
    });
  }

  it('marks words outside the vocabulary, and words past num_words, with no neighbours', () => {
    const { view, rows } = CASES[0]!;
    const unit = normaliseRows(randomTable(rows, 5, 8));
    expect(modelNeighbours(unit, VOCABULARY, view, 'zebra')).toEqual({
      word: 'zebra',
      status: { kind: 'unknown' },
      neighbours: [],
    });
    // Rank 27 would be id 30, not below num_words = 30: the model reads it as out-of-vocabulary.
    expect(modelNeighbours(unit, VOCABULARY, view, 'w27')).toEqual({
      word: 'w27',
      status: { kind: 'cut', rank: 27 },
      neighbours: [],
    });
    expect(wordStatus('w26', VOCABULARY, view, rows)).toEqual({ kind: 'known', id: 29, rank: 26 });
    // A table with fewer rows than num_words cuts where the table ends.
    expect(wordStatus('w26', VOCABULARY, view, 20)).toEqual({ kind: 'cut', rank: 26 });
  });

  it('never lists padding, start, out-of-vocabulary or unused ids', () => {
    const view: SequenceView = { layout: 'imdb', numWords: 8 };
    // Markers point exactly where w1 points; real words point elsewhere.
    const values = new Float32Array(8 * 2);
    for (let id = 0; id < 8; id++) values.set(id <= 4 ? [1, 0] : [1, id], id * 2);
    const unit = normaliseRows(vectorTable(values, 2));
    const found = modelNeighbours(unit, VOCABULARY, view, 'w1', 10);
    expect(found.neighbours.map((n) => n.word)).toEqual(['w2', 'w3', 'w4']);
    expect(markerIds(view)).toEqual([0, 1, 2, 3]);
    expect(markerIds({ layout: 'tokenizer' })).toEqual([0]);
  });
});
