/**
 * Binning, Gini, trees and forests against references computed by hand or by brute force on
 * tiny hand-made data.
 */
import { describe, expect, test } from 'vitest';
import {
  applyBins,
  binOf,
  fitRandomForest,
  forestProbability,
  gini,
  leafOf,
  quantileBins,
  TreeGrower,
  treeProbability,
  voteFor,
  type BinnedFeatures,
} from '../../src/baselines/index.ts';
import { mulberry32 } from '../../src/lstm/cell/random.ts';

/** A row-major matrix of `rows` x `features` random integers below `max`. */
function randomMatrix(rows: number, features: number, max: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  return Int32Array.from({ length: rows * features }, () => Math.floor(rand() * max));
}

/** The value at row `r`, feature `f` of column-major bins. */
const at = (x: BinnedFeatures, r: number, f: number) => x.bins[f * x.rows + r]!;

describe('quantile bins', () => {
  test('few distinct values keep one bin each, column-major', () => {
    // rows: (5, 0), (1, 0), (5, 7), (3, 0)
    const x = [5, 0, 1, 0, 5, 7, 3, 0];
    const bins = quantileBins(x, 4, 2);
    expect(Array.from(bins.edges[0]!)).toEqual([1, 3, 5]);
    expect(Array.from(bins.edges[1]!)).toEqual([0, 7]);
    const b = applyBins(x, 4, 2, bins);
    expect(Array.from(b.bins)).toEqual([2, 0, 2, 1, 0, 0, 1, 0]);
    // Values between or beyond the edges: the first edge at or above, else the last bin.
    expect(binOf(2, bins.edges[0]!)).toBe(1);
    expect(binOf(-4, bins.edges[0]!)).toBe(0);
    expect(binOf(99, bins.edges[0]!)).toBe(2);
  });

  test('many distinct values: at most maxBins bins of about equal counts, consistent with the edges', () => {
    const rows = 1000;
    const x = randomMatrix(rows, 1, 100_000, 3);
    const bins = quantileBins(x, rows, 1, 16);
    const edges = bins.edges[0]!;
    expect(edges.length).toBeLessThanOrEqual(16);
    expect(edges.length).toBeGreaterThanOrEqual(15);
    for (let k = 1; k < edges.length; k++) expect(edges[k]!).toBeGreaterThan(edges[k - 1]!);
    const b = applyBins(x, rows, 1, bins);
    const counts = new Array<number>(edges.length).fill(0);
    for (let r = 0; r < rows; r++) {
      const bin = b.bins[r]!;
      counts[bin]!++;
      expect(x[r]!).toBeLessThanOrEqual(edges[bin]!);
      if (bin > 0) expect(x[r]!).toBeGreaterThan(edges[bin - 1]!);
    }
    for (const c of counts) expect(Math.abs(c - rows / 16)).toBeLessThanOrEqual(5);
  });

  test('rejects empty or misshapen input', () => {
    expect(() => quantileBins([], 0, 3)).toThrow(/at least one row/);
    expect(() => quantileBins([1, 2, 3], 2, 2)).toThrow(/4 values/);
    expect(() => quantileBins([1, 2], 1, 2, 1)).toThrow(/maxBins/);
  });
});

describe('Gini impurity', () => {
  test('matches hand computation', () => {
    expect(gini(4, 0)).toBe(0);
    expect(gini(2, 2)).toBeCloseTo(0.5, 15);
    expect(gini(3, 1)).toBeCloseTo(1 - 9 / 16 - 1 / 16, 15);
    expect(gini(0, 0)).toBe(0);
  });
});

/** The lowest weighted child impurity over every feature and threshold, by brute force. */
function bruteForceSplit(x: BinnedFeatures, labels: Uint8Array): number {
  let best = Infinity;
  for (let f = 0; f < x.features; f++) {
    for (let t = 0; t < 255; t++) {
      const c = [
        [0, 0],
        [0, 0],
      ];
      for (let r = 0; r < x.rows; r++) c[at(x, r, f) <= t ? 0 : 1]![labels[r]!]!++;
      const nL = c[0]![0]! + c[0]![1]!;
      const nR = c[1]![0]! + c[1]![1]!;
      if (nL === 0 || nR === 0) continue;
      best = Math.min(best, nL * gini(c[0]![0]!, c[0]![1]!) + nR * gini(c[1]![0]!, c[1]![1]!));
    }
  }
  return best;
}

