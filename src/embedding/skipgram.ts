/**
 * Skip-gram with negative sampling (Mikolov et al. 2013), trained with tfjs, without the DOM.
 *
 * Each (target, context) pair from a sliding window is a positive example and `k` words drawn
 * from the unigram distribution raised to 0.75 are negatives. With u the target word's row of
 * the target table and v a row of the context table, the loss of one pair is
 *
 *   -log sigma(u . v_context) - sum over the k negatives of log sigma(-u . v_negative),
 *
 * binary cross-entropy with the positive labelled 1 and the negatives 0.
 *
 * Why the gradient is not simply `tf.grad` through `tf.gather` on the tables: tfjs's gradient of
 * gather is `UnsortedSegmentSum`, whose CPU kernel loops over every vocabulary row for every
 * gathered row (vocabulary x rows x dim): measured here, 0.7 s for a 2,000 x 16 table and 256
 * rows, seconds per batch at real sizes (see DESIGN.md). So the rows are gathered first, tfjs
 * differentiates the loss with respect to the gathered rows only (`[batch, dim]` tensors, cheap),
 * and `tf.scatterND` adds those row gradients into a dense `[vocabulary, dim]` gradient in
 * O(rows x dim), summing repeated words as gather's gradient would. The optimizer then applies
 * it as usual. Measured with scripts/bench-neighbours.ts (k = 5, Node CPU backend): a step of
 * 128 pairs on a 2,000 x 32 table takes about 5 ms this way and about 5 s through gather's
 * gradient; 1,024 pairs take about 20 ms. What remains proportional to the table is the
 * optimizer's dense update, so with a 20,000 x 128 table a step of 1,024 pairs takes about
 * 200 ms on the CPU backend (its element-wise kernels are slow) and about 35 ms on WASM.
 */
import * as tf from '@tensorflow/tfjs';
import type { VectorTable } from './cosine.ts';
import { seededRandom, shuffleTogether } from './random.ts';

/** A batch of positive pairs: `targets[i]` was seen with `contexts[i]`; both of length `batch`. */
export interface SkipGramBatch {
  /** Centre-word ids, length `batch`. */
  targets: Int32Array;
  /** Context-word ids, length `batch`. */
  contexts: Int32Array;
}

/** Options of {@link skipGramPairs}. */
export interface SkipGramPairOptions {
  /** How many words on each side of the centre word count as its context. */
  window?: number;
  /**
   * Subsampling threshold t (Mikolov et al.): a word of corpus frequency f is kept with
   * probability min(1, sqrt(t / f)), thinning out "the" and "a". 0 turns subsampling off;
   * 1e-3 to 1e-5 are usual values.
   */
  subsample?: number;
  /** Word counts (index = id) for subsampling; counted from `sequences` when left out. */
  counts?: ArrayLike<number>;
  /** Ids removed before windowing, e.g. padding 0, start 1 and out-of-vocabulary 2. */
  skip?: Iterable<number>;
  /** Seed of the subsampling draws. */
  seed?: number;
}

/** Options of {@link skipGramBatches}. */
export interface SkipGramBatchOptions extends SkipGramPairOptions {
  /** Pairs per batch (the last batch may be smaller). */
  batchSize?: number;
  /** Shuffle the pairs (seeded), since neighbouring pairs share a word and bias each step. */
  shuffle?: boolean;
}

/** Options of {@link unigramSampler}. */
export interface UnigramSamplerOptions {
  /** The exponent applied to the counts; 0.75 is word2vec's choice, between frequency and uniform. */
  power?: number;
  /** Seed of the draws. */
  seed?: number;
}

/** Draws word ids from counts^power, normalised. */
export interface UnigramSampler {
  /** The probability of each id, length `vocabulary`. */
  readonly probabilities: Float64Array;
  /** One id drawn from {@link probabilities}. */
  sample(): number;
}

/** Options of {@link skipGram}. */
export interface SkipGramOptions {
  /** The number of word ids (rows of both tables). */
  vocabSize: number;
  /** The length of each word vector. */
  dim?: number;
  /** Negative samples per positive pair (word2vec suggests 5-20 for small corpora). */
  negatives?: number;
  /** Word counts (index = id) for the negative-sampling distribution; uniform when left out. */
  counts?: ArrayLike<number>;
  /** The exponent of the negative-sampling distribution. */
  power?: number;
  /** Step size of the default optimizer (SGD), per pair: the gradient is summed over the batch. */
  learningRate?: number;
  /** Any tfjs optimizer instead of SGD; the caller keeps ownership and disposes it. */
  optimizer?: tf.Optimizer;
  /** Seed of the initial tables and of the negative samples. */
  seed?: number;
}

