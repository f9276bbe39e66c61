/**
 * The one model builder behind chapter 5's classifier (`sentimentModel`), the `r-keras` reference
 * model (`rKerasModel`) and chapter 7's stepwise rebuild (`stepwiseModel`): each caller, at a
 * fixed seed, must build the model it built before the three were one builder. The expected
 * numbers below were recorded from the three separate builders: the layers and their settings,
 * each weight's shape and checksum, the optimiser, the output on a fixed input and, where the
 * dropout masks are seeded, the loss and the weights after one training batch. Numbers match
 * within 5e-6 (see approx): the fused layer's later paths add in another order.
 *
 * tfjs's own LSTM draws its input kernel (glorotUniform) without a seed, so for the 'stock'
 * layer that one weight is overwritten with fixed values first and its checksum is not recorded.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedLstm } from '../../src/lstm/fast/fused-layer';
import { disposeModel, type WeightArrays } from '../../src/lstm/sentiment/length-study';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import { stepwiseModel } from '../../src/lstm/sentiment/padding-study';
import type { SentimentSettings } from '../../src/lstm/sentiment/presets';
import { rKerasModel } from '../../src/lstm/sentiment/rkeras';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Eight significant digits: enough to catch any change of weights, immune to printing noise. */
const digits = (x: number) => Number(x.toPrecision(8));

/**
 * `expected` with every number a match within 5e-6: the same model computes the same numbers up
 * to the order of its float additions (the fused layer's paths differ in it), while a different
 * model, or different weights, differ far more.
 */
function approx(expected: unknown): unknown {
  if (typeof expected === 'number') return expect.closeTo(expected, 5);
  if (Array.isArray(expected)) return expected.map(approx);
  if (expected && typeof expected === 'object')
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, approx(v)]));
  return expected;
}

/** Two sums of a weight: plain, and weighted by position (so that a permutation shows). */
function checksum(data: ArrayLike<number>): [number, number] {
  let plain = 0;
  let weighted = 0;
  for (let i = 0; i < data.length; i++) {
    plain += data[i]!;
    weighted += data[i]! * ((i % 7) + 1);
  }
  return [digits(plain), digits(weighted)];
}

/** The settings of each layer that the builders set (those the layer has). */
function layerRecord(layer: tf.layers.Layer): Record<string, unknown> {
  const c = layer.getConfig();
  const keys = ['units', 'inputDim', 'outputDim', 'inputLength', 'returnSequences', 'dropout', 'recurrentDropout'];
  const out: Record<string, unknown> = { kind: layer instanceof FusedLstm ? 'FusedLstm' : layer.getClassName() };
  for (const k of [...keys, 'activation', 'recurrentActivation', 'maskZero', 'seed'])
    if (c[k] !== undefined) out[k] = c[k];
  return out;
}

/** A fixed batch of three rows of ids below `vocabulary`. */
function fixedInput(vocabulary: number, maxlen: number): tf.Tensor2D {
  const ids = Array.from({ length: 3 * maxlen }, (_, i) => (i * 7 + 3) % vocabulary);
  for (let t = 0; t < maxlen / 2; t++) ids[t] = 0; // padding zeros in the first row
  return tf.tensor2d(ids, [3, maxlen], 'int32');
}

/** Overwrites the unseeded input kernels of tfjs's LSTM layers with fixed values. */
function fixStockKernels(model: tf.LayersModel): string[] {
  const fixed: string[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'LSTM' || layer instanceof FusedLstm) continue;
    const [kernel, ...rest] = layer.getWeights();
    const n = kernel!.size;
    const values = tf.tensor(
      Float32Array.from({ length: n }, (_, i) => 0.4 * Math.sin(1.3 * i + 0.2)),
      kernel!.shape,
    );
    layer.setWeights([values, ...rest]);
    tf.dispose(values);
    fixed.push(layer.weights[0]!.originalName);
  }
  return fixed;
}