describe('decision tree', () => {
  const rows = 60;
  const features = 4;
  const raw = randomMatrix(rows, features, 12, 7);
  const x = applyBins(raw, rows, features, quantileBins(raw, rows, features));
  // A noisy rule, so that no single split is perfect.
  const noise = mulberry32(8);
  const labels = Uint8Array.from({ length: rows }, (_, r) =>
    raw[r * features]! + raw[r * features + 2]! > 11 !== noise() < 0.15 ? 1 : 0,
  );

  test('the root split is the best split by brute force', () => {
    const tree = new TreeGrower(x, labels).grow(null, { maxDepth: 1 });
    expect(tree.feature.length).toBe(3);
    const f = tree.feature[0]!;
    const t = tree.threshold[0]!;
    const c = [
      [0, 0],
      [0, 0],
    ];
    for (let r = 0; r < rows; r++) c[at(x, r, f) <= t ? 0 : 1]![labels[r]!]!++;
    const impurity =
      (c[0]![0]! + c[0]![1]!) * gini(c[0]![0]!, c[0]![1]!) + (c[1]![0]! + c[1]![1]!) * gini(c[1]![0]!, c[1]![1]!);
    expect(impurity).toBeCloseTo(bruteForceSplit(x, labels), 10);
    // The children's values are their shares of positive rows.
    expect(tree.value[1]).toBeCloseTo(c[0]![1]! / (c[0]![0]! + c[0]![1]!), 6);
    expect(tree.value[2]).toBeCloseTo(c[1]![1]! / (c[1]![0]! + c[1]![1]!), 6);
  });

  test('grows to purity: every distinct training row is classified right', () => {
    const tree = new TreeGrower(x, labels).grow();
    const p = treeProbability(tree, x);
    // Rows with equal features and different labels cannot be separated; this data has none.
    for (let r = 0; r < rows; r++) expect(p[r]).toBe(labels[r]);
  });

  test('a minimum leaf weight is respected', () => {
    const tree = new TreeGrower(x, labels).grow(null, { minLeaf: 7 });
    const perLeaf = new Map<number, number>();
    for (let r = 0; r < rows; r++) {
      const leaf = leafOf(tree, x, r);
      perLeaf.set(leaf, (perLeaf.get(leaf) ?? 0) + 1);
    }
    for (const count of perLeaf.values()) expect(count).toBeGreaterThanOrEqual(7);
  });

  test('weights act as copies of rows', () => {
    // Three copies of one row outvote a single contradicting twin in a leaf.
    const twin: BinnedFeatures = { rows: 4, features: 1, bins: Uint8Array.from([0, 0, 5, 5]) };
    const y = Uint8Array.from([1, 0, 0, 1]);
    const tree = new TreeGrower(twin, y).grow([3, 1, 1, 0]);
    expect(treeProbability(tree, twin)[0]).toBeCloseTo(0.75, 6);
    expect(treeProbability(tree, twin)[2]).toBe(0);
  });

  test('rejects bad input', () => {
    expect(() => new TreeGrower({ rows: 0, features: 1, bins: new Uint8Array(0) }, new Uint8Array(0))).toThrow(
      /at least one/,
    );
    expect(() => new TreeGrower(x, new Uint8Array(rows).fill(2))).toThrow(/not 0 or 1/);
    expect(() => new TreeGrower(x, labels).grow(new Float64Array(rows))).toThrow(/every weight is zero/);
  });
});

describe('random forest', () => {
  /** Rows whose label is whether feature 0 exceeds 50; the other features are noise. */
  function separable(rows: number, seed: number) {
    const raw = randomMatrix(rows, 9, 100, seed);
    const labels = Uint8Array.from({ length: rows }, (_, r) => (raw[r * 9]! > 50 ? 1 : 0));
    return { raw, labels };
  }
  const train = separable(300, 1);
  const test_ = separable(200, 2);
  const bins = quantileBins(train.raw, 300, 9);
  const x = applyBins(train.raw, 300, 9, bins);
  const score = applyBins(test_.raw, 200, 9, bins);

  test('separates an obviously separable set, on unseen rows and out of bag', async () => {
    const forest = await fitRandomForest(x, train.labels, { trees: 30, seed: 4, score });
    let right = 0;
    forest.scores!.forEach((p, r) => (right += voteFor(p) === test_.labels[r] ? 1 : 0));
    expect(right / 200).toBeGreaterThan(0.95);
    expect(forest.outOfBagAccuracy).toBeGreaterThan(0.9);
    // Kept trees score the same rows the same way as the running votes.
    const again = forestProbability(forest, score);
    for (let r = 0; r < 200; r++) expect(again[r]).toBeCloseTo(forest.scores![r]!, 12);
  });

  test('scores labels that do not depend on the features near chance', async () => {
    const rand = mulberry32(11);
    const noise = Uint8Array.from({ length: 300 }, () => (rand() < 0.5 ? 1 : 0));
    const forest = await fitRandomForest(x, noise, { trees: 30, seed: 4 });
    expect(Math.abs(forest.outOfBagAccuracy - 0.5)).toBeLessThan(0.1);
  });

  test('is deterministic for a seed, and the seed matters', async () => {
    const a = await fitRandomForest(x, train.labels, { trees: 5, seed: 9, keepTrees: false, score });
    const b = await fitRandomForest(x, train.labels, { trees: 5, seed: 9, keepTrees: false, score });
    const c = await fitRandomForest(x, train.labels, { trees: 5, seed: 10, keepTrees: false, score });
    expect(Array.from(a.scores!)).toEqual(Array.from(b.scores!));
    expect(a.nodes).toBe(b.nodes);
    expect(a.trees).toEqual([]);
    expect(Array.from(a.outOfBag)).not.toEqual(Array.from(c.outOfBag));
  });

  test('reports progress per tree and stops on abort', async () => {
    const seen: [number, number][] = [];
    await fitRandomForest(x, train.labels, { trees: 3, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const controller = new AbortController();
    let grown = 0;
    const run = fitRandomForest(x, train.labels, {
      trees: 100,
      signal: controller.signal,
      pause: () => Promise.resolve(),
      onProgress: (d) => {
        grown = d;
        if (d === 2) controller.abort(new Error('stopped by the test'));
      },
    });
    await expect(run).rejects.toThrow('stopped by the test');
    expect(grown).toBe(2);
  });

  test('ties go to the negative class; bad input is refused', async () => {
    expect(voteFor(0.5)).toBe(0);
    expect(voteFor(0.5000001)).toBe(1);
    await expect(fitRandomForest({ rows: 0, features: 1, bins: new Uint8Array(0) }, new Uint8Array(0))).rejects.toThrow(
      /at least one training row/,
    );
    await expect(fitRandomForest(x, train.labels, { trees: 0 })).rejects.toThrow(/trees/);
  });
});
