/**
 * A small seeded random number generator, so that every random choice in this folder (the
 * skip-gram initialiser, negative samples, subsampling, shuffling) repeats exactly for a seed.
 * It is internal to the folder and deliberately not re-exported from `index.ts`.
 */
import { mulberry32 } from '../lstm/cell/random.ts';

/** Returns a function giving uniform numbers in [0, 1) from a 32-bit seed: the kit's mulberry32. */
export function seededRandom(seed = 0): () => number {
  return mulberry32(seed);
}

/** Shuffles two equally long arrays in place by the same Fisher-Yates permutation, driven by `random`. */
export function shuffleTogether(a: Int32Array, b: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const ta = a[i];
    a[i] = a[j];
    a[j] = ta;
    const tb = b[i];
    b[i] = b[j];
    b[j] = tb;
  }
}
