/**
 * The distinct input rows of an LSTM's batch: which steps read the same vector.
 *
 * An LSTM's input x_t enters each step only through x_t W (the gates' input share), and W's
 * gradient only through the sum of x_t^T dz_t over the steps. Where the input comes from an
 * Embedding, x_t is a row of the table picked by the word's id, so a review that uses a word ten
 * times multiplies the same row by W ten times. Over whole reviews most steps repeat a row their
 * review has had before (of the 400 steps of a maxlen-400 review, a third are distinct words; the
 * padding at the front is one row repeated), so the layer can do the input's arithmetic once per
 * distinct row: x W for each, and dW = Σ x^T (Σ dz over the steps that read it). Only the order of
 * the float additions changes.
 *
 * Rows are told apart by their values, not by ids (the layer does not see ids): equal float32 bit
 * patterns are the same row. With input dropout, each sequence has its own mask n and so its
 * own x n: rows are then distinct per sequence, as (sequence, row) pairs.
 */

/** What {@link distinctRows} found. */
export interface DistinctRows {
  /** How many distinct rows (or (sequence, row) pairs). */
  count: number;
  /** For each step row in time-major order (t * batch + b), the index of its distinct row. */
  indexOf: Int32Array;
  /** For each distinct row, the first input row that has it: b * time + t (the input's own order). */
  first: Int32Array;
  /** For each distinct row, its sequence b. */
  sequence: Int32Array;
}

/**
 * The distinct rows of `x`, `[batch, time, width]` row-major, or null when more than `maxShare`
 * of the rows are distinct (so that a caller that has no use for many distinct rows does not pay
 * for finding them all: per sequence, once an eighth of the sequences are read, a running share
 * over 1.25 times `maxShare` ends the search; across sequences the running share only falls). With `perSequence` two rows are the same only within one sequence. Hashes a few of each row's numbers (the rows of an embedding
 * differ everywhere) and compares rows with equal hashes in full, so that a collision never merges
 * two different rows.
 */
export function distinctRows(
  x: Float32Array,
  batch: number,
  time: number,
  width: number,
  perSequence: boolean,
  maxShare = 1,
): DistinctRows | null {
  const bits = new Int32Array(x.buffer, x.byteOffset, batch * time * width);
  const indexOf = new Int32Array(batch * time);
  // Up to eight numbers spread over the row make its hash.
  const sampled = Array.from(
    new Set(Array.from({ length: Math.min(8, width) }, (_, k) => Math.floor((k * width) / Math.min(8, width)))),
  );
  const first: number[] = [];
  const sequence: number[] = [];
  // hash -> distinct rows with that hash (usually one).
  let seen = new Map<number, number[]>();
  const same = (r: number, s: number) => {
    for (let j = 0, p = r * width, q = s * width; j < width; j++) if (bits[p + j] !== bits[q + j]) return false;
    return true;
  };
  for (let b = 0; b < batch; b++) {
    if (perSequence) seen = new Map();
    for (let t = 0; t < time; t++) {
      const r = b * time + t;
      // FNV-1a over the sampled 32-bit words.
      let h = 0x811c9dc5;
      for (const j of sampled) h = Math.imul(h ^ bits[r * width + j]!, 0x01000193);
      const candidates = seen.get(h);
      let found = -1;
      if (candidates) {
        for (const k of candidates) {
          if (same(r, first[k]!)) {
            found = k;
            break;
          }
        }
      }
      if (found < 0) {
        found = first.length;
        first.push(r);
        sequence.push(b);
        if (candidates) candidates.push(found);
        else seen.set(h, [found]);
      }
      indexOf[t * batch + b] = found;
    }
    const read = (b + 1) * time;
    if (perSequence && 8 * (b + 1) >= batch && first.length > 1.25 * maxShare * read) return null;
  }
  if (first.length > maxShare * batch * time) return null;
  return { count: first.length, indexOf, first: Int32Array.from(first), sequence: Int32Array.from(sequence) };
}
