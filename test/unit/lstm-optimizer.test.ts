/**
 * The one-pass Adam against an independent reference, `tf.train.adam`: the same values, moments
 * and saved weights after several steps, on the cpu and wasm backends.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADAM_KERNEL,
  adamOptimizer,
  adamStepInto,
  adamWasmBytes,
  registerAdamKernel,
  type AdamConstants,
} from '../../src/lstm/fast/one-pass-adam';
import { mulberry32 } from '../../src/lstm/cell/random';
import { registerFastSegmentSum } from '../../src/lstm/fast/segment-sum';
import { saveKitModel } from '../../src/lstm/sentiment/model-files';
import { TINY_SETTINGS, tinyMetadata } from '../fixtures/tiny-metadata';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded uniform numbers on [-scale, scale]. */
function uniform(n: number, seed: number, scale = 1): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** Largest |a - b| / |b| (relative), with |b| at least 1e-30. */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!) / Math.max(1e-30, Math.abs(b[k]!)));
  return m;
}

// Sizes with and without a remainder after the four-lane SIMD loop, and a single number.
const SHAPES = [[7], [5, 4], [33, 3], [1]];

/** Variables of SHAPES with seeded values. */
function variables(seed: number): tf.Variable[] {
  return SHAPES.map((shape, k) => tf.variable(tf.tensor(uniform(tf.util.sizeFromShape(shape), seed + k), shape)));
}

/** A gradient for step `step` of each variable, as `{name, tensor}` pairs. */
function gradients(vars: tf.Variable[], step: number): { name: string; tensor: tf.Tensor }[] {
  // Gradients of very different sizes, and an exact zero, as training sees them.
  return vars.map((v, k) => {
    const g = uniform(v.size, 100 * step + k, 10 ** (k - 2));
    g[0] = 0;
    return { name: v.name, tensor: tf.tensor(g, v.shape) };
  });
}

async function weightsOf(optimizer: tf.Optimizer): Promise<{ name: string; values: Float32Array }[]> {
  return (await optimizer.getWeights()).map(({ name, tensor }) => ({
    name,
    values: tensor.dataSync() as Float32Array,
  }));
}

describe('adamWasmBytes', () => {
  it('is a valid WebAssembly module, with a plain or a shared memory', () => {
    expect(WebAssembly.validate(adamWasmBytes(false) as BufferSource)).toBe(true);
    expect(WebAssembly.validate(adamWasmBytes(true) as BufferSource)).toBe(true);
  });

  it('computes the bits adamStepInto computes', () => {
    const n = 64;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(adamWasmBytes(false) as BufferSource), {
      env: { memory },
    });
    const simd = instance.exports['adam'] as (...args: number[]) => void;
    // Seven arrays of n floats in the memory: value, gradient, m, v, then the three outputs.
    const arrays = Array.from({ length: 7 }, (_, k) => new Float32Array(memory.buffer, k * n * 4, n));
    [0, 1, 2, 3].forEach((k) => arrays[k]!.set(uniform(n, 40 + k, k === 3 ? 1e-3 : 1)));
    arrays[3]!.set(arrays[3]!.map(Math.abs)); // v is never negative
    const f = Math.fround;
    const k: AdamConstants = {
      beta1: f(0.9),
      oneMinusBeta1: f(1 - 0.9),
      beta2: f(0.999),
      oneMinusBeta2: f(1 - 0.999),
      correction1: f(1 - f(0.9 ** 3)),
      correction2: f(1 - f(0.999 ** 3)),
      epsilon: f(1e-7),
      negLearningRate: f(-0.001),
    };
    simd(...arrays.map((a) => a.byteOffset), n * 4, ...Object.values(k));
    const [value, gradient, m, v] = arrays as [Float32Array, Float32Array, Float32Array, Float32Array];
    const out = { value: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
    adamStepInto(value, gradient, m, v, out, k);
    expect(Array.from(arrays[4]!)).toEqual(Array.from(out.value));
    expect(Array.from(arrays[5]!)).toEqual(Array.from(out.m));
    expect(Array.from(arrays[6]!)).toEqual(Array.from(out.v));
  });
});

