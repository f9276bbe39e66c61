/**
 * L-BFGS and L2-regularised logistic regression against independent references: a closed-form
 * optimum, Newton's method written out densely here, finite differences, and Rosenbrock's
 * function.
 */
import { describe, expect, test } from 'vitest';
import {
  fitLogisticRegression,
  logisticObjective,
  logisticProbability,
  minimiseLbfgs,
  sigmoid,
  softplus,
  type SparseRows,
} from '../../src/baselines/index.ts';
import { mulberry32 } from '../../src/lstm/cell/random.ts';

/** Sparse rows from a dense row-major matrix (zeros left out). */
function sparse(dense: number[][]): SparseRows {
  const columns = dense[0]?.length ?? 0;
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((v, c) => {
      if (v !== 0) {
        indices.push(c);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: dense.length,
    columns,
    indptr: Uint32Array.from(indptr),
    indices: Uint32Array.from(indices),
    values: Float32Array.from(values),
  };
}

/** The objective written out densely and naively, as a reference. */
function denseObjective(x: number[][], y: number[], l2: number, w: number[], b: number): number {
  let loss = 0;
  x.forEach((row, i) => {
    const z = row.reduce((s, v, c) => s + v * w[c]!, b);
    const p = 1 / (1 + Math.exp(-z));
    loss -= y[i]! * Math.log(p) + (1 - y[i]!) * Math.log(1 - p);
  });
  return loss / x.length + (l2 / 2) * w.reduce((s, v) => s + v * v, 0);
}

describe('softplus and sigmoid', () => {
  test('match their definitions and do not overflow', () => {
    for (const z of [-20, -3, -0.5, 0, 0.5, 3, 20]) {
      expect(softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 12);
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    }
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('logistic objective', () => {
  test('value matches the dense reference and the gradient matches central differences', () => {
    const rand = mulberry32(3);
    const dense = Array.from({ length: 12 }, () =>
      Array.from({ length: 5 }, () => (rand() < 0.5 ? 0 : Math.round((rand() - 0.5) * 8) / 4)),
    );
    const y = dense.map(() => (rand() < 0.5 ? 1 : 0));
    const x = sparse(dense);
    const theta = Float64Array.from({ length: 6 }, () => rand() - 0.5);
    const gradient = new Float64Array(6);
    const l2 = 0.3;
    const value = logisticObjective(x, y, l2, theta, gradient);
    const ref = (t: Float64Array) => denseObjective(dense, y, l2, Array.from(t.subarray(0, 5)), t[5]!);
    expect(value).toBeCloseTo(ref(theta), 6);
    const h = 1e-5;
    for (let k = 0; k < 6; k++) {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[k] += h;
      minus[k] -= h;
      expect(gradient[k]).toBeCloseTo((ref(plus) - ref(minus)) / (2 * h), 6);
    }
  });
});

describe('L-BFGS', () => {
  test("finds the minimum of Rosenbrock's function", async () => {
    const f = (x: Float64Array, g: Float64Array) => {
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = await minimiseLbfgs(f, Float64Array.from([-1.2, 1]), {
      maxIterations: 500,
      gradientTolerance: 1e-9,
    });
    expect(result.reason).toBe('gradient');
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  test('refuses an empty start', async () => {
    await expect(minimiseLbfgs(() => 0, new Float64Array(0))).rejects.toThrow(/empty/);
  });
});

describe('logistic regression', () => {
  test('with no informative feature the bias is the log-odds of the labels (closed form)', async () => {
    // Three positives of four; the only column is always zero.
    const x = sparse([[0], [0], [0], [0]]);
    const model = await fitLogisticRegression(x, [1, 1, 0, 1], { l2: 0.1, gradientTolerance: 1e-10 });
    expect(model.bias).toBeCloseTo(Math.log(3), 8);
    expect(model.weights[0]).toBe(0);
  });

  test("matches Newton's method on a small non-separable problem", async () => {
    const dense = [[-2], [-1], [-0.5], [0], [0.5], [1], [1.5], [2], [3]];
    const y = [0, 0, 1, 0, 1, 0, 1, 1, 1];
    const l2 = 0.2;
    // Newton on (w, b): gradient and the 2 x 2 Hessian written out densely.
    let w = 0;
    let b = 0;
    for (let it = 0; it < 50; it++) {
      let gw = l2 * w;
      let gb = 0;
      let hww = l2;
      let hwb = 0;
      let hbb = 0;
      dense.forEach(([v], i) => {
        const p = 1 / (1 + Math.exp(-(w * v! + b)));
        const n = dense.length;
        gw += ((p - y[i]!) * v!) / n;
        gb += (p - y[i]!) / n;
        hww += (p * (1 - p) * v! * v!) / n;
        hwb += (p * (1 - p) * v!) / n;
        hbb += (p * (1 - p)) / n;
      });
      const det = hww * hbb - hwb * hwb;
      w -= (hbb * gw - hwb * gb) / det;
      b -= (hww * gb - hwb * gw) / det;
    }
    const model = await fitLogisticRegression(sparse(dense), y, { l2, gradientTolerance: 1e-12 });
    expect(model.weights[0]).toBeCloseTo(w, 7);
    expect(model.bias).toBeCloseTo(b, 7);
    expect(model.objective).toBeCloseTo(denseObjective(dense, y, l2, [w], b), 12);
    const p = logisticProbability(model, sparse([[1]]));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-(w + b))), 7);
  });

  test('is deterministic, reports progress, and stops on abort', async () => {
    const rand = mulberry32(5);
    const dense = Array.from({ length: 40 }, () => Array.from({ length: 6 }, () => (rand() < 0.6 ? 0 : rand())));
    const y = dense.map((row) => (row[0]! + row[1]! > 0.6 !== rand() < 0.1 ? 1 : 0));
    const x = sparse(dense);
    const seen: number[] = [];
    const a = await fitLogisticRegression(x, y, { l2: 0.01, onProgress: (d) => seen.push(d) });
    const b = await fitLogisticRegression(x, y, { l2: 0.01 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
    expect(seen).toEqual(Array.from({ length: a.optimiser.iterations }, (_, k) => k + 1));
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(fitLogisticRegression(x, y, { signal: controller.signal })).rejects.toThrow('stopped');
  });

  test('refuses empty input and bad labels', async () => {
    await expect(fitLogisticRegression(sparse([]), [])).rejects.toThrow(/at least one/);
    await expect(fitLogisticRegression(sparse([[1]]), [2])).rejects.toThrow(/not 0 or 1/);
    await expect(fitLogisticRegression(sparse([[1]]), [1, 0])).rejects.toThrow(/labels/);
  });
});
