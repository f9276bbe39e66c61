/**
 * The vanilla RNN's batched forward pass and hand-derived BPTT, checked against the per-sequence
 * cell of chapter 1, against tfjs's automatic differentiation (float32) and against central
 * finite differences (float64).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianArray, mulberry32 } from '../../src/lstm/cell/random';
import { rnnWeights, runRnn, stateJacobians, vectorJacobianProduct, type RnnWeights } from '../../src/lstm/cell/rnn';
import { rnnBackward, runRnnBatch } from '../../src/lstm/cell/rnn-backward';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded weights with a random bias, and T inputs `[batch, inputSize]`. */
function problem(batch: number, time: number, inputSize: number, units: number, seed: number) {
  const w = rnnWeights({ inputSize, units, recurrentScale: 1.2, seed });
  w.bias.set(gaussianArray(units, mulberry32(seed + 1), 0.3));
  const rand = mulberry32(seed + 2);
  const xs = Array.from({ length: time }, () => gaussianArray(batch * inputSize, rand));
  const h0 = gaussianArray(batch * units, mulberry32(seed + 3), 0.5);
  const dh = Array.from({ length: time }, () => gaussianArray(batch * units, rand));
  const dhT = gaussianArray(batch * units, rand);
  return { w, xs, h0, dh, dhT };
}

/** L = Σ_t dh_t · h_t + dhT · h_T, the loss whose gradient rnnBackward computes for these upstream gradients. */
function lossOf(w: RnnWeights, xs: Float64Array[], h0: Float64Array, dh: Float64Array[], dhT: Float64Array): number {
  const run = runRnnBatch(w, xs, { h0 });
  let l = 0;
  run.hs.forEach((h, t) => h.forEach((v, k) => (l += v * dh[t][k])));
  run.h.forEach((v, k) => (l += v * dhT[k]));
  return l;
}

describe('runRnnBatch', () => {
  it('computes every row as runRnn computes each sequence alone', () => {
    const batch = 3;
    const { w, xs } = problem(batch, 6, 2, 4, 10);
    const run = runRnnBatch(w, xs);
    for (let b = 0; b < batch; b++) {
      const alone = runRnn(
        w,
        xs.map((x) => x.subarray(b * 2, b * 2 + 2)),
      );
      alone.forEach((s, t) => s.h.forEach((v, u) => expect(run.hs[t][b * 4 + u]).toBeCloseTo(v, 14)));
    }
    expect(run.h).toBe(run.hs[5]);
  });

  it('rejects empty sequences and wrong shapes with a clear message', () => {
    const w = rnnWeights({ inputSize: 2, units: 3 });
    expect(() => runRnnBatch(w, [])).toThrow(/empty/);
    expect(() => runRnnBatch(w, [new Float64Array(3)])).toThrow(/x_1 must have shape \[batch, inputSize=2\]/);
    expect(() => runRnnBatch(w, [new Float64Array(2), new Float64Array(4)])).toThrow(/x_2 .* needs 2 numbers, got 4/);
    expect(() => runRnnBatch(w, [new Float64Array(2)], { h0: new Float64Array(2) })).toThrow(/h0 .* needs 3 numbers/);
  });
});

