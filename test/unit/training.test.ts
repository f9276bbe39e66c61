/**
 * The training loop and model files on a small synthetic slice: reviews of random words where
 * one word decides the label. Checks callback order, shapes, a falling loss, a flat tensor count,
 * stop and resume (a resumed run equals one that never stopped), and save/load round trips.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RankedReviews } from '../../src/data/views';
import {
  checkMetadata,
  loadKitModel,
  readArtifacts,
  restoreCheckpoint,
  saveKitModel,
  type KitModelMetadata,
} from '../../src/lstm/sentiment/model-files';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import { presetSettings, settingsView, type SentimentSettings } from '../../src/lstm/sentiment/presets';
import { evaluateModel, predictProbabilities, trainModel, type TrainingData } from '../../src/lstm/sentiment/train';
import { syntheticReviews } from '../fixtures/synthetic-reviews';
import { tinyMetadata } from '../fixtures/tiny-metadata';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VOCABULARY = 40;

/** `count` reviews of 6-12 random ranks from 3..VOCABULARY; positive ones contain rank 1, negative rank 2. */
const slice = (count: number, seed: number): RankedReviews =>
  syntheticReviews(count, seed, { vocabulary: VOCABULARY, shortest: 6, spread: 7, marker: 'anywhere' });

const settings: SentimentSettings = {
  ...presetSettings('r-keras'),
  numWords: null,
  maxlen: 12,
  embedding: 8,
  lstm: [6],
  dropout: 0,
  recurrentDropout: 0,
  learningRate: 0.01,
  batchSize: 16,
  epochs: 3,
};
const view = settingsView(settings);
const train = slice(96, 1);
const test = slice(64, 2);
const all = (r: RankedReviews) => Int32Array.from(r.labels, (_, i) => i);
const data: TrainingData = { train, trainIndices: all(train), validation: test, validationIndices: all(test) };
const build = () => sentimentModel(settings, { vocabularySize: VOCABULARY, seed: 3 });

function metadata(epochsDone: number): KitModelMetadata {
  return tinyMetadata(settings, VOCABULARY, { trainCount: 96, epochsDone });
}

/** A tf.io handler that keeps what is saved in memory and loads it back. */
function memoryHandler() {
  let saved: tf.io.ModelArtifacts | null = null;
  const handler: tf.io.IOHandler = {
    save: async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
    load: async () => {
      if (!saved) throw new Error('nothing saved');
      return saved;
    },
  };
  return handler;
}

