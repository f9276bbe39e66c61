/**
 * The fused LSTM against an independent reference: `tf.layers.lstm` (recurrentActivation
 * 'sigmoid', the same weights) for the forward pass and tfjs's automatic differentiation through
 * it for the gradients, on the cpu and wasm backends.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from '../../src/lstm/fast/fused-cell';
import { fusedLstmTuning, dropoutMask, dropoutStream, FusedLstm, fusedLstm } from '../../src/lstm/fast/fused-layer';
import { mulberry32 } from '../../src/lstm/cell/random';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const B = 3;
const T = 5;
const D = 4;
// 6 units run the step arithmetic in TypeScript; 8 (a multiple of 4) in WebAssembly SIMD.
const U = 6;
const U_SIMD = 8;

/** Seeded uniform numbers on [-scale, scale]. */
function uniform(n: number, seed: number, scale = 1): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** Largest |a - b| / max(1, |b|): absolute near zero, relative for large values. */
function maxScaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!) / Math.max(1, Math.abs(b[k]!)));
  return m;
}

/** A fused layer and a tfjs LSTM holding the same (seeded, non-trivial) weights, both built. */
function pair(returnSequences: boolean, extra: Record<string, unknown> = {}, units = U) {
  const fused = fusedLstm({ units, returnSequences, seed: 5, ...extra });
  const reference = tf.layers.lstm({
    units,
    returnSequences,
    recurrentActivation: 'sigmoid',
    // The default orthogonal initialiser takes seconds; the weights are replaced right away.
    recurrentInitializer: 'zeros',
    ...extra,
  });
  tf.tidy(() => {
    fused.apply(tf.zeros([1, T, D]));
    reference.apply(tf.zeros([1, T, D]));
    // The seeded bias is zero but for the forget block: perturb it so that every gate is tested.
    const [kernel, recurrent] = fused.getWeights();
    const weights = [kernel!, recurrent!, tf.tensor1d(uniform(4 * units, 11, 0.5))];
    fused.setWeights(weights);
    reference.setWeights(weights);
  });
  return { fused, reference };
}

/** A scalar loss with a different weight on every output, so that no gradient is trivially shared. */
function lossOf(y: tf.Tensor): tf.Scalar {
  return tf.sum(tf.mul(y, tf.tensor(uniform(y.size, 21), y.shape)));
}

/** Gradients of the loss w.r.t. kernel, recurrent kernel, bias and the input. */
function gradients(layer: tf.layers.Layer, x: tf.Tensor, kwargs: Record<string, unknown> = {}): Float32Array[] {
  return tf.tidy(() => {
    // The input as a variable: one call of the layer gives every gradient (and draws one set of
    // dropout masks).
    const input = tf.variable(x);
    const vars = [...layer.trainableWeights.map((w) => w.read() as tf.Variable), input];
    const { grads } = tf.variableGrads(() => lossOf(layer.apply(input, kwargs) as tf.Tensor), vars);
    const out = vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
    input.dispose();
    return out;
  });
}

describe.each([
  ['cpu', U],
  ['wasm', U],
  ['cpu', U_SIMD],
  ['wasm', U_SIMD],
] as const)('FusedLstm on %s with %i units', (backend, units) => {
  it.each([true, false])('outputs what tf.layers.lstm outputs (returnSequences %s)', async (returnSequences) => {
    await tf.setBackend(backend);
    const { fused, reference } = pair(returnSequences, {}, units);
    const x = tf.tensor3d(uniform(B * T * D, 3, 2), [B, T, D]);
    const got = tf.tidy(() => (fused.apply(x) as tf.Tensor).dataSync());
    const want = tf.tidy(() => (reference.apply(x) as tf.Tensor).dataSync());
    expect(got.length).toBe(returnSequences ? B * T * units : B * units);
    expect(maxScaledDiff(got, want)).toBeLessThan(1e-5);
    tf.dispose([x, ...fused.weights.map((w) => w.read()), ...reference.weights.map((w) => w.read())]);
  });

  it.each([true, false])('has the gradients tfjs computes through tf.layers.lstm (returnSequences %s)', async (seq) => {
    await tf.setBackend(backend);
    const { fused, reference } = pair(seq, {}, units);
    const x = tf.tensor3d(uniform(B * T * D, 4, 2), [B, T, D]);
    const got = gradients(fused, x);
    const want = gradients(reference, x);
    ['kernel', 'recurrent kernel', 'bias', 'input'].forEach((name, k) => {
      expect(maxScaledDiff(got[k]!, want[k]!), name).toBeLessThan(1e-4);
    });
    x.dispose();
  });
});