describe('rnnBackward', () => {
  it('equals tf.grad through the same RNN (weights, inputs and h0)', () => {
    const batch = 2;
    const time = 8;
    const inputSize = 3;
    const units = 5;
    const { w, xs, h0, dh, dhT } = problem(batch, time, inputSize, units, 40);
    const g = rnnBackward(w, runRnnBatch(w, xs, { h0 }), { dh, dhT });

    const tensors = tf.tidy(() => {
      const f = (kernel: tf.Tensor, recurrent: tf.Tensor, bias: tf.Tensor, h0t: tf.Tensor, ...inputs: tf.Tensor[]) => {
        let h = h0t as tf.Tensor2D;
        let loss = tf.scalar(0);
        inputs.forEach((x, t) => {
          h = tf.tanh(
            tf.add(
              tf.add(tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D), tf.matMul(h, recurrent as tf.Tensor2D)),
              bias,
            ),
          ) as tf.Tensor2D;
          loss = loss.add(tf.sum(tf.mul(h, tf.tensor2d(Array.from(dh[t]), [batch, units]))));
        });
        return loss.add(tf.sum(tf.mul(h, tf.tensor2d(Array.from(dhT), [batch, units])))) as tf.Scalar;
      };
      const args = [
        tf.tensor2d(Array.from(w.kernel), [inputSize, units]),
        tf.tensor2d(Array.from(w.recurrentKernel), [units, units]),
        tf.tensor1d(Array.from(w.bias)),
        tf.tensor2d(Array.from(h0), [batch, units]),
        ...xs.map((x) => tf.tensor2d(Array.from(x), [batch, inputSize])),
      ];
      return tf.grads(f)(args);
    });
    const grads = tensors.map((t) => Float64Array.from(t.dataSync()));
    tf.dispose(tensors);
    const [dK, dR, dB, dH0, ...dX] = grads;
    const close = (ours: Float64Array, theirs: Float64Array) => {
      const scale = Math.max(1, ...Array.from(theirs, Math.abs));
      expect(ours).toHaveLength(theirs.length);
      ours.forEach((v, k) => expect(Math.abs(v - theirs[k]) / scale).toBeLessThan(1e-4));
    };
    close(g.dKernel, dK);
    close(g.dRecurrentKernel, dR);
    close(g.dBias, dB);
    close(g.dh0, dH0);
    g.dx.forEach((d, t) => close(d, dX[t]));
  });

  it('equals central finite differences in float64', () => {
    const { w, xs, h0, dh, dhT } = problem(2, 5, 2, 3, 7);
    const g = rnnBackward(w, runRnnBatch(w, xs, { h0 }), { dh, dhT });
    const eps = 1e-6;
    const check = (a: Float64Array, grad: Float64Array) =>
      a.forEach((v, k) => {
        a[k] = v + eps;
        const up = lossOf(w, xs, h0, dh, dhT);
        a[k] = v - eps;
        const down = lossOf(w, xs, h0, dh, dhT);
        a[k] = v;
        expect(grad[k]).toBeCloseTo((up - down) / (2 * eps), 7);
      });
    check(w.kernel, g.dKernel);
    check(w.recurrentKernel, g.dRecurrentKernel);
    check(w.bias, g.dBias);
    check(h0, g.dh0);
    xs.forEach((x, t) => check(x, g.dx[t]));
  });

  it("gives the same dL/dh_t as chapter 1's Jacobians for a loss on h_T", () => {
    const units = 6;
    const w = rnnWeights({ inputSize: 3, units, recurrentScale: 0.9, seed: 8 });
    const rand = mulberry32(3);
    const xs = Array.from({ length: 10 }, () => gaussianArray(3, rand));
    const u = gaussianArray(units, mulberry32(4));
    const g = rnnBackward(w, runRnnBatch(w, xs), { dhT: u });
    const J = stateJacobians(w, runRnn(w, xs));
    const fromJacobians = J.map((m) => vectorJacobianProduct(u, m, units));
    [g.dh0, ...g.dH].forEach((d, t) => d.forEach((v, k) => expect(v).toBeCloseTo(fromJacobians[t][k], 12)));
  });

  it('is all zeros without an upstream gradient, and rejects wrong shapes', () => {
    const { w, xs } = problem(1, 3, 2, 2, 9);
    const run = runRnnBatch(w, xs);
    const g = rnnBackward(w, run);
    for (const a of [g.dKernel, g.dRecurrentKernel, g.dBias, g.dh0, ...g.dx])
      expect(a.every((v) => v === 0)).toBe(true);
    expect(() => rnnBackward(w, run, { dh: [new Float64Array(2)] })).toThrow(/one gradient per step \(3\), got 1/);
    expect(() => rnnBackward(w, run, { dhT: new Float64Array(3) })).toThrow(/dhT .* needs 2 numbers, got 3/);
    expect(() => rnnBackward(rnnWeights({ inputSize: 3, units: 2 }), run)).toThrow(
      /inputSize=2, units=2 but the weights have inputSize=3/,
    );
  });
});
