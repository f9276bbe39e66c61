/**
 * What chapter 6's review cell shows of a review (src/lstm/sentiment/review-reading.ts), without
 * a browser: the summary of the steps, the prediction plot's points, one chip per word with its
 * move δ_t = p_t − p_{t−1}, the strongest moves, and the verdict against tfjs. The trace is
 * written by hand, so every number is known.
 */
import { describe, expect, it } from 'vitest';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import {
  movesText,
  predictionSeries,
  predictVerdict,
  readingSummary,
  signed,
  testReview,
  TOLERANCE,
  wordChips,
} from '../../src/lstm/sentiment/review-reading';
import { reviewSteps } from '../../src/lstm/sentiment/review-steps';
import type { ClassifierTrace } from '../../src/lstm/sentiment/trace';

const fmt = (x: number) => x.toFixed(3);
const vocabulary = vocabularyFromWords(['good', 'film', 'bad'], [3, 2, 1]);

/** A hand-made trace: p_t for each step, δ_t from p_0 = 0.5. */
function trace(p: number[], p0 = 0.5): ClassifierTrace {
  const delta = p.map((x, t) => x - (t === 0 ? p0 : p[t - 1]!));
  return {
    ids: new Int32Array(p.length),
    layers: [],
    logits: new Float64Array(p.length),
    p: Float64Array.from(p),
    p0,
    delta: Float64Array.from(delta),
  };
}

describe('review reading', () => {
  // maxlen 6: two padding steps, the start marker, then good, film and zebra (out of the vocabulary: id 2).
  const steps = reviewSteps('good film zebra', vocabulary, { layout: 'imdb', maxlen: 6 });
  const t = trace([0.5, 0.5, 0.52, 0.7, 0.72, 0.6]);

  it('summarises the steps read', () => {
    expect(steps.padding).toBe(2);
    expect(readingSummary(steps)).toEqual([
      'The model reads 6 steps: 2 padding steps, the start marker, 3 words (1 of them out of the vocabulary, read as <oov>).',
    ]);
    const cut = reviewSteps('good film bad good film bad', vocabulary, { layout: 'imdb', maxlen: 3 });
    expect(readingSummary(cut)).toEqual([
      'The model reads 3 steps: 0 padding steps, 3 words.',
      'The first 3 words were cut: only the last 3 ids are read.',
    ]);
  });

  it('gives the plot its points, with or without the padding', () => {
    const hidden = predictionSeries(steps, t, false, fmt);
    expect(hidden.first).toBe(2);
    expect(hidden.shown.map((q) => q.t)).toEqual([3, 4, 5, 6]);
    expect(hidden.before).toEqual({ t: 2, p: 0.5 });
    expect(hidden.names.get(2)).toBe('padding');
    expect(hidden.padRegion).toEqual([]);
    expect(hidden.description).toBe(
      'After 2 padding steps p = 0.500; after the last step p = 0.600. <start> 0.520, good 0.700, film 0.720, zebra 0.600',
    );
    const all = predictionSeries(steps, t, true, fmt);
    expect(all.first).toBe(0);
    expect(all.shown).toHaveLength(6);
    expect(all.names.get(0)).toBe('p₀');
    expect(all.padRegion).toEqual([{ x1: 0.5, x2: 2.5 }]);
    expect(all.description.startsWith('Before the first step p = 0.500;')).toBe(true);
  });

  it('makes one chip per word, with its step and move', () => {
    const chips = wordChips(steps, t, fmt);
    expect(chips.map((c) => [c.label, c.small, c.className, c.step])).toEqual([
      ['2 × <pad>', '+0.000', 'pad', undefined],
      ['<start>', '+0.020', 'start', 2],
      ['good', '+0.180', '', 3],
      ['film', '+0.020', '', 4],
      ['zebra → <oov>', '-0.120', 'oov', 5],
    ]);
    expect(chips[4]!.title).toBe('Step 6, “zebra” (out of the vocabulary, read as <oov>): p went from 0.720 to 0.600.');
    expect(chips[4]!.delta).toBeCloseTo(-0.12, 12);
    const dropped = reviewSteps('good zebra', vocabulary, { layout: 'tokenizer', maxlen: 3 });
    const [, zebra] = wordChips(dropped, trace([0.5, 0.5, 0.6]), fmt).slice(-2);
    expect(zebra).toMatchObject({ label: 'zebra', small: 'dropped', className: 'dropped' });
  });

  it('names the strongest moves and signs numbers', () => {
    expect(movesText(steps, t, 1, fmt)).toEqual({
      up: 'Raised the prediction most: good (+0.180).',
      down: 'Lowered it most: zebra (-0.120).',
    });
    expect(signed(0.25, fmt)).toBe('+0.250');
  });

  it('judges the kit against tfjs within the tolerance', () => {
    expect(predictVerdict(0.7, null)).toEqual({ diff: null, note: 'Asking tfjs…' });
    expect(predictVerdict(0.7, 0.7 + TOLERANCE / 2).note).toMatch(/^The two agree to better than 10⁻⁴/);
    expect(predictVerdict(0.7, 0.71).note).toMatch(/^The two differ by more than 10⁻⁴/);
    expect(predictVerdict(0.7, null, 'no backend').note).toBe('model.predict failed: no backend');
  });

  it('keeps the end of a long test review, cut at a word', () => {
    const review = { index: 41, count: 25000, rating: 9, positive: true };
    expect(testReview('short and sweet', 100, review)).toEqual({
      text: 'short and sweet',
      note: 'Test review 42 of 25,000: its author rated it 9 out of 10, so it is labelled positive.',
    });
    const long = testReview('one two three four', 10, review);
    expect(long.text).toBe('four');
    expect(long.note).toMatch(/ It is long: only its end is shown, which holds everything the model reads\.$/);
  });
});
