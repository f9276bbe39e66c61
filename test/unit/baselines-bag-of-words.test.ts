/**
 * Bag-of-words features, metrics, the verdict sentence and the IMDB baselines end to end, on
 * tiny hand-made reviews given as word ranks.
 */
import { describe, expect, test } from 'vitest';
import {
  bagOfWordsBaseline,
  bagOfWordsRows,
  binaryMetrics,
  classesOf,
  fitBagOfWords,
  forestBaseline,
  pickReviews,
  verdict,
  type ScoredModel,
} from '../../src/baselines/index.ts';
import type { RankedReviews } from '../../src/data/views.ts';
import { mulberry32 } from '../../src/lstm/cell/random.ts';

/** Reviews from lists of ranks (0 = a word outside the vocabulary). */
function reviews(list: number[][], labels: number[]): RankedReviews {
  const offsets = [0];
  for (const r of list) offsets.push(offsets[offsets.length - 1]! + r.length);
  return {
    offsets: Uint32Array.from(offsets),
    tokens: Uint32Array.from(list.flat()),
    labels: Uint8Array.from(labels),
  };
}

/** Row `i` of sparse rows as a map from column to value. */
function row(x: ReturnType<typeof bagOfWordsRows>, i: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = x.indptr[i]!; k < x.indptr[i + 1]!; k++) out.set(x.indices[k]!, x.values[k]!);
  return out;
}

describe('bag of words', () => {
  // Three training reviews over words 1 to 4.
  const train = reviews(
    [
      [1, 2, 1, 2],
      [2, 3],
      [1, 0, 2, 4],
    ],
    [1, 0, 1],
  );

  test('columns, document frequencies and idf weights by hand', () => {
    const bow = fitBagOfWords(train, { minReviews: 1 });
    // Words 1, 2, 3, 4 are columns 0 to 3; bigrams (1,2), (2,1), (2,3), (2,4) follow in key order.
    // The unknown word in review 3 breaks its pair: "1 <unknown> 2" gives no bigram (1,2).
    expect(Array.from(bow.wordColumn)).toEqual([-1, 0, 1, 2, 3]);
    expect(bow.words).toBe(4);
    expect(bow.stride).toBe(5);
    expect(Array.from(bow.bigramKeys)).toEqual([1 * 5 + 2, 2 * 5 + 1, 2 * 5 + 3, 2 * 5 + 4]);
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    // df: word 1 in 2 reviews, word 2 in 3, words 3 and 4 in 1; each bigram in 1 ((1,2) twice in one review).
    const expected = [idf(2), idf(3), idf(1), idf(1), idf(1), idf(1), idf(1), idf(1)];
    expect(bow.columns).toBe(expected.length);
    expected.forEach((w, c) => expect(bow.weight[c]).toBeCloseTo(w, 12));
  });

  test('rows are present n-grams weighted by idf, scaled to length 1', () => {
    const bow = fitBagOfWords(train, { minReviews: 1 });
    const x = bagOfWordsRows(bow, train);
    const first = row(x, 0); // words 1, 2 and bigrams (1,2), (2,1), each once however often
    const cols = [0, 1, 4, 5];
    expect([...first.keys()]).toEqual(cols);
    const norm = Math.hypot(...cols.map((c) => bow.weight[c]!));
    for (const c of cols) expect(first.get(c)).toBeCloseTo(bow.weight[c]! / norm, 6);
    // Words unseen in training (rank 9) and pairs never seen give no column.
    const other = bagOfWordsRows(bow, reviews([[9, 3, 1]], [0]));
    expect([...row(other, 0).keys()]).toEqual([0, 2]);
    // A review with no known word gives an empty row.
    const empty = bagOfWordsRows(bow, reviews([[0, 9]], [0]));
    expect(empty.indptr[1]).toBe(0);
  });

  test('minReviews prunes rare n-grams; idf can be turned off; a range of reviews', () => {
    const bow = fitBagOfWords(train, { minReviews: 2 });
    expect(Array.from(bow.wordColumn)).toEqual([-1, 0, 1, -1, -1]);
    expect(bow.columns).toBe(2);
    const flat = fitBagOfWords(train, { minReviews: 1, idf: false, bigrams: false });
    expect(Array.from(flat.weight)).toEqual([1, 1, 1, 1]);
    const x = bagOfWordsRows(flat, train, 1, 2);
    expect(x.rows).toBe(2);
    expect([...row(x, 0).entries()]).toEqual([
      [1, Math.fround(Math.SQRT1_2)],
      [2, Math.fround(Math.SQRT1_2)],
    ]);
    expect(() => bagOfWordsRows(flat, train, 2, 5)).toThrow(/do not exist/);
    expect(() => fitBagOfWords(reviews([], []))).toThrow(/at least one/);
  });
});

