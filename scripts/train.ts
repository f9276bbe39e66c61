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
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { memoryPeaks } from './lib/memory.ts';
import { directoryHandler } from './lib/model-directory.ts';
import { parseOptions, runCommand, UsageError, type Options, type OptionSpec } from './lib/options.ts';

const USAGE = `usage: npm run train -- [options]

Trains a chapter 5 sentiment model in Node and evaluates it on the test reviews.

  --preset NAME             ${PRESET_NAMES.join(', ')} (default r-keras)
  --epochs N                epochs to train (default: the preset's)
  --validation split|test   20% of training held out (default), or the test set as the R article
  --out DIR                 where the model goes (default models/PRESET)
  --data DIR                the prepared data (default public/data/imdb)
  --backend wasm|cpu        tfjs backend (default wasm)
  --sample N                train on N of the training reviews (a quick try)
  --resume                  continue from the checkpoint in DIR/checkpoint
  --keep-best               keep the weights of the epoch with the best validation accuracy
  --seed N                  seed of weights, shuffling and hold-out (default 7)
  --lstm fused|stock        the kit's fused LSTM (default) or tfjs's own, many times slower
  --maxlen N, --num-words N|all, --embedding N, --units N[,N], --dropout X,
  --recurrent-dropout X, --optimizer adam|rmsprop|sgd, --learning-rate X, --batch N
                            override one setting of the preset
  --help                    show this help`;

/** A run-time failure: one line, exit code 1 (runCommand prints it). */
function fail(message: string): never {
  throw new Error(message);
}

const OPTIONS = {
  preset: { type: 'choice', choices: PRESET_NAMES, default: 'r-keras' },
  epochs: { type: 'int', min: 1 },
  validation: { type: 'choice', choices: ['split', 'test'], default: 'split' },
  out: { type: 'string' },
  data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
  backend: { type: 'choice', choices: ['wasm', 'cpu'], default: 'wasm' },
  sample: { type: 'int', min: 1 },
  resume: { type: 'boolean' },
  'keep-best': { type: 'boolean' },
  lstm: { type: 'choice', choices: ['fused', 'stock'], default: 'fused' },
  seed: { type: 'int', default: 7 },
  maxlen: { type: 'int', min: 1 },
  'num-words': { type: 'string' },
  embedding: { type: 'int', min: 1 },
  units: { type: 'string' },
  dropout: { type: 'number', min: 0, max: 1 },
  'recurrent-dropout': { type: 'number', min: 0, max: 1 },
  optimizer: { type: 'string' },
  'learning-rate': { type: 'number', min: 0 },
  batch: { type: 'int', min: 1 },
  help: { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

type Args = Options<typeof OPTIONS>;

/** Whole numbers above 0 from a comma list ("128,64"), or a usage error naming the option. */
function wholeNumbers(flag: string, text: string): number[] {
  const parts = text.split(',');
  if (!parts.every((p) => /^\d+$/.test(p.trim()) && Number(p) > 0)) {
    throw new UsageError(`${flag} must be whole numbers above 0, separated by commas, not "${text}"`);
  }
  return parts.map(Number);
}

/** The preset's settings with every option given on the command line applied, then checked. */
function settingsFromArgs(args: Args): SentimentSettings {
  const s: Record<string, unknown> = { ...presetSettings(args.preset as PresetName) };
  const numWords = args['num-words'];
  // "all": the whole vocabulary (null); otherwise a count of the most frequent words.
  const words =
    numWords === undefined ? undefined : numWords === 'all' ? null : wholeNumbers('--num-words', numWords)[0];
  const set: [unknown, string][] = [
    [args.epochs, 'epochs'],
    [args.maxlen, 'maxlen'],
    [words, 'numWords'],
    [args.embedding, 'embedding'],
    [args.units === undefined ? undefined : wholeNumbers('--units', args.units), 'lstm'],
    [args.dropout, 'dropout'],
    [args['recurrent-dropout'], 'recurrentDropout'],
    [args.optimizer, 'optimizer'],
    [args['learning-rate'], 'learningRate'],
    [args.batch, 'batchSize'],
  ];
  for (const [value, key] of set) if (value !== undefined) s[key] = value;
  try {
    return checkSettings(s);
  } catch (error) {
    throw new UsageError((error as Error).message);
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
  const args = parseOptions(process.argv.slice(2), OPTIONS);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const settings = settingsFromArgs(args);
  const validation = args.validation;
  const seed = args.seed;
  const out = args.out ?? join(import.meta.dirname, '..', 'models', args.preset!);
  if (!existsSync(join(args.data, 'manifest.json'))) {
    fail(`no prepared IMDB data in ${args.data}: prepare it first with npm run data -- --archive PATH`);
  }

  const dataset = await loadImdb(directorySource(args.data), { splits: ['train', 'test'] });
  const train = dataset.splits.train!;
  const test = dataset.splits.test!;
  const data = trainingData(train, test, {
    validation,
    sample: args.sample ?? null,
    seed,
  });
  const { trainIndices, validationIndices } = data;

  await tf.setBackend(args.backend);
  await tf.ready();
  const backend = registerFastKernels(tf);
  const threads = backend === 'wasm' ? `, ${getThreadsCount()} thread(s)` : '';

  const vocabularySize = dataset.vocabulary.words.length;
  const view = settingsView(settings);
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
    if (meta.vocabularySha256 && meta.vocabularySha256 !== dataset.manifest.vocabulary.sha256)
      fail(`--resume: the checkpoint was trained on other prepared data (its vocabulary differs from ${args.data}'s)`);
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

  // Peaks over the run, and the live tensors at every batch's end: a count that grows is a leak.
  const memory = memoryPeaks();
  const result = await trainModel(model, data, {
    view,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    startEpoch,
    seed,
    keepBest: args['keep-best'],
    callbacks: {
      onBatchEnd: (b) => {
        memory.sample();
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
        memory.sample();
        console.log(`  memory over epoch ${e.epoch + 1}: ${memory.line()}`);
        await saveKitModel(model, directoryHandler(checkpointDir), metadata(e.epoch + 1), { includeOptimizer: true });
      },
    },
  });

  if (result.keptEpoch !== null && result.keptEpoch !== result.epochsDone) {
    console.log(`Kept the weights of epoch ${result.keptEpoch}, the best on validation (--keep-best).`);
  }
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
  const kept =
    result.keptEpoch !== null && result.keptEpoch !== result.epochsDone ? { keptEpoch: result.keptEpoch } : {};
  await saveKitModel(model, directoryHandler(out), { ...metadata(result.epochsDone, metrics), ...kept });
  mkdirSync(out, { recursive: true });
  // A finished run needs no checkpoint (as in the page's worker); a stopped one keeps it to resume.
  if (!result.stopped) rmSync(checkpointDir, { recursive: true, force: true });
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
        keptEpoch: result.keptEpoch,
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

runCommand('train', main);
