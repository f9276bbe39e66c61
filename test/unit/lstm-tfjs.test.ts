/**
 * The kit's LSTM against an independent reference: `tf.layers.lstm` (CPU backend, float32) for
 * the forward pass and tfjs's automatic differentiation for the backward pass.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  initLstmWeights,
  lstmBackward,
  lstmWeightsFromTfjs,
  mulberry32,
  runLstm,
  splitTime,
  stackTime,
} from '../../src/lstm';
import type { LstmWeights } from '../../src/lstm';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded uniform numbers on [-scale, scale], float32 so that tfjs sees exactly the same values. */
function uniform(n: number, seed: number, scale = 1): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** Largest |a - b| over two arrays of equal length. */
function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

/** Largest |a - b| / max(1, |b|): absolute near zero, relative for large gradients. */
function maxScaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(b[k])));
  return m;
}

/** A tfjs LSTM layer returning the whole sequence and both states, holding the kit's `weights`. */
function tfLstm(weights: LstmWeights, recurrentActivation: 'sigmoid' | 'hardSigmoid' = 'sigmoid') {
  const { inputDim, units } = weights;
  const layer = tf.layers.lstm({
    units,
    returnSequences: true,
    returnState: true,
    recurrentActivation,
    // The default orthogonal initialiser takes seconds; the weights are replaced right away.
    recurrentInitializer: 'zeros',
  });
  // Applying the layer once builds it (calling build() directly leaves the RNN unbuilt and the
  // next apply() builds its cell a second time).
  tf.tidy(() => {
    layer.apply(tf.zeros([1, 1, inputDim]));
  });
  // setWeights copies the values into the layer's variables, so the tensors are freed by tidy.
  tf.tidy(() =>
    layer.setWeights([
      // tfjs takes no Float64Array; the kit's seeded weights are float32 already, so nothing is lost.
      tf.tensor2d(Float32Array.from(weights.kernel), [inputDim, 4 * units]),
      tf.tensor2d(Float32Array.from(weights.recurrentKernel), [units, 4 * units]),
      tf.tensor1d(Float32Array.from(weights.bias)),
    ]),
  );
  return layer;
}

interface Case {
  name: string;
  batch: number;
  time: number;
  inputDim: number;
  units: number;
  withState: boolean;
}

const cases: Case[] = [
  {
    name: 'batch 3, 7 steps, 4 inputs, 5 units, given h0 and c0',
    batch: 3,
    time: 7,
    inputDim: 4,
    units: 5,
    withState: true,
  },
  { name: 'batch 1, 5 steps, 3 inputs, 1 unit', batch: 1, time: 5, inputDim: 3, units: 1, withState: false },
  { name: 'batch 2, 1 step, 1 input, 6 units', batch: 2, time: 1, inputDim: 1, units: 6, withState: true },
  { name: 'batch 2, 30 steps, 16 inputs, 32 units', batch: 2, time: 30, inputDim: 16, units: 32, withState: false },
];

/** Seeded weights (with a random bias, so every gate block is exercised), inputs and states. */
function makeCase({ batch, time, inputDim, units, withState }: Case, seed: number) {
  const weights = initLstmWeights({ inputDim, units, seed });
  weights.bias = uniform(4 * units, seed + 1, 0.5);
  const x = uniform(batch * time * inputDim, seed + 2); // [batch, time, inputDim]
  const h0 = withState ? uniform(batch * units, seed + 3, 0.5) : new Float32Array(batch * units);
  const c0 = withState ? uniform(batch * units, seed + 4, 2) : new Float32Array(batch * units);
  return { weights, x, h0, c0 };
}

