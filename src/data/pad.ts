/**
 * Padding and truncating sequences to one length, with the defaults of Keras' `pad_sequences`:
 * both at the front ('pre'), so that the words nearest the end of a review, which an LSTM
 * remembers best, are the ones kept.
 */

/** Options of {@link padSequences}; the defaults are the Keras defaults. */
export interface PadOptions {
  /** The length of every row; by default the longest sequence's length. */
  maxlen?: number;
  /** Where the padding goes: before the sequence ('pre') or after it ('post'). */
  padding?: 'pre' | 'post';
  /** Which end is cut from a sequence longer than `maxlen`: 'pre' drops its beginning. */
  truncating?: 'pre' | 'post';
  /** The padding value (an integer: the rows are `Int32Array`s). */
  value?: number;
}

/** Sequences padded into one row-major block. */
export interface PaddedSequences {
  /** The rows one after the other: a tensor of shape `[rows, maxlen]` in row-major order. */
  data: Int32Array;
  /** `[rows, maxlen]`. */
  shape: [number, number];
}

/**
 * Pads or truncates every sequence to `maxlen` like Keras' `pad_sequences`; returns the
 * `[sequences.length, maxlen]` block that `tf.tensor2d(data, shape, 'int32')` takes.
 */
export function padSequences(sequences: readonly ArrayLike<number>[], options: PadOptions = {}): PaddedSequences {
  const maxlen = options.maxlen ?? sequences.reduce((m, s) => Math.max(m, s.length), 0);
  const data = new Int32Array(sequences.length * maxlen);
  sequences.forEach((seq, row) => padInto(seq, data, row * maxlen, { ...options, maxlen }));
  return { data, shape: [sequences.length, maxlen] };
}

/** Pads or truncates one sequence to a row `[maxlen]`, as one row of {@link padSequences}. */
export function padSequence(sequence: ArrayLike<number>, options: PadOptions & { maxlen: number }): Int32Array {
  const out = new Int32Array(options.maxlen);
  padInto(sequence, out, 0, options);
  return out;
}

/** Writes one padded row of `maxlen` values into `out` from `offset`, for callers filling a batch. */
export function padInto(
  sequence: ArrayLike<number>,
  out: Int32Array,
  offset: number,
  options: PadOptions & { maxlen: number },
): void {
  const { maxlen, padding = 'pre', truncating = 'pre', value = 0 } = options;
  if (!Number.isInteger(maxlen) || maxlen < 0)
    throw new RangeError(`maxlen must be a whole number >= 0, not ${maxlen}`);
  if (padding !== 'pre' && padding !== 'post')
    throw new RangeError(`padding must be 'pre' or 'post', not ${String(padding)}`);
  if (truncating !== 'pre' && truncating !== 'post') {
    throw new RangeError(`truncating must be 'pre' or 'post', not ${String(truncating)}`);
  }
  const kept = Math.min(sequence.length, maxlen);
  const from = truncating === 'pre' ? sequence.length - kept : 0;
  const at = padding === 'pre' ? offset + maxlen - kept : offset;
  out.fill(value, offset, offset + maxlen);
  for (let i = 0; i < kept; i++) out[at + i] = sequence[from + i]!;
}
