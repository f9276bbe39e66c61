/** Analogies on a constructed table where the answer is known. */
import { describe, expect, test } from 'vitest';
import { analogy, normaliseRows, vectorTable } from '../../src/embedding';

// Axes: royalty, maleness, femaleness, fruitiness. The table is built so that
// king - man + woman points at queen, with distractors close to the inputs.
const words = ['man', 'woman', 'king', 'queen', 'prince', 'apple', 'boy', 'girl'];
const vectors = [
  [0, 1, 0, 0.1], // man
  [0, 0, 1, 0.1], // woman
  [1, 1, 0, 0], // king
  [1, 0, 1, 0], // queen
  [0.9, 1, 0, 0.3], // prince: close to king
  [0, 0, 0, 1], // apple
  [0.1, 1, 0, 0.2], // boy: close to man
  [0.1, 0, 1, 0.2], // girl: close to woman
];
const id = (word: string): number => words.indexOf(word);
const table = normaliseRows(vectorTable(Float32Array.from(vectors.flat()), 4));

describe('analogy', () => {
  test('king - man + woman = queen', () => {
    const [best] = analogy(table, id('king'), id('man'), id('woman'));
    expect(words[best.id]).toBe('queen');
    // By hand: unit(king) = (r, r, 0, 0) with r = 1/sqrt(2); unit(man) = (0, m, 0, m/10) and
    // unit(woman) = (0, 0, m, m/10) with m = 1/sqrt(1.01). So q = (r, r - m, m, 0), and with
    // unit(queen) = (r, 0, r, 0): cos = (1/2 + r m) / |q| = 0.95966...
    const r = Math.SQRT1_2;
    const m = 1 / Math.sqrt(1.01);
    const expected = (0.5 + r * m) / Math.hypot(r, r - m, m);
    expect(best.similarity).toBeCloseTo(expected, 5);
    expect(best.similarity).toBeCloseTo(0.95966, 4);
  });

  test('queen - woman + man = king', () => {
    expect(words[analogy(table, id('queen'), id('woman'), id('man'))[0].id]).toBe('king');
  });

  test('never returns the three input words, even when they are nearest', () => {
    const all = analogy(table, id('king'), id('man'), id('woman'), { k: words.length });
    const ids = all.map((n) => n.id);
    expect(ids).toHaveLength(words.length - 3);
    for (const w of ['king', 'man', 'woman']) expect(ids).not.toContain(id(w));
  });

  test('honours exclude', () => {
    const [best] = analogy(table, id('king'), id('man'), id('woman'), { exclude: [id('queen')] });
    expect(words[best.id]).not.toBe('queen');
  });
});
