/** PCA against a known decomposition: data built from known orthogonal directions and variances. */
import { describe, expect, test } from 'vitest';
import { pca, vectorTable } from '../../src/embedding';
import type { VectorTable } from '../../src/embedding';
import { seededRandom } from '../../src/embedding/random.ts';

const dim = 5;

/** Three orthonormal vectors of length `dim`, by Gram-Schmidt on seeded random vectors. */
function orthonormal(count: number, seed: number): Float64Array[] {
  const random = seededRandom(seed);
  const basis: Float64Array[] = [];
  while (basis.length < count) {
    const v = Float64Array.from({ length: dim }, () => random() - 0.5);
    for (const b of basis) {
      const s = v.reduce((acc, x, j) => acc + x * b[j], 0);
      for (let j = 0; j < dim; j++) v[j] -= s * b[j];
    }
    const length = Math.hypot(...v);
    basis.push(v.map((x) => x / length));
  }
  return basis;
}

const [u1, u2, u3] = orthonormal(3, 2024);
const offset = [5, -3, 2, 0.5, 1];
// A full factorial design: every sign combination of (+-3, +-2, +-1) along (u1, u2, u3). The
// coefficient columns have mean 0 and are mutually orthogonal, so the covariance is exactly
// sum of s_i^2 * 8/7 u_i u_i^T: eigenvalues 72/7, 32/7, 8/7 (dividing by n - 1 = 7).
const coefficients: [number, number, number][] = [];
for (const a of [-3, 3]) for (const b of [-2, 2]) for (const c of [-1, 1]) coefficients.push([a, b, c]);

function buildTable(sign = 1): VectorTable {
  const values = new Float32Array(coefficients.length * dim);
  coefficients.forEach(([a, b, c], r) => {
    for (let j = 0; j < dim; j++) values[r * dim + j] = offset[j] + sign * (a * u1[j] + b * u2[j] + c * u3[j]);
  });
  return vectorTable(values, dim);
}

/** `v` flipped so that its largest-magnitude entry is positive, the convention pca promises. */
function signed(v: Float64Array): Float64Array {
  let at = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[at])) at = j;
  return v[at] < 0 ? v.map((x) => -x) : v;
}

describe('pca', () => {
  const result = pca(buildTable());

  test('finds the known variances and explained ratios', () => {
    expect(result.variances).toHaveLength(2);
    expect(result.variances[0]).toBeCloseTo(72 / 7, 4);
    expect(result.variances[1]).toBeCloseTo(32 / 7, 4);
    expect(result.explained[0]).toBeCloseTo(72 / 112, 5);
    expect(result.explained[1]).toBeCloseTo(32 / 112, 5);
  });

  test('finds the known directions, signed by the convention', () => {
    const expected = [signed(u1), signed(u2)];
    result.components.forEach((component, c) => {
      expect(component).toHaveLength(dim);
      component.forEach((x, j) => expect(x).toBeCloseTo(expected[c][j], 5));
    });
  });

  test('recovers the mean and the coordinates along each direction', () => {
    result.mean.forEach((m, j) => expect(m).toBeCloseTo(offset[j], 5));
    const flip = [signed(u1)[0] / u1[0], signed(u2)[0] / u2[0]];
    coefficients.forEach(([a, b], r) => {
      expect(result.coordinates[r * 2]).toBeCloseTo(flip[0] * a, 4);
      expect(result.coordinates[r * 2 + 1]).toBeCloseTo(flip[1] * b, 4);
    });
  });

  test('is deterministic: mirrored data gives the same components and mirrored coordinates', () => {
    const mirrored = pca(buildTable(-1));
    mirrored.components.forEach((component, c) =>
      component.forEach((x, j) => expect(x).toBeCloseTo(result.components[c][j], 5)),
    );
    mirrored.coordinates.forEach((x, i) => expect(x).toBeCloseTo(-result.coordinates[i], 4));
    const again = pca(buildTable());
    expect(Array.from(again.coordinates)).toEqual(Array.from(result.coordinates));
  });

  test('returns all three components on request, orthonormal', () => {
    const three = pca(buildTable(), { components: 3 });
    expect(three.variances[2]).toBeCloseTo(8 / 7, 4);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        const d = three.components[a].reduce((s, x, j) => s + x * three.components[b][j], 0);
        expect(d).toBeCloseTo(a === b ? 1 : 0, 8);
      }
    }
  });

  test('solves the eigenproblem of an independently computed covariance on random data', () => {
    const random = seededRandom(5);
    const rows = 300;
    const d = 12;
    // Anisotropic: each axis scaled differently so that the eigenvalues are well separated.
    const values = Float32Array.from({ length: rows * d }, (_, i) => (random() - 0.5) * (1 + (i % d)));
    const { components, variances } = pca(vectorTable(values, d));
    const mean = Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += values[r * d + j];
      return s / rows;
    });
    const cov = (i: number, j: number): number => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += (values[r * d + i] - mean[i]) * (values[r * d + j] - mean[j]);
      return s / (rows - 1);
    };
    components.forEach((v, c) => {
      for (let i = 0; i < d; i++) {
        let cv = 0;
        for (let j = 0; j < d; j++) cv += cov(i, j) * v[j];
        expect(cv).toBeCloseTo(variances[c] * v[i], 5);
      }
    });
    expect(variances[0]).toBeGreaterThan(variances[1]);
  });

  test('gives zero variance and orthonormal fallback directions for identical rows', () => {
    const flat = pca(vectorTable(Float32Array.from([1, 2, 3, 1, 2, 3, 1, 2, 3]), 3));
    expect(flat.variances).toEqual([0, 0]);
    expect(flat.explained).toEqual([0, 0]);
    expect(Array.from(flat.coordinates)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(flat.components[0])).toEqual([1, 0, 0]);
    expect(Array.from(flat.components[1])).toEqual([0, 1, 0]);
  });

  test('handles rank-one data: the second direction has no variance', () => {
    const line = pca(vectorTable(Float32Array.from([0, 0, 1, 2, 2, 4, 3, 6]), 2));
    expect(line.variances[0]).toBeCloseTo(((0 + 1 + 4 + 9 - 4 * 1.5 ** 2) * 5) / 3, 5);
    expect(line.variances[1]).toBeCloseTo(0, 8);
    expect(line.components[0][0]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(line.components[0][1]).toBeCloseTo(2 / Math.sqrt(5), 6);
  });
});
