/**
 * The same RNN in tfjs, differentiated by tfjs's automatic differentiation: an independent
 * check of the hand-derived Jacobians in rnn.ts. `tf` is passed in so that this module does not
 * pull tfjs into a page that has not asked for it.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import type { RnnWeights } from './rnn';

type Tf = typeof TfNamespace;

/**
 * dL/dh_t for t = 0..T (each `[units]`) where L = u · h_T, by `tf.grads`. Each h_t gets an added
 * zero perturbation e_t, so the gradient with respect to e_t is exactly dL/dh_t.
 */
export function rnnStateGradientsTf(
  tf: Tf,
  w: RnnWeights,
  xs: readonly ArrayLike<number>[],
  u: ArrayLike<number>,
): Float64Array[] {
  const { inputSize, units } = w;
  const grads = tf.tidy(() => {
    const kernel = tf.tensor2d(Array.from(w.kernel), [inputSize, units]);
    const recurrent = tf.tensor2d(Array.from(w.recurrentKernel), [units, units]);
    const bias = tf.tensor1d(Array.from(w.bias));
    const inputs = xs.map((x) => tf.tensor2d(Array.from(x), [1, inputSize]));
    const uT = tf.tensor2d(Array.from(u), [units, 1]);
    const perturbations = Array.from({ length: xs.length + 1 }, () => tf.zeros([1, units]));
    const loss = (...es: TfNamespace.Tensor[]) => {
      let h = es[0] as TfNamespace.Tensor2D;
      inputs.forEach((x, t) => {
        h = tf
          .tanh(tf.add(tf.add(tf.matMul(x, kernel), tf.matMul(h, recurrent)), bias))
          .add(es[t + 1]) as TfNamespace.Tensor2D;
      });
      return tf.matMul(h, uT).reshape([]) as TfNamespace.Scalar;
    };
    return tf
      .grads(loss)(perturbations)
      .map((g) => g.dataSync() as Float32Array);
  });
  return grads.map((g) => Float64Array.from(g));
}