describe.each(['cpu', 'wasm'] as const)('adamOptimizer on %s', (backend) => {
  it('steps exactly as tf.train.adam does, values and moments, without growing the tensor count', async () => {
    await tf.setBackend(backend);
    const fast = adamOptimizer(tf, 0.01);
    const stock = tf.train.adam(0.01);
    const mine = variables(1);
    const theirs = variables(1);
    const counts: number[] = [];
    for (let step = 0; step < 6; step++) {
      const gMine = gradients(mine, step);
      const gTheirs = gradients(theirs, step);
      // The optimizers look variables up by name: each gets its own variables' names.
      fast.applyGradients(gMine);
      stock.applyGradients(gTheirs);
      tf.dispose([...gMine.map((g) => g.tensor), ...gTheirs.map((g) => g.tensor)]);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    mine.forEach((v, k) => expect(maxRelDiff(v.dataSync(), theirs[k]!.dataSync())).toBeLessThan(1e-6));
    // The same float32 operations in the same order: in fact the very same bits.
    mine.forEach((v, k) => expect(Array.from(v.dataSync())).toEqual(Array.from(theirs[k]!.dataSync())));
    const [wMine, wTheirs] = [await weightsOf(fast), await weightsOf(stock)];
    expect(wMine.map((w) => w.name.replace(/\d+/g, '#'))).toEqual(wTheirs.map((w) => w.name.replace(/\d+/g, '#')));
    wMine.forEach((w, k) => expect(maxRelDiff(w.values, wTheirs[k]!.values)).toBeLessThan(1e-6));
    expect(fast.iterations).toBe(6);
    expect(fast.getClassName()).toBe('Adam');
    expect(fast.getConfig()).toEqual(stock.getConfig());
    tf.dispose([...mine, ...theirs]);
    fast.dispose();
    stock.dispose();
  });

  it("leaves a tensor that shares a variable's data as it was", async () => {
    await tf.setBackend(backend);
    const fast = adamOptimizer(tf, 0.01);
    const [variable] = variables(3);
    const before = Array.from(variable!.dataSync());
    // Reshape shares the data on both backends: the step must not write over it.
    const alias = tf.reshape(variable!, variable!.shape);
    const grads = gradients([variable!], 1);
    fast.applyGradients(grads);
    expect(Array.from(alias.dataSync())).toEqual(before);
    expect(Array.from(variable!.dataSync())).not.toEqual(before);
    // And the step is still tfjs's.
    alias.dispose();
    const stock = tf.train.adam(0.01);
    const [twin] = variables(3);
    const twinGrads = gradients([twin!], 1);
    stock.applyGradients(twinGrads);
    expect(Array.from(variable!.dataSync())).toEqual(Array.from(twin!.dataSync()));
    tf.dispose([variable!, twin!, ...grads.map((g) => g.tensor), ...twinGrads.map((g) => g.tensor)]);
    fast.dispose();
    stock.dispose();
  });

  it('falls back on tfjs maths where its kernel is missing', async () => {
    await tf.setBackend(backend);
    const saved = tf.getKernel(ADAM_KERNEL, backend)!;
    tf.unregisterKernel(ADAM_KERNEL, backend);
    try {
      const fast = adamOptimizer(tf, 0.01);
      tf.unregisterKernel(ADAM_KERNEL, backend); // adamOptimizer registered it again
      const stock = tf.train.adam(0.01);
      const [mine, theirs] = [variables(2), variables(2)];
      for (let step = 0; step < 3; step++) {
        const [gMine, gTheirs] = [gradients(mine, step), gradients(theirs, step)];
        fast.applyGradients(gMine);
        stock.applyGradients(gTheirs);
        tf.dispose([...gMine.map((g) => g.tensor), ...gTheirs.map((g) => g.tensor)]);
      }
      mine.forEach((v, k) => expect(Array.from(v.dataSync())).toEqual(Array.from(theirs[k]!.dataSync())));
      tf.dispose([...mine, ...theirs]);
    } finally {
      tf.registerKernel(saved);
      registerAdamKernel(tf);
    }
  });
});

/** A small compiled model, seeded. */
function model(optimizer: tf.Optimizer): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.embedding({ inputDim: 30, outputDim: 6, inputLength: 5, embeddingsInitializer: 'glorotUniform' }));
  m.add(tf.layers.flatten());
  m.add(
    tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
  );
  m.compile({ optimizer, loss: 'binaryCrossentropy' });
  return m;
}

