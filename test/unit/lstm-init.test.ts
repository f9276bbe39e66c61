/** The seeded initialiser: reproducible, Keras-shaped and Keras-distributed. */
import { describe, expect, test } from 'vitest';
import { glorotUniform, initLstmWeights, mulberry32, orthonormalRows } from '../../src/lstm';

/** Largest |M M^T - I| entry for the rows of a row-major `[rows, cols]` matrix. */
function rowGramError(m: ArrayLike<number>, rows: number, cols: number): number {
  let worst = 0;
  for (let a = 0; a < rows; a++) {
    for (let b = 0; b < rows; b++) {
      let dot = 0;
      for (let k = 0; k < cols; k++) dot += m[a * cols + k] * m[b * cols + k];
      worst = Math.max(worst, Math.abs(dot - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

describe('initLstmWeights', () => {
  test('has the tf.layers.lstm shapes and is float32', () => {
    const w = initLstmWeights({ inputDim: 5, units: 3 });
    expect(w.kernel).toBeInstanceOf(Float32Array);
    expect(w.kernel).toHaveLength(5 * 12);
    expect(w.recurrentKernel).toHaveLength(3 * 12);
    expect(w.bias).toHaveLength(12);
  });

  test('the same seed gives the same weights, another seed others', () => {
    const a = initLstmWeights({ inputDim: 4, units: 8, seed: 42 });
    expect(initLstmWeights({ inputDim: 4, units: 8, seed: 42 })).toEqual(a);
    expect(initLstmWeights({ inputDim: 4, units: 8, seed: 43 }).kernel).not.toEqual(a.kernel);
  });

  test('the kernel is Glorot-uniform on ±sqrt(6 / (inputDim + 4 units))', () => {
    const w = initLstmWeights({ inputDim: 128, units: 64, seed: 3 });
    const limit = Math.sqrt(6 / (128 + 256));
    const values = Array.from(w.kernel);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(limit);
    // A uniform distribution on ±limit has variance limit² / 3 and fills the whole interval.
    const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
    expect(variance / ((limit * limit) / 3)).toBeCloseTo(1, 1);
    expect(Math.max(...values)).toBeGreaterThan(0.99 * limit);
  });

  test('the recurrent kernel has orthonormal rows, like Keras Orthogonal on [units, 4 units]', () => {
    const w = initLstmWeights({ inputDim: 2, units: 64, seed: 5 });
    expect(rowGramError(w.recurrentKernel, 64, 256)).toBeLessThan(1e-6);
  });

  test('the bias is zero except a forget block of ones, unless unitForgetBias is false', () => {
    expect(Array.from(initLstmWeights({ inputDim: 1, units: 2 }).bias)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(initLstmWeights({ inputDim: 1, units: 2, unitForgetBias: false }).bias)).toEqual(
      new Array(8).fill(0),
    );
  });

  test('builds a 128-unit layer in well under a second', () => {
    const start = performance.now();
    initLstmWeights({ inputDim: 64, units: 128 });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  test('rejects sizes that are not positive integers', () => {
    expect(() => initLstmWeights({ units: 0 })).toThrow(/positive integers/);
    expect(() => initLstmWeights({ inputDim: 2.5 })).toThrow(/positive integers/);
  });
});

describe('orthonormalRows and glorotUniform', () => {
  test('a tall matrix gets orthonormal columns', () => {
    const m = orthonormalRows(7, 3, mulberry32(1));
    // Columns of m are rows of its transpose.
    const t = new Float64Array(21);
    for (let r = 0; r < 7; r++) for (let c = 0; c < 3; c++) t[c * 7 + r] = m[r * 3 + c];
    expect(rowGramError(t, 3, 7)).toBeLessThan(1e-12);
  });

  test('a square matrix is orthogonal', () => {
    expect(rowGramError(orthonormalRows(16, 16, mulberry32(2)), 16, 16)).toBeLessThan(1e-12);
  });

  test('glorotUniform stays inside its limit', () => {
    const m = glorotUniform(10, 30, mulberry32(3));
    expect(Math.max(...Array.from(m, Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 40));
  });
});