/** Everything the builder decides, read off a freshly built model, which it then disposes. */
async function recorded(model: tf.LayersModel, input: tf.Tensor2D, train: boolean) {
  const fixed = fixStockKernels(model);
  const weights = model.weights.map((w) => {
    const t = w.read();
    return {
      shape: [...t.shape],
      sums: fixed.includes(w.originalName) ? null : checksum(t.dataSync()),
    };
  });
  const output = tf.tidy(() => [...(model.predict(input) as tf.Tensor).dataSync()].map(digits));
  const optimizer = model.optimizer
    ? {
        kind: model.optimizer.constructor.name,
        learningRate: (model.optimizer.getConfig() as { learningRate?: number }).learningRate ?? null,
        loss: model.loss,
      }
    : null;
  let trained = null;
  if (train) {
    const y = tf.tensor2d([1, 0, 1], [3, 1]);
    const values = (await model.trainOnBatch(input, y)) as number[];
    tf.dispose(y); // used once
    trained = { loss: digits(values[0]!), sums: model.weights.map((w) => checksum(w.read().dataSync())) };
  }
  const layers = model.layers.map(layerRecord);
  disposeModel(model);
  tf.dispose(input);
  return { layers, weights, output, optimizer, trained };
}

const SMALL: SentimentSettings = {
  layout: 'imdb',
  numWords: null,
  maxlen: 6,
  embedding: 3,
  lstm: [4],
  dropout: 0.2,
  recurrentDropout: 0.1,
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 4,
  epochs: 1,
};
const STACKED: SentimentSettings = {
  ...SMALL,
  layout: 'tokenizer',
  lstm: [4, 3],
  dropout: 0,
  recurrentDropout: 0,
  optimizer: 'rmsprop',
};
const VOCABULARY = 20;

/** Deterministic weights in `getWeights()` order for the settings' model, as a trained one would hand over. */
function weightsFor(settings: SentimentSettings, vocabulary: number): WeightArrays[] {
  const rows = settings.layout === 'imdb' ? vocabulary + 4 : vocabulary + 1;
  const shapes: number[][] = [[rows, settings.embedding]];
  let input = settings.embedding;
  for (const units of settings.lstm) {
    shapes.push([input, 4 * units], [units, 4 * units], [4 * units]);
    input = units;
  }
  shapes.push([input, 1], [1]);
  return shapes.map((shape, k) => ({
    shape,
    data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => 0.7 * Math.sin(0.9 * i + k)),
  }));
}

describe('the model builder', () => {
  it('builds sentimentModel as before (fused, one layer with dropout, seed 3)', async () => {
    const model = sentimentModel(SMALL, { vocabularySize: VOCABULARY, seed: 3 });
    expect(await recorded(model, fixedInput(24, 6), true)).toEqual(approx(EXPECTED.sentimentFused));
  });

  it('builds sentimentModel as before (stock, one layer with dropout, seed 3)', async () => {
    const model = sentimentModel(SMALL, { vocabularySize: VOCABULARY, seed: 3, lstm: 'stock' });
    expect(await recorded(model, fixedInput(24, 6), false)).toEqual(approx(EXPECTED.sentimentStock));
  });

  it('builds sentimentModel as before (fused and stock, two layers, default seed)', async () => {
    const fused = sentimentModel(STACKED, { vocabularySize: VOCABULARY });
    expect(await recorded(fused, fixedInput(21, 6), true)).toEqual(approx(EXPECTED.stackedFused));
    const stock = sentimentModel(STACKED, { vocabularySize: VOCABULARY, lstm: 'stock' });
    expect(await recorded(stock, fixedInput(21, 6), true)).toEqual(approx(EXPECTED.stackedStock));
  });

  it('builds rKerasModel as before (fused with tfjs Adam, seed 5)', async () => {
    const model = rKerasModel({ lstm: 'fused', vocabulary: 30, maxlen: 5, seed: 5 });
    expect(await recorded(model, fixedInput(30, 5), true)).toEqual(approx(EXPECTED.rKerasFused));
  });

  it("builds rKerasModel as before (fused with the kit's Adam, seed 5)", async () => {
    const model = rKerasModel({ lstm: 'fused', optimizer: 'fast', vocabulary: 30, maxlen: 5, seed: 5 });
    expect(await recorded(model, fixedInput(30, 5), true)).toEqual(approx(EXPECTED.rKerasFast));
  });

  it('builds rKerasModel as before (stock, default seed)', async () => {
    const model = rKerasModel({ lstm: 'stock', vocabulary: 30, maxlen: 5 });
    expect(await recorded(model, fixedInput(30, 5), false)).toEqual(approx(EXPECTED.rKerasStock));
  });

  it('builds stepwiseModel as before (one layer and two)', async () => {
    const one = stepwiseModel(SMALL, VOCABULARY, weightsFor(SMALL, VOCABULARY));
    expect(await recorded(one, fixedInput(24, 6), false)).toEqual(approx(EXPECTED.stepwiseOne));
    const two = stepwiseModel(STACKED, VOCABULARY, weightsFor(STACKED, VOCABULARY));
    expect(await recorded(two, fixedInput(21, 6), false)).toEqual(approx(EXPECTED.stepwiseTwo));
  });
});

