/**
 * The sentiment classifier of chapter 5 for any {@link SentimentSettings}: Embedding -> one or
 * more LSTM layers -> Dense(1, sigmoid), compiled with binary cross-entropy. One builder,
 * {@link lstmClassifier}, makes it and the kit's other LSTM classifiers (the `r-keras` benchmark
 * model, chapter 7's stepwise rebuild), and serves the Node command line, the tests and the
 * training worker, so a model built anywhere is the same model.
 *
 * Also here, as pure functions of the settings: the model summary the chapter shows (checked
 * against tfjs's own shapes and parameter counts in the tests) and the equivalent plain tfjs
 * TypeScript a reader can copy.
 */
import * as tf from '@tensorflow/tfjs';
import { inputDim } from '../../data/views.ts';
import { FusedLstm } from '../fast/fused-layer.ts';
import { adamOptimizer } from '../fast/one-pass-adam.ts';
import { settingsView, type SentimentSettings } from './presets.ts';

/** How to build: which LSTM implementation, and the seed of the initial weights. */
export interface BuildOptions {
  /** Words in the training vocabulary (the dataset's `vocabulary.words.length`). */
  vocabularySize: number;
  /** 'fused' is the kit's fast layer (src/lstm/fast/fused-layer.ts); 'stock' is tf.layers.lstm. Same maths. */
  lstm?: 'fused' | 'stock';
  /** Seeds the initial weights (default 7), so that two builds start equal. */
  seed?: number;
}

/** Rows of the Embedding layer for these settings and this vocabulary. */
export function embeddingRows(settings: Readonly<SentimentSettings>, vocabularySize: number): number {
  return inputDim(vocabularySize, settingsView(settings));
}

/**
 * The optimiser of the settings. Adam is the kit's one-pass Adam (src/lstm/fast/one-pass-adam.ts): tfjs's
 * maths, bit for bit, in one kernel per variable on cpu and wasm, and saved as tfjs's 'Adam'.
 */
export function makeOptimizer(settings: Readonly<SentimentSettings>): tf.Optimizer {
  const lr = settings.learningRate;
  if (settings.optimizer === 'rmsprop') return tf.train.rmsprop(lr);
  if (settings.optimizer === 'sgd') return tf.train.sgd(lr);
  return adamOptimizer(tf, lr);
}

/**
 * What {@link lstmClassifier} builds: Embedding `[vocabulary, embedding]` -> LSTM layers ->
 * Dense(1, sigmoid). Only what the kit's models really differ in is here; none of them masks the
 * padding zeros (no `maskZero`) and none pads inside the model (the ids come padded, 'pre' or
 * 'post', see src/data/pad.ts), so neither is an option.
 */
export interface ClassifierSpec {
  /** Rows of the Embedding layer: the ids are in [0, vocabulary). */
  vocabulary: number;
  /** Columns of the Embedding layer: the size of each id's vector. */
  embedding: number;
  /** Time steps: the input is ids `[batch, maxlen]`. */
  maxlen: number;
  /** Units of each LSTM layer, first to last (all but the last return their whole sequence). */
  lstm: readonly number[];
  /** Share in [0, 1] of each LSTM layer's inputs x_t dropped while training (default 0). */
  dropout?: number;
  /** Share in [0, 1] of h_{t-1} dropped while training (default 0). */
  recurrentDropout?: number;
  /** 'fused' is the kit's fast layer (src/lstm/fast/fused-layer.ts); 'stock' is tf.layers.lstm. Same maths. */
  implementation?: 'fused' | 'stock';
  /**
   * Read the prediction after every step: every LSTM layer returns its sequence and the Dense
   * sigmoid applies at each step, so the output is `[batch, maxlen, 1]` instead of `[batch, 1]`
   * (default false).
   */
  everyStep?: boolean;
  /**
   * Seed of the initial weights (default 7): the Embedding's uniform draw and the Dense kernel
   * take it, fused LSTM layer k takes `seed + k`. `null` draws nothing for a model whose weights
   * are set at once: zeros for the Embedding and Dense, the fused layer's own default seed.
   */
  seed?: number | null;
  /** Compiles with it, binary cross-entropy and accuracy; without it the model is not compiled. */
  optimizer?: tf.Optimizer;
}

/**
 * The one builder of the kit's LSTM classifiers: chapter 5's {@link sentimentModel}, the
 * `r-keras` reference of the benchmarks (rkeras.ts) and chapter 7's stepwise rebuild
 * (padding-study.ts). Takes ids `[batch, maxlen]`; returns p `[batch, 1]`, or `[batch, maxlen, 1]`
 * with `everyStep`.
 */
