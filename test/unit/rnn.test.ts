import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { orthonormalRows } from '../../src/lstm/cell/init';
import { gaussianArray, mulberry32 } from '../../src/lstm/cell/random';
import {
  frobeniusNorm,
  rnnStep,
  rnnWeights,
  runRnn,
  spectralNorm,
  stateJacobians,
  vectorJacobianProduct,
} from '../../src/lstm/cell/rnn';
import { rnnStateGradientsTf } from '../../src/lstm/cell/rnn-tf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function sequence(T: number, inputSize: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: T }, () => gaussianArray(inputSize, rand));
}

describe('vanilla RNN cell', () => {
  it('equals tf.layers.simpleRNN with the same weights, every step', () => {
    const inputSize = 3;
    const units = 5;
    const T = 7;
    const w = rnnWeights({ inputSize, units, recurrentScale: 1.3, seed: 42 });
    w.bias.set(gaussianArray(units, mulberry32(9), 0.5));
    const xs = sequence(T, inputSize, 4);
    const ours = runRnn(w, xs);

    const layer = tf.layers.simpleRNN({ units, returnSequences: true, activation: 'tanh' });
    const input = tf.tensor3d([xs.map((x) => Array.from(x))], [1, T, inputSize]);
    layer.apply(input); // builds the layer so its weights exist
    layer.setWeights([
      tf.tensor2d(Array.from(w.kernel), [inputSize, units]),
      tf.tensor2d(Array.from(w.recurrentKernel), [units, units]),
      tf.tensor1d(Array.from(w.bias)),
    ]);
    const theirs = (layer.apply(input) as tf.Tensor).arraySync() as number[][][];
    for (let t = 0; t < T; t++) {
      for (let u = 0; u < units; u++) expect(ours[t].h[u]).toBeCloseTo(theirs[0][t][u], 5);
    }
  });

  it('splits z_t into its printed terms', () => {
    const w = rnnWeights({ inputSize: 2, units: 3, seed: 2 });
    w.bias.set([0.1, -0.2, 0.3]);
    const step = rnnStep(w, [0.5, -1], [0.2, 0.1, -0.4]);
    for (let u = 0; u < 3; u++) {
      expect(step.z[u]).toBeCloseTo(step.inputTerm[u] + step.recurrentTerm[u] + w.bias[u], 12);
      expect(step.h[u]).toBeCloseTo(Math.tanh(step.z[u]), 12);
    }
    // W_x x = kernel^T x: check one entry by hand.
    expect(step.inputTerm[1]).toBeCloseTo(0.5 * w.kernel[0 * 3 + 1] + -1 * w.kernel[1 * 3 + 1], 12);
  });

  it('rejects inputs and weights of the wrong size with a clear message', () => {
    const w = rnnWeights({ inputSize: 2, units: 3 });
    expect(() => rnnStep(w, [1, 2, 3], [0, 0, 0])).toThrow(/x_t has 3 numbers, the cell expects 2/);
    expect(() => rnnStep(w, [1, 2], [0, 0])).toThrow(/h_\{t-1\} has 2 numbers/);
    expect(() => runRnn({ ...w, bias: new Float64Array(2) }, [[1, 2]])).toThrow(/bias has 2 numbers, expected 3/);
  });

  it('makes recurrent matrices whose spectral norm is the requested scale', () => {
    const w = rnnWeights({ units: 12, recurrentScale: 0.7, seed: 5 });
    // The kernel is stored transposed; transposing does not change singular values.
    expect(spectralNorm(w.recurrentKernel, 12)).toBeCloseTo(0.7, 6);
    const q = orthonormalRows(6, 6, mulberry32(3));
    // Q Q^T = I.
    for (let a = 0; a < 6; a++) {
      for (let b = 0; b < 6; b++) {
        let dot = 0;
        for (let k = 0; k < 6; k++) dot += q[a * 6 + k] * q[b * 6 + k];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
  });
});

describe('Jacobians dh_T/dh_t', () => {
  it('match tf.grads through the same RNN', () => {
    const units = 6;
    const T = 12;
    const w = rnnWeights({ inputSize: 3, units, recurrentScale: 1.1, seed: 8 });
    const xs = sequence(T, 3, 21);
    const J = stateJacobians(w, runRnn(w, xs));
    const u = gaussianArray(units, mulberry32(77));
    const grads = rnnStateGradientsTf(tf, w, xs, u);
    expect(grads).toHaveLength(T + 1);
    for (let t = 0; t <= T; t++) {
      const ref = vectorJacobianProduct(u, J[t], units);
      const scale = Math.max(...Array.from(ref, Math.abs));
      for (let k = 0; k < units; k++) expect(Math.abs(grads[t][k] - ref[k]) / scale).toBeLessThan(1e-4);
    }
  });

  it('match finite differences of h_T', () => {
    const units = 4;
    const w = rnnWeights({ inputSize: 2, units, recurrentScale: 0.9, seed: 3 });
    const xs = sequence(5, 2, 6);
    const steps = runRnn(w, xs);
    const J = stateJacobians(w, steps);
    // Perturb h_2 and rerun the last three steps from it.
    const t = 2;
    const eps = 1e-6;
    for (let b = 0; b < units; b++) {
      const hPlus = Float64Array.from(steps[t - 1].h);
      const hMinus = Float64Array.from(steps[t - 1].h);
      hPlus[b] += eps;
      hMinus[b] -= eps;
      const plus = runRnn(w, xs.slice(t), hPlus).at(-1)!.h;
      const minus = runRnn(w, xs.slice(t), hMinus).at(-1)!.h;
      for (let a = 0; a < units; a++) expect(J[t][a * units + b]).toBeCloseTo((plus[a] - minus[a]) / (2 * eps), 6);
    }
  });

  it('start from the identity at t = T and vanish with a small W_h', () => {
    const w = rnnWeights({ units: 8, recurrentScale: 0.5, seed: 1 });
    const xs = sequence(30, 4, 2);
    const J = stateJacobians(w, runRnn(w, xs));
    expect(frobeniusNorm(J[30])).toBeCloseTo(Math.sqrt(8), 12);
    const norms = J.map((m) => spectralNorm(m, 8));
    // The bound ||W_h||^(T-t) holds at every distance.
    norms.forEach((n, t) => expect(n).toBeLessThanOrEqual(0.5 ** (30 - t) * (1 + 1e-9)));
    expect(norms[0]).toBeLessThan(1e-9);
  });
});

describe('spectralNorm', () => {
  it('finds the largest singular value of a known matrix', () => {
    // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5).
    expect(spectralNorm(Float64Array.from([3, 0, 4, 5]), 2)).toBeCloseTo(Math.sqrt(45), 10);
    expect(spectralNorm(new Float64Array(4), 2)).toBe(0);
  });

  it('warm-starts from a given vector and hands back the singular vector', () => {
    const start = new Float64Array(2);
    const m = Float64Array.from([3, 0, 4, 5]);
    const cold = spectralNorm(m, 2, { start });
    // The top right singular vector of [[3,0],[4,5]] is (1, 1)/sqrt(2).
    expect(Math.abs(start[0])).toBeCloseTo(Math.SQRT1_2, 6);
    expect(spectralNorm(m, 2, { start, iterations: 2 })).toBeCloseTo(cold, 10);
  });
});
