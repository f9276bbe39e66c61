// The state of chapter 5's baseline fits as the page shows it: kept results checked, the
// storage key of a dataset, time estimates, and the reducer over the baselines worker's reports.
import { describe, expect, it } from 'vitest';
import {
  abandonFit,
  checkResults,
  fitStep,
  idleFit,
  resultsKey,
  startFit,
  stopFit,
  timeLeft,
  type FitState,
} from '../../src/baselines/fit-run';
import type { BagOfWordsBaseline, ForestBaseline } from '../../src/baselines/imdb';
import type { ImdbManifest } from '../../src/data/shards';

const metrics = {
  loss: 0.6,
  accuracy: 0.55,
  precision: 0.5,
  recall: 0.6,
  f1: 0.54,
  tp: 6,
  tn: 5,
  fp: 6,
  fn: 3,
  count: 20,
};
const forest: ForestBaseline = {
  model: 'forest',
  trees: 10,
  metrics,
  outOfBagAccuracy: 0.52,
  nodesPerTree: 31,
  seconds: 2,
};
const bow: BagOfWordsBaseline = {
  model: 'bag-of-words',
  words: 100,
  bigrams: 40,
  l2: 3e-7,
  iterations: 12,
  metrics: { ...metrics, accuracy: 0.8 },
  seconds: 1,
};

describe('kept baseline results', () => {
  it('keeps what a fit wrote and drops anything else', () => {
    expect(checkResults({ forest, bagOfWords: bow })).toEqual({ forest, bagOfWords: bow });
    expect(checkResults(null)).toEqual({});
    expect(
      checkResults({ forest: { ...forest, metrics: { accuracy: 'high' } }, bagOfWords: { ...bow, seconds: '1' } }),
    ).toEqual({});
    expect(checkResults({ forest: bow })).toEqual({});
  });

  it('keys them by the checksums of the dataset', () => {
    const manifest = (vocabulary: string) =>
      ({
        vocabulary: { sha256: vocabulary },
        splits: { train: { shards: [{ sha256: 'a' }] }, test: { shards: [{ sha256: 'b' }] } },
      }) as unknown as ImdbManifest;
    const key = resultsKey(manifest('v1'), 'p:');
    expect(key).toMatch(/^p:[0-9a-f]{8}$/);
    expect(resultsKey(manifest('v1'), 'p:')).toBe(key);
    expect(resultsKey(manifest('v2'), 'p:')).not.toBe(key);
  });

  it('estimates the time left once there is something to go on', () => {
    expect(timeLeft(1000, 0.5)).toBe('estimating the time left…');
    expect(timeLeft(5000, 0.01)).toBe('estimating the time left…');
    expect(timeLeft(10_000, 0.5)).toBe('about 10 s left');
    expect(timeLeft(60_000, 0.25)).toBe('about 3 min left');
  });
});

describe('the fit reducer', () => {
  const progress = (model: 'forest' | 'bag-of-words', fraction: number) =>
    ({ type: 'progress', model, stage: 'growing trees', fraction }) as const;

  it('follows a fit from start to done', () => {
    let s: FitState = startFit(idleFit({ forest }), ['bag-of-words', 'forest'], 1000);
    expect(s).toMatchObject({ status: 'Starting the worker…', fraction: 0, results: { forest } });
    expect(startFit(s, ['forest'], 2000)).toBe(s);
    s = fitStep(s, progress('bag-of-words', 0.01), 1500);
    expect(s.run?.model).toBe('bag-of-words');
    expect(s.status).toBe(
      'Step 1 of 2, the bag-of-words logistic regression: growing trees; estimating the time left…',
    );
    s = fitStep(s, progress('bag-of-words', 0.5), 11_500);
    expect(s.status).toMatch(/about 10 s left$/);
    expect(s.fraction).toBe(0.5);
    s = fitStep(s, { type: 'result', result: bow }, 12_000);
    expect(s.results).toEqual({ forest, bagOfWords: bow });
    // The second model's clock starts at its first report.
    s = fitStep(s, progress('forest', 0.5), 20_000);
    expect(s.run?.modelStarted).toBe(20_000);
    expect(s.status).toMatch(/^Step 2 of 2, the random forest/);
    s = fitStep(s, { type: 'done', stopped: false }, 24_000);
    expect(s.run).toBeNull();
    expect(s.status).toBe('Fitted both baselines in 23.0 s.');
    // Late reports change nothing.
    expect(fitStep(s, progress('forest', 0.9), 25_000)).toBe(s);
  });

  it('stops: says so, keeps the status through progress, and ends on done or on the grace timer', () => {
    let s = stopFit(startFit(idleFit({}), ['forest'], 0));
    expect(s.status).toBe('Stopping…');
    expect(stopFit(s)).toBe(s);
    s = fitStep(s, progress('forest', 0.3), 100);
    expect(s.status).toBe('Stopping…');
    expect(fitStep(s, { type: 'done', stopped: true }, 200).status).toBe(
      'Stopped. Results that were complete before the stop are in the table.',
    );
    expect(abandonFit(s)).toMatchObject({ run: null, status: 'Stopped.' });
    expect(fitStep(s, { type: 'error', message: 'x' }, 200)).toMatchObject({ run: null, status: '' });
  });
});
