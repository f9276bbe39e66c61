/**
 * Model files whose metadata contradicts their network are refused, naming the disagreement:
 * an Embedding cut short, layers claimed that are not there, a vocabulary too large, another
 * maxlen, NaN weights, test metrics that cannot be. The pure check first, then whole files
 * through loadKitModel (tfjs's CPU backend, a tiny model).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryMetrics } from '../../src/lstm/sentiment/metrics';
import { metricsProblem, networkDisagreements, type NetworkFacts } from '../../src/lstm/sentiment/model-check';
import { loadKitModel, saveKitModel, type KitModelMetadata } from '../../src/lstm/sentiment/model-files';
import { modelSummary, sentimentModel } from '../../src/lstm/sentiment/model';
import type { SentimentSettings } from '../../src/lstm/sentiment/presets';
import { TINY_SETTINGS, tinyMetadata } from '../fixtures/tiny-metadata';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VOCABULARY = 30;
const settings = TINY_SETTINGS;

/** The facts of the network the settings describe: what a consistent file holds. */
function facts(s: SentimentSettings = settings, vocabularySize = VOCABULARY): NetworkFacts {
  return {
    layers: modelSummary(s, vocabularySize).map((r) => ({ kind: r.layer.split(' ')[0]!, params: r.params })),
    inputShape: [null, s.maxlen],
    outputShape: [null, 1],
    nonFinite: 0,
  };
}
const meta = { settings, vocabularySize: VOCABULARY, wordCount: VOCABULARY };

describe('networkDisagreements', () => {
  it('finds nothing in a network that is what its metadata says', () => {
    expect(networkDisagreements(meta, facts())).toEqual([]);
  });

  it('names each disagreement', () => {
    const cut = facts(settings, 10); // an Embedding cut to fewer rows
    expect(networkDisagreements(meta, cut)).toEqual([
      expect.stringMatching(
        /^its Embedding layer should have 136 weights by its metadata, but has 56 \(34 rows of 4 expected, 14 found\)$/,
      ),
    ]);
    expect(networkDisagreements({ ...meta, settings: { ...settings, lstm: [5, 5] } }, facts())).toEqual([
      'its metadata describes the layers Embedding, LSTM, LSTM, Dense, but the network has Embedding, LSTM, Dense',
    ]);
    expect(networkDisagreements({ ...meta, wordCount: 1_000_000 }, facts())).toEqual([
      'its metadata carries 1,000,000 words, but its settings let it see 30',
    ]);
    expect(networkDisagreements(meta, { ...facts(), inputShape: [null, 80], nonFinite: 3 })).toEqual([
      'it reads reviews of 80 words, but its metadata says maxlen 10',
      '3 of its weights are not numbers (NaN or infinite)',
    ]);
  });
});

describe('metricsProblem', () => {
  const good = binaryMetrics([0.9, 0.2, 0.7, 0.4], [1, 0, 0, 1]);
  it('accepts none, and metrics whose scores are what their counts give', () => {
    expect(metricsProblem(null)).toBeNull();
    expect(metricsProblem(JSON.parse(JSON.stringify(good)))).toBeNull();
  });
  it('refuses NaN, impossible scores and counts that are not whole', () => {
    expect(metricsProblem({ ...good, accuracy: NaN })).toBe(
      'its test accuracy (NaN) is not what its counts give (0.5)',
    );
    expect(metricsProblem({ ...good, f1: -Infinity })).toMatch(/^its test f1 \(-Infinity\)/);
    expect(metricsProblem({ ...good, tp: 1.5 })).toBe(
      'its test metrics have no whole counts of right and wrong answers',
    );
    expect(metricsProblem({ ...good, loss: -1 })).toBe('its test loss (-1) is not a number of 0 or more');
    expect(metricsProblem('high')).toBe('its test metrics are not a record');
  });
});

describe('loading a model file that contradicts itself', () => {
  const metadata = (over: Partial<KitModelMetadata> = {}) => tinyMetadata(settings, VOCABULARY, over);

  /** The model saved in memory with `over` written into its metadata, and `tamper` on its weights. */
  async function saved(over: Partial<KitModelMetadata>, tamper?: (weights: Float32Array) => void) {
    const model = sentimentModel(settings, { vocabularySize: VOCABULARY, seed: 1 });
    let artifacts: tf.io.ModelArtifacts | null = null;
    await saveKitModel(
      model,
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
      metadata(over),
    );
    tf.dispose(model.weights.map((w) => w.read()));
    const a = artifacts as unknown as tf.io.ModelArtifacts;
    if (tamper) tamper(new Float32Array(a.weightData as ArrayBuffer));
    return tf.io.fromMemory(a);
  }

  it('loads a consistent file, and keeps the tensor count flat when it refuses one', async () => {
    const { model } = await loadKitModel(await saved({}));
    tf.dispose(model.weights.map((w) => w.read()));
    const cases: [Partial<KitModelMetadata>, RegExp][] = [
      [{ vocabularySize: 200_000, words: metadata().words }, /Embedding layer should have 800,016 weights/],
      [
        { settings: { ...settings, lstm: [5, 5] } },
        /layers Embedding, LSTM, LSTM, Dense, but the network has Embedding, LSTM, Dense/,
      ],
      [{ settings: { ...settings, maxlen: 80 } }, /reads reviews of 10 words, but its metadata says maxlen 80/],
      [{ test: { ...binaryMetrics([0.9, 0.1], [1, 0]), accuracy: NaN } }, /cannot be right: its test accuracy \(NaN\)/],
      [{}, /contradicts itself: 7 of its weights are not numbers/],
    ];
    // The files first (building a model keeps a couple of tensors of its own), then the loads.
    const files = await Promise.all(
      cases.map(([over], k) => saved(over, k === cases.length - 1 ? (w) => w.fill(NaN, 0, 7) : undefined)),
    );
    const before = tf.memory().numTensors;
    for (const [k, [, message]] of cases.entries()) await expect(loadKitModel(files[k]!)).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });
});