describe('forward pass equals tf.layers.lstm (recurrentActivation: sigmoid)', () => {
  cases.forEach((c, n) => {
    test(c.name, () => {
      const { batch, time, inputDim, units } = c;
      const { weights, x, h0, c0 } = makeCase(c, 100 * n);
      const run = runLstm(weights, splitTime(x, [batch, time, inputDim]), { h0, c0 });

      const layer = tfLstm(weights);
      const [seq, hT, cT] = tf.tidy(() =>
        (
          layer.apply(tf.tensor3d(x, [batch, time, inputDim]), {
            initialState: [tf.tensor2d(h0, [batch, units]), tf.tensor2d(c0, [batch, units])],
          }) as tf.Tensor[]
        ).map((t) => t.dataSync()),
      );
      layer.dispose();

      // tfjs computes in float32, the kit in float64 from the same float32 numbers: the
      // differences are float32 rounding, about 1e-7 per operation.
      expect(
        maxAbsDiff(
          stackTime(
            run.steps.map((s) => s.h),
            batch,
          ),
          seq,
        ),
      ).toBeLessThan(1e-5);
      expect(maxAbsDiff(run.h, hT)).toBeLessThan(1e-5);
      expect(maxAbsDiff(run.c, cT)).toBeLessThan(1e-5);
    });
  });

  test('the comparison is sharp: the tfjs default hardSigmoid gives clearly different numbers', () => {
    const c = cases[0];
    const { weights, x } = makeCase(c, 0);
    const run = runLstm(weights, splitTime(x, [c.batch, c.time, c.inputDim]));
    const layer = tfLstm(weights, 'hardSigmoid');
    const seq = tf.tidy(() =>
      (layer.apply(tf.tensor3d(x, [c.batch, c.time, c.inputDim])) as tf.Tensor[])[0].dataSync(),
    );
    layer.dispose();
    expect(
      maxAbsDiff(
        stackTime(
          run.steps.map((s) => s.h),
          c.batch,
        ),
        seq,
      ),
    ).toBeGreaterThan(1e-3);
  });

  test('weights read from a tfjs layer with lstmWeightsFromTfjs give the same numbers back', () => {
    const weights = initLstmWeights({ inputDim: 3, units: 4, seed: 9 });
    const layer = tfLstm(weights);
    const read = lstmWeightsFromTfjs(layer.getWeights());
    layer.dispose();
    expect(read.inputDim).toBe(3);
    expect(read.units).toBe(4);
    expect(Array.from(read.kernel)).toEqual(Array.from(weights.kernel));
    expect(Array.from(read.recurrentKernel)).toEqual(Array.from(weights.recurrentKernel));
    expect(Array.from(read.bias)).toEqual(Array.from(weights.bias));
  });

  test('lstmWeightsFromTfjs rejects arrays that are not an LSTM layer with a clear error', () => {
    const t = (...shape: number[]) => ({ shape, dataSync: () => new Float32Array(shape.reduce((a, b) => a * b, 1)) });
    expect(() => lstmWeightsFromTfjs([t(3, 8)])).toThrow(/expected \[kernel, recurrentKernel, bias\]/);
    expect(() => lstmWeightsFromTfjs([t(3, 10), t(2, 10), t(10)])).toThrow(/must have 4 \* units columns/);
    expect(() => lstmWeightsFromTfjs([t(3, 8), t(3, 8), t(8)])).toThrow(/recurrent kernel must have shape \[2, 8\]/);
    expect(() => lstmWeightsFromTfjs([t(3, 8), t(2, 8), t(4)])).toThrow(/bias \[4\*units=8\] needs 8 numbers, got 4/);
    expect(() => lstmWeightsFromTfjs([t(24), t(2, 8), t(8)])).toThrow(/must be 2-D/);
  });

  test('a layer without bias reads as a zero bias', () => {
    const layer = tf.layers.lstm({ units: 2, useBias: false, recurrentInitializer: 'zeros' });
    tf.tidy(() => {
      layer.apply(tf.zeros([1, 1, 3]));
    });
    const read = lstmWeightsFromTfjs(layer.getWeights());
    layer.dispose();
    expect(Array.from(read.bias)).toEqual(new Array(8).fill(0));
  });
});

describe('backward pass equals tfjs automatic differentiation', () => {
  // tfjs 4.22 cannot differentiate its LSTM over a single step (the gradient of its Unpack op
  // receives one tensor instead of a list and throws), so the one-step case is checked against
  // finite differences in lstm-backward.test.ts instead.
  cases.forEach((c, n) => {
    if (c.time === 1) return;
    test(c.name, () => {
      const { batch, time, inputDim, units } = c;
      const { weights, x, h0, c0 } = makeCase(c, 100 * n + 50);
      // L = Σ_t A_t · h_t + B · C_T + D · h_T: every step's output, the final cell state and the
      // returned hidden state each carry a gradient of their own.
      const a = uniform(batch * time * units, 100 * n + 60); // [batch, time, units]
      const bc = uniform(batch * units, 100 * n + 61);
      const d = uniform(batch * units, 100 * n + 62);

      const run = runLstm(weights, splitTime(x, [batch, time, inputDim]), { h0, c0 });
      const grads = lstmBackward(weights, run, { dh: splitTime(a, [batch, time, units]), dhT: d, dcT: bc });

      const layer = tfLstm(weights);
      const xv = tf.variable(tf.tensor3d(x, [batch, time, inputDim]), true, `x${n}`);
      const h0v = tf.variable(tf.tensor2d(h0, [batch, units]), true, `h0_${n}`);
      const c0v = tf.variable(tf.tensor2d(c0, [batch, units]), true, `c0_${n}`);
      const [kernelV, recurrentV, biasV] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const expected = tf.tidy(() => {
        const aT = tf.tensor3d(a, [batch, time, units]);
        const bT = tf.tensor2d(bc, [batch, units]);
        const dT = tf.tensor2d(d, [batch, units]);
        const { grads: g } = tf.variableGrads(() => {
          const [seq, hT, cT] = layer.apply(xv, { initialState: [h0v, c0v] }) as tf.Tensor[];
          return tf.addN([tf.sum(tf.mul(seq, aT)), tf.sum(tf.mul(cT, bT)), tf.sum(tf.mul(hT, dT))]) as tf.Scalar;
        }, [kernelV, recurrentV, biasV, xv, h0v, c0v]);
        return {
          kernel: g[kernelV.name].dataSync(),
          recurrentKernel: g[recurrentV.name].dataSync(),
          bias: g[biasV.name].dataSync(),
          x: g[xv.name].dataSync(),
          h0: g[h0v.name].dataSync(),
          c0: g[c0v.name].dataSync(),
        };
      });
      [xv, h0v, c0v].forEach((v) => v.dispose());
      layer.dispose();

      expect(maxScaledDiff(grads.dKernel, expected.kernel)).toBeLessThan(1e-4);
      expect(maxScaledDiff(grads.dRecurrentKernel, expected.recurrentKernel)).toBeLessThan(1e-4);
      expect(maxScaledDiff(grads.dBias, expected.bias)).toBeLessThan(1e-4);
      expect(maxScaledDiff(stackTime(grads.dx, batch), expected.x)).toBeLessThan(1e-4);
      expect(maxScaledDiff(grads.dh0, expected.h0)).toBeLessThan(1e-4);
      expect(maxScaledDiff(grads.dc0, expected.c0)).toBeLessThan(1e-4);
      // Gradients this small would make the comparison empty.
      expect(Math.max(...Array.from(expected.kernel, Math.abs))).toBeGreaterThan(1e-2);
    });
  });
});
