/**
 * The hand-derived backward pass against central finite differences in float64: a second
 * reference beside tfjs, and the only one for a single step (tfjs cannot differentiate that).
 */
import { describe, expect, test } from 'vitest';
import { initLstmWeights, lstmBackward, mulberry32, runLstm } from '../../src/lstm';
import type { LstmWeights } from '../../src/lstm';

function uniform(n: number, seed: number, scale = 1): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** Float64 copies of seeded weights with a random bias, so finite differences are not swamped by rounding. */
function weightsFor(inputDim: number, units: number, seed: number): LstmWeights {
  const w = initLstmWeights({ inputDim, units, seed });
  return {
    inputDim,
    units,
    kernel: Float64Array.from(w.kernel),
    recurrentKernel: Float64Array.from(w.recurrentKernel),
    bias: uniform(4 * units, seed + 1, 0.5),
  };
}

/** Sets up a loss L = Σ_t A_t · h_t + B · C_T + D · h_T over a seeded problem. */
function problem(batch: number, time: number, inputDim: number, units: number, seed: number) {
  const weights = weightsFor(inputDim, units, seed);
  const xs = Array.from({ length: time }, (_, t) => uniform(batch * inputDim, seed + 10 + t));
  const h0 = uniform(batch * units, seed + 2, 0.5);
  const c0 = uniform(batch * units, seed + 3, 2);
  const dh = Array.from({ length: time }, (_, t) => uniform(batch * units, seed + 100 + t));
  const dcT = uniform(batch * units, seed + 4);
  const dhT = uniform(batch * units, seed + 5);
  const loss = () => {
    const run = runLstm(weights, xs, { h0, c0 });
    let l = 0;
    run.steps.forEach((s, t) => s.h.forEach((v, k) => (l += v * dh[t][k])));
    run.c.forEach((v, k) => (l += v * dcT[k]));
    run.h.forEach((v, k) => (l += v * dhT[k]));
    return l;
  };
  return { weights, xs, h0, c0, dh, dcT, dhT, loss };
}

/** dL/da by central differences, nudging each entry of `a` in place and restoring it. */
function numericGradient(a: Float64Array, loss: () => number, eps = 1e-6): Float64Array {
  return a.map((v, k) => {
    a[k] = v + eps;
    const up = loss();
    a[k] = v - eps;
    const down = loss();
    a[k] = v;
    return (up - down) / (2 * eps);
  });
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance = 1e-7) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, k) =>
    expect(Math.abs(v - expected[k])).toBeLessThan(tolerance * Math.max(1, Math.abs(expected[k]))),
  );
}

describe('lstmBackward equals finite differences', () => {
  const shapes = [
    { batch: 2, time: 4, inputDim: 3, units: 2 },
    { batch: 1, time: 1, inputDim: 2, units: 3 },
    { batch: 3, time: 1, inputDim: 1, units: 1 },
    { batch: 1, time: 6, inputDim: 1, units: 1 },
  ];
  shapes.forEach(({ batch, time, inputDim, units }, n) => {
    test(`batch ${batch}, ${time} steps, ${inputDim} inputs, ${units} units`, () => {
      const p = problem(batch, time, inputDim, units, 1000 * n);
      const run = runLstm(p.weights, p.xs, { h0: p.h0, c0: p.c0 });
      const g = lstmBackward(p.weights, run, { dh: p.dh, dhT: p.dhT, dcT: p.dcT });
      expectClose(g.dKernel, numericGradient(p.weights.kernel as Float64Array, p.loss));
      expectClose(g.dRecurrentKernel, numericGradient(p.weights.recurrentKernel as Float64Array, p.loss));
      expectClose(g.dBias, numericGradient(p.weights.bias as Float64Array, p.loss));
      p.xs.forEach((x, t) => expectClose(g.dx[t], numericGradient(x, p.loss)));
      expectClose(g.dh0, numericGradient(p.h0, p.loss));
      expectClose(g.dc0, numericGradient(p.c0, p.loss));
    });
  });
});

describe('lstmBackward', () => {
  test('with no upstream gradient every gradient is zero', () => {
    const p = problem(2, 3, 2, 2, 5);
    const g = lstmBackward(p.weights, runLstm(p.weights, p.xs));
    for (const a of [g.dKernel, g.dRecurrentKernel, g.dBias, g.dh0, g.dc0, ...g.dx])
      expect(a.every((v) => v === 0)).toBe(true);
  });

  test('missing dh entries count as zero', () => {
    const p = problem(1, 3, 2, 2, 6);
    const run = runLstm(p.weights, p.xs);
    const zero = new Float64Array(2);
    const a = lstmBackward(p.weights, run, { dh: [null, p.dh[1], undefined] });
    const b = lstmBackward(p.weights, run, { dh: [zero, p.dh[1], zero] });
    expect(a).toEqual(b);
  });

  test('the cell-state gradient flows back scaled by the forget gate only', () => {
    // With a loss on C_T alone and the output path shut (dh = 0), δC_{t-1} = δC_t ⊙ f_t.
    const p = problem(1, 4, 2, 3, 7);
    const run = runLstm(p.weights, p.xs);
    const g = lstmBackward(p.weights, run, { dcT: p.dcT });
    for (let t = 1; t < 4; t++) {
      g.dC[t].forEach((v, k) =>
        expect(g.dC[t - 1][k] - v * run.steps[t].f[k]).toBeCloseTo(
          g.dH[t - 1][k] * run.steps[t - 1].o[k] * (1 - run.steps[t - 1].tanhC[k] ** 2),
          12,
        ),
      );
    }
    g.dC[0].forEach((v, k) => expect(g.dc0[k]).toBeCloseTo(v * run.steps[0].f[k], 14));
  });

  test('rejects gradients of the wrong shape with a clear error', () => {
    const p = problem(2, 3, 2, 2, 8);
    const run = runLstm(p.weights, p.xs);
    expect(() => lstmBackward(p.weights, run, { dh: p.dh.slice(1) })).toThrow(
      /dh must hold one gradient per step \(3\), got 2/,
    );
    expect(() => lstmBackward(p.weights, run, { dh: [p.dh[0], new Float64Array(3), p.dh[2]] })).toThrow(
      /dh\[1\] \[batch=2, units=2\] needs 4 numbers, got 3/,
    );
    expect(() => lstmBackward(p.weights, run, { dhT: new Float64Array(1) })).toThrow(/dhT .* needs 4 numbers/);
    expect(() => lstmBackward(p.weights, run, { dcT: new Float64Array(5) })).toThrow(/dcT .* needs 4 numbers/);
    const other = weightsFor(3, 2, 1);
    expect(() => lstmBackward(other, run)).toThrow(
      /the run has inputDim=2, units=2 but the weights have inputDim=3, units=2/,
    );
  });
});
