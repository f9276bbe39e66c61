/**
 * Chapter 7's length study as the page runs it (src/lstm/sentiment/length-run.ts), without a
 * browser or a worker: the request handed to the worker, the run's state machine fed the
 * worker's reports, and the sentences and table rows the widget shows, checked against counts
 * made by hand.
 */
import { describe, expect, it } from 'vitest';
import type { LengthPoint } from '../../src/lstm/sentiment/length-cuts';
import {
  clock,
  IDLE,
  lengthBlocker,
  lengthRows,
  lengthRunRequest,
  lengthRunStep,
  lengthView,
  truncationCuts,
  type LengthRunEvent,
  type LengthRunState,
} from '../../src/lstm/sentiment/length-run';
import type { SentimentSettings } from '../../src/lstm/sentiment/presets';

const SETTINGS: SentimentSettings = {
  layout: 'imdb',
  numWords: null,
  maxlen: 4,
  embedding: 4,
  lstm: [5],
  dropout: 0,
  recurrentDropout: 0,
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 8,
  epochs: 1,
};

/** Four reviews of 1, 3, 5 and 9 words (2, 4, 6 and 10 ids with the start marker). */
const TEST = {
  count: 4,
  offsets: Uint32Array.from([0, 1, 4, 9, 18]),
  tokens: Uint32Array.from({ length: 18 }, (_, i) => 3 + (i % 7)),
  labels: Uint8Array.from([0, 1, 0, 1]),
};
const MAXLENS = [2, 4, 8];

function point(maxlen: number, accuracy: number): LengthPoint {
  return { maxlen, count: 3, accuracy, loss: 0.5, truncated: 1, seconds: 0.1 };
}

function run(events: LengthRunEvent[], from: LengthRunState = IDLE): LengthRunState {
  return events.reduce((state, event) => lengthRunStep(state, event, MAXLENS), from);
}

