/**
 * The settings form of <kit-sentiment-train>: its state schema (the URL keeps every field), and
 * the fieldset that shows and edits it (a reference model to start from, each setting, the
 * validation data and the sample to train on). Drawing and wiring only; what the fields mean is
 * src/lstm/sentiment/settings-form.ts. Not a widget itself.
 */
import { LIMITS, OPTIMIZERS, PRESET_NAMES, PRESETS, type PresetName } from '../../lstm/sentiment/presets';
import { presetFields, SHORT_RUN_EPOCHS, type TrainingForm } from '../../lstm/sentiment/settings-form';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { SENTIMENT_FORM_WORDS } from './sentiment-form.words';

const R = PRESETS['r-keras'];

/** The widget's state: the form's fields, r-keras's settings for a short run by default. */
export const TRAIN_SCHEMA = {
  preset: { kind: 'enum', default: 'r-keras', values: PRESET_NAMES },
  numWords: { kind: 'integer', default: R.numWords!, min: 0, max: LIMITS.numWords.max },
  maxlen: { kind: 'integer', default: R.maxlen, ...LIMITS.maxlen },
  embedding: { kind: 'integer', default: R.embedding, ...LIMITS.embedding },
  units: { kind: 'string', default: R.lstm.join(','), maxLength: 20 },
  dropout: { kind: 'number', default: R.dropout, ...LIMITS.dropout, step: 0.05 },
  recurrentDropout: { kind: 'number', default: R.recurrentDropout, ...LIMITS.dropout, step: 0.05 },
  optimizer: { kind: 'enum', default: R.optimizer, values: OPTIMIZERS },
  learningRate: { kind: 'number', default: R.learningRate, ...LIMITS.learningRate, step: 0.00001 },
  batchSize: { kind: 'integer', default: R.batchSize, ...LIMITS.batchSize },
  epochs: { kind: 'integer', default: SHORT_RUN_EPOCHS, ...LIMITS.epochs },
  keepBest: { kind: 'boolean', default: true },
  validation: { kind: 'enum', default: 'split', values: ['split', 'test'] },
  sample: { kind: 'enum', default: 'all', values: ['all', '5000', '1000', '200'] },
} as const;

type NumericKey =
  'numWords' | 'maxlen' | 'embedding' | 'dropout' | 'recurrentDropout' | 'learningRate' | 'batchSize' | 'epochs';

/** The fields of the form, in order (their labels are in ./sentiment-form.words.ts). */
const FIELDS: (NumericKey | 'units' | 'optimizer')[] = [
  'numWords',
  'maxlen',
  'embedding',
  'units',
  'dropout',
  'recurrentDropout',
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
];

/** The fieldset and how to show a state in it. */
export interface SettingsFieldset {
  root: HTMLFieldSetElement;
  /** Shows `form` in the inputs (but in the one being edited). */
  show(form: TrainingForm): void;
  /** Says beside the preset whether the settings are the preset's. */
  note(text: string): void;
  /** Says under the fields what the run would cost on this machine. */
  cost(text: string): void;
}

/**
 * Builds the fieldset: edits go to `set` as a patch of the form with the event that made them;
 * a number field that does not read as a number goes to `showError`. `current` gives the preset
 * that "Back to the preset" restores.
 */
export function settingsFieldset(
  set: (patch: Partial<TrainingForm>, event?: Event) => void,
  showError: (message: string) => void,
  current: () => TrainingForm,
): SettingsFieldset {
  const w = SENTIMENT_FORM_WORDS.now();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const choosePreset = (name: PresetName, event?: Event) => set(presetFields(name), event);
  const presetSelect = el(
    'select',
    { name: 'preset', 'aria-label': w.referenceModel },
    ...PRESET_NAMES.map((name) => el('option', { value: name }, w.presets[name])),
  );
  presetSelect.addEventListener('change', (e) => choosePreset(presetSelect.value as PresetName, e));
  const reset = el('button', { type: 'button', 'data-role': 'preset-reset' }, w.backToPreset);
  reset.addEventListener('click', (e) => choosePreset(current().preset as PresetName, e));
  const customNote = el('span', { className: 'readout', 'data-role': 'custom', 'aria-live': 'polite' });

  const fields = FIELDS.map((key) => {
    const label = w.fields[key];
    let input: HTMLInputElement | HTMLSelectElement;
    if (key === 'optimizer') {
      input = el('select', { name: key }, ...OPTIMIZERS.map((o) => el('option', { value: o }, o)));
    } else if (key === 'units') {
      input = el('input', { type: 'text', name: key, inputmode: 'numeric', pattern: '[0-9, ]+', size: 8 });
    } else {
      const f = TRAIN_SCHEMA[key];
      input = el('input', { type: 'number', name: key, min: f.min, max: f.max, step: 'step' in f ? f.step : 1 });
    }
    input.addEventListener('change', (event) => {
      if (key === 'units' || key === 'optimizer') {
        set({ [key]: input.value }, event);
        return;
      }
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) showError(w.notANumber(label));
      else set({ [key]: value }, event);
    });
    inputs.set(key, input);
    return el('label', { className: 'sentiment-field' }, label, input);
  });

  const validationSelect = el(
    'select',
    { name: 'validation', 'aria-label': w.validationData },
    el('option', { value: 'split' }, w.validationSplit),
    el('option', { value: 'test' }, w.validationTest),
  );
  validationSelect.addEventListener('change', (e) => set({ validation: validationSelect.value }, e));
  const keepBest = el('input', { type: 'checkbox', name: 'keepBest' });
  keepBest.addEventListener('change', (e) => set({ keepBest: keepBest.checked }, e));
  const costLine = el('p', { className: 'readout sentiment-cost', 'data-role': 'cost', 'aria-live': 'polite' });
  const sampleSelect = el(
    'select',
    { name: 'sample', 'aria-label': w.trainingReviews },
    el('option', { value: 'all' }, w.sampleAll),
    el('option', { value: '5000' }, w.sample5000(fmtInt(5000))),
    el('option', { value: '1000' }, fmtInt(1000)),
    el('option', { value: '200' }, w.sample200(fmtInt(200))),
  );
  sampleSelect.addEventListener('change', (e) => set({ sample: sampleSelect.value }, e));

  const root = el(
    'fieldset',
    { className: 'sentiment-settings' },
    el('legend', {}, w.legend),
    el('div', { className: 'controls' }, el('label', {}, w.startFrom, presetSelect), reset, customNote),
    el('div', { className: 'sentiment-fields' }, ...fields),
    el(
      'div',
      { className: 'controls' },
      el('label', {}, w.validateOn, validationSelect),
      el('label', {}, w.trainOn, sampleSelect),
      el('label', {}, keepBest, w.keepBest),
    ),
    costLine,
  );
  return {
    root,
    show(form) {
      presetSelect.value = form.preset;
      for (const [key, input] of inputs) {
        const value = String(form[key as keyof TrainingForm]);
        if (input.value !== value && document.activeElement !== input) input.value = value;
      }
      validationSelect.value = form.validation;
      sampleSelect.value = form.sample;
      keepBest.checked = form.keepBest;
    },
    note: (text) => void (customNote.textContent = text),
    cost: (text) => void (costLine.textContent = text),
  };
}
