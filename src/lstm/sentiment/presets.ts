/**
 * The two reference sentiment models of the source articles as data (DESIGN.md), and the
 * settings a reader may change. Pure: no tfjs here, so the page can validate, show and link
 * settings without loading a model.
 *
 * | preset     | vocabulary              | maxlen | layers                                   | training                     |
 * | `r-keras`  | 20,000 most frequent    | 80     | Embedding 128 -> LSTM 64 (dropout 0.2,    | adam, batch 32, 15 epochs    |
 * |            |                         |        | recurrent dropout 0.2) -> Dense 1 sigmoid |                              |
 * | `py-keras` | all training words (+1) | 100    | Embedding 64 -> LSTM 128 (sequences) ->   | adam, batch 32, 10 epochs    |
 * |            |                         |        | LSTM 128 -> Dense 1 sigmoid               |                              |
 * | `r-keras-400` | as r-keras           | 400    | as r-keras                                | as r-keras                   |
 * | `dlwp`     | 10,000 most frequent    | 500    | Embedding 32 -> LSTM 32 -> Dense 1        | rmsprop, batch 128, 10 epochs|
 *
 * The last two read whole reviews (issue 16): maxlen 80 cuts 92% of the training reviews, 400
 * keeps 87% of them whole. `dlwp` is the IMDB LSTM of Deep Learning with Python (Chollet, first
 * edition, section 6.2), on the same IMDB index layout as r-keras.
 */
import type { SequenceView } from '../../data/views.ts';
import type { Locale } from '../../i18n/locales.ts';
import { SENTIMENT_WORDS } from './sentiment.words.ts';

