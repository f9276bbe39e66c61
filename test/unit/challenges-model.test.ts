import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { padSequence } from '../../src/data/pad';
import { encodeText } from '../../src/data/views';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import {
  MODEL_CHECKS,
  maskedPrediction,
  modelReading,
  paddedPrediction,
  type ModelReader,
} from '../../src/exercises/checks';
import { loadKitModel } from '../../src/lstm/sentiment/model-files';
import { paddingTrace, stepwiseModel, summarizePadding } from '../../src/lstm/sentiment/padding-study';
import { settingsView } from '../../src/lstm/sentiment/presets';
import { classifierWeights, type LayerLike } from '../../src/lstm/sentiment/trace';
import { directoryHandler } from '../../scripts/lib/model-directory';
import { createKitModelFixture, type KitModelFixture } from '../fixtures/kit-model';

let fixture: KitModelFixture;
let model: tf.LayersModel;
let reader: ModelReader;

beforeAll(async () => {
  await tf.setBackend('cpu');
  fixture = await createKitModelFixture();
  const loaded = await loadKitModel(directoryHandler(fixture.dir));
  model = loaded.model;
  reader = {
    weights: classifierWeights(model.layers as unknown as LayerLike[]),
    vocabulary: vocabularyFromWords(loaded.metadata.words, new Array<number>(loaded.metadata.words.length).fill(0)),
    view: settingsView(loaded.metadata.settings),
  };
}, 120_000);

afterAll(() => {
  model?.dispose();
  fixture?.remove();
});

describe('chapter 5 challenges, read with a trained model', () => {
  it('reads a review as its own trace does: the last step is the prediction with the usual padding', () => {
    const text = 'the acting was excellent but the plot was boring';
    expect(modelReading(text, reader).p).toBeCloseTo(paddedPrediction(text, reader, 'pre'), 12);
  });

  it('rating-leak: at most three words, above 0.99', () => {
    for (const text of ['excellent superb wonderful', 'excellent', 'awful']) {
      expect(MODEL_CHECKS['rating-leak']({ text }, reader).met).toBe(modelReading(text, reader).p > 0.99);
    }
    expect(MODEL_CHECKS['rating-leak']({ text: 'excellent superb wonderful great' }, reader).met).toBe(false);
    expect(MODEL_CHECKS['rating-leak']({ text: '' }, reader).met).toBe(false);
  });

  it('not-bad: at most six words, with “not”, called negative', () => {
    for (const text of ['not awful', 'not boring', 'not terrible at all']) {
      expect(MODEL_CHECKS['not-bad']({ text }, reader).met, text).toBe(modelReading(text, reader).p < 0.5);
    }
    expect(MODEL_CHECKS['not-bad']({ text: 'awful worst boring terrible' }, reader).met).toBe(false); // no “not”
    expect(MODEL_CHECKS['not-bad']({ text: 'not awful at all but boring and worst' }, reader).met).toBe(false);
  });

  it('cut-praise: “excellent” first, cut by truncation, and a negative verdict', () => {
    const long = `excellent ${'awful boring '.repeat(45)}`;
    expect(modelReading(long, reader).cut[0]).toBe(true);
    expect(MODEL_CHECKS['cut-praise']({ text: long }, reader).met).toBe(modelReading(long, reader).p < 0.5);
    expect(MODEL_CHECKS['cut-praise']({ text: long }, reader).met).toBe(true);
    expect(MODEL_CHECKS['cut-praise']({ text: 'excellent awful boring' }, reader).met).toBe(false); // read
    expect(MODEL_CHECKS['cut-praise']({ text: `great ${'awful boring '.repeat(45)}` }, reader).met).toBe(false);
    expect(MODEL_CHECKS['cut-praise']({ text: '' }, reader).now).toBe('Now: the review is empty.');
  });
});

describe('chapter 7 challenges, read with a trained model', () => {
  it("reads a review padded either way as tfjs's predict does", () => {
    const text = 'the acting was excellent but the plot was boring';
    const { maxlen = 0, ...unpadded } = reader.view;
    const ids = encodeText(text, reader.vocabulary, unpadded);
    for (const padding of ['pre', 'post'] as const) {
      const row = padSequence(ids, { maxlen, padding });
      const theirs = tf.tidy(
        () => (model.predict(tf.tensor2d([Array.from(row)], [1, maxlen])) as tf.Tensor).dataSync()[0],
      );
      expect(paddedPrediction(text, reader, padding)).toBeCloseTo(theirs, 5);
    }
  });

  it('post-positive: met exactly when the review is positive both ways', () => {
    for (const text of ['excellent superb wonderful great', 'awful worst boring terrible', 'the film']) {
      const pre = paddedPrediction(text, reader, 'pre');
      const post = paddedPrediction(text, reader, 'post');
      expect(MODEL_CHECKS['post-positive']({ text }, reader)).toEqual({
        met: pre > 0.5 && post > 0.5,
        now: expect.stringContaining(`with 'post' padding`) as unknown,
      });
    }
    expect(MODEL_CHECKS['post-positive']({ text: 'awful worst boring terrible' }, reader).met).toBe(false);
  });

  it('zeros-flip: the prediction with the zeros skipped is the one after the last word of the post row', async () => {
    // The reference: tfjs's every-step model over the 'post' row, as chapter 7's padding cell reads it.
    const text = 'the acting was excellent but the plot was boring';
    const { maxlen = 0, ...unpadded } = reader.view;
    const ids = encodeText(text, reader.vocabulary, unpadded);
    const weights = model.getWeights().map((w) => ({ shape: [...w.shape], data: Float32Array.from(w.dataSync()) }));
    const stepwise = stepwiseModel(fixture.settings, fixture.metadata.vocabularySize, weights);
    const masked = summarizePadding(await paddingTrace(stepwise, ids, maxlen)).masked;
    stepwise.dispose();
    expect(maskedPrediction(text, reader)).toBeCloseTo(masked, 5);
    for (const t of ['the film', 'excellent', 'awful worst', 'a film was it']) {
      const flips = (paddedPrediction(t, reader, 'pre') - 0.5) * (maskedPrediction(t, reader) - 0.5) < 0;
      expect(MODEL_CHECKS['zeros-flip']({ text: t }, reader).met, t).toBe(flips);
    }
    expect(MODEL_CHECKS['zeros-flip']({ text: 'excellent superb wonderful great' }, reader).met).toBe(false);
  });

  it('all-unknown: six words or more, none in the vocabulary', () => {
    expect(MODEL_CHECKS['all-unknown']({ text: 'zorp blick snarf quam veld trusk' }, reader)).toMatchObject({
      met: true,
      now: expect.stringMatching(/^Now: 6 of 6 words out of the vocabulary; the model says p = 0\.\d{3}\.$/) as unknown,
    });
    expect(MODEL_CHECKS['all-unknown']({ text: 'zorp blick the quam veld trusk' }, reader).met).toBe(false);
    expect(MODEL_CHECKS['all-unknown']({ text: 'zorp blick snarf quam veld' }, reader).met).toBe(false);
  });
});
