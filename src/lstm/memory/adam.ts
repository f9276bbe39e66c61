/**
 * Adam (Kingma and Ba, 2015) on plain arrays, with the same update as `tf.train.adam`:
 *
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,
 *   θ ← θ − η (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 *
 * Each parameter gets a step of about η in the direction of its averaged gradient, whatever the
 * gradient's size: this is why tiny (vanishing) gradients still move a recurrent network's weights,
 * just in a noisy direction.
 */
import { expectLength } from '../cell/shapes';

/** Options of {@link adam}; the defaults are tfjs's and Keras's. */
export interface AdamOptions {
  /** Step size η. */
  learningRate?: number;
  /** Decay of the running mean of gradients. */
  beta1?: number;
  /** Decay of the running mean of squared gradients. */
  beta2?: number;
  /** Added to the root of the second moment, so that a zero gradient divides by no zero. */
  epsilon?: number;
}

/** An Adam optimiser bound to a list of parameter arrays, updated in place. */
export interface Adam {
  /** Applies one update with `grads`, one array per parameter of the same length. */
  step(grads: readonly ArrayLike<number>[]): void;
  /** Number of updates so far (t in the formulas). */
  readonly iterations: number;
}

/** Creates an Adam optimiser for `params` (updated in place by {@link Adam.step}); moments start at zero. */
export function adam(
  params: readonly Float64Array[],
  { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }: AdamOptions = {},
): Adam {
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  let t = 0;
  return {
    get iterations() {
      return t;
    },
    step(grads) {
      if (grads.length !== params.length) {
        throw new Error(`adam: expected ${params.length} gradient arrays, one per parameter, got ${grads.length}.`);
      }
      t++;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      params.forEach((p, k) => {
        const g = grads[k];
        expectLength(g, p.length, `adam: gradient ${k}`);
        const mk = m[k];
        const vk = v[k];
        for (let j = 0; j < p.length; j++) {
          mk[j] = beta1 * mk[j] + (1 - beta1) * g[j];
          vk[j] = beta2 * vk[j] + (1 - beta2) * g[j] * g[j];
          p[j] -= (learningRate * (mk[j] / c1)) / (Math.sqrt(vk[j] / c2) + epsilon);
        }
      });
    },
  };
}
