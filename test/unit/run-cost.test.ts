import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { costSentence, epochSeconds, timeBatches } from '../../src/lstm/sentiment/run-cost';
import { presetButEpochs, presetSettings, settingsLabel } from '../../src/lstm/sentiment/presets';
import { sentimentModel } from '../../src/lstm/sentiment/model';

const timing = { secondsPerBatch: 0.05, secondsPerReview: 0.0004 };
const size = { trainCount: 20000, validationCount: 5000, batchSize: 32 };

describe("a run's cost from timed batches", () => {
  it('counts every batch, the last one partial, and the validation pass', () => {
    // 625 batches of 0.05 s, then 5,000 reviews at 0.4 ms.
    expect(epochSeconds(timing, size)).toBeCloseTo(31.25 + 2, 10);
    expect(epochSeconds(timing, { ...size, trainCount: 20001 })).toBeCloseTo(626 * 0.05 + 2, 10);
  });

  it("says the short run's cost and the preset's full run beside it", () => {
    expect(costSentence(timing, size, 2, { name: 'r-keras', epochs: 15 })).toBe(
      'On this machine (a few batches timed just now): about 33 s an epoch, so this run of 2 epochs takes about ' +
        '1 min 7 s; the full 15 epochs of r-keras would take about 8 min 19 s.',
    );
    expect(costSentence(timing, size, 1, null)).toMatch(/this run of 1 epoch takes about 33 s\.$/);
    expect(costSentence(timing, size, 15, { name: 'r-keras', epochs: 15 })).not.toMatch(/article/);
  });
});

describe('a shortened preset', () => {
  it('is named after its preset and its epochs', () => {
    const s = { ...presetSettings('r-keras'), epochs: 2 };
    expect(presetButEpochs(s)).toBe('r-keras');
    expect(settingsLabel(s)).toBe('r-keras, 2 epochs');
    expect(settingsLabel({ ...s, epochs: 1 })).toBe('r-keras, 1 epoch');
    expect(presetButEpochs({ ...s, maxlen: 81 })).toBeNull();
    expect(settingsLabel(presetSettings('py-keras'))).toBe('py-keras');
  });
});

describe('timing batches', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('times real batches of the model and leaks no tensor', async () => {
    const settings = { ...presetSettings('r-keras'), numWords: 50, maxlen: 6, embedding: 4, lstm: [3], batchSize: 4 };
    const reviews = {
      offsets: Uint32Array.from([0, 3, 5, 9, 12, 14]),
      tokens: Uint32Array.from([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]),
      labels: Uint8Array.from([0, 1, 0, 1, 1]),
    };
    const model = sentimentModel(settings, { vocabularySize: 30, seed: 1 });
    const time = () =>
      timeBatches(
        model,
        reviews,
        Int32Array.from([0, 1, 2, 3, 4]),
        { layout: 'imdb', maxlen: 6, numWords: 50 },
        {
          batchSize: 4,
          warmup: 1,
          timed: 2,
          predictRows: 5,
        },
      );
    await time(); // the optimizer makes its moments on the first batch
    const before = tf.memory().numTensors;
    const t = await time();
    expect(tf.memory().numTensors).toBe(before);
    expect(t.secondsPerBatch).toBeGreaterThan(0);
    expect(t.secondsPerReview).toBeGreaterThan(0);
    expect(t.secondsPerReview).toBeLessThan(t.secondsPerBatch);
    model.dispose();
  });
});