/** A skip-gram model: its two tables, the optimizer and the seeded negative sampler. */
export interface SkipGramModel {
  /** The target (centre-word) embedding, shape `[vocabSize, dim]`: the word vectors one keeps. */
  readonly target: tf.Variable;
  /** The context embedding, shape `[vocabSize, dim]`. */
  readonly context: tf.Variable;
  /** Applies the gradients of each step. */
  readonly optimizer: tf.Optimizer;
  /** Draws the negatives. */
  readonly sampler: UnigramSampler;
  /** Number of word ids. */
  readonly vocabSize: number;
  /** Vector length. */
  readonly dim: number;
  /** Negatives per pair. */
  readonly negatives: number;
}

// Optimizers that skipGram created itself, which disposeSkipGram may therefore dispose.
const ownedOptimizers = new WeakSet<tf.Optimizer>();

/** How often each id in `[0, vocabSize)` occurs in `sequences`: a Float64Array of length `vocabSize`. */
export function countTokens(sequences: Iterable<ArrayLike<number>>, vocabSize: number): Float64Array {
  const counts = new Float64Array(vocabSize);
  for (const sequence of sequences) {
    for (let i = 0; i < sequence.length; i++) {
      const id = sequence[i];
      if (id >= 0 && id < vocabSize) counts[id] += 1;
    }
  }
  return counts;
}

/** A seeded sampler of ids in `[0, counts.length)` with probability proportional to counts^power. */
export function unigramSampler(counts: ArrayLike<number>, options: UnigramSamplerOptions = {}): UnigramSampler {
  const { power = 0.75, seed = 0 } = options;
  const size = counts.length;
  if (size === 0) throw new RangeError('unigramSampler needs at least one count');
  const weights = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    // A zero count stays zero even with power 0, so padding never becomes a negative.
    weights[i] = counts[i] > 0 ? counts[i] ** power : 0;
    total += weights[i];
  }
  if (!(total > 0)) throw new RangeError('unigramSampler needs at least one positive count');
  const probabilities = weights.map((w) => w / total);
  // Cumulative sums and a binary search: O(log V) per draw, no 10^8-entry table as in word2vec.
  const cumulative = new Float64Array(size);
  let running = 0;
  for (let i = 0; i < size; i++) {
    running += probabilities[i];
    cumulative[i] = running;
  }
  const random = seededRandom(seed);
  const last = lastPositive(weights);
  return {
    probabilities,
    sample(): number {
      const x = random() * running;
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/**
 * All (target, context) pairs of `sequences` (arrays of token ids) within `window` words,
 * after removing `skip` ids and subsampling frequent words. Returns two Int32Arrays of equal
 * length, in corpus order.
 */
export function skipGramPairs(
  sequences: Iterable<ArrayLike<number>>,
  options: SkipGramPairOptions = {},
): SkipGramBatch {
  const { window = 2, subsample = 0, counts, skip = [], seed = 0 } = options;
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`window must be a positive integer, got ${window}`);
  }
  const skipped = new Set(skip);
  const all = Array.from(sequences);
  const keep = subsample > 0 ? keepProbabilities(all, subsample, skipped, counts) : undefined;
  const random = seededRandom(seed);

  // First pass: the words that survive, so that the pair arrays are allocated once.
  const kept: Int32Array[] = [];
  let pairCount = 0;
  for (const sequence of all) {
    const words: number[] = [];
    for (let i = 0; i < sequence.length; i++) {
      const id = sequence[i];
      if (skipped.has(id)) continue;
      if (keep !== undefined && random() >= (keep.get(id) ?? 1)) continue;
      words.push(id);
    }
    const n = words.length;
    for (let i = 0; i < n; i++) pairCount += Math.min(n - 1, i + window) - Math.max(0, i - window);
    kept.push(Int32Array.from(words));
  }

  const targets = new Int32Array(pairCount);
  const contexts = new Int32Array(pairCount);
  let at = 0;
  for (const words of kept) {
    const n = words.length;
    for (let i = 0; i < n; i++) {
      for (let j = Math.max(0, i - window); j <= Math.min(n - 1, i + window); j++) {
        if (j === i) continue;
        targets[at] = words[i];
        contexts[at] = words[j];
        at++;
      }
    }
  }
  return { targets, contexts };
}

/**
 * One epoch of skip-gram batches from `sequences` (arrays of token ids): the pairs of
 * {@link skipGramPairs}, shuffled with `seed` (pass a different seed per epoch), `batchSize` at a
 * time. The epoch's pairs are built up front (8 bytes per pair, about 4 pairs per word with
 * window 2); the yielded arrays are views into them.
 */
