/** Neighbours by word, what changed between epochs, word-pair cosines and the 2-D word map. */
import { describe, expect, test } from 'vitest';
import { cosine, normaliseRows, vectorTable } from '../../src/embedding/cosine';
import { pca } from '../../src/embedding/pca';
import {
  neighboursOf,
  newWords,
  normaliseWord,
  pairSimilarities,
  parsePairs,
  wordIds,
} from '../../src/embedding/probes';
import { wordMap } from '../../src/embedding/word-map';

// Five words in 3-D: good and great point the same way, bad the other way, film and movie apart.
const words = ['good', 'great', 'bad', 'film', 'movie'];
const raw = vectorTable(Float32Array.from([1, 0.1, 0, 2, 0.3, 0, -1, 0, 0.1, 0, 1, 1, 0, 1, 0.8]), 3);
const unit = normaliseRows(raw);
const ids = wordIds(words);

describe('neighbours by word', () => {
  test('finds the word whatever its case and spacing, never itself', () => {
    const n = neighboursOf(unit, words, ids, '  Good ', 2);
    expect(n.word).toBe('good');
    expect(n.id).toBe(0);
    expect(n.neighbours.map((x) => x.word)).toEqual(['great', 'movie']);
    expect(n.neighbours[0]!.similarity).toBeCloseTo(cosine([1, 0.1, 0], [2, 0.3, 0]), 6);
  });

  test('a word outside the table has no id and no neighbours', () => {
    expect(neighboursOf(unit, words, ids, 'excellent')).toEqual({ word: 'excellent', id: null, neighbours: [] });
    expect(normaliseWord(' MiXed ')).toBe('mixed');
  });

  test('new words are those absent from the previous list; nothing is new without one', () => {
    expect([...newWords(['a', 'b', 'c'], ['b', 'd', 'a', 'e'])]).toEqual(['d', 'e']);
    expect(newWords(undefined, ['a']).size).toBe(0);
  });

  test('wordIds keeps the first row of a repeated word', () => {
    expect(wordIds(['a', 'b', 'a']).get('a')).toBe(0);
  });
});

describe('word pairs', () => {
  test('parses pairs separated by commas, semicolons or lines, skipping malformed ones', () => {
    expect(parsePairs('Good great, bad;film  movie\n one ,three words here, x y')).toEqual([
      ['good', 'great'],
      ['film', 'movie'],
      ['x', 'y'],
    ]);
  });

  test('gives the cosine of raw rows, or the missing words', () => {
    const [a, b] = pairSimilarities(raw, ids, [
      ['good', 'bad'],
      ['film', 'excellent'],
    ]);
    expect(a!.similarity).toBeCloseTo(cosine([1, 0.1, 0], [-1, 0, 0.1]), 7); // the table is float32
    expect(a!.missing).toEqual([]);
    expect(b).toEqual({ a: 'film', b: 'excellent', similarity: null, missing: ['excellent'] });
    // Unit rows give the same cosine.
    expect(pairSimilarities(unit, ids, [['good', 'bad']])[0]!.similarity).toBeCloseTo(a!.similarity!, 6);
  });
});

describe('wordMap', () => {
  test('fits PCA to the first rows and places the others with the same projection', () => {
    const map = wordMap(unit, words, { count: 4, include: [4, 99] });
    expect(map.points.map((p) => p.word)).toEqual(['good', 'great', 'bad', 'film', 'movie']);
    const fitted = pca({ values: unit.values.subarray(0, 12), rows: 4, dim: 3 });
    for (let i = 0; i < 4; i++) {
      expect(map.points[i]!.x).toBeCloseTo(fitted.coordinates[2 * i]!, 5);
      expect(map.points[i]!.y).toBeCloseTo(fitted.coordinates[2 * i + 1]!, 5);
    }
    expect(map.place(4)).toEqual(map.points[4]);
    expect(map.explained[0]).toBeCloseTo(fitted.explained[0]!, 12);
    expect(map.explained[0]! + map.explained[1]!).toBeLessThanOrEqual(1 + 1e-12);
    // Words that point the same way land together; the opposite word lands far away.
    const [good, great, bad] = map.points;
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    expect(d(good!, great!)).toBeLessThan(d(good!, bad!));
  });
});