function batch(seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rand = mulberry32(seed);
  const ids = Int32Array.from({ length: 8 * 5 }, () => Math.floor(rand() * 30));
  return {
    x: tf.tensor2d(ids, [8, 5], 'int32'),
    y: tf.tensor2d(
      Float32Array.from({ length: 8 }, () => (rand() < 0.5 ? 0 : 1)),
      [8, 1],
    ),
  };
}

describe('adamOptimizer in a model', () => {
  it('trains as tf.train.adam does, saves its moments, and loads back in plain tfjs', async () => {
    await tf.setBackend('wasm');
    registerFastSegmentSum(tf, 'wasm'); // the WASM backend cannot train an embedding without it
    const fast = model(adamOptimizer(tf));
    const stock = model(tf.train.adam());
    stock.setWeights(fast.getWeights());
    const { x, y } = batch(5);
    for (let step = 0; step < 4; step++) {
      const [a, b] = [await fast.trainOnBatch(x, y), await stock.trainOnBatch(x, y)];
      expect(a).toBe(b);
    }
    let artifacts: tf.io.ModelArtifacts | undefined;
    await fast.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
      { includeOptimizer: true },
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    expect(loaded.optimizer.getClassName()).toBe('Adam');
    const [wLoaded, wStock] = [await weightsOf(loaded.optimizer), await weightsOf(stock.optimizer)];
    expect(wLoaded.length).toBe(wStock.length);
    wLoaded.forEach((w, k) => expect(Array.from(w.values)).toEqual(Array.from(wStock[k]!.values)));
    // Training goes on from the saved moments as it would have without the round trip.
    const resumed = adamOptimizer(tf);
    const again = model(resumed);
    again.setWeights(fast.getWeights());
    await resumed.setWeights(await fast.optimizer.getWeights());
    await again.trainOnBatch(x, y);
    await stock.trainOnBatch(x, y);
    const [after, want] = [again.getWeights(), stock.getWeights()];
    after.forEach((w, k) => expect(Array.from(w.dataSync())).toEqual(Array.from(want[k]!.dataSync())));
    tf.dispose([x, y]);
    [fast, stock, loaded, again].forEach((m) => m.dispose());
  });

  it('saves a checkpoint with the optimiser without losing a tensor, as tfjs itself does (its step count)', async () => {
    await tf.setBackend('cpu');
    const sink = tf.io.withSaveHandler(async () => ({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
    }));
    for (const optimizer of [adamOptimizer(tf), tf.train.rmsprop(0.001)]) {
      const m = model(optimizer);
      const { x, y } = batch(3);
      await m.trainOnBatch(x, y);
      // tfjs's own save leaks the scalar it makes for the step count...
      let before = tf.memory().numTensors;
      await m.save(sink, { includeOptimizer: true });
      expect(tf.memory().numTensors).toBe(before + 1);
      // ...the kit's does not, and keeps the optimiser's own variables.
      before = tf.memory().numTensors;
      for (let k = 0; k < 3; k++)
        await saveKitModel(m, sink, tinyMetadata(TINY_SETTINGS, 30), { includeOptimizer: true });
      expect(tf.memory().numTensors).toBe(before);
      const loss = (await m.trainOnBatch(x, y)) as number;
      expect(Number.isFinite(loss)).toBe(true);
      tf.dispose([x, y]);
      m.dispose();
    }
  });
});
