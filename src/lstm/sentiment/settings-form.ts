/**
 * Chapter 5's training form and the settings it stands for, both ways: the fields a reader
 * edits (numbers, the LSTM units typed as "64,32", 0 words for "all", a sample size or "all")
 * to the checked {@link SentimentSettings} and run options, and settings (a preset, or a
 * checkpoint's) back to the fields. No DOM: the widget keeps these fields as its state.
 */
import type { Locale } from '../../i18n/locales.ts';
import { checkSettings, LIMITS, PRESETS, presetButEpochs, type PresetName, type SentimentSettings } from './presets.ts';
import { SENTIMENT_WORDS } from './sentiment.words.ts';

/** The fields of the settings, as the form holds them. */
export interface SettingsFields {
  /** The reference model the reader started from: sets the index layout. */
  preset: string;
  /** Vocabulary size; 0 keeps every training word. */
  numWords: number;
  maxlen: number;
  embedding: number;
  /** Units of each LSTM layer, comma-separated ("64" or "128,128"). */
  units: string;
  /** Shares dropped while training, in [0, 1]. */
  dropout: number;
  recurrentDropout: number;
  optimizer: string;
  learningRate: number;
  batchSize: number;
  epochs: number;
}

/** The whole form: the settings and what to train and validate on. */
export interface TrainingForm extends SettingsFields {
  validation: string;
  /** Keep the weights of the epoch with the best validation accuracy, not the last. */
  keepBest: boolean;
  /** 'all', or how many training reviews to train on ("5000"). */
  sample: string;
}

/** What a run is started with, read off the form. */
export interface RunChoice {
  settings: SentimentSettings;
  /** Validate on 20% of the training reviews held out ('split') or on the test reviews. */
  validation: 'split' | 'test';
  /** Train on this many training reviews, or null for all of them. */
  sample: number | null;
  /** Keep the epoch with the best validation accuracy at the end (Keras' restore_best_weights). */
  keepBest: boolean;
}

/**
 * The units of each LSTM layer as typed ("128, 128"; empty pieces are skipped): throws a
 * RangeError that quotes what was typed and says what the field takes, in words, for a piece
 * that is not a whole number of units in range. How many layers there may be is
 * {@link checkSettings}'s to say.
 */
export function parseUnits(text: string, locale: Locale = 'en'): number[] {
  const w = SENTIMENT_WORDS[locale];
  const { min, max } = LIMITS.units;
  const pieces = String(text)
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return pieces.map((piece) => {
    const value = Number(piece);
    if (/^\d+$/.test(piece) && value >= min && value <= max) return value;
    const what = Number.isFinite(value) && piece !== '' ? w.unitsRange(String(min), String(max)) : w.aNumber;
    throw new RangeError(
      w.units({
        piece,
        what,
        minLayers: String(LIMITS.layers.min),
        maxLayers: String(LIMITS.layers.max),
        min: String(min),
        max: String(max),
      }),
    );
  });
}

/**
 * The settings in the form, checked by {@link checkSettings}: throws a RangeError naming the bad
 * field. The preset picks the layout ('py-keras' the tokenizer's, anything else the IMDB one).
 */
export function formSettings(form: SettingsFields, locale: Locale = 'en'): SentimentSettings {
  const units = parseUnits(form.units, locale);
  return checkSettings(
    {
      layout: form.preset === 'py-keras' ? 'tokenizer' : 'imdb',
      numWords: form.numWords === 0 ? null : form.numWords,
      maxlen: form.maxlen,
      embedding: form.embedding,
      lstm: units,
      dropout: form.dropout,
      recurrentDropout: form.recurrentDropout,
      optimizer: form.optimizer,
      learningRate: form.learningRate,
      batchSize: form.batchSize,
      epochs: form.epochs,
    },
    locale,
  );
}

/** The run the form asks for; throws a RangeError as {@link formSettings} does. */
export function formRun(form: TrainingForm, locale: Locale = 'en'): RunChoice {
  return {
    settings: formSettings(form, locale),
    validation: form.validation as RunChoice['validation'],
    sample: form.sample === 'all' ? null : Number(form.sample),
    keepBest: form.keepBest,
  };
}

/** The fields that show `settings`, under their preset (whatever the epochs), else the preset of their layout. */
export function settingsFields(settings: Readonly<SentimentSettings>): SettingsFields & { preset: PresetName } {
  return {
    preset: presetButEpochs(settings) ?? (settings.layout === 'imdb' ? 'r-keras' : 'py-keras'),
    numWords: settings.numWords ?? 0,
    maxlen: settings.maxlen,
    embedding: settings.embedding,
    units: settings.lstm.join(','),
    dropout: settings.dropout,
    recurrentDropout: settings.recurrentDropout,
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
  };
}

/**
 * Epochs of the chapter's default run: the articles train 15 and 10, but chapter 5's own curves
 * show the r-keras model overfitting after its first epoch or two, and each epoch takes a
 * reader's browser most of a minute. The run keeps its best epoch (see `keepBest`), and the
 * form says what the article's full run would cost before it starts.
 */
export const SHORT_RUN_EPOCHS = 2;

/** The fields of a preset, as choosing it in the form sets them: the article's model and
 *  training, for the short run's epochs. */
export function presetFields(name: PresetName): SettingsFields {
  return { ...settingsFields(PRESETS[name]), preset: name, epochs: Math.min(SHORT_RUN_EPOCHS, PRESETS[name].epochs) };
}

/** The whole form that shows a run (a checkpoint's, to resume it). */
export function runForm(run: RunChoice): TrainingForm {
  return {
    ...settingsFields(run.settings),
    validation: run.validation,
    sample: run.sample === null ? 'all' : String(run.sample),
    // A checkpoint kept by an earlier version has no such field: it kept the last epoch.
    keepBest: run.keepBest ?? false,
  };
}
