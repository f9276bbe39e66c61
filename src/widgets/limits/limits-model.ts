/**
 * The reader's trained model for chapter 7's widgets: loaded once per page and shared by every
 * widget, reloaded when it changes (trained in chapter 5, loaded from files here or in another
 * tab), and the small panel each widget shows above its controls: which model it uses, or how
 * to get one. Not a widget itself.
 */
import { vocabularyFromWords, type Vocabulary } from '../../data/vocabulary';
import type { SequenceView } from '../../data/views';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { withBase } from '../../paths';
import { el } from '../kit/dom';
import { installModelFromFiles, loadTrainedModel, onTrainedChange, trainedSummary } from '../kit/trained';
import { percent } from '../../data/format';

/** Where the model is. */
export type ModelState =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'ready'; loaded: LoadedKitModel; description: string }
  | { phase: 'error'; message: string };

/** Chapter 5's training cell, where a reader trains the model this chapter uses. */
export const TRAINING_URL = withBase(import.meta.env.BASE_URL, 'chapters/05-sentiment-imdb/#cell-train');

let state: ModelState = { phase: 'loading' };
let started = false;
let installing = false;
let generation = 0;
const listeners = new Set<(state: ModelState) => void>();

let current: LoadedKitModel | null = null;

function publish(next: ModelState): void {
  state = next;
  for (const listener of listeners) listener(state);
  // A replaced or forgotten model's variables are freed (widgets copy what they keep: weights,
  // vocabulary). While another loads, the current one stays, in case that load fails.
  const now = next.phase === 'ready' ? next.loaded : next.phase === 'none' ? null : current;
  if (current && current !== now) current.model.dispose();
  current = now;
}

async function describe(loaded: LoadedKitModel): Promise<string> {
  const { settingsLabel } = await import('../../lstm/sentiment/presets');
  const { settings, epochsDone, test } = loaded.metadata;
  const epochs = `${epochsDone} epoch${epochsDone === 1 ? '' : 's'}`;
  const score = test
    ? `, ${percent(test.accuracy, 2)} accuracy on ${test.count.toLocaleString('en-US')} test reviews`
    : '';
  return `${settingsLabel(settings)}, maxlen ${settings.maxlen}, ${epochs}${score}`;
}

async function reload(): Promise<void> {
  const mine = ++generation;
  // Without a summary no model was saved: say so at once, without downloading tfjs to look.
  if (trainedSummary() === null) {
    publish({ phase: 'none' });
    return;
  }
  publish({ phase: 'loading' });
  try {
    const loaded = await loadTrainedModel();
    if (mine !== generation) {
      loaded?.model.dispose();
      return;
    }
    publish(loaded ? { phase: 'ready', loaded, description: await describe(loaded) } : { phase: 'none' });
  } catch (error) {
    if (mine === generation) publish({ phase: 'error', message: (error as Error).message });
  }
}

/** Calls `listener` with the model's state now and on every change; returns the unsubscribe. */
export function watchModel(listener: (state: ModelState) => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    onTrainedChange(() => {
      // Files loaded on this page are published by installFiles, not loaded a second time.
      if (!installing) void reload();
    });
    void reload();
  } else listener(state);
  return () => listeners.delete(listener);
}

/** Makes the chosen files (model.json and its .bin) the trained model, for every page of the kit. */
export async function installFiles(files: readonly File[]): Promise<void> {
  installing = true;
  const mine = ++generation;
  const before = state;
  publish({ phase: 'loading' });
  try {
    const loaded = await installModelFromFiles(files);
    if (mine === generation) publish({ phase: 'ready', loaded, description: await describe(loaded) });
  } catch (error) {
    if (mine === generation) publish(before);
    throw error;
  } finally {
    installing = false;
  }
}

const vocabularies = new WeakMap<LoadedKitModel, Vocabulary>();

/** The model's vocabulary (its metadata's words in rank order), built once per model. */
export function vocabularyOf(loaded: LoadedKitModel): Vocabulary {
  let vocabulary = vocabularies.get(loaded);
  if (!vocabulary) {
    vocabulary = vocabularyFromWords(loaded.metadata.words, []);
    vocabularies.set(loaded, vocabulary);
  }
  return vocabulary;
}

/** The model's view without a length: a text's unpadded ids, as the training reviews got them. */
export function unpaddedView(loaded: LoadedKitModel): SequenceView {
  const { layout, numWords } = loaded.metadata.settings;
  return { layout, ...(numWords === null ? {} : { numWords }) };
}

/** A panel, and how to stop it listening. */
export interface ModelPanel {
  root: HTMLElement;
  dispose(): void;
}

/**
 * The panel a widget puts above its controls: the model in use, or a message linking to chapter
 * 5's training with a "Load model files" input. `onError` shows a failed load in the widget's cell.
 */
export function modelPanel(onError: (message: string) => void): ModelPanel {
  const status = el('p', { className: 'limits-model-status', 'data-role': 'model-status', 'aria-live': 'polite' });
  const input = el('input', {
    type: 'file',
    name: 'model-files',
    multiple: true,
    accept: '.json,.bin,application/json,application/octet-stream',
    'data-role': 'model-files',
  });
  const label = el('span', {}, 'Load model files');
  const picker = el('label', { className: 'limits-model-files' }, label, input);
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared so that choosing the same files again (after a failure) fires again.
    input.value = '';
    if (files.length === 0) return;
    onError('');
    installFiles(files).catch((error: Error) => onError(`Load model files: ${error.message}`));
  });
  const root = el('div', { className: 'limits-model', 'data-role': 'model-panel' }, status, picker);
  const render = (s: ModelState) => {
    root.dataset.phase = s.phase;
    picker.hidden = s.phase === 'loading';
    label.textContent =
      s.phase === 'ready' ? 'Load other model files' : 'Load model files (model.json and weights.bin)';
    const train = el('a', { href: TRAINING_URL }, 'train one in chapter 5');
    switch (s.phase) {
      case 'loading':
        status.replaceChildren('Loading your trained model…');
        break;
      case 'none':
        status.replaceChildren(
          'This cell needs a trained sentiment model, and this browser has none yet: ',
          train,
          ', or load the files of one (model.json with its weights, as chapter 5’s Download or ',
          el('code', {}, 'npm run train'),
          ' writes them).',
        );
        break;
      case 'error':
        status.replaceChildren(
          `Your trained model could not be loaded: ${s.message}. Load its files again, or `,
          train,
          '.',
        );
        break;
      case 'ready':
        status.replaceChildren('Using your trained model: ', el('strong', {}, s.description), '.');
        break;
    }
  };
  const stop = watchModel(render);
  return { root, dispose: stop };
}
