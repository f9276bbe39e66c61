/**
 * Trains a chapter 5 sentiment model in Node with the same code as the page's training worker
 * (src/lstm/sentiment/train.ts on the fused layer), evaluates it on all 25,000 test reviews, and writes
 * the model (standard tfjs files with the kit's metadata), a checkpoint after every epoch, and a
 * metrics JSON.
 *
 *   npm run train -- --preset r-keras [--epochs N] [--validation split|test] [--out DIR]
 *                    [--data DIR] [--backend wasm|cpu] [--sample N] [--resume] [--seed N] [--lstm fused|stock]
 *                    [--maxlen N] [--num-words N|all] [--embedding N] [--units N[,N]]
 *                    [--dropout X] [--recurrent-dropout X] [--optimizer adam|rmsprop|sgd]
 *                    [--learning-rate X] [--batch N]
 *
 * --validation split (default) holds 20% of the training reviews out of training; test trains on
 * all 25,000 and validates on the test set every epoch, as the R article does.
 * --lstm stock trains tfjs's own tf.layers.lstm (with tfjs's Adam) from the fused model's initial
 * weights, to compare the two layers' accuracy; it is many times slower.
 * The data must have been prepared: npm run data -- --archive PATH
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { loadImdb } from '../src/data/index.ts';
import { directorySource } from '../src/data/node/index.ts';
import { binaryMetrics, mostWrong } from '../src/lstm/sentiment/metrics.ts';
import { registerFastKernels } from '../src/lstm/fast/kernels.ts';
import { allIndices, trainingData } from '../src/lstm/sentiment/holdout.ts';
import {
  readArtifacts,
  restoreCheckpoint,
  runMetadata,
  saveKitModel,
  type KitModelMetadata,
} from '../src/lstm/sentiment/model-files.ts';
import { modelSummary, parameterCount, sentimentModel } from '../src/lstm/sentiment/model.ts';
import { runProgress } from '../src/lstm/sentiment/progress.ts';
import {
  checkSettings,
  PRESET_NAMES,
  presetSettings,
  settingsLabel,
  settingsView,
  type PresetName,
  type SentimentSettings,
} from '../src/lstm/sentiment/presets.ts';
import { predictProbabilities, trainModel, type EpochLog } from '../src/lstm/sentiment/train.ts';
import { directoryHandler } from './lib/model-directory.ts';

function fail(message: string): never {
  console.error(`train: ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    preset: { type: 'string', default: 'r-keras' },
    epochs: { type: 'string' },
    validation: { type: 'string', default: 'split' },
    out: { type: 'string' },
    data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
    backend: { type: 'string', default: 'wasm' },
    sample: { type: 'string' },
    resume: { type: 'boolean', default: false },
    lstm: { type: 'string', default: 'fused' },
    seed: { type: 'string', default: '7' },
    maxlen: { type: 'string' },
    'num-words': { type: 'string' },
    embedding: { type: 'string' },
    units: { type: 'string' },
    dropout: { type: 'string' },
    'recurrent-dropout': { type: 'string' },
    optimizer: { type: 'string' },
    'learning-rate': { type: 'string' },
    batch: { type: 'string' },
  },
  strict: true,
});

/** The preset's settings with every option given on the command line applied, then checked. */
function settingsFromArgs(): SentimentSettings {
  if (!PRESET_NAMES.includes(args.preset as PresetName)) fail(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
  const s: Record<string, unknown> = { ...presetSettings(args.preset as PresetName) };
  const num = (v: string) => Number(v);
  const set: [string | undefined, string, (v: string) => unknown][] = [
    [args.epochs, 'epochs', num],
    [args.maxlen, 'maxlen', num],
    [args['num-words'], 'numWords', (v) => (v === 'all' ? null : num(v))],
    [args.embedding, 'embedding', num],
    [args.units, 'lstm', (v) => v.split(',').map(num)],
    [args.dropout, 'dropout', num],
    [args['recurrent-dropout'], 'recurrentDropout', num],
    [args.optimizer, 'optimizer', String],
    [args['learning-rate'], 'learningRate', num],
    [args.batch, 'batchSize', num],
  ];
  for (const [value, key, parse] of set) if (value !== undefined) s[key] = parse(value);
  try {
    return checkSettings(s);
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** A progress bar on a terminal; a line every tenth of an epoch otherwise (CI logs). */
function progress(label: string, done: number, total: number, extra: string): void {
  const fraction = done / total;
  if (process.stdout.isTTY) {
    const width = 30;
    const filled = Math.round(fraction * width);
    process.stdout.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${extra}   `,
    );
    if (done === total) process.stdout.write('\n');
  } else if (done === total || Math.floor((fraction * 10) % 10) !== Math.floor((((done - 1) / total) * 10) % 10)) {
    console.log(`${label} ${done}/${total} ${extra}`);
  }
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  const validation = args.validation;
  if (validation !== 'split' && validation !== 'test') fail('--validation must be split or test');
  if (args.backend !== 'wasm' && args.backend !== 'cpu') fail('--backend must be wasm or cpu');
  const seed = Number(args.seed);
  const out = args.out ?? join(import.meta.dirname, '..', 'models', args.preset!);
  if (!existsSync(join(args.data, 'manifest.json'))) {
    fail(`no prepared IMDB data in ${args.data}.\nPrepare it first: npm run data -- --archive PATH`);
  }

  const dataset = await loadImdb(directorySource(args.data), { splits: ['train', 'test'] });
  const train = dataset.splits.train!;
  const test = dataset.splits.test!;
  const data = trainingData(train, test, {
    validation,
    sample: args.sample === undefined ? null : Number(args.sample),
    seed,
  });
  const { trainIndices, validationIndices } = data;

  await tf.setBackend(args.backend);
  await tf.ready();
  const backend = registerFastKernels(tf);
  const threads = backend === 'wasm' ? `, ${getThreadsCount()} thread(s)` : '';

  const vocabularySize = dataset.vocabulary.words.length;
  const view = settingsView(settings);
  if (args.lstm !== 'fused' && args.lstm !== 'stock') fail('--lstm must be fused or stock');
  let model = sentimentModel(settings, { vocabularySize, seed });
  if (args.lstm === 'stock') {
    // The same starting point: tfjs's LSTM takes the fused model's seeded weights, and tfjs's Adam.
    const stock = sentimentModel(settings, { vocabularySize, seed, lstm: 'stock' });
    stock.setWeights(model.getWeights());
    stock.compile({
      optimizer: tf.train.adam(settings.learningRate),
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    });
    model = stock;
  }
  const checkpointDir = join(out, 'checkpoint');
  let startEpoch = 0;
  let history: EpochLog[] = [];
  if (args.resume) {
    if (!existsSync(join(checkpointDir, 'model.json'))) fail(`--resume: no checkpoint in ${checkpointDir}`);
    const artifacts = await readArtifacts(directoryHandler(checkpointDir));
    const meta = (artifacts.userDefinedMetadata as { kit: KitModelMetadata }).kit;
    if (JSON.stringify(meta.settings) !== JSON.stringify(settings))
      fail('--resume: the checkpoint was trained with other settings');
    await restoreCheckpoint(model, artifacts);
    startEpoch = meta.epochsDone;
    history = meta.history;
  }

  console.log(
    `Training ${settingsLabel(settings)} (${args.lstm} LSTM) on ${backend}${threads}, Node ${process.version}`,
  );
  for (const row of modelSummary(settings, vocabularySize)) {
    console.log(
      `  ${row.layer.padEnd(26)} ${JSON.stringify(row.outputShape).padEnd(16)} ${row.params.toLocaleString('en')}`,
    );
  }
  console.log(`  ${'total'.padEnd(43)} ${parameterCount(settings, vocabularySize).toLocaleString('en')} parameters`);
  console.log(
    `${trainIndices.length} training reviews, validation on ${validationIndices.length} ` +
      `${validation === 'test' ? 'test reviews (as the R article)' : 'held-out training reviews'}; ` +
      `epochs ${startEpoch + 1}-${settings.epochs}, batch ${settings.batchSize}\n`,
  );

  const metadata = runMetadata({
    settings,
    validation,
    trainCount: trainIndices.length,
    history,
    vocabulary: dataset.vocabulary.words,
    vocabularySha256: dataset.manifest.vocabulary.sha256,
  });

  const result = await trainModel(model, data, {
    view,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    startEpoch,
    seed,
    callbacks: {
      onBatchEnd: (b) => {
        const { rate, epochSecondsLeft: left } = runProgress(b, settings.epochs, startEpoch);
        progress(
          `epoch ${b.epoch + 1}/${settings.epochs}`,
          b.batch + 1,
          b.batchesPerEpoch,
          `loss ${b.meanLoss.toFixed(4)} acc ${b.meanAccuracy.toFixed(4)} ${rate.toFixed(1)} batches/s, ${clock(left)} left`,
        );
      },
      onEpochEnd: async (e) => {
        history.push(e);
        console.log(
          `epoch ${e.epoch + 1}: ${e.seconds.toFixed(1)} s, loss ${e.loss.toFixed(4)}, accuracy ${e.accuracy.toFixed(4)}, ` +
            `val_loss ${e.valLoss?.toFixed(4)}, val_accuracy ${e.valAccuracy?.toFixed(4)}`,
        );
        await saveKitModel(model, directoryHandler(checkpointDir), metadata(e.epoch + 1), { includeOptimizer: true });
      },
    },
  });

  const started = performance.now();
  const probabilities = await predictProbabilities(model, test, allIndices(test.count), view, {
    onProgress: (f) => progress('test', Math.round(f * 50), 50, ''),
  });
  const metrics = binaryMetrics(probabilities, test.labels);
  const evalSeconds = (performance.now() - started) / 1000;
  console.log(
    `\nTest (${test.count} reviews, ${evalSeconds.toFixed(1)} s): loss ${metrics.loss.toFixed(4)}, accuracy ${metrics.accuracy.toFixed(4)}, ` +
      `precision ${metrics.precision.toFixed(4)}, recall ${metrics.recall.toFixed(4)}, F1 ${metrics.f1.toFixed(4)}`,
  );
  console.log(`Confusion: TP ${metrics.tp}, FN ${metrics.fn}, FP ${metrics.fp}, TN ${metrics.tn}`);
  await saveKitModel(model, directoryHandler(out), metadata(result.epochsDone, metrics));
  mkdirSync(out, { recursive: true });
  const epochSeconds = history.map((e) => e.seconds);
  writeFileSync(
    join(out, 'metrics.json'),
    JSON.stringify(
      {
        settings,
        label: settingsLabel(settings),
        validation,
        backend,
        node: process.version,
        trainCount: trainIndices.length,
        history,
        secondsPerEpoch: epochSeconds.reduce((a, b) => a + b, 0) / Math.max(1, epochSeconds.length),
        test: metrics,
        mostWrong: mostWrong(probabilities, test.labels, 10).map((i) => ({
          review: i,
          probability: probabilities[i],
          label: test.labels[i],
        })),
      },
      null,
      2,
    ),
  );
  console.log(`Wrote ${join(out, 'model.json')}, weights.bin and metrics.json`);
}

await main();
