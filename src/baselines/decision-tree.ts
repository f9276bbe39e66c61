/**
 * A classification tree (CART) on binned features: each node splits the rows that reach it on
 * the feature and threshold that lower the Gini impurity most, among a random subset of the
 * features when it grows inside a random forest, until the node is pure or too small to split.
 * Rows carry integer weights, so a bootstrap sample is its rows' counts and needs no copies.
 */
import { MAX_BINS, type BinnedFeatures } from './bins.ts';

/** Gini impurity of a node holding `negatives` and `positives` (weights): `1 - p0² - p1²`. */
export function gini(negatives: number, positives: number): number {
  const n = negatives + positives;
  if (n === 0) return 0;
  const p0 = negatives / n;
  const p1 = positives / n;
  return 1 - p0 * p0 - p1 * p1;
}

/** A grown tree, one entry per node in each array; node 0 is the root. */
export interface DecisionTree {
  /** The feature a node splits on; -1 marks a leaf. */
  feature: Int16Array;
  /** Rows whose bin is at most this go to the left child. */
  threshold: Uint8Array;
  /** The left child's index; the right child is the next node. */
  left: Int32Array;
  /** The weighted share of positive rows at the node: a leaf's predicted probability. */
  value: Float32Array;
}

/** Options of {@link TreeGrower.grow}. */
export interface TreeOptions {
  /** Features tried at each split (features found constant in the node do not count); default all. */
  featuresPerSplit?: number;
  /** The least weight each child of a split must hold (1: grow until the leaves are pure). */
  minLeaf?: number;
  /** Nodes this deep become leaves. */
  maxDepth?: number;
  /** Uniform random numbers on [0, 1), to choose the features tried at each split. */
  rand?: () => number;
}

/**
 * Grows trees on one training set, reusing its buffers from tree to tree: a forest of a thousand
 * trees allocates them once.
 */
export class TreeGrower {
  private readonly sample: Int32Array;
  // The weight and the positive weight of the row at each place of `sample`, moved with it.
  private readonly sw: Float64Array;
  private readonly sp: Float64Array;
  private readonly order: Int32Array;
  // Per bin: the node's weight, and its positive weight.
  private readonly hw = new Float64Array(MAX_BINS);
  private readonly hp = new Float64Array(MAX_BINS);
  private readonly touched = new Int32Array(MAX_BINS);
  private readonly stack: Int32Array;
  private readonly feature: Int16Array;
  private readonly threshold: Uint8Array;
  private readonly left: Int32Array;
  private readonly value: Float32Array;
  private readonly unit: Float64Array;

  /** `x` are the training rows' bins, `labels` their classes (0 or 1). */
  constructor(
    private readonly x: BinnedFeatures,
    private readonly labels: Uint8Array,
  ) {
    if (x.rows < 1) throw new RangeError('a tree needs at least one training row');
    if (labels.length !== x.rows) throw new RangeError(`${x.rows} rows but ${labels.length} labels`);
    if (x.features > 0x7fff) throw new RangeError(`at most ${0x7fff} features, got ${x.features}`);
    for (let r = 0; r < labels.length; r++)
      if (labels[r] !== 0 && labels[r] !== 1) throw new RangeError(`label ${r} is ${labels[r]}, not 0 or 1`);
    this.sample = new Int32Array(x.rows);
    this.sw = new Float64Array(x.rows);
    this.sp = new Float64Array(x.rows);
    this.order = Int32Array.from({ length: x.features }, (_, f) => f);
    // Every split leaves at least one row on each side: at most 2 * rows - 1 nodes, rows leaves.
    const capacity = 2 * x.rows;
    this.feature = new Int16Array(capacity);
    this.threshold = new Uint8Array(capacity);
    this.left = new Int32Array(capacity);
    this.value = new Float32Array(capacity);
    this.stack = new Int32Array(4 * (x.rows + 1));
    this.unit = new Float64Array(x.rows).fill(1);
  }

  /**
   * Grows one tree on the rows with a positive weight (`weights[r]` copies of row `r`; default:
   * every row once).
   */
  grow(weights: ArrayLike<number> | null = null, options: TreeOptions = {}): DecisionTree {
    const { rows, features } = this.x;
    const { featuresPerSplit = features, minLeaf = 1, maxDepth = Infinity, rand = Math.random } = options;
    if (!Number.isInteger(featuresPerSplit) || featuresPerSplit < 1 || featuresPerSplit > features)
      throw new RangeError(`featuresPerSplit must be an integer from 1 to ${features}, got ${featuresPerSplit}`);
    if (!(minLeaf > 0)) throw new RangeError(`minLeaf must be positive, got ${minLeaf}`);
    const w = weights ?? this.unit;
    if (w.length !== rows) throw new RangeError(`${rows} rows but ${w.length} weights`);
    const { sample, sw, sp, stack, labels } = this;
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const wr = w[r]!;
      if (!(wr >= 0)) throw new RangeError(`weight ${r} is ${wr}`);
      if (wr === 0) continue;
      sample[n] = r;
      sw[n] = wr;
      sp[n++] = labels[r] ? wr : 0;
    }
    if (n === 0) throw new RangeError('every weight is zero: nothing to grow a tree on');