export function* skipGramBatches(
  sequences: Iterable<ArrayLike<number>>,
  options: SkipGramBatchOptions = {},
): Generator<SkipGramBatch> {
  const { batchSize = 256, shuffle = true, seed = 0, ...pairOptions } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const { targets, contexts } = skipGramPairs(sequences, { ...pairOptions, seed });
  // Seeded apart from the subsampling draws (which use `seed` itself).
  if (shuffle) shuffleTogether(targets, contexts, seededRandom(seed ^ 0x5bd1e995));
  for (let start = 0; start < targets.length; start += batchSize) {
    const end = Math.min(targets.length, start + batchSize);
    yield { targets: targets.subarray(start, end), contexts: contexts.subarray(start, end) };
  }
}

/**
 * The mean negative-sampling loss of a batch: `u` the target rows `[batch, dim]`, `vPositive`
 * the context rows `[batch, dim]`, `vNegative` the negatives' rows `[batch, k, dim]`; a scalar.
 */
export function skipGramLoss(u: tf.Tensor2D, vPositive: tf.Tensor2D, vNegative: tf.Tensor3D): tf.Scalar {
  return tf.tidy(() => {
    const positive = tf.sum(tf.mul(u, vPositive), 1); // [batch]: u . v_context
    const negative = tf.squeeze(tf.matMul(vNegative, tf.expandDims(u, 2)), [2]); // [batch, k]
    // -log sigma(x) = softplus(-x) and -log sigma(-x) = softplus(x), without overflow for large |x|.
    const perPair = tf.add(tf.softplus(tf.neg(positive)), tf.sum(tf.softplus(negative), 1));
    return tf.mean(perPair);
  });
}

/**
 * Builds a skip-gram model: target and context tables `[vocabSize, dim]`, the target drawn
 * uniformly from +-0.5/dim and the context all zeros (word2vec's initialisation), seeded.
 */
