/** The squashing functions of recurrent cells and their derivatives, as the chapters write them. */

/** The logistic sigmoid σ(z) = 1 / (1 + e^{-z}), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ'(z) = σ(z) (1 - σ(z)); at most 1/4, reached at z = 0. */
export function sigmoidDerivative(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

/** tanh'(z) = 1 - tanh(z)^2; at most 1, reached at z = 0. */
export function tanhDerivative(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}

/** Evenly spaced samples of `f` on [lo, hi], for plotting: `n` points including both ends. */
export function sampleCurve(f: (z: number) => number, lo: number, hi: number, n = 161): { z: number; y: number }[] {
  const out: { z: number; y: number }[] = [];
  for (let k = 0; k < n; k++) {
    const z = lo + ((hi - lo) * k) / (n - 1);
    out.push({ z, y: f(z) });
  }
  return out;
}