export function lstmClassifier(spec: Readonly<ClassifierSpec>): tf.Sequential {
  const { vocabulary, embedding, maxlen, lstm, implementation = 'fused', everyStep = false, optimizer } = spec;
  const { dropout = 0, recurrentDropout = 0, seed = 7 } = spec;
  const model = tf.sequential();
  model.add(
    tf.layers.embedding({
      inputDim: vocabulary,
      outputDim: embedding,
      inputLength: maxlen,
      // Keras' default: uniform in [-0.05, 0.05]; zeros when the weights are set at once.
      embeddingsInitializer:
        seed === null ? 'zeros' : tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
    }),
  );
  lstm.forEach((units, k) => {
    const args = { units, returnSequences: everyStep || k < lstm.length - 1, dropout, recurrentDropout };
    model.add(
      implementation === 'fused'
        ? new FusedLstm(seed === null ? args : { ...args, seed: seed + k })
        : tf.layers.lstm({
            ...args,
            recurrentActivation: 'sigmoid',
            // tfjs's orthogonal default takes seconds to draw (DESIGN.md); callers that compare
            // the two layers copy the fused model's weights in.
            recurrentInitializer: 'zeros',
          }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: seed === null ? 'zeros' : tf.initializers.glorotUniform({ seed }),
    }),
  );
  if (optimizer) model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** Builds and compiles the classifier of `settings`: ids `[batch, maxlen]` in, p `[batch, 1]` out. */
export function sentimentModel(settings: Readonly<SentimentSettings>, options: BuildOptions): tf.Sequential {
  const { vocabularySize, lstm = 'fused', seed = 7 } = options;
  return lstmClassifier({
    vocabulary: embeddingRows(settings, vocabularySize),
    embedding: settings.embedding,
    maxlen: settings.maxlen,
    lstm: settings.lstm,
    dropout: settings.dropout,
    recurrentDropout: settings.recurrentDropout,
    implementation: lstm,
    seed,
    optimizer: makeOptimizer(settings),
  });
}

/** One row of the model summary. */
export interface SummaryRow {
  layer: string;
  /** Output shape with `null` for the batch, as Keras prints it. */
  outputShape: (number | null)[];
  params: number;
}

/** The parameters of an LSTM layer: four gates, each with W (input), U (recurrent) and b. */
export function lstmParams(inputSize: number, units: number): number {
  return 4 * units * (inputSize + units + 1);
}

/** The model summary (layers, output shapes, parameter counts), computed from the settings. */
export function modelSummary(settings: Readonly<SentimentSettings>, vocabularySize: number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const v = embeddingRows(settings, vocabularySize);
  rows.push({
    layer: 'Embedding',
    outputShape: [null, settings.maxlen, settings.embedding],
    params: v * settings.embedding,
  });
  let inputSize = settings.embedding;
  settings.lstm.forEach((units, k) => {
    const sequences = k < settings.lstm.length - 1;
    rows.push({
      layer: sequences ? 'LSTM (return sequences)' : 'LSTM',
      outputShape: sequences ? [null, settings.maxlen, units] : [null, units],
      params: lstmParams(inputSize, units),
    });
    inputSize = units;
  });
  rows.push({ layer: 'Dense (sigmoid)', outputShape: [null, 1], params: inputSize + 1 });
  return rows;
}

/** Total trainable parameters. */
export function parameterCount(settings: Readonly<SentimentSettings>, vocabularySize: number): number {
  return modelSummary(settings, vocabularySize).reduce((sum, row) => sum + row.params, 0);
}

/**
 * Plain tfjs TypeScript that builds and trains the same model with the stock layers (the kit's
 * fused layer computes the same function, faster). `xTrain` is the padded ids `[reviews,
 * maxlen]` (int32) and `yTrain` the labels `[reviews, 1]`, made as chapter 5 describes.
 */
export function modelCode(
  settings: Readonly<SentimentSettings>,
  vocabularySize: number,
  validation: 'split' | 'test' = 'split',
): string {
  const v = embeddingRows(settings, vocabularySize);
  const drop =
    settings.dropout || settings.recurrentDropout
      ? `, dropout: ${settings.dropout}, recurrentDropout: ${settings.recurrentDropout}`
      : '';
  const lines = [
    "import * as tf from '@tensorflow/tfjs';",
    '',
    'const model = tf.sequential();',
    `model.add(tf.layers.embedding({ inputDim: ${v}, outputDim: ${settings.embedding}, inputLength: ${settings.maxlen} }));`,
    ...settings.lstm.map((units, k) => {
      const seq = k < settings.lstm.length - 1 ? ', returnSequences: true' : '';
      // tfjs defaults to hardSigmoid gates; Keras 2+ and the chapters use the logistic sigmoid.
      return `model.add(tf.layers.lstm({ units: ${units}${seq}${drop}, recurrentActivation: 'sigmoid' }));`;
    }),
    "model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));",
    'model.compile({',
    `  optimizer: tf.train.${settings.optimizer}(${settings.learningRate}),`,
    "  loss: 'binaryCrossentropy',",
    "  metrics: ['accuracy'],",
    '});',
    'model.summary();',
    '',
    '// xTrain: int32 [reviews, maxlen] padded ids; yTrain: float32 [reviews, 1] labels (0 or 1).',
    'await model.fit(xTrain, yTrain, {',
    `  batchSize: ${settings.batchSize},`,
    `  epochs: ${settings.epochs},`,
    '  shuffle: true,',
    validation === 'test'
      ? '  validationData: [xTest, yTest], // as the R article does: the test set, seen every epoch'
      : '  validationSplit: 0.2, // Keras holds out the LAST 20%: shuffle the rows first',
    '});',
  ];
  return lines.join('\n');
}