describe('trainModel', () => {
  it('calls back in Keras order, lowers the loss and keeps the tensor count flat', async () => {
    const model = build();
    const events: string[] = [];
    const counts: number[] = [];
    const end = await trainModel(model, data, {
      view,
      batchSize: settings.batchSize,
      epochs: 3,
      seed: 5,
      callbacks: {
        onTrainBegin: (i) => void events.push(`begin ${i.batchesPerEpoch}x${i.epochs}`),
        onEpochBegin: (e) => void events.push(`epoch ${e}`),
        onBatchEnd: (b) => {
          if (b.batch === 0 || b.batch === b.batchesPerEpoch - 1) events.push(`batch ${b.epoch}.${b.batch}`);
          counts.push(tf.memory().numTensors);
        },
        onEpochEnd: (e) => void events.push(`end ${e.epoch}`),
        onTrainEnd: (r) => void events.push(`done ${r.epochsDone}`),
      },
    });
    expect(events).toEqual([
      'begin 6x3',
      'epoch 0',
      'batch 0.0',
      'batch 0.5',
      'end 0',
      'epoch 1',
      'batch 1.0',
      'batch 1.5',
      'end 1',
      'epoch 2',
      'batch 2.0',
      'batch 2.5',
      'end 2',
      'done 3',
    ]);
    expect(end.stopped).toBe(false);
    const [first, , last] = end.history;
    expect(last!.loss).toBeLessThan(first!.loss);
    expect(last!.valLoss).toBeLessThan(first!.valLoss!);
    // After the first batch (Adam's moments are created then) not one tensor more.
    expect(new Set(counts.slice(1)).size).toBe(1);
    const p = await predictProbabilities(model, test, all(test), view, { batchSize: 10 });
    expect(p.length).toBe(64);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('stops between batches when asked, and a run resumed from a checkpoint equals one that never stopped', async () => {
    const straight = build();
    await trainModel(straight, data, { view, batchSize: 16, epochs: 2, seed: 9 });

    const first = build();
    const handler = memoryHandler();
    let batches = 0;
    const stoppedRun = await trainModel(first, data, {
      view,
      batchSize: 16,
      epochs: 2,
      seed: 9,
      callbacks: {
        onBatchEnd: () => void batches++,
        onEpochEnd: async (e) =>
          void (await saveKitModel(first, handler, metadata(e.epoch + 1), { includeOptimizer: true })),
      },
      control: { shouldStop: () => batches >= 8 },
    });
    expect(stoppedRun).toMatchObject({ stopped: true, epochsDone: 1 });
    expect(batches).toBe(8);

    const resumed = build();
    const artifacts = await readArtifacts(handler);
    expect(checkMetadata(artifacts.userDefinedMetadata).epochsDone).toBe(1);
    await restoreCheckpoint(resumed, artifacts);
    await trainModel(resumed, data, { view, batchSize: 16, epochs: 2, startEpoch: 1, seed: 9 });
    const a = straight.getWeights().map((w) => w.dataSync());
    const b = resumed.getWeights().map((w) => w.dataSync());
    a.forEach((w, k) => w.forEach((v, i) => expect(b[k]![i]).toBeCloseTo(v, 5)));
  });

  it('saves and loads a model that predicts the same, and refuses files that are not kit models', async () => {
    const model = build();
    await trainModel(model, data, { view, batchSize: 16, epochs: 1 });
    const handler = memoryHandler();
    await saveKitModel(model, handler, metadata(1));
    const loaded = await loadKitModel(handler);
    expect(loaded.metadata.settings).toEqual(settings);
    const before = await evaluateModel(model, test, all(test), view);
    const after = await evaluateModel(loaded.model, test, all(test), view);
    expect(after.probabilities).toEqual(before.probabilities);

    const plain = memoryHandler();
    await build().save(plain); // a plain tfjs model, without the kit's metadata
    await expect(loadKitModel(plain)).rejects.toThrow(/no lstm-kit metadata/);
    await expect(loadKitModel(memoryHandler())).rejects.toThrow(/could not be read: nothing saved/);
    const broken = memoryHandler();
    await broken.save!({
      modelTopology: { nonsense: true },
      weightSpecs: [],
      weightData: new ArrayBuffer(0),
      userDefinedMetadata: { kit: metadata(1) as unknown as object },
    } as tf.io.ModelArtifacts);
    await expect(loadKitModel(broken)).rejects.toThrow(/malformed/);
  });

  it('keeps the weights of the epoch with the best validation accuracy, and frees its copies', async () => {
    // A learning rate so high that later epochs get worse: the best epoch is not the last.
    const model = sentimentModel({ ...settings, learningRate: 1 }, { vocabularySize: VOCABULARY, seed: 3 });
    const snapshots: Float32Array[][] = [];
    const before = tf.memory().numTensors;
    const end = await trainModel(model, data, {
      view,
      batchSize: 16,
      epochs: 4,
      keepBest: true,
      callbacks: {
        onEpochEnd: () => void snapshots.push(model.getWeights().map((w) => w.dataSync().slice() as Float32Array)),
      },
    });
    const accuracies = end.history.map((e) => e.valAccuracy!);
    const best = accuracies.indexOf(Math.max(...accuracies));
    expect(best).toBeLessThan(accuracies.length - 1); // so that the weights really go back
    expect(end.keptEpoch).toBe(best + 1);
    model.getWeights().forEach((w, k) => expect(Array.from(w.dataSync())).toEqual(Array.from(snapshots[best]![k]!)));
    // Nothing left behind but the model's variables and Adam's two moments per weight.
    expect(tf.memory().numTensors).toBe(before + 2 * model.weights.length);
    // Without validation there is nothing to choose by: the last weights stay.
    const plain = await trainModel(
      build(),
      { ...data, validation: null, validationIndices: null },
      {
        view,
        batchSize: 16,
        epochs: 1,
        keepBest: true,
      },
    );
    expect(plain.keptEpoch).toBeNull();
  });

  it('refuses an empty training set', async () => {
    await expect(
      trainModel(build(), { ...data, trainIndices: new Int32Array(0) }, { view, batchSize: 16, epochs: 1 }),
    ).rejects.toThrow(/no training reviews/);
  });
});
