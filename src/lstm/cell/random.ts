/**
 * Seeded randomness, so that every widget and test draws the same numbers on every machine.
 */

/** A seeded uniform generator on [0, 1) (mulberry32: tiny, fast, good enough for weights). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample from a uniform generator (Box-Muller). */
export function gaussian(rand: () => number): number {
  // 1 - u keeps the logarithm finite: rand() may return 0 but never 1.
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A 32-bit seed from a string (FNV-1a), so that a word always maps to the same numbers. */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `n` independent normal samples times `scale`, as a Float64Array of shape `[n]`. */
export function gaussianArray(n: number, rand: () => number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = gaussian(rand) * scale;
  return out;
}

/** A fixed random vector for a word, of shape `[dim]`: the same word always gets the same vector. */
export function wordVector(word: string, dim: number, scale = 1): Float64Array {
  return gaussianArray(dim, mulberry32(seedFromString(word)), scale);
}