/** The names of the reference models: the two articles', and two that read whole reviews. */
export const PRESET_NAMES = ['r-keras', 'py-keras', 'r-keras-400', 'dlwp'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The optimisers a reader can pick (tfjs names). */
export const OPTIMIZERS = ['adam', 'rmsprop', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Everything that defines a sentiment model and its training. */
export interface SentimentSettings {
  /** Index layout of the data (src/data/views.ts): 'imdb' for r-keras, 'tokenizer' for py-keras. */
  layout: 'imdb' | 'tokenizer';
  /** Keep only ids below this (Keras' num_words); null keeps every training word. */
  numWords: number | null;
  /** Padded length of every review. */
  maxlen: number;
  /** Size of a word vector. */
  embedding: number;
  /** Units of each stacked LSTM layer, first to last; all but the last return sequences. */
  lstm: number[];
  /** Fraction of each LSTM layer's inputs dropped while training. */
  dropout: number;
  /** Fraction of each LSTM layer's h_{t-1} dropped while training. */
  recurrentDropout: number;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
}

/** The R article's model and training. */
const R_KERAS: Readonly<SentimentSettings> = {
  layout: 'imdb',
  numWords: 20000,
  maxlen: 80,
  embedding: 128,
  lstm: [64],
  dropout: 0.2,
  recurrentDropout: 0.2,
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
  epochs: 15,
};

/** The articles' models exactly as DESIGN.md gives them, and the two that read whole reviews (Keras' default learning rates). */
export const PRESETS: Readonly<Record<PresetName, Readonly<SentimentSettings>>> = {
  'r-keras': R_KERAS,
  'py-keras': {
    layout: 'tokenizer',
    numWords: null,
    maxlen: 100,
    embedding: 64,
    lstm: [128, 128],
    dropout: 0,
    recurrentDropout: 0,
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 32,
    epochs: 10,
  },
  // Everything as the R article but the length: whole reviews, or nearly (see chapter 7).
  'r-keras-400': { ...R_KERAS, lstm: [...R_KERAS.lstm], maxlen: 400 },
  dlwp: {
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
  },
};

/** A copy of a preset's settings, to edit. */
export function presetSettings(name: PresetName): SentimentSettings {
  const p = PRESETS[name];
  return { ...p, lstm: [...p.lstm] };
}

/** The preset these settings equal, or null when the reader changed something. */
export function matchingPreset(settings: SentimentSettings): PresetName | null {
  return PRESET_NAMES.find((name) => sameSettings(PRESETS[name], settings)) ?? null;
}

/** Whether two settings describe the same model and training. */
export function sameSettings(a: Readonly<SentimentSettings>, b: Readonly<SentimentSettings>): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(s: Readonly<SentimentSettings>): unknown[] {
  return [
    s.layout,
    s.numWords,
    s.maxlen,
    s.embedding,
    s.lstm,
    s.dropout,
    s.recurrentDropout,
    s.optimizer,
    s.learningRate,
    s.batchSize,
    s.epochs,
  ];
}

/** The data view (layout, vocabulary cut-off, padded length) that these settings train on. */
export function settingsView(settings: Readonly<SentimentSettings>): SequenceView {
  return {
    layout: settings.layout,
    maxlen: settings.maxlen,
    ...(settings.numWords === null ? {} : { numWords: settings.numWords }),
  };
}

/** Limits of each setting: what the page offers and what {@link checkSettings} accepts. */
export const LIMITS = {
  numWords: { min: 100, max: 200000 },
  maxlen: { min: 5, max: 1000 },
  embedding: { min: 1, max: 512 },
  units: { min: 1, max: 512 },
  layers: { min: 1, max: 3 },
  dropout: { min: 0, max: 0.9 },
  learningRate: { min: 1e-5, max: 1 },
  batchSize: { min: 1, max: 1024 },
  epochs: { min: 1, max: 100 },
} as const;

/**
 * Checks settings that came from a link, a form or a saved file; throws a RangeError naming the
 * first bad field, so that the page can say what is wrong instead of building a broken model.
 */
export function checkSettings(value: unknown, locale: Locale = 'en'): SentimentSettings {
  const w = SENTIMENT_WORDS[locale];
  if (value === null || typeof value !== 'object') throw new RangeError(w.notObject);
  const s = value as Record<string, unknown>;
  // NaN and the infinities as themselves: JSON would write them "null", which reads as nothing given.
  const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));
  const int = (key: string, { min, max }: { min: number; max: number }, v = s[key]): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(w.wholeNumber(key, String(min), String(max), shown(v)));
    }
    return v;
  };
  const real = (key: string, { min, max }: { min: number; max: number }): number => {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new RangeError(w.number(key, String(min), String(max), shown(v)));
    }
    return v;
  };
  if (s['layout'] !== 'imdb' && s['layout'] !== 'tokenizer') {
    throw new RangeError(w.layout(String(JSON.stringify(s['layout']))));
  }
  if (!OPTIMIZERS.includes(s['optimizer'] as OptimizerName)) {
    throw new RangeError(w.optimizer(OPTIMIZERS.join(', '), String(JSON.stringify(s['optimizer']))));
  }
  const lstm = s['lstm'];
  if (!Array.isArray(lstm) || lstm.length < LIMITS.layers.min || lstm.length > LIMITS.layers.max) {
    throw new RangeError(
      w.layers(
        String(LIMITS.layers.min),
        String(LIMITS.layers.max),
        Array.isArray(lstm) ? String(lstm.length) : shown(lstm),
      ),
    );
  }
  return {
    layout: s['layout'],
    numWords: s['numWords'] === null ? null : int('numWords', LIMITS.numWords),
    maxlen: int('maxlen', LIMITS.maxlen),
    embedding: int('embedding', LIMITS.embedding),
    lstm: lstm.map((u) => int('lstm units', LIMITS.units, u)),
    dropout: real('dropout', LIMITS.dropout),
    recurrentDropout: real('recurrentDropout', LIMITS.dropout),
    optimizer: s['optimizer'] as OptimizerName,
    learningRate: real('learningRate', LIMITS.learningRate),
    batchSize: int('batchSize', LIMITS.batchSize),
    epochs: int('epochs', LIMITS.epochs),
  };
}

/** A short human name, in the edition `locale`: the preset's, "r-keras, 3 epochs", or "custom (r-keras layout)". */
export function settingsLabel(settings: Readonly<SentimentSettings>, locale: Locale = 'en'): string {
  const w = SENTIMENT_WORDS[locale];
  const preset = matchingPreset(settings);
  if (preset) return preset;
  const shorter = presetButEpochs(settings);
  if (shorter) return w.presetButEpochs(shorter, w.epochs(settings.epochs, String(settings.epochs)));
  return w.custom(settings.layout === 'imdb' ? 'r-keras' : 'py-keras');
}

/**
 * The preset whose model these settings are, trained for another number of epochs (the
 * chapter's short default run), or null: the model and its training are the article's.
 */
export function presetButEpochs(settings: Readonly<SentimentSettings>): PresetName | null {
  return PRESET_NAMES.find((name) => sameSettings({ ...PRESETS[name], epochs: settings.epochs }, settings)) ?? null;
}
