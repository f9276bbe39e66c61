/**
 * The classifier trace (src/lstm/sentiment/trace.ts) against tfjs itself: the kit's cell on a model's
 * weights must give the model's own output, for the kit's fused layer and for stock
 * `tf.layers.lstm` models, with one and two LSTM layers; p_t must be the model's output on the
 * first t steps; and a review's steps must be exactly the ids `encodeText` gives.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeText, type SequenceView } from '../../src/data/views';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import { mulberry32 } from '../../src/lstm/cell/random';
import { reviewSteps } from '../../src/lstm/sentiment/review-steps';
import { sentimentModel } from '../../src/lstm/sentiment/model';
import { presetSettings, settingsView, type SentimentSettings } from '../../src/lstm/sentiment/presets';
import {
  classifierWeights,
  notableUnits,
  traceClassifier,
  unitTrace,
  type LayerLike,
} from '../../src/lstm/sentiment/trace';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TOLERANCE = 1e-4;
const VOCABULARY = 60;

/** Tiny settings of a preset's layout, with the given LSTM layers. */
function tiny(lstm: number[], layout: 'imdb' | 'tokenizer' = 'imdb'): SentimentSettings {
  return {
    ...presetSettings(layout === 'imdb' ? 'r-keras' : 'py-keras'),
    numWords: layout === 'imdb' ? 50 : null,
    maxlen: 12,
    embedding: 6,
    lstm,
    dropout: 0,
    recurrentDropout: 0,
  };
}

/** Replaces every weight of `model` by seeded uniform numbers in [-scale, scale]. */
function randomise(model: tf.LayersModel, seed: number, scale = 0.6): void {
  const rand = mulberry32(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    return tf.tensor(
      Float32Array.from({ length: size }, () => (2 * rand() - 1) * scale),
      shape,
    );
  });
  model.setWeights(values);
  tf.dispose(values);
}

/** Seeded rows of ids in [0, rows), each with some leading zeros as padding. */
function randomIds(count: number, maxlen: number, rows: number, seed: number): Int32Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, k) => {
    const ids = new Int32Array(maxlen);
    const pad = k % 4 === 0 ? 0 : Math.floor(rand() * maxlen);
    for (let t = pad; t < maxlen; t++) ids[t] = 1 + Math.floor(rand() * (rows - 1));
    return ids;
  });
}

function predict(model: tf.LayersModel, rows: Int32Array[]): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor2d(
      rows.flatMap((r) => Array.from(r)),
      [rows.length, rows[0]!.length],
      'int32',
    );
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

function layersOf(model: tf.LayersModel): LayerLike[] {
  return model.layers as unknown as LayerLike[];
}

describe('traceClassifier against model.predict', () => {
  for (const lstm of ['fused', 'stock'] as const) {
    for (const units of [[5], [4, 3]]) {
      it(`${lstm} layers ${JSON.stringify(units)}: the final p_T is the model's output`, () => {
        const settings = tiny(units);
        const model = sentimentModel(settings, { vocabularySize: VOCABULARY, lstm, seed: 3 });
        randomise(model, 11 + units.length);
        const weights = classifierWeights(layersOf(model));
        expect(weights.lstm.map((w) => w.units)).toEqual(units);
        expect(weights.embedding.rows).toBe(50);
        const rows = randomIds(8, settings.maxlen, weights.embedding.rows, 5);
        const expected = predict(model, rows);
        rows.forEach((ids, k) => {
          const trace = traceClassifier(weights, ids);
          expect(trace.p).toHaveLength(settings.maxlen);
          expect(Math.abs(trace.p[settings.maxlen - 1]! - expected[k]!)).toBeLessThan(TOLERANCE);
          // The steps' moves add up: p_0 plus every p_t - p_{t-1} is p_T.
          const sum = trace.delta.reduce((a, b) => a + b, trace.p0);
          expect(sum).toBeCloseTo(trace.p[settings.maxlen - 1]!, 12);
        });
        model.dispose();
      });
    }
  }

  it('gives the same trace for the fused and the stock layer holding the same weights', () => {
    const settings = tiny([4, 3]);
    const fused = sentimentModel(settings, { vocabularySize: VOCABULARY, lstm: 'fused' });
    const stock = sentimentModel(settings, { vocabularySize: VOCABULARY, lstm: 'stock' });
    randomise(fused, 21);
    stock.setWeights(fused.getWeights());
    const ids = randomIds(1, settings.maxlen, 50, 2)[0]!;
    const a = traceClassifier(classifierWeights(layersOf(fused)), ids);
    const b = traceClassifier(classifierWeights(layersOf(stock)), ids);
    expect(Array.from(a.p)).toEqual(Array.from(b.p));
    fused.dispose();
    stock.dispose();
  });
});

