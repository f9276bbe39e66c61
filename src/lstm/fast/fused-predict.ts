/**
 * Prediction with the classifier Embedding -> one LSTM -> Dense(1, sigmoid) (r-keras, chapter
 * 5's presets with one LSTM layer), without dropout or anything kept for a gradient, and with a
 * third of the arithmetic of the layers' own forward pass.
 *
 * In the layers, each step multiplies [h_{t-1}, x_t] by [U; W]: (u + d) x 4u numbers a row, 192
 * x 256 for r-keras. But x_t is a row of the embedding E, picked by the word's id, so x_t W + b
 * is a row of the table E W + b, `[vocabulary, 4u]`: made once (one product, about 1.3 GFLOP for
 * r-keras, a twentieth of evaluating the 25,000 test reviews), it leaves each step the product
 * h_{t-1} U, u x 4u a row (64 x 256), plus a row looked up in the table. The gates are then the
 * sigmoid of the sum (fused-cell.ts's rowGates, WebAssembly SIMD), and the cell update is the
 * fused layer's own (fused-cell.ts's forward). Same model, same maths; only the order of the
 * float additions differs (the tests hold it to model.predict within 1e-5).
 *
 * Reviews padded at the front (ids 0 before the first word, as the kit's views pad) all pass
 * through the same states until their first word: those states are computed once, and each
 * review joins its batch's steps at its first word (see predict). Over whole reviews, where half
 * the steps of a batch are padding, that halves the work.
 */
import * as tf from '@tensorflow/tfjs';
import { newScratch, type Scratch } from './fused-cell';

/** A model's prediction, ready for batch after batch; `dispose` frees what it holds. */
export interface FusedPredictor {
  /** p `[rows]` for the ids `[rows, maxlen]` (row-major). */
  predict(ids: Int32Array, rows: number): Float32Array;
  dispose(): void;
}

/** A layer's config as a plain record. */
const configOf = (layer: tf.layers.Layer) => layer.getConfig() as Record<string, unknown>;

/**
 * The weights of an Embedding -> LSTM -> Dense(1, sigmoid) model whose LSTM is the one this file
 * computes (tanh, sigmoid gates, a bias, the last step's h only, forwards, not stateful), or null
 * for any other model.
 */
function classifierWeights(model: tf.LayersModel) {
  const [embedding, lstm, dense, ...rest] = model.layers;
  if (!embedding || !lstm || !dense || rest.length > 0) return null;
  if (embedding.getClassName() !== 'Embedding' || lstm.getClassName() !== 'LSTM') return null;
  if (dense.getClassName() !== 'Dense') return null;
  const l = configOf(lstm);
  const d = configOf(dense);
  const plain =
    l['activation'] === 'tanh' &&
    l['recurrentActivation'] === 'sigmoid' &&
    l['useBias'] === true &&
    l['returnSequences'] === false &&
    !l['goBackwards'] &&
    !l['stateful'] &&
    !configOf(embedding)['maskZero'] &&
    d['activation'] === 'sigmoid' &&
    d['units'] === 1 &&
    d['useBias'] === true;
  if (!plain) return null;
  const [table] = embedding.getWeights() as [tf.Tensor2D];
  const [kernel, recurrent, bias] = lstm.getWeights() as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
  const [denseKernel, denseBias] = dense.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  return { table, kernel, recurrent, bias, denseKernel, denseBias };
}

/**
 * The predictor of `model`, or null when the model is not Embedding -> LSTM -> Dense(1, sigmoid)
 * of the kind above (the caller then uses `model.predict`). It reads the weights once: make a
 * new one after the weights change.
 */
