/**
 * A dense sigmoid readout on a recurrent network's last state, p = σ(h_T · w + b), with binary
 * cross-entropy and their gradients: the classifier head of the memory task (and of Keras's
 * `Dense(1, activation='sigmoid')` with `loss='binary_crossentropy'`).
 */
import { sigmoid } from './activations';
import { expectLength } from './shapes';
import type { Floats } from './weights';

/** A dense sigmoid readout on h_t, p_t = σ(h_t · w + b): the prediction after each word. */
export interface LstmReadout {
  /** Weights w, shape `[units]` (the kernel `[units, 1]` of a `tf.layers.dense` with one unit). */
  w: Floats;
  /** Bias b, a scalar. */
  b: number;
}

/** The logits h · w + b of each row of `h` (`[batch, units]`), shape `[batch]`. */
export function denseLogits(h: Floats, { w, b }: LstmReadout): Float64Array {
  const units = w.length;
  const batch = h.length / units;
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`denseLogits: h must have shape [batch, units=${units}], got ${h.length} numbers.`);
  }
  const out = new Float64Array(batch);
  for (let r = 0; r < batch; r++) {
    let s = b;
    for (let j = 0; j < units; j++) s += h[r * units + j] * w[j];
    out[r] = s;
  }
  return out;
}

/** Mean binary cross-entropy of logits z (`[batch]`) against labels y in {0, 1}, and dL/dz. */
export interface BceResult {
  /** L = mean over the batch of −y log σ(z) − (1 − y) log(1 − σ(z)). */
  loss: number;
  /** dL/dz = (σ(z) − y) / batch, shape `[batch]`. */
  dLogits: Float64Array;
  /** σ(z), shape `[batch]`. */
  probabilities: Float64Array;
  /** Fraction of rows where σ(z) > 0.5 agrees with y. */
  accuracy: number;
}

/**
 * Binary cross-entropy of logits z `[batch]` against labels y `[batch]` (0 or 1), computed as
 * max(z, 0) − z y + log(1 + e^{−|z|}): the same value as from σ(z), without the log of zero that a
 * saturated sigmoid would give.
 */
export function binaryCrossEntropy(logits: Floats, labels: Floats): BceResult {
  const batch = logits.length;
  expectLength(labels, batch, `binaryCrossEntropy: labels [batch=${batch}]`);
  if (batch === 0) throw new Error('binaryCrossEntropy: the batch is empty.');
  const dLogits = new Float64Array(batch);
  const probabilities = new Float64Array(batch);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < batch; r++) {
    const z = logits[r];
    const y = labels[r];
    loss += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    const p = sigmoid(z);
    probabilities[r] = p;
    dLogits[r] = (p - y) / batch;
    if (p > 0.5 === y > 0.5) correct++;
  }
  return { loss: loss / batch, dLogits, probabilities, accuracy: correct / batch };
}

/** Gradients of a dense readout: dL/dw `[units]`, dL/db, and dL/dh `[batch, units]` to send back into the network. */
export interface DenseGradients {
  dw: Float64Array;
  db: number;
  dh: Float64Array;
}

/** Backward pass of {@link denseLogits}, given h (`[batch, units]`) and dL/dz (`[batch]`). */
export function denseBackward(h: Floats, { w }: LstmReadout, dLogits: Floats): DenseGradients {
  const units = w.length;
  const batch = dLogits.length;
  expectLength(h, batch * units, `denseBackward: h [batch=${batch}, units=${units}]`);
  const dw = new Float64Array(units);
  const dh = new Float64Array(batch * units);
  let db = 0;
  for (let r = 0; r < batch; r++) {
    const g = dLogits[r];
    db += g;
    for (let j = 0; j < units; j++) {
      dw[j] += g * h[r * units + j];
      dh[r * units + j] = g * w[j];
    }
  }
  return { dw, db, dh };
}