/** A stock model of any length (no fixed maxlen) holding `weights` of a fixed-length model. */
function anyLengthModel(source: tf.LayersModel, settings: SentimentSettings): tf.Sequential {
  const model = tf.sequential();
  const rows = source.layers[0]!.getWeights()[0]!.shape[0]!;
  model.add(tf.layers.embedding({ inputDim: rows, outputDim: settings.embedding, inputShape: [null] }));
  settings.lstm.forEach((units, k) =>
    model.add(
      tf.layers.lstm({
        units,
        returnSequences: k < settings.lstm.length - 1,
        recurrentActivation: 'sigmoid',
        recurrentInitializer: 'zeros',
      }),
    ),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.setWeights(source.getWeights());
  return model;
}

describe('p_t, the prediction after each step', () => {
  for (const units of [[5], [4, 3]]) {
    it(`layers ${JSON.stringify(units)}: p_t is the model's output on the first t steps of the row`, () => {
      const settings = tiny(units);
      const model = sentimentModel(settings, { vocabularySize: VOCABULARY, lstm: 'stock' });
      randomise(model, 31);
      const prefixModel = anyLengthModel(model, settings);
      const ids = randomIds(2, settings.maxlen, 50, 9)[1]!;
      const trace = traceClassifier(classifierWeights(layersOf(model)), ids);
      for (let t = 1; t <= settings.maxlen; t++) {
        const [p] = predict(prefixModel, [ids.slice(0, t)]);
        expect(Math.abs(trace.p[t - 1]! - p!), `t = ${t}`).toBeLessThan(TOLERANCE);
      }
      model.dispose();
      prefixModel.dispose();
    });
  }

  it("a review's prefix, encoded and padded as in training, gets the model's prediction", () => {
    const words = ['the', 'film', 'was', 'great', 'awful', 'not', 'bad', 'acting', 'plot', 'a'];
    const vocabulary = vocabularyFromWords(words, new Array<number>(words.length).fill(0));
    const settings = tiny([4, 3]);
    const model = sentimentModel(settings, { vocabularySize: words.length, lstm: 'fused' });
    randomise(model, 41);
    const weights = classifierWeights(layersOf(model));
    const view = settingsView(settings);
    const text = 'The film was not bad; the acting, great. A plot? Awful!';
    const tokens = text.toLowerCase().match(/[a-z]+/g)!;
    const prefixes = tokens.map((_, k) => tokens.slice(0, k + 1).join(' '));
    const rows = prefixes.map((p) => encodeText(p, vocabulary, view));
    const expected = predict(model, rows);
    prefixes.forEach((p, k) => {
      const steps = reviewSteps(p, vocabulary, view);
      const trace = traceClassifier(weights, steps.ids);
      expect(Math.abs(trace.p[trace.p.length - 1]! - expected[k]!), p).toBeLessThan(TOLERANCE);
    });
    model.dispose();
  });
});

describe('classifierWeights', () => {
  it("refuses a stock LSTM left at tfjs's hardSigmoid default, naming the fix", () => {
    const model = tf.sequential();
    model.add(tf.layers.embedding({ inputDim: 10, outputDim: 3, inputLength: 4 }));
    model.add(tf.layers.lstm({ units: 2, recurrentInitializer: 'zeros' }));
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
    expect(() => classifierWeights(layersOf(model))).toThrow(/hardSigmoid.*recurrentActivation: 'sigmoid'/);
    model.dispose();
  });

  it('refuses a model of another shape', () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 3, inputShape: [4] }));
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
    expect(() => classifierWeights(layersOf(model))).toThrow(
      /Embedding -> LSTM \(one or more\) -> Dense, got Dense -> Dense/,
    );
    model.dispose();
  });

  it('refuses ids outside the embedding', () => {
    const model = sentimentModel(tiny([3]), { vocabularySize: VOCABULARY });
    const weights = classifierWeights(layersOf(model));
    expect(() => traceClassifier(weights, [0, 1, 50])).toThrow(/id 50 at step 3 is outside the embedding's 50 rows/);
    model.dispose();
  });
});