    let nodes = 1;
    let top = 0;
    const push = (start: number, end: number, node: number, depth: number) => {
      stack[top++] = start;
      stack[top++] = end;
      stack[top++] = node;
      stack[top++] = depth;
    };
    push(0, n, 0, 0);
    while (top > 0) {
      const depth = stack[--top]!;
      const node = stack[--top]!;
      const end = stack[--top]!;
      const start = stack[--top]!;
      let total = 0;
      let w1 = 0;
      for (let i = start; i < end; i++) {
        total += sw[i]!;
        w1 += sp[i]!;
      }
      const w0 = total - w1;
      this.value[node] = w1 / total;
      this.feature[node] = -1;
      if (w0 === 0 || w1 === 0 || total < 2 * minLeaf || depth >= maxDepth) continue;
      const split = this.bestSplit(start, end, w0, w1, featuresPerSplit, minLeaf, rand);
      if (split < 0) continue;
      const f = split >>> 8;
      const t = split & 0xff;
      // Partition the node's rows in place: bin <= t to the front.
      const bins = this.x.bins;
      const offset = f * rows;
      let i = start;
      let j = end - 1;
      while (i <= j) {
        if (bins[offset + sample[i]!]! <= t) i++;
        else {
          swap(sample, i, j);
          swap(sw, i, j);
          swap(sp, i, j--);
        }
      }
      this.feature[node] = f;
      this.threshold[node] = t;
      this.left[node] = nodes;
      // The right child goes on the stack first so that the left one is grown first.
      push(i, end, nodes + 1, depth + 1);
      push(start, i, nodes, depth + 1);
      nodes += 2;
    }
    return {
      feature: this.feature.slice(0, nodes),
      threshold: this.threshold.slice(0, nodes),
      left: this.left.slice(0, nodes),
      value: this.value.slice(0, nodes),
    };
  }

  /**
   * The best split of the node holding `sample[start..end)`, as `feature * 256 + threshold`, or
   * -1 when no feature tried can split it. It maximises `(l0² + l1²) / nL + (r0² + r1²) / nR`,
   * which is the same as minimising the children's weighted Gini impurity
   * `nL · gini(l0, l1) + nR · gini(r0, r1)`.
   */
  private bestSplit(
    start: number,
    end: number,
    w0: number,
    w1: number,
    tries: number,
    minLeaf: number,
    rand: () => number,
  ): number {
    const { sample, sw, sp, order, hw, hp, touched } = this;
    const { rows, features, bins } = this.x;
    const total = w0 + w1;
    let best = -1;
    let bestScore = -Infinity;
    let tried = 0;
    for (let k = 0; k < features && tried < tries; k++) {
      // A partial Fisher-Yates shuffle draws the features without repeats.
      const j = k + Math.floor(rand() * (features - k));
      const f = order[j]!;
      order[j] = order[k]!;
      order[k] = f;
      const offset = f * rows;
      let distinct = 0;
      let lo = MAX_BINS;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const b = bins[offset + sample[i]!]!;
        if (hw[b] === 0) {
          touched[distinct++] = b;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
        hw[b] += sw[i]!;
        hp[b] += sp[i]!;
      }
      if (distinct > 1) {
        tried++;
        // The bins present, ascending: a few are sorted in place, many are found by scanning.
        let present = distinct;
        if (distinct <= SORT_LIMIT) insertionSort(touched, distinct);
        else {
          present = 0;
          for (let b = lo; b <= hi; b++) if (hw[b] !== 0) touched[present++] = b;
        }
        let nL = 0;
        let l1 = 0;
        for (let m = 0; m < present - 1; m++) {
          const b = touched[m]!;
          nL += hw[b]!;
          l1 += hp[b]!;
          const l0 = nL - l1;
          const nR = total - nL;
          if (nL < minLeaf || nR < minLeaf) continue;
          const r0 = w0 - l0;
          const r1 = w1 - l1;
          const score = (l0 * l0 + l1 * l1) / nL + (r0 * r0 + r1 * r1) / nR;
          if (score > bestScore) {
            bestScore = score;
            best = f * 256 + b;
          }
        }
      }
      for (let m = 0; m < distinct; m++) {
        hw[touched[m]!] = 0;
        hp[touched[m]!] = 0;
      }
    }
    return best;
  }
}

function swap(a: Int32Array | Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

// Up to this many bins are sorted by insertion; more are found by scanning the histogram.
const SORT_LIMIT = 32;

function insertionSort(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** The leaf that row `row` of `x` (`[rows, features]`, binned) reaches in `tree`. */
export function leafOf(tree: DecisionTree, x: BinnedFeatures, row: number): number {
  const { feature, threshold, left } = tree;
  const { bins, rows } = x;
  let node = 0;
  for (let f = feature[0]!; f >= 0; f = feature[node]!) {
    node = left[node]! + (bins[f * rows + row]! > threshold[node]! ? 1 : 0);
  }
  return node;
}

/** The tree's probability of the positive class for each row of `x`, as an array of shape `[rows]`. */
export function treeProbability(tree: DecisionTree, x: BinnedFeatures): Float64Array {
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) out[r] = tree.value[leafOf(tree, x, r)]!;
  return out;
}