export function fusedPredictor(model: tf.LayersModel): FusedPredictor | null {
  const w = classifierWeights(model);
  if (!w) return null;
  const vocabulary = w.table.shape[0];
  const units = w.recurrent.shape[0];
  const g4 = 4 * units;
  // The candidate's columns doubled, as in the fused layer: σ(2z) gives tanh(z) = 2σ(2z) - 1.
  const scale = new Float32Array(g4).fill(1).fill(2, 2 * units, 3 * units);
  const mem: Scratch = newScratch();
  const [rowsTable, recurrent, denseKernel, denseBias] = tf.tidy(() => {
    const s = tf.tensor1d(scale);
    return [
      tf.mul(tf.add(tf.matMul(w.table, w.kernel), w.bias), s),
      tf.reshape(tf.mul(w.recurrent, s), [1, units, g4]) as tf.Tensor3D,
      w.denseKernel.dataSync() as Float32Array,
      (w.denseBias.dataSync() as Float32Array)[0]!,
    ];
  });
  const table = mem.take(vocabulary * g4);
  mem.f32(table, vocabulary * g4).set(rowsTable.dataSync() as Float32Array);
  rowsTable.dispose();

  // h and C after each step of a review of nothing but padding (id 0), as far as computed: every
  // review padded at the front is in this state until its first word (see predict).
  let padH = new Float32Array(0);
  let padC = new Float32Array(0);

  /**
   * The steps of `rows` sequences of `time` ids (time-major, at `at.ids`) for the first
   * `joined[t]` rows at step t (a number that only grows; all rows without `joined`); a row that
   * joins at step t starts from the padding's state after t steps. `record` sees h and C after
   * each step. Leaves h and C of the last step at the returned offsets.
   */
  function run(
    at: Record<'ids' | 'gates' | 'product' | 'c' | 'tc' | 'h', number>,
    rows: number,
    time: number,
    joined: Int32Array | null,
    record?: (t: number, h: Float32Array, c: Float32Array) => void,
  ): { h: number; c: number } {
    const n = rows * units;
    // h and C of the step before and of this step, taking turns; both zero before the first.
    mem.f32(at.c, 2 * n).fill(0);
    mem.f32(at.h, 2 * n).fill(0);
    const backend = tf.backend() as unknown as { typedArrayFromHeap?: (t: tf.Tensor) => Float32Array };
    let k = 0;
    for (let t = 0; t < time; t++) {
      const [prev, next] = t % 2 === 0 ? [0, 4 * n] : [4 * n, 0];
      const active = joined ? joined[t]! : rows;
      if (t > 0 && active > k) {
        // Joining at step t: the padding's state after t steps.
        const [h, c] = [mem.f32(at.h + prev, n), mem.f32(at.c + prev, n)];
        for (let row = k; row < active; row++) {
          h.set(padH.subarray((t - 1) * units, t * units), row * units);
          c.set(padC.subarray((t - 1) * units, t * units), row * units);
        }
      }
      k = active;
      if (k === 0) continue;
      const product = mem.f32(at.product, k * g4);
      if (t === 0) product.fill(0);
      else {
        // h_{t-1} U for the active rows, by the matMul kernel itself (tf.matMul would reshape around it).
        const h = tf.tensor3d(mem.f32(at.h + prev, k * units), [1, k, units]);
        const out = tf.engine().runKernel<tf.Tensor>('BatchMatMul', { a: h, b: recurrent }, {
          transposeA: false,
          transposeB: false,
        } as unknown as tf.NamedAttrMap);
        // The view of the scratch memory is made after the kernel: nothing here grows it.
        mem.f32(at.product, k * g4).set(backend.typedArrayFromHeap ? backend.typedArrayFromHeap(out) : out.dataSync());
        tf.dispose([h, out]);
      }
      mem.rowGates({ gates: at.gates, product: at.product, table, ids: at.ids + 4 * t * rows, rows: k, units });
      mem.forward({ gates: at.gates, cPrev: at.c + prev, c: at.c + next, tc: at.tc, h: at.h + next, rows: k, units });
      record?.(t, mem.f32(at.h + next, n), mem.f32(at.c + next, n));
    }
    const last = time % 2 === 0 ? 0 : 4 * n;
    return { h: at.h + last, c: at.c + last };
  }

  /** The arrays of a batch of `rows` sequences of `time` steps, taken from the scratch memory. */
  function take(rows: number, time: number) {
    const n = rows * units;
    const sizes = { ids: rows * time, gates: rows * g4, product: rows * g4, c: 2 * n, tc: n, h: 2 * n };
    const at = Object.fromEntries(Object.entries(sizes).map(([k, size]) => [k, mem.take(size)])) as Record<
      keyof typeof sizes,
      number
    >;
    const giveBack = () => {
      for (const k of Object.keys(sizes) as (keyof typeof sizes)[]) mem.giveBack(at[k], sizes[k]);
    };
    return { at, giveBack };
  }

  /** Extends the padding's states (padH, padC) to `time` steps: one sequence of id 0, step by step. */
  function padStates(time: number): void {
    if (padH.length >= time * units) return;
    const { at, giveBack } = take(1, time);
    try {
      mem.i32(at.ids, time).fill(0);
      const [h, c] = [new Float32Array(time * units), new Float32Array(time * units)];
      // Computed once for the predictor's life, whatever its batches.
      run(at, 1, time, null, (t, ht, ct) => {
        h.set(ht, t * units);
        c.set(ct, t * units);
      });
      [padH, padC] = [h, c];
    } finally {
      giveBack();
    }
  }

  /**
   * p for `rows` sequences of ids. The sequences are taken longest first (fewest leading zeros): a
   * sequence padded at the front joins the batch at its first word, from the padding's state
   * there, which is computed once. Over whole reviews (maxlen 400, half of them padded) that
   * spares most of a batch's padding steps; the arithmetic of each step that is done is the same.
   */
  function predict(ids: Int32Array, rows: number): Float32Array {
    const time = ids.length / rows;
    if (!Number.isInteger(time)) throw new RangeError(`${ids.length} ids do not make ${rows} rows`);
    // Leading zeros of each sequence (time for one of nothing but padding).
    const lead = new Int32Array(rows);
    for (let b = 0; b < rows; b++) {
      let z = 0;
      while (z < time && ids[b * time + z] === 0) z++;
      lead[b] = z;
    }
    // Position -> sequence, fewest leading zeros first; joined[t] = sequences active at step t.
    const order = Int32Array.from({ length: rows }, (_, b) => b).sort((x, y) => lead[x]! - lead[y]! || x - y);
    const joined = new Int32Array(time + 1);
    for (let t = 0, k = 0; t <= time; t++) {
      while (k < rows && lead[order[k]!]! <= t) k++;
      joined[t] = k;
    }
    if (joined[0]! < rows) padStates(time);
    const { at, giveBack } = take(rows, time);
    try {
      // The ids time-major and in the order taken, so that each step's active ones are together.
      const stepIds = mem.i32(at.ids, rows * time);
      for (let k = 0; k < rows; k++) {
        const b = order[k]!;
        for (let t = 0; t < time; t++) {
          const id = ids[b * time + t]!;
          if (!(id >= 0 && id < vocabulary))
            throw new RangeError(`id ${id} is outside the embedding's ${vocabulary} rows`);
          stepIds[t * rows + k] = id;
        }
      }
      const last = run(at, rows, time, joined);
      const h = mem.f32(last.h, rows * units);
      const p = new Float32Array(rows);
      for (let k = 0; k < rows; k++) {
        // Nothing but padding: the padding's last state.
        const hk =
          k < joined[time - 1]!
            ? h.subarray(k * units, (k + 1) * units)
            : padH.subarray((time - 1) * units, time * units);
        let z = denseBias;
        for (let j = 0; j < units; j++) z += hk[j]! * denseKernel[j]!;
        p[order[k]!] = 1 / (1 + Math.exp(-z));
      }
      return p;
    } finally {
      giveBack();
    }
  }

  return {
    predict,
    dispose: () => {
      recurrent.dispose();
      mem.giveBack(table, vocabulary * g4);
    },
  };
}