describe('length study run', () => {
  it('prints durations as m:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.4)).toBe('1:05');
    expect(clock(-3)).toBe('0:00');
  });

  it('counts the reviews each maxlen truncates, start marker included', () => {
    expect(truncationCuts(TEST, SETTINGS, MAXLENS)).toEqual({ total: 4, maxlens: MAXLENS, longer: [3, 2, 1] });
  });

  it('builds the request from copies of the weights and the sampled reviews, and hands their buffers over', () => {
    const weight = { shape: [2, 3], dataSync: () => Float32Array.from([1, 2, 3, 4, 5, 6]) };
    const picked: number[][] = [];
    const { request, transfer } = lengthRunRequest({
      settings: SETTINGS,
      vocabularySize: 10,
      weights: [weight],
      test: TEST,
      sample: 10,
      seed: 7,
      pick: (all, count, seed) => {
        picked.push([all.length, count, seed]);
        return Int32Array.from([3, 1]);
      },
      maxlens: MAXLENS,
    });
    // A sample larger than the split is the whole split.
    expect(picked).toEqual([[4, 4, 7]]);
    expect(request.weights[0]!.shape).toEqual([2, 3]);
    expect([...request.weights[0]!.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...request.reviews.offsets]).toEqual([0, 9, 12]);
    expect([...request.reviews.labels]).toEqual([1, 1]);
    expect([...request.reviews.tokens.subarray(9)]).toEqual([...TEST.tokens.subarray(1, 4)]);
    expect(transfer).toEqual([
      request.weights[0]!.data.buffer,
      request.reviews.offsets.buffer,
      request.reviews.tokens.buffer,
      request.reviews.labels.buffer,
    ]);
  });

  it('follows a run from start to done', () => {
    let state = run([{ type: 'start', measuredOn: 1000 }]);
    expect(state).toMatchObject({ running: true, points: [], measuredOn: 1000, progress: 0 });
    expect(state.status).toBe('Starting tfjs in a Web Worker to score 1,000 test reviews at 3 lengths…');
    state = run([{ type: 'progress', fraction: 0.01, seconds: 2 }], state);
    expect(state.status).toBe('Scoring 1,000 test reviews at maxlen 2 (1 of 3): 1% done, 0:02 so far.');
    state = run(
      [
        { type: 'point', point: point(2, 0.6) },
        { type: 'progress', fraction: 0.5, seconds: 30 },
      ],
      state,
    );
    expect(state.progress).toBe(0.5);
    expect(state.status).toBe(
      'Scoring 1,000 test reviews at maxlen 4 (2 of 3): 50% done, 0:30 so far, about 0:30 left.',
    );
    state = run(
      [
        { type: 'point', point: point(4, 0.7) },
        { type: 'point', point: point(8, 0.8) },
        { type: 'done', seconds: 61.23 },
      ],
      state,
    );
    expect(state).toMatchObject({ running: false, progress: 1 });
    expect(state.points.map((p) => p.maxlen)).toEqual([2, 4, 8]);
    expect(state.status).toBe('Done: 3 lengths, 1,000 test reviews each, in 61.2 s.');
  });

  it('keeps the lengths measured when stopped, ignores late reports, and forgets them when cleared', () => {
    let state = run([
      { type: 'start', measuredOn: 250 },
      { type: 'point', point: point(2, 0.6) },
      { type: 'stop', reason: 'Stopped' },
    ]);
    expect(state).toMatchObject({ running: false, status: 'Stopped: 1 of 3 lengths measured.' });
    expect(run([{ type: 'point', point: point(4, 0.7) }], state)).toBe(state);
    expect(run([{ type: 'stop', reason: 'Stopped again' }], state)).toBe(state);
    state = run([{ type: 'clear' }], state);
    expect(state).toMatchObject({ running: false, points: [], status: '' });
    const failed = run([
      { type: 'start', measuredOn: 250 },
      { type: 'error', message: 'out of memory' },
    ]);
    expect(failed).toMatchObject({ running: false, status: '' });
  });

  it('says why the study cannot run', () => {
    expect(lengthBlocker({ hasModel: false, hasData: true })).toBe('It needs your trained model (above).');
    expect(lengthBlocker({ hasModel: true, hasData: false })).toBe('It needs the reviews: load them above.');
    expect(lengthBlocker({ hasModel: true, hasData: true, ownVocabulary: 'ab', dataVocabulary: 'cd' })).toMatch(
      /^This model was trained on another preparation of the reviews/,
    );
    expect(lengthBlocker({ hasModel: true, hasData: true, ownVocabulary: 'ab', dataVocabulary: 'ab' })).toBe('');
    expect(lengthBlocker({ hasModel: true, hasData: true, ownVocabulary: null, dataVocabulary: 'ab' })).toBe('');
  });

  it('gives the plot its series and sentences, and the table its rows', () => {
    const cuts = truncationCuts(TEST, SETTINGS, MAXLENS);
    const points = [point(2, 0.6), point(4, 0.75)];
    const saved = { accuracy: 0.8, count: 25000 };
    const view = lengthView({ cuts, points, maxlens: MAXLENS, trained: 4, measuredOn: 3, saved });
    expect(view.names).toEqual(['accuracy on 3 test reviews', 'test reviews truncated (all 4)']);
    expect(view.kinds).toEqual(['accuracy', 'truncated']);
    expect(view.rows).toHaveLength(5);
    expect(view.rows[0]).toEqual({ maxlen: 2, value: 0.75, series: 'test reviews truncated (all 4)' });
    expect(view.summary).toContain(
      ' Of all 4 test reviews, maxlen 2 truncates 75.0%, maxlen 4 50.0% and maxlen 8 25.0%.',
    );
    expect(view.summary).toMatch(/ Saved with the model: 80\.0% on 25,000 test reviews at maxlen 4\.$/);
    expect(view.description).toMatch(/ The dashed line is chance, 50%\.$/);
    const empty = lengthView({ cuts: null, points: [], maxlens: MAXLENS, trained: 4, measuredOn: 0, saved: null });
    expect(empty).toMatchObject({ rows: [], names: [], summary: 'No accuracy measured yet: press Measure.' });
    expect(lengthRows(cuts, points, MAXLENS, 4)).toEqual([
      { maxlen: 2, heading: '2', truncated: '3 of 4', share: '75.0%', accuracy: '60.0%', loss: '0.500' },
      { maxlen: 4, heading: '4 (trained)', truncated: '2 of 4', share: '50.0%', accuracy: '75.0%', loss: '0.500' },
      { maxlen: 8, heading: '8', truncated: '1 of 4', share: '25.0%', accuracy: '–', loss: '–' },
    ]);
  });
});
