/**
 * The memory task of chapter 3: a sequence of N + 1 random signs, '+' or '−', of which only the
 * first counts; a flag marks it. After the last sign the network must say which sign came first.
 * The N later signs are distractors that use the same inputs as the answer, so a network must
 * write at step 1, then stop writing and keep what it wrote for N steps.
 */
import { mulberry32 } from '../cell/random';

/** The two symbols; their one-hot positions are 0 and 1. */
export const MEMORY_SYMBOLS = ['+', '−'] as const;

/** Size of one input vector x_t: one position per sign, then the flag that marks the first sign. */
export const MEMORY_INPUT_DIM = 3;

/** A batch of memory-task sequences, ready for the recurrent networks. */
export interface MemoryBatch {
  /** Number of sequences. */
  batch: number;
  /** Number of distractors N; every sequence has N + 1 steps. */
  distractors: number;
  /** Inputs x_1 .. x_{N+1}, each `[batch, MEMORY_INPUT_DIM]`: one-hot sign, plus the flag at step 1. */
  xs: Float64Array[];
  /** 1 where the first sign is '+', 0 where it is '−', shape `[batch]`. */
  labels: Float64Array;
  /** The sign indices (0 for '+', 1 for '−') of each sequence, `[batch][N + 1]`. */
  symbols: number[][];
}

/**
 * Encodes sequences of sign indices (all of one length) as inputs x_t of shape
 * `[batch, MEMORY_INPUT_DIM]`: a one-hot sign, and the flag set at the first step only.
 */
export function encodeMemorySequences(symbols: readonly (readonly number[])[]): Float64Array[] {
  const batch = symbols.length;
  if (batch === 0) throw new Error('encodeMemorySequences: no sequences.');
  const time = symbols[0].length;
  if (time === 0) throw new Error('encodeMemorySequences: the sequences are empty.');
  const D = MEMORY_INPUT_DIM;
  const xs = Array.from({ length: time }, () => new Float64Array(batch * D));
  symbols.forEach((seq, b) => {
    if (seq.length !== time) {
      throw new Error(`encodeMemorySequences: sequence ${b} has ${seq.length} signs, the first has ${time}.`);
    }
    seq.forEach((s, t) => {
      if (s !== 0 && s !== 1) throw new Error(`encodeMemorySequences: a sign is 0 ('+') or 1 ('−'), got ${s}.`);
      xs[t][b * D + s] = 1;
    });
    xs[0][b * D + 2] = 1;
  });
  return xs;
}

/**
 * `batch` random sequences of `distractors` + 1 signs, each '+' or '−' with equal chance, drawn from
 * `rand`: N + 1 inputs `[batch, MEMORY_INPUT_DIM]` and labels `[batch]`.
 */
export function memoryBatch(
  rand: () => number,
  { batch, distractors }: { batch: number; distractors: number },
): MemoryBatch {
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`memoryBatch: batch must be a positive integer, got ${batch}.`);
  }
  if (!Number.isInteger(distractors) || distractors < 0) {
    throw new Error(`memoryBatch: distractors must be a non-negative integer, got ${distractors}.`);
  }
  const symbols: number[][] = [];
  const labels = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    const seq = Array.from({ length: distractors + 1 }, () => (rand() < 0.5 ? 0 : 1));
    labels[b] = seq[0] === 0 ? 1 : 0;
    symbols.push(seq);
  }
  return { batch, distractors, xs: encodeMemorySequences(symbols), labels, symbols };
}

/** A fixed, seeded set of sequences for measuring accuracy, never used for training. */
export function memoryTestSet({
  distractors,
  size = 512,
  seed = 9001,
}: {
  distractors: number;
  size?: number;
  seed?: number;
}): MemoryBatch {
  return memoryBatch(mulberry32(seed), { batch: size, distractors });
}