describe('FusedLstm called twice before one backward pass', () => {
  it('keeps what each call needs apart (its scratch memory is not shared)', async () => {
    await tf.setBackend('wasm');
    const { fused, reference } = pair(true, {}, U_SIMD);
    const [x1, x2] = [
      tf.tensor3d(uniform(B * T * D, 8, 2), [B, T, D]),
      tf.tensor3d(uniform(B * T * D, 9, 2), [B, T, D]),
    ];
    const grads = (layer: tf.layers.Layer) =>
      tf.tidy(() => {
        const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
        const loss = () =>
          tf.add(lossOf(layer.apply(x1) as tf.Tensor), tf.mul(2, lossOf(layer.apply(x2) as tf.Tensor)));
        const { grads: g } = tf.variableGrads(loss as () => tf.Scalar, vars);
        return vars.map((v) => g[v.name]!.dataSync() as Float32Array);
      });
    const [got, want] = [grads(fused), grads(reference)];
    got.forEach((g, k) => expect(maxScaledDiff(g, want[k]!)).toBeLessThan(1e-4));
    tf.dispose([x1, x2]);
  });
});

/**
 * With dropout rates 0.3 and 0.4: a fused layer, a tfjs LSTM with its weights, and one with its
 * weights and the masks the fused layer will draw on its first training call.
 */
function maskedPair(units: number) {
  const rates = { dropout: 0.3, recurrentDropout: 0.4 };
  const stream = dropoutStream(5);
  const inputMask = tf.tensor2d(dropoutMask(B, D, rates.dropout, stream), [B, D]);
  const recurrentMask = tf.tensor2d(dropoutMask(B, units, rates.recurrentDropout, stream), [B, units]);
  // tfjs asks its dropoutFunc for four masks of each kind and uses the first of each.
  const dropoutFunc = (ones: tf.Tensor) => tf.mul(ones, ones.shape[1] === D ? inputMask : recurrentMask);
  const { fused, reference } = pair(true, rates, units);
  const { reference: masked } = pair(true, { ...rates, dropoutFunc }, units);
  masked.setWeights(reference.getWeights());
  return { rates, fused, reference, masked };
}

describe('FusedLstm dropout', () => {
  it('draws masks of zeros and 1 / (1 - rate), deterministic with a seed', () => {
    const a = dropoutMask(100, 100, 0.2, mulberry32(9));
    const b = dropoutMask(100, 100, 0.2, mulberry32(9));
    expect(Array.from(a)).toEqual(Array.from(b));
    const values = new Set(a);
    expect([...values].sort()).toEqual([0, Math.fround(1 / 0.8)]);
    const zeros = a.filter((v) => v === 0).length / a.length;
    expect(zeros).toBeGreaterThan(0.18);
    expect(zeros).toBeLessThan(0.22);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean).toBeGreaterThan(0.97);
    expect(mean).toBeLessThan(1.03);
  });

  it.each([
    ['cpu', U],
    ['wasm', U_SIMD],
  ] as const)(
    'is the same model as tf.layers.lstm with the same masks, forward and backward (%s, %i units)',
    async (backend, units) => {
      await tf.setBackend(backend);
      const { rates, fused, reference, masked } = maskedPair(units);
      const x = tf.tensor3d(uniform(B * T * D, 6, 2), [B, T, D]);
      const got = gradients(fused, x, { training: true });
      const want = gradients(masked, x, { training: true });
      ['kernel', 'recurrent kernel', 'bias', 'input'].forEach((name, k) => {
        expect(maxScaledDiff(got[k]!, want[k]!), name).toBeLessThan(1e-4);
      });
      // A fresh layer's first call draws the same masks.
      const again = pair(true, rates, units).fused;
      again.setWeights(fused.getWeights());
      const out = tf.tidy(() => (again.apply(x, { training: true }) as tf.Tensor).dataSync());
      const ref = tf.tidy(() => (masked.apply(x, { training: true }) as tf.Tensor).dataSync());
      expect(maxScaledDiff(out, ref)).toBeLessThan(1e-5);
      // Not training: no dropout at all.
      const plain = tf.tidy(() => (again.apply(x) as tf.Tensor).dataSync());
      const plainRef = tf.tidy(() => (reference.apply(x) as tf.Tensor).dataSync());
      expect(maxScaledDiff(plain, plainRef)).toBeLessThan(1e-5);
      expect(maxScaledDiff(out, plain)).toBeGreaterThan(1e-3);
    },
  );
});