export function skipGram(options: SkipGramOptions): SkipGramModel {
  const {
    vocabSize,
    dim = 32,
    negatives = 5,
    counts,
    power = 0.75,
    learningRate = 0.025,
    optimizer,
    seed = 0,
  } = options;
  if (!Number.isInteger(vocabSize) || vocabSize < 2) {
    throw new RangeError(`vocabSize must be an integer >= 2, got ${vocabSize}`);
  }
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dim must be a positive integer, got ${dim}`);
  if (!Number.isInteger(negatives) || negatives < 1) {
    throw new RangeError(`negatives must be a positive integer, got ${negatives}`);
  }
  if (counts !== undefined && counts.length !== vocabSize) {
    throw new RangeError(`counts has length ${counts.length}, vocabSize is ${vocabSize}`);
  }

  // Drawn in JavaScript rather than with tf.randomUniform so that a seed gives the same table
  // on every backend.
  const random = seededRandom(seed);
  const initial = new Float32Array(vocabSize * dim);
  for (let i = 0; i < initial.length; i++) initial[i] = (random() - 0.5) / dim;
  const target = tf.tidy(() => tf.variable(tf.tensor2d(initial, [vocabSize, dim]), true));
  const context = tf.tidy(() => tf.variable(tf.zeros([vocabSize, dim]), true));

  const sampler = unigramSampler(counts ?? new Float64Array(vocabSize).fill(1), {
    power,
    seed: seed ^ 0x2545f491,
  });
  const chosen = optimizer ?? tf.train.sgd(learningRate);
  if (optimizer === undefined) ownedOptimizers.add(chosen);
  return { target, context, optimizer: chosen, sampler, vocabSize, dim, negatives };
}

/**
 * One training step on a batch of `batch` pairs: draws `k` negatives per pair (or uses
 * `negatives`, shape `[batch * k]`, to replay a step), computes the loss and its gradients and
 * applies them. Returns the mean loss per pair before the update.
 */
export function skipGramTrainStep(model: SkipGramModel, batch: SkipGramBatch, negatives?: Int32Array): number {
  const { targets, contexts } = batch;
  const size = targets.length;
  if (size === 0 || contexts.length !== size) {
    throw new RangeError('a batch needs as many contexts as targets, at least one');
  }
  const { vocabSize, dim, negatives: k } = model;
  if (negatives !== undefined && negatives.length !== size * k) {
    throw new RangeError(`negatives has length ${negatives.length}, expected batch * k = ${size * k}`);
  }
  const drawn = negatives ?? drawNegatives(model.sampler, contexts, k);

  const loss = tf.tidy(() => {
    // Ids as [n, 1] index tuples for gatherND: on the WASM backend its kernel copies rows about
    // 16x faster than Gather's (12k rows x 32: 0.7 ms against 11.5 ms), with identical results.
    const targetIds = tf.tensor2d(targets, [size, 1], 'int32');
    const contextIds = tf.tensor2d(contexts, [size, 1], 'int32');
    const negativeIds = tf.tensor2d(drawn, [size * k, 1], 'int32');
    // Gathered outside the differentiated function: tfjs then differentiates with respect to
    // these small tensors and never reaches gather's slow gradient (see the top of the file).
    const u = tf.gatherND(model.target, targetIds) as tf.Tensor2D;
    const vPositive = tf.gatherND(model.context, contextIds) as tf.Tensor2D;
    const vNegative = tf.reshape(tf.gatherND(model.context, negativeIds), [size, k, dim]);

    // The summed loss makes the learning rate a per-pair step, independent of the batch size.
    const summedLoss = tf.valueAndGrads((uIn: tf.Tensor, posIn: tf.Tensor, negIn: tf.Tensor) =>
      tf.mul(skipGramLoss(uIn as tf.Tensor2D, posIn as tf.Tensor2D, negIn as tf.Tensor3D), size),
    );
    const { value, grads } = summedLoss([u, vPositive, vNegative]);
    const [gradU, gradPositive, gradNegative] = grads as [tf.Tensor2D, tf.Tensor2D, tf.Tensor3D];

    // Row gradients into dense table gradients; scatterND sums repeated ids, as it must.
    const targetGradient = tf.scatterND(tf.reshape(targetIds, [size, 1]), gradU, [vocabSize, dim]);
    const contextRows = tf.reshape(tf.concat([contextIds, negativeIds]), [size * (k + 1), 1]);
    const contextUpdates = tf.concat([gradPositive, tf.reshape(gradNegative, [size * k, dim])]);
    const contextGradient = tf.scatterND(contextRows, contextUpdates, [vocabSize, dim]);
    model.optimizer.applyGradients({
      [model.target.name]: targetGradient,
      [model.context.name]: contextGradient,
    });
    return tf.div(value, size);
  });
  const mean = loss.dataSync()[0];
  loss.dispose(); // the tidy's result survives it, so it is freed here by hand
  return mean;
}

/** The current target table `[vocabSize, dim]` as a copied Float32Array, ready for {@link normaliseRows}. */
export function skipGramEmbeddings(model: SkipGramModel): VectorTable {
  // dataSync may hand out the backend's own buffer; a copy keeps later training from changing it.
  const values = Float32Array.from(model.target.dataSync() as Float32Array);
  return { values, rows: model.vocabSize, dim: model.dim };
}

/** Frees the model's tensors: both tables and, when skipGram created it, the optimizer. */
export function disposeSkipGram(model: SkipGramModel): void {
  model.target.dispose();
  model.context.dispose();
  if (ownedOptimizers.has(model.optimizer)) model.optimizer.dispose();
}

/** `k` negatives per context word, shape `[batch * k]`, redrawing one that equals its positive. */
function drawNegatives(sampler: UnigramSampler, contexts: Int32Array, k: number): Int32Array {
  const out = new Int32Array(contexts.length * k);
  for (let i = 0, at = 0; i < contexts.length; i++) {
    for (let n = 0; n < k; n++, at++) {
      // word2vec skips a negative equal to the positive word; a few redraws do the same without
      // changing k. The bound matters only when one word holds nearly all the probability.
      let id = sampler.sample();
      for (let tries = 0; id === contexts[i] && tries < 8; tries++) id = sampler.sample();
      out[at] = id;
    }
  }
  return out;
}

/** Keep probability min(1, sqrt(t / f)) per id, for the ids present. */
function keepProbabilities(
  sequences: ArrayLike<number>[],
  threshold: number,
  skipped: Set<number>,
  counts: ArrayLike<number> | undefined,
): Map<number, number> {
  const tally = new Map<number, number>();
  if (counts !== undefined) {
    for (let id = 0; id < counts.length; id++) if (counts[id] > 0 && !skipped.has(id)) tally.set(id, counts[id]);
  } else {
    for (const sequence of sequences) {
      for (let i = 0; i < sequence.length; i++) {
        const id = sequence[i];
        if (!skipped.has(id)) tally.set(id, (tally.get(id) ?? 0) + 1);
      }
    }
  }
  let total = 0;
  for (const c of tally.values()) total += c;
  const keep = new Map<number, number>();
  for (const [id, c] of tally) keep.set(id, Math.min(1, Math.sqrt(threshold / (c / total))));
  return keep;
}

function lastPositive(weights: Float64Array): number {
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}
