/** A whole skip-gram run: schedule, reports, stopping, learning and tensor memory. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { cosine, row } from '../../src/embedding/cosine';
import { corpusFromTexts } from '../../src/embedding/corpus';
import { seededRandom } from '../../src/embedding/random';
import { batchSizeFor, linearDecay, pairsInText, subsampleFor, trainSkipGram } from '../../src/embedding/training';
import type { VectorTable } from '../../src/embedding/cosine';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Lines about pets or about roads, never mixed: pet words should end closer to each other. */
function twoTopics(lines: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pets = ['cat', 'dog', 'kitten', 'puppy', 'fur'];
  const roads = ['car', 'truck', 'road', 'wheel', 'lane'];
  return Array.from({ length: lines }, (_, i) => {
    const topic = i % 2 === 0 ? pets : roads;
    return Array.from({ length: 8 }, () => topic[Math.floor(random() * 5)]).join(' ');
  });
}

describe('schedule', () => {
  test('batch sizes keep about 20 steps per epoch, between 16 and the maximum', () => {
    expect(batchSizeFor(100)).toBe(16);
    expect(batchSizeFor(2000)).toBe(100);
    expect(batchSizeFor(10_000_000)).toBe(2048);
    expect(batchSizeFor(10_000_000, 512)).toBe(512);
  });

  test('pairs in a text match a window count by hand', () => {
    // 4 words, window 2: 2 + 3 + 3 + 2.
    expect(pairsInText(4, 2)).toBe(10);
    expect(pairsInText(1, 2)).toBe(0);
  });

  test('the learning rate falls linearly to 1/10,000 of the start', () => {
    expect(linearDecay(0.05, 0, 100)).toBe(0.05);
    expect(linearDecay(0.05, 50, 100)).toBeCloseTo(0.025, 12);
    expect(linearDecay(0.05, 100, 100)).toBeCloseTo(0.05e-4, 12);
    expect(linearDecay(0.05, 500, 100)).toBeCloseTo(0.05e-4, 12);
  });

  test('subsampling only for corpora of 50,000 words or more', () => {
    expect(subsampleFor(49_999)).toBe(0);
    expect(subsampleFor(50_000)).toBe(1e-3);
  });
});

describe('trainSkipGram', () => {
  test('reports the start, progress and every epoch; the loss falls and topics separate; no tensor leaks', async () => {
    const corpus = corpusFromTexts(twoTopics(60, 1));
    const before = tf.memory().numTensors;
    const tables: VectorTable[] = [];
    const losses: number[] = [];
    const progress: number[] = [];
    let clock = 0;
    const result = await trainSkipGram(
      corpus,
      { dim: 8, epochs: 6, seed: 3, subsample: 0 },
      {
        onStart: (t) => tables.push(t),
        onEpoch: (epoch, t, loss) => {
          expect(epoch).toBe(tables.length);
          tables.push(t);
          losses.push(loss);
        },
        onProgress: (p) => progress.push(p.epoch),
        // A clock that moves 100 ms per reading reports after every step.
        now: () => (clock += 100),
        pause: async () => undefined,
      },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result).toMatchObject({ epochs: 6, stopped: false });
    expect(result.wordsPerSecond).toBeGreaterThan(0);
    expect(tables).toHaveLength(7);
    expect(tables[0]!.rows).toBe(corpus.words.length);
    // Epoch progress rises to the number of epochs.
    expect(progress.at(-1)).toBeCloseTo(6, 12);
    expect(progress.every((e, i) => i === 0 || e > progress[i - 1]!)).toBe(true);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    // The untrained table starts at zero context vectors: the first loss is near (1 + 5) log 2.
    expect(losses[0]!).toBeLessThan(6 * Math.log(2) + 1e-6);
    const id = (w: string) => corpus.words.indexOf(w);
    const sim = (t: VectorTable, a: string, b: string) => cosine(row(t, id(a)), row(t, id(b)));
    const last = tables.at(-1)!;
    expect(sim(last, 'cat', 'dog')).toBeGreaterThan(sim(last, 'cat', 'truck'));
    // The tables are copies: the start was not changed by training.
    expect(tables[0]!.values).not.toEqual(last.values);
  });

  test('is deterministic for a seed', async () => {
    const corpus = corpusFromTexts(twoTopics(20, 2));
    const run = async (seed: number) => {
      let table: VectorTable | undefined;
      await trainSkipGram(corpus, { dim: 4, epochs: 2, seed, subsample: 0 }, { onEpoch: (_, t) => (table = t) });
      return table!.values;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
  });

  test('stops between steps when asked, and frees its tensors', async () => {
    const corpus = corpusFromTexts(twoTopics(40, 3));
    const before = tf.memory().numTensors;
    let epochs = 0;
    let asked = 0;
    const result = await trainSkipGram(
      corpus,
      { dim: 4, epochs: 5, subsample: 0 },
      {
        onEpoch: () => epochs++,
        shouldStop: () => ++asked >= 3,
        now: (() => {
          let t = 0;
          return () => (t += 1000);
        })(),
        pause: async () => undefined,
      },
    );
    expect(result.stopped).toBe(true);
    expect(result.epochs).toBe(epochs);
    expect(result.epochs).toBeLessThan(5);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('refuses a corpus with fewer than two words', async () => {
    await expect(trainSkipGram({ sequences: [], words: ['only'] })).rejects.toThrow(/two distinct words/);
  });
});