// Recorded from the three builders as they were before they became one (see the file's comment).
const EXPECTED: Record<string, unknown> = {
  sentimentFused: {
    layers: [
      { kind: 'Embedding', inputDim: 24, outputDim: 3, inputLength: 6 },
      {
        kind: 'FusedLstm',
        units: 4,
        returnSequences: false,
        dropout: 0.2,
        recurrentDropout: 0.1,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 3,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [24, 3], sums: [-0.18065948, -0.50144835] },
      { shape: [3, 16], sums: [-0.47612376, -1.1023402] },
      { shape: [4, 16], sums: [0.72692399, -1.0842605] },
      { shape: [16], sums: [4, 19] },
      { shape: [4, 1], sums: [-1.3842311, -3.4084331] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49849176, 0.504933, 0.49849507],
    optimizer: { kind: 'FastAdamOptimizer', learningRate: 0.01, loss: 'binaryCrossentropy' },
    trained: {
      loss: 0.70038664,
      sums: [
        [-0.18066, -0.3214528],
        [-0.45353284, -1.0336721],
        [0.72293363, -1.2017499],
        [3.9600086, 18.910131],
        [-1.3642268, -3.3484246],
        [0.0099999262, 0.0099999262],
      ],
    },
  },
  sentimentStock: {
    layers: [
      { kind: 'Embedding', inputDim: 24, outputDim: 3, inputLength: 6 },
      {
        kind: 'LSTM',
        units: 4,
        returnSequences: false,
        dropout: 0.2,
        recurrentDropout: 0.1,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [24, 3], sums: [-0.18065948, -0.50144835] },
      { shape: [3, 16], sums: null },
      { shape: [4, 16], sums: [0, 0] },
      { shape: [16], sums: [0, 0] },
      { shape: [4, 1], sums: [-1.3842311, -3.4084331] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49950138, 0.50191891, 0.49995631],
    optimizer: { kind: 'FastAdamOptimizer', learningRate: 0.01, loss: 'binaryCrossentropy' },
    trained: null,
  },
  stackedFused: {
    layers: [
      { kind: 'Embedding', inputDim: 21, outputDim: 3, inputLength: 6 },
      {
        kind: 'FusedLstm',
        units: 4,
        returnSequences: true,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 7,
      },
      {
        kind: 'FusedLstm',
        units: 3,
        returnSequences: false,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 8,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [21, 3], sums: [-0.073011221, 0.25899077] },
      { shape: [3, 16], sums: [-1.6737245, -1.5816796] },
      { shape: [4, 16], sums: [0.16535582, 1.0051892] },
      { shape: [16], sums: [4, 19] },
      { shape: [4, 12], sums: [-2.9355899, -13.37402] },
      { shape: [3, 12], sums: [2.819258, 11.507288] },
      { shape: [12], sums: [3, 15] },
      { shape: [3, 1], sums: [-2.3022839, -5.0380656] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.50184274, 0.50098336, 0.50098336],
    optimizer: { kind: 'RMSPropOptimizer', learningRate: 0.01, loss: 'binaryCrossentropy' },
    trained: {
      loss: 0.69192225,
      sums: [
        [-0.19817515, -0.42957091],
        [-1.6577522, -1.6076285],
        [0.16486584, 1.0597322],
        [4.0365525, 19.017822],
        [-3.0643188, -14.033773],
        [2.8741094, 11.786247],
        [2.9594944, 14.88391],
        [-2.3396537, -5.1108798],
        [0.031622201, 0.031622201],
      ],
    },
  },
  stackedStock: {
    layers: [
      { kind: 'Embedding', inputDim: 21, outputDim: 3, inputLength: 6 },
      {
        kind: 'LSTM',
        units: 4,
        returnSequences: true,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
      },
      {
        kind: 'LSTM',
        units: 3,
        returnSequences: false,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [21, 3], sums: [-0.073011221, 0.25899077] },
      { shape: [3, 16], sums: null },
      { shape: [4, 16], sums: [0, 0] },
      { shape: [16], sums: [0, 0] },
      { shape: [4, 12], sums: null },
      { shape: [3, 12], sums: [0, 0] },
      { shape: [12], sums: [0, 0] },
      { shape: [3, 1], sums: [-2.3022839, -5.0380656] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49998692, 0.4999572, 0.4999572],
    optimizer: { kind: 'RMSPropOptimizer', learningRate: 0.01, loss: 'binaryCrossentropy' },
    trained: {
      loss: 0.69315588,
      sums: [
        [-0.08457843, 0.25296995],
        [0.082707739, 0.6267666],
        [-0.00012100941, -0.0013310353],
        [0.012362799, 0.040220795],
        [0.082498936, 0.63997459],
        [0.00087750865, 0.0021492474],
        [-0.094968718, -0.31923744],
        [-2.3030554, -5.0348715],
        [0.031622209, 0.031622209],
      ],
    },
  },
  rKerasFused: {
    layers: [
      { kind: 'Embedding', inputDim: 30, outputDim: 128, inputLength: 5 },
      {
        kind: 'FusedLstm',
        units: 64,
        returnSequences: false,
        dropout: 0.2,
        recurrentDropout: 0.2,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 5,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [30, 128], sums: [1.4674107, 3.8717152] },
      { shape: [128, 256], sums: [2.8138747, 32.292895] },
      { shape: [64, 256], sums: [-5.7407115, -20.420763] },
      { shape: [256], sums: [64, 254] },
      { shape: [64, 1], sums: [1.4317028, 0.34486907] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49627483, 0.49915189, 0.50212872],
    optimizer: { kind: 'AdamOptimizer', learningRate: 0.001, loss: 'binaryCrossentropy' },
    trained: {
      loss: 0.69518167,
      sums: [
        [1.4254643, 3.677007],
        [2.4941749, 30.704578],
        [-5.5434467, -19.426145],
        [64.004787, 253.97507],
        [1.4357026, 0.36986493],
        [0.00099999283, 0.00099999283],
      ],
    },
  },
  rKerasFast: {
    layers: [
      { kind: 'Embedding', inputDim: 30, outputDim: 128, inputLength: 5 },
      {
        kind: 'FusedLstm',
        units: 64,
        returnSequences: false,
        dropout: 0.2,
        recurrentDropout: 0.2,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 5,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [30, 128], sums: [1.4674107, 3.8717152] },
      { shape: [128, 256], sums: [2.8138747, 32.292895] },
      { shape: [64, 256], sums: [-5.7407115, -20.420763] },
      { shape: [256], sums: [64, 254] },
      { shape: [64, 1], sums: [1.4317028, 0.34486907] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49627483, 0.49915189, 0.50212872],
    optimizer: { kind: 'FastAdamOptimizer', learningRate: 0.001, loss: 'binaryCrossentropy' },
    trained: {
      loss: 0.69518167,
      sums: [
        [1.4254643, 3.677007],
        [2.4941749, 30.704578],
        [-5.5434467, -19.426145],
        [64.004787, 253.97507],
        [1.4357026, 0.36986493],
        [0.00099999283, 0.00099999283],
      ],
    },
  },
  rKerasStock: {
    layers: [
      { kind: 'Embedding', inputDim: 30, outputDim: 128, inputLength: 5 },
      {
        kind: 'LSTM',
        units: 64,
        returnSequences: false,
        dropout: 0.2,
        recurrentDropout: 0.2,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [30, 128], sums: [1.0222349, 2.8922816] },
      { shape: [128, 256], sums: null },
      { shape: [64, 256], sums: [0, 0] },
      { shape: [256], sums: [0, 0] },
      { shape: [64, 1], sums: [-0.1693243, 1.8480645] },
      { shape: [1], sums: [0, 0] },
    ],
    output: [0.49777445, 0.49337578, 0.50328147],
    optimizer: { kind: 'AdamOptimizer', learningRate: 0.001, loss: 'binaryCrossentropy' },
    trained: null,
  },
  stepwiseOne: {
    layers: [
      { kind: 'Embedding', inputDim: 24, outputDim: 3, inputLength: 6 },
      {
        kind: 'FusedLstm',
        units: 4,
        returnSequences: true,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 1,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [24, 3], sums: [0.68220962, -51.252728] },
      { shape: [3, 16], sums: [-0.09705466, -33.085333] },
      { shape: [4, 16], sums: [0.70679024, 3.8417385] },
      { shape: [16], sums: [-0.40811164, 8.5686741] },
      { shape: [4, 1], sums: [-1.2593052, -1.7472803] },
      { shape: [1], sums: [-0.67124701, -0.67124701] },
    ],
    output: [
      0.39532545, 0.42485875, 0.43971777, 0.44737142, 0.45206377, 0.45513365, 0.39783594, 0.39665154, 0.39974427,
      0.40080142, 0.37724853, 0.38194701, 0.36401939, 0.38122103, 0.43972328, 0.45716971, 0.46535566, 0.45426884,
    ],
    optimizer: null,
    trained: null,
  },
  stepwiseTwo: {
    layers: [
      { kind: 'Embedding', inputDim: 21, outputDim: 3, inputLength: 6 },
      {
        kind: 'FusedLstm',
        units: 4,
        returnSequences: true,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 1,
      },
      {
        kind: 'FusedLstm',
        units: 3,
        returnSequences: true,
        dropout: 0,
        recurrentDropout: 0,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        seed: 1,
      },
      { kind: 'Dense', units: 1, activation: 'sigmoid' },
    ],
    weights: [
      { shape: [21, 3], sums: [-0.044483529, -47.197816] },
      { shape: [3, 16], sums: [-0.09705466, -33.085333] },
      { shape: [4, 16], sums: [0.70679024, 3.8417385] },
      { shape: [16], sums: [-0.40811164, 8.5686741] },
      { shape: [4, 12], sums: [0.010588638, 35.29535] },
      { shape: [3, 12], sums: [-0.71934341, 2.4510735] },
      { shape: [12], sums: [1.2423363, -0.34610467] },
      { shape: [3, 1], sums: [1.5685916, 3.0867346] },
      { shape: [1], sums: [0.69255078, 0.69255078] },
    ],
    output: [
      0.6486358, 0.65110183, 0.65736628, 0.65219963, 0.64009643, 0.6284008, 0.64026105, 0.63091993, 0.62748498,
      0.6244508, 0.62183589, 0.61913908, 0.64026105, 0.63091993, 0.62748498, 0.6244508, 0.62183589, 0.61913908,
    ],
    optimizer: null,
    trained: null,
  },
};
