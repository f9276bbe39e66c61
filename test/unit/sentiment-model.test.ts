/**
 * The sentiment model's builder, summary and code against tfjs itself: the summary's shapes and
 * parameter counts must be those tfjs reports for the built model, for both presets, and bad
 * settings must be refused with the field named.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddingRows, modelCode, modelSummary, parameterCount, sentimentModel } from '../../src/lstm/sentiment/model';
import {
  checkSettings,
  matchingPreset,
  PRESETS,
  presetSettings,
  settingsLabel,
  settingsView,
} from '../../src/lstm/sentiment/presets';
import { formSettings, presetFields, settingsFields } from '../../src/lstm/sentiment/settings-form';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('presets', () => {
  it('are the two reference models of DESIGN.md', () => {
    expect(PRESETS['r-keras']).toMatchObject({
      numWords: 20000,
      maxlen: 80,
      embedding: 128,
      lstm: [64],
      dropout: 0.2,
      recurrentDropout: 0.2,
      batchSize: 32,
      epochs: 15,
      optimizer: 'adam',
    });
    expect(PRESETS['py-keras']).toMatchObject({
      numWords: null,
      maxlen: 100,
      embedding: 64,
      lstm: [128, 128],
      batchSize: 32,
      epochs: 10,
      optimizer: 'adam',
    });
    expect(settingsView(PRESETS['r-keras'])).toEqual({ layout: 'imdb', maxlen: 80, numWords: 20000 });
    expect(settingsView(PRESETS['py-keras'])).toEqual({ layout: 'tokenizer', maxlen: 100 });
  });

  it('read whole reviews in the two long presets: r-keras at maxlen 400, and Deep Learning with Python', () => {
    expect(PRESETS['r-keras-400']).toEqual({ ...PRESETS['r-keras'], maxlen: 400, lstm: [64] });
    expect(PRESETS.dlwp).toEqual({
      layout: 'imdb',
      numWords: 10000,
      maxlen: 500,
      embedding: 32,
      lstm: [32],
      dropout: 0,
      recurrentDropout: 0,
      optimizer: 'rmsprop',
      learningRate: 0.001,
      batchSize: 128,
      epochs: 10,
    });
    for (const name of ['r-keras-400', 'dlwp'] as const) {
      expect(checkSettings(presetSettings(name))).toEqual(PRESETS[name]);
      expect(matchingPreset(presetSettings(name))).toBe(name);
      expect(settingsLabel({ ...presetSettings(name), epochs: 2 })).toBe(`${name}, 2 epochs`);
    }
    expect(settingsView(PRESETS.dlwp)).toEqual({ layout: 'imdb', maxlen: 500, numWords: 10000 });
  });

  it("round-trip through the chapter's form: choosing a preset gives its settings for the short run, and back", () => {
    for (const name of ['r-keras', 'py-keras', 'r-keras-400', 'dlwp'] as const) {
      const fields = presetFields(name);
      expect(fields.preset).toBe(name);
      const settings = formSettings(fields);
      expect(settings).toEqual({ ...PRESETS[name], lstm: [...PRESETS[name].lstm], epochs: 2 });
      // A checkpoint's settings show under their own preset, not just their layout's.
      expect(settingsFields(settings).preset).toBe(name);
    }
    expect(settingsFields({ ...PRESETS.dlwp, embedding: 64 }).preset).toBe('r-keras');
  });

  it('tell a preset from a custom setting', () => {
    const s = presetSettings('r-keras');
    expect(matchingPreset(s)).toBe('r-keras');
    s.lstm[0] = 32;
    expect(matchingPreset(s)).toBeNull();
    expect(settingsLabel(s)).toBe('custom (r-keras layout)');
    expect(PRESETS['r-keras'].lstm).toEqual([64]); // the copy did not touch the preset
  });

  it('refuse bad settings, naming the field', () => {
    expect(checkSettings(presetSettings('py-keras'))).toEqual(PRESETS['py-keras']);
    expect(() => checkSettings({ ...presetSettings('r-keras'), maxlen: 0 })).toThrow(/maxlen/);
    expect(() => checkSettings({ ...presetSettings('r-keras'), dropout: 2 })).toThrow(/dropout/);
    expect(() => checkSettings({ ...presetSettings('r-keras'), lstm: [] })).toThrow(/lstm/);
    expect(() => checkSettings({ ...presetSettings('r-keras'), optimizer: 'lbfgs' })).toThrow(/optimizer/);
    expect(() => checkSettings('r-keras')).toThrow(/not an object/);
    // A number that is not one is named as it is, never as JSON's "null".
    expect(() => checkSettings({ ...presetSettings('r-keras'), maxlen: Number.NaN })).toThrow(
      'maxlen must be a whole number from 5 to 1000, got NaN',
    );
    expect(() => checkSettings({ ...presetSettings('r-keras'), lstm: [Number.NaN] })).toThrow(
      'lstm units must be a whole number from 1 to 512, got NaN',
    );
    expect(() => checkSettings({ ...presetSettings('r-keras'), dropout: Infinity })).toThrow(/got Infinity$/);
  });
});

describe('sentimentModel and modelSummary', () => {
  const vocabularySize = 500;
  for (const name of ['r-keras', 'py-keras'] as const) {
    for (const lstm of ['fused', 'stock'] as const) {
      it(`${name} (${lstm}): the summary matches what tfjs built`, () => {
        const settings = {
          ...presetSettings(name),
          numWords: name === 'r-keras' ? 300 : null,
          lstm: name === 'r-keras' ? [8] : [6, 5],
        };
        const model = sentimentModel(settings, { vocabularySize, lstm });
        const rows = modelSummary(settings, vocabularySize);
        expect(rows.map((r) => r.outputShape)).toEqual(model.layers.map((l) => l.outputShape));
        expect(rows.map((r) => r.params)).toEqual(model.layers.map((l) => l.countParams()));
        expect(parameterCount(settings, vocabularySize)).toBe(model.countParams());
        tf.dispose(model.weights.map((w) => w.read()));
      });
    }
  }

  it('sizes the embedding from the layout: num_words for r-keras, V + 1 for py-keras', () => {
    expect(embeddingRows(PRESETS['r-keras'], 80000)).toBe(20000);
    expect(embeddingRows(PRESETS['py-keras'], 80000)).toBe(80001);
    // the r-keras layout with a small vocabulary: V + index_from (3) + 1
    expect(embeddingRows(PRESETS['r-keras'], 100)).toBe(104);
    // the published r-keras parameter counts: 2,560,000 + 49,408 + 65
    expect(modelSummary(PRESETS['r-keras'], 80000).map((r) => r.params)).toEqual([2560000, 49408, 65]);
  });

  it('writes tfjs code with the settings in it', () => {
    const code = modelCode(PRESETS['py-keras'], 1000, 'test');
    expect(code).toContain('inputDim: 1001, outputDim: 64, inputLength: 100');
    expect(code).toContain("units: 128, returnSequences: true, recurrentActivation: 'sigmoid'");
    expect(code).toContain('batchSize: 32');
    expect(code).toContain('validationData: [xTest, yTest]');
    expect(modelCode(PRESETS['r-keras'], 1000)).toContain('dropout: 0.2, recurrentDropout: 0.2');
  });
});