describe('unit traces and notable units', () => {
  it('reads one unit of one layer over the steps, and ranks the last layer by |w_j h_T,j|', () => {
    const settings = tiny([4, 5]);
    const model = sentimentModel(settings, { vocabularySize: VOCABULARY });
    randomise(model, 51);
    const weights = classifierWeights(layersOf(model));
    const ids = randomIds(1, settings.maxlen, 50, 4)[0]!;
    const trace = traceClassifier(weights, ids);
    const f = unitTrace(trace, 0, 'f', 2);
    expect(Array.from(f)).toEqual(trace.layers[0]!.steps.map((s) => s.f[2]));
    const h = unitTrace(trace, 1, 'h', 4);
    expect(h[h.length - 1]).toBe(trace.layers[1]!.h[4]);
    expect(() => unitTrace(trace, 2, 'h', 0)).toThrow(/no LSTM layer 3/);
    expect(() => unitTrace(trace, 0, 'h', 4)).toThrow(/unit must be 1 to 4, got 5/);
    const top = trace.layers[1]!;
    const byHand = Array.from({ length: 5 }, (_, j) => j).sort(
      (a, b) => Math.abs(weights.readout.w[b]! * top.h[b]!) - Math.abs(weights.readout.w[a]! * top.h[a]!),
    );
    expect(notableUnits(trace, weights.readout, 1, 3)).toEqual(byHand.slice(0, 3));
    expect(notableUnits(trace, weights.readout, 0, 10)).toHaveLength(4);
    model.dispose();
  });
});

describe('reviewSteps', () => {
  const words = ['the', 'film', 'was', 'great', 'awful', 'not', 'bad', 'acting'];
  const vocabulary = vocabularyFromWords(words, new Array<number>(words.length).fill(0));
  const texts = [
    'The film was great.',
    'Not bad, the acting - zebra!',
    '',
    'the film was the film was the film was not bad at all the acting was great', // longer than maxlen
  ];
  const views: SequenceView[] = [
    { layout: 'imdb', maxlen: 8 },
    { layout: 'imdb', maxlen: 8, numWords: 8 },
    { layout: 'tokenizer', maxlen: 8 },
    { layout: 'tokenizer', maxlen: 8, numWords: 5 },
    { layout: 'imdb', maxlen: 8, padding: 'post', truncating: 'post' },
    { layout: 'tokenizer' },
  ];
  for (const view of views) {
    it(`gives exactly the ids of encodeText (${JSON.stringify(view)})`, () => {
      for (const text of texts) {
        const r = reviewSteps(text, vocabulary, view);
        expect(Array.from(r.ids), text).toEqual(Array.from(encodeText(text, vocabulary, view)));
        expect(r.padding).toBe(r.steps.filter((s) => s.id === 0).length);
        // Every token read has a step that holds it; the others have none.
        r.tokens.forEach((w, k) => {
          const t = r.stepOf[k]!;
          if (r.fates[k] === 'read' || r.fates[k] === 'oov') expect(r.steps[t]!.word).toBe(w);
          else expect(t).toBe(-1);
        });
      }
    });
  }

  it('says what became of each word: read, out of vocabulary, dropped, cut', () => {
    const imdb = reviewSteps('the zebra was great', vocabulary, { layout: 'imdb', maxlen: 4 });
    expect(imdb.fates).toEqual(['read', 'oov', 'read', 'read']);
    expect(imdb.steps.map((s) => s.kind)).toEqual(['word', 'oov', 'word', 'word']);
    expect(imdb.startCut).toBe(true);
    const cut = reviewSteps('the film was great', vocabulary, { layout: 'imdb', maxlen: 3 });
    expect(cut.fates).toEqual(['cut', 'read', 'read', 'read']);
    const tok = reviewSteps('the zebra was great', vocabulary, { layout: 'tokenizer', maxlen: 5 });
    expect(tok.fates).toEqual(['read', 'dropped', 'read', 'read']);
    expect(tok.steps.map((s) => s.word)).toEqual(['<pad>', '<pad>', 'the', 'was', 'great']);
    expect(tok.padding).toBe(2);
    // num_words 6 keeps ids up to 5: "great" (rank 4, id 7 in the imdb layout) becomes out-of-vocabulary.
    const small = reviewSteps('the great', vocabulary, { layout: 'imdb', maxlen: 4, numWords: 6 });
    expect(small.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['pad:0', 'start:1', 'word:4', 'oov:2']);
  });
});