/** The r-keras architecture in miniature, with the fused layer. */
function tinyModel(seed = 1): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.embedding({
      inputDim: 50,
      outputDim: 8,
      inputLength: 7,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
    }),
  );
  model.add(new FusedLstm({ units: U, dropout: 0.2, recurrentDropout: 0.2, seed }));
  model.add(
    tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
  );
  return model;
}

function tinyBatch(seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rand = mulberry32(seed);
  const ids = Int32Array.from({ length: 8 * 7 }, () => Math.floor(rand() * 50));
  const labels = Float32Array.from({ length: 8 }, () => (rand() < 0.5 ? 0 : 1));
  return { x: tf.tensor2d(ids, [8, 7], 'int32'), y: tf.tensor2d(labels, [8, 1]) };
}

describe('FusedLstm in a model', () => {
  it('trains with Adam without growing the tensor count, and learns', async () => {
    await tf.setBackend('cpu');
    const model = tinyModel();
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
    const { x, y } = tinyBatch(2);
    const losses: number[] = [];
    const counts: number[] = [];
    for (let step = 0; step < 6; step++) {
      losses.push((await model.trainOnBatch(x, y)) as number);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(losses[5]!).toBeLessThan(losses[0]!);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('saves with tf.io and loads back, as itself and as a plain tf.layers.lstm', async () => {
    await tf.setBackend('cpu');
    const model = tinyModel(3);
    const { x } = tinyBatch(4);
    const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    expect(artifacts).toBeDefined();
    expect(JSON.stringify(artifacts!.modelTopology)).toContain('"class_name":"LSTM"');

    const { loadFusedModel } = await import('../../src/lstm/fast/fused-layer');
    const fused = await loadFusedModel(tf.io.fromMemory(artifacts!));
    expect(fused.layers[1]).toBeInstanceOf(FusedLstm);
    const gotFused = tf.tidy(() => (fused.predict(x) as tf.Tensor).dataSync());
    expect(maxScaledDiff(gotFused, want)).toBeLessThan(1e-6);

    const plain = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    expect(plain.layers[1]).not.toBeInstanceOf(FusedLstm);
    expect(plain.layers[1]!.getClassName()).toBe('LSTM');
    expect(plain.layers[1]!.getConfig()['recurrentActivation']).toBe('sigmoid');
    const gotPlain = tf.tidy(() => (plain.predict(x) as tf.Tensor).dataSync());
    expect(maxScaledDiff(gotPlain, want)).toBeLessThan(1e-5);
    tf.dispose(x);
    [model, fused, plain].forEach((m) => m.dispose());
  });
});

describe('fused LSTM scratch memory', () => {
  it('is given back when a step throws, forward or backward, and the layer works afterwards', () => {
    const { fused } = pair(true);
    const mem = scratch();
    const x = tf.tensor3d(uniform(B * T * D, 3), [B, T, D]);
    const loss = () => tf.sum(fused.apply(x) as tf.Tensor) as tf.Scalar;
    expect(mem.taken).toBe(0);
    for (const step of ['forward', 'backward'] as const) {
      const original = mem[step];
      let calls = 0;
      // Fail on the third step, halfway through a loop, with memory taken on every level.
      (mem as { [k in typeof step]: unknown })[step] = (...args: unknown[]) => {
        if (++calls === 3) throw new Error(`${step} failed`);
        return (original as (...a: unknown[]) => void)(...args);
      };
      try {
        expect(() =>
          tf.variableGrads(
            loss,
            fused.trainableWeights.map((w) => w.read() as tf.Variable),
          ),
        ).toThrow(`${step} failed`);
      } finally {
        (mem as { [k in typeof step]: unknown })[step] = original;
      }
      expect(mem.taken).toBe(0);
    }
    const { grads, value } = tf.variableGrads(
      loss,
      fused.trainableWeights.map((w) => w.read() as tf.Variable),
    );
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    expect(mem.taken).toBe(0);
    tf.dispose([x, value, ...Object.values(grads)]);
  });
});

/** x `[B, T, D]` whose steps repeat rows, as an Embedding's output does: each step reads one of three rows. */
function repeatedRows(seed: number): tf.Tensor3D {
  const table = uniform(3 * D, seed, 2);
  const rand = mulberry32(seed + 1);
  const x = new Float32Array(B * T * D);
  for (let r = 0; r < B * T; r++) {
    const id = Math.floor(rand() * 3);
    x.set(table.subarray(id * D, (id + 1) * D), r * D);
  }
  return tf.tensor3d(x, [B, T, D]);
}

/**
 * Runs `body` with the fused layer over distinct input rows when at most `maxShare` of the rows
 * are new (1 always, 0 never), counting addRows calls; and with weight gradients in blocks of 2
 * steps (3 blocks of 5 steps, the last shorter), so that the blocks are tested too.
 */
async function withDistinct<T>(maxShare: number, body: () => T | Promise<T>): Promise<{ result: T; sums: number }> {
  const mem = scratch();
  const [before, original] = [{ ...fusedLstmTuning }, mem.addRows];
  let sums = 0;
  Object.assign(fusedLstmTuning, { distinctMaxShare: maxShare, gradientBlockRows: 2 * B });
  mem.addRows = (step) => {
    sums++;
    original(step);
  };
  try {
    return { result: await body(), sums };
  } finally {
    Object.assign(fusedLstmTuning, before);
    mem.addRows = original;
  }
}

describe.each([
  ['cpu', U],
  ['wasm', U],
  ['cpu', U_SIMD],
  ['wasm', U_SIMD],
] as const)('FusedLstm over distinct input rows on %s with %i units', (backend, units) => {
  it.each([
    [true, 1],
    [false, 1],
    [true, 0],
    [false, 0],
  ])(
    'outputs and differentiates what tf.layers.lstm does, gradients in blocks (returnSequences %s, distinct rows when at most %d new)',
    async (returnSequences, maxShare) => {
      await tf.setBackend(backend);
      const { fused, reference } = pair(returnSequences, {}, units);
      const x = repeatedRows(31);
      const { result, sums } = await withDistinct(maxShare, () => ({
        out: tf.tidy(() => (fused.apply(x) as tf.Tensor).dataSync()),
        grads: gradients(fused, x),
      }));
      // The path asked for ran: over distinct rows the backward pass sums dz by distinct row.
      expect(sums).toBe(maxShare);
      const want = tf.tidy(() => (reference.apply(x) as tf.Tensor).dataSync());
      expect(maxScaledDiff(result.out, want)).toBeLessThan(1e-5);
      const wantGrads = gradients(reference, x);
      ['kernel', 'recurrent kernel', 'bias', 'input'].forEach((name, k) => {
        expect(maxScaledDiff(result.grads[k]!, wantGrads[k]!), name).toBeLessThan(1e-4);
      });
      x.dispose();
    },
  );

  it('keeps rows apart per sequence under input dropout, as tf.layers.lstm with the same masks', async () => {
    await tf.setBackend(backend);
    const { fused, masked } = maskedPair(units);
    const x = repeatedRows(32);
    const { result: got, sums } = await withDistinct(1, () => gradients(fused, x, { training: true }));
    expect(sums).toBe(1);
    const want = gradients(masked, x, { training: true });
    ['kernel', 'recurrent kernel', 'bias', 'input'].forEach((name, k) => {
      expect(maxScaledDiff(got[k]!, want[k]!), name).toBeLessThan(1e-4);
    });
    x.dispose();
  });
});

describe('FusedLstm chooses its path by the share of distinct rows and the widths', () => {
  it('takes the distinct rows when few enough and the input wider than h, the stacked product otherwise', async () => {
    await tf.setBackend('wasm');
    // 3 units: an input of D = 4 is wider than h; 8 units: it is not.
    const [narrow, wide] = [pair(false, {}, 3).fused, pair(false, {}, U_SIMD).fused];
    const [repeated, random] = [repeatedRows(33), tf.tensor3d(uniform(B * T * D, 34, 2), [B, T, D])];
    // Three distinct rows of 15 steps: a share of 0.2.
    for (const [layer, x, maxShare, expected] of [
      [narrow, repeated, 0.25, 1],
      [narrow, repeated, 0.1, 0],
      [narrow, random, 0.5, 0],
      [narrow, repeated, 0, 0],
      [wide, repeated, 0.25, 0],
      [wide, repeated, 1, 1],
    ] as const) {
      const { sums } = await withDistinct(maxShare, () => gradients(layer, x));
      expect(sums, `${layer.units} units, share ${maxShare}`).toBe(expected);
    }
    tf.dispose([repeated, random]);
  });
});
