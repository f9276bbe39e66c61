/**
 * A random forest classifier (Breiman 2001), as R's `randomForest` grows it by default: every
 * tree grows on a bootstrap sample of the training rows (as many draws as rows, with
 * replacement), tries a random `floor(sqrt(features))` of the features at each split, and grows
 * until its leaves are pure. The forest's probability of the positive class is its trees' mean
 * vote. Rows a tree never drew are "out of bag" for it, and their votes from those trees give an
 * honest error estimate without a test set, the one R prints.
 */
import type { BinnedFeatures } from './bins.ts';
import { leafOf, TreeGrower, type DecisionTree } from './decision-tree.ts';
import { checkpoint, type FitControl } from './fit.ts';
import { mulberry32 } from '../lstm/cell/random.ts';

/** Options of {@link fitRandomForest}. */
export interface RandomForestOptions extends FitControl {
  /** Number of trees (R's `ntree`; default 500, as in R). */
  trees?: number;
  /** Features tried at each split (R's `mtry`; default `floor(sqrt(features))`). */
  featuresPerSplit?: number;
  /** The least bootstrap weight in a leaf (1: grow until pure, as R does for classification). */
  minLeaf?: number;
  /** Nodes this deep become leaves (default: no limit). */
  maxDepth?: number;
  /** Seed of the bootstrap samples and of the features tried. */
  seed?: number;
  /**
   * Keep the trees for {@link forestProbability} (default true). A thousand trees grown to purity
   * on 25,000 rows hold some 30 million nodes; with `false` and `score`, no tree is kept.
   */
  keepTrees?: boolean;
  /** Rows to score while the trees grow (the test set): their mean votes come back as `scores`. */
  score?: BinnedFeatures;
}

/** A fitted forest. */
export interface RandomForest {
  /** The trees, when kept. */
  trees: DecisionTree[];
  /** How many trees were grown. */
  treeCount: number;
  /** Nodes over all trees. */
  nodes: number;
  /** Each training row's mean vote from the trees it was out of bag for (NaN if none). */
  outOfBag: Float64Array;
  /** The share of training rows whose out-of-bag vote gets their label right (R's 1 - OOB error). */
  outOfBagAccuracy: number;
  /** The mean votes for the rows of `options.score`, or null. */
  scores: Float64Array | null;
}

/**
 * Grows a random forest on binned training rows `x` with labels 0 or 1. Progress counts trees;
 * the signal is checked between trees.
 */
export async function fitRandomForest(
  x: BinnedFeatures,
  labels: Uint8Array,
  options: RandomForestOptions = {},
): Promise<RandomForest> {
  const {
    trees = 500,
    featuresPerSplit = Math.max(1, Math.floor(Math.sqrt(x.features))),
    minLeaf = 1,
    maxDepth = Infinity,
    seed = 1,
    keepTrees = true,
    score,
    onProgress,
  } = options;
  if (x.rows < 1) throw new RangeError('a random forest needs at least one training row');
  if (!Number.isInteger(trees) || trees < 1) throw new RangeError(`trees must be a positive integer, got ${trees}`);
  if (score && score.features !== x.features)
    throw new RangeError(`the rows to score have ${score.features} features, the training rows ${x.features}`);
  const grower = new TreeGrower(x, labels);
  const rand = mulberry32(seed);
  const n = x.rows;
  const weights = new Uint32Array(n);
  const oobSum = new Float64Array(n);
  const oobCount = new Uint32Array(n);
  const scoreSum = score ? new Float64Array(score.rows) : null;
  const kept: DecisionTree[] = [];
  let nodes = 0;
  for (let t = 0; t < trees; t++) {
    await checkpoint(options);
    weights.fill(0);
    for (let k = 0; k < n; k++) weights[Math.floor(rand() * n)]++;
    const tree = grower.grow(weights, { featuresPerSplit, minLeaf, maxDepth, rand });
    nodes += tree.feature.length;
    for (let r = 0; r < n; r++) {
      if (weights[r] !== 0) continue;
      oobSum[r] += tree.value[leafOf(tree, x, r)]!;
      oobCount[r]++;
    }
    if (score && scoreSum) for (let r = 0; r < score.rows; r++) scoreSum[r] += tree.value[leafOf(tree, score, r)]!;
    if (keepTrees) kept.push(tree);
    onProgress?.(t + 1, trees);
  }
  const outOfBag = new Float64Array(n);
  let right = 0;
  let counted = 0;
  for (let r = 0; r < n; r++) {
    if (oobCount[r] === 0) {
      outOfBag[r] = NaN;
      continue;
    }
    outOfBag[r] = oobSum[r]! / oobCount[r]!;
    counted++;
    if (voteFor(outOfBag[r]!) === labels[r]) right++;
  }
  return {
    trees: kept,
    treeCount: trees,
    nodes,
    outOfBag,
    outOfBagAccuracy: counted === 0 ? NaN : right / counted,
    scores: scoreSum ? scoreSum.map((s) => s / trees) : null,
  };
}

/**
 * The class a mean vote decides: positive above one half. An exact tie (possible with an even
 * number of trees) goes to the negative class, so that the result never depends on chance.
 */
export function voteFor(probability: number): 0 | 1 {
  return probability > 0.5 ? 1 : 0;
}

/** The forest's mean vote for the positive class, for each row of `x`: an array of shape `[rows]`. */
export function forestProbability(forest: RandomForest, x: BinnedFeatures): Float64Array {
  if (forest.trees.length === 0) throw new RangeError('this forest kept no trees (keepTrees: false)');
  const out = new Float64Array(x.rows);
  for (const tree of forest.trees) for (let r = 0; r < x.rows; r++) out[r] += tree.value[leafOf(tree, x, r)]!;
  return out.map((s) => s / forest.trees.length);
}