describe('metrics', () => {
  test('accuracy, precision, recall and F1 from a confusion matrix by hand', () => {
    // tp = 3, fp = 1, fn = 2, tn = 4
    const y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const p = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const m = binaryMetrics(p, y);
    expect(m.accuracy).toBeCloseTo(0.7, 12);
    expect(m.precision).toBeCloseTo(0.75, 12);
    expect(m.recall).toBeCloseTo(0.6, 12);
    expect(m.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 12);
    expect(binaryMetrics([0, 0], [1, 0])).toMatchObject({ precision: 0, recall: 0, f1: 0, accuracy: 0.5 });
    expect(Array.from(classesOf([0.2, 0.5, 0.51]))).toEqual([0, 0, 1]);
    expect(() => binaryMetrics([], [])).toThrow(/no predictions/);
    expect(() => binaryMetrics([1, 0], [1])).toThrow(/labels/);
  });
});

describe('verdict', () => {
  const m = (accuracy: number, f1 = accuracy): ScoredModel['metrics'] => ({
    accuracy,
    f1,
    precision: accuracy,
    recall: accuracy,
    count: 25000,
  });

  test('names the most accurate model plainly, whatever the order, and flags models near chance', () => {
    const text = verdict([
      { name: 'the random forest', metrics: m(0.516) },
      { name: 'the LSTM', metrics: m(0.84) },
      { name: 'the bag-of-words logistic regression', metrics: m(0.91) },
    ]);
    expect(text).toBe(
      'The bag-of-words logistic regression wins: 91.0% of the 25,000 test reviews right, against 84.0% for the LSTM and 51.6% for the random forest. The random forest does little better than tossing a coin (50%).',
    );
    expect(
      verdict([
        { name: 'the LSTM', metrics: m(0.92) },
        { name: 'the forest', metrics: m(0.9) },
      ]),
    ).toMatch(/^The LSTM wins: 92\.0%/);
    expect(
      verdict([
        { name: 'a', metrics: m(0.9, 0.8) },
        { name: 'b', metrics: m(0.9, 0.85) },
      ]),
    ).toMatch(/^B wins by a hair/);
    expect(verdict([{ name: 'the forest', metrics: m(0.6) }])).toMatch(/^Only the forest has been scored/);
    expect(verdict([])).toBe('');
  });
});

describe('the IMDB baselines on made-up reviews', () => {
  // Word 1 means positive, word 2 negative; words 3 to 40 are filler.
  function made(count: number, seed: number): RankedReviews {
    const rand = mulberry32(seed);
    const list: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < count; i++) {
      const y = i % 2;
      const words = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => 3 + Math.floor(rand() * 38));
      words.splice(Math.floor(rand() * words.length), 0, y ? 1 : 2);
      list.push(words);
      labels.push(y);
    }
    return reviews(list, labels);
  }
  const train = made(200, 1);
  const test_ = made(100, 2);

  test('the bag-of-words model finds the sentiment word', async () => {
    const stages: string[] = [];
    const r = await bagOfWordsBaseline(train, test_, { l2: 1e-3, onProgress: (p) => stages.push(p.stage) });
    expect(r.metrics.accuracy).toBe(1);
    expect(r.metrics.count).toBe(100);
    expect(stages.slice(0, 3)).toEqual([
      'counting words and word pairs',
      'building the feature rows',
      'starting L-BFGS',
    ]);
    expect(stages.at(-1)).toMatch(/L-BFGS iteration/);
  });

  test('the forest runs on the padded ids and reports its trees', async () => {
    const fractions: number[] = [];
    const r = await forestBaseline(train, test_, { trees: 4, onProgress: (p) => fractions.push(p.fraction) });
    expect(r.trees).toBe(4);
    expect(fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(r.metrics.count).toBe(100);
    expect(r.metrics.accuracy).toBeGreaterThanOrEqual(0);
  });

  test('empty splits are refused; pickReviews copies reviews in order', async () => {
    await expect(bagOfWordsBaseline(reviews([], []), test_)).rejects.toThrow(/no training reviews/);
    await expect(forestBaseline(train, reviews([], []))).rejects.toThrow(/no test reviews/);
    const picked = pickReviews(reviews([[1, 2], [3], [4, 5, 6]], [1, 0, 1]), [2, 0]);
    expect(Array.from(picked.offsets)).toEqual([0, 3, 5]);
    expect(Array.from(picked.tokens)).toEqual([4, 5, 6, 1, 2]);
    expect(Array.from(picked.labels)).toEqual([1, 1]);
  });
});
