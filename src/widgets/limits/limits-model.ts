/**
 * Chapter 7's view of the kit's one trained-model store (kit/trained.ts): the model's state in
 * this chapter's words, and the small panel each widget shows above its controls: which model
 * it uses, or how to get one. Not a widget itself, and no store of its own: the model is loaded,
 * shared and disposed by kit/trained.ts.
 */
import { vocabularyFromWords, type Vocabulary } from '../../data/vocabulary';
import { sentence } from '../../data/format';
import type { SequenceView } from '../../data/views';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { withBase } from '../../paths';
import { el } from '../kit/dom';
import { installFiles, watchClassifier } from '../kit/trained';
import { backToKitButton } from '../kit/back-to-kit';
import { LIMITS_MODEL_WORDS } from './limits-model.words';

/** Where the model is. */
export type ModelState =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'ready'; loaded: LoadedKitModel; description: string; origin: 'reader' | 'kit' }
  | { phase: 'error'; message: string };

/** Chapter 5's training cell, where a reader trains the model this chapter uses. */
export const TRAINING_URL = withBase(import.meta.env.BASE_URL, 'chapters/05-sentiment-imdb/#cell-train');

/**
 * Calls `listener` with the model's state now and on every change; returns the unsubscribe,
 * which a widget passes to `listen()`. The `loaded` model stays the same object while the model
 * does, and is the store's: widgets never dispose it.
 */
export function watchModel(listener: (state: ModelState) => void): () => void {
  return watchClassifier((status) => {
    switch (status.kind) {
      case 'ready':
        listener({
          phase: 'ready',
          loaded: status.classifier,
          description: status.classifier.description,
          origin: status.classifier.origin,
        });
        break;
      case 'error':
        listener({ phase: 'error', message: status.message });
        break;
      default:
        listener({ phase: status.kind });
    }
  });
}

/**
 * Calls `onChange` with the loaded model (null while there is none) each time it becomes another
 * one, not on every state; returns the unsubscribe. What each widget of this chapter needs.
 */
export function watchLoadedModel(onChange: (model: LoadedKitModel | null) => void): () => void {
  let current: LoadedKitModel | null = null;
  return watchModel((s) => {
    const next = s.phase === 'ready' ? s.loaded : null;
    if (next === current) return;
    current = next;
    onChange(next);
  });
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
  const label = el('span', {}, LIMITS_MODEL_WORDS.now().loadFiles);
  const picker = el('label', { className: 'limits-model-files' }, label, input);
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared so that choosing the same files again (after a failure) fires again.
    input.value = '';
    if (files.length === 0) return;
    onError('');
    installFiles(files).catch((error: Error) => onError(LIMITS_MODEL_WORDS.now().loadFailed(error.message)));
  });
  const backToKit = backToKitButton(onError);
  const root = el('div', { className: 'limits-model', 'data-role': 'model-panel' }, status, picker, backToKit.root);
  const render = (s: ModelState) => {
    const w = LIMITS_MODEL_WORDS.now();
    root.dataset.phase = s.phase;
    backToKit.show(s.phase === 'ready' ? s.origin : null);
    picker.hidden = s.phase === 'loading';
    label.textContent = s.phase === 'ready' ? w.loadOther : w.loadFilesNamed;
    const train = el('a', { href: TRAINING_URL }, w.trainOne);
    switch (s.phase) {
      case 'loading':
        status.replaceChildren(w.loading);
        break;
      case 'none':
        status.replaceChildren(w.noneBefore, train, w.noneMiddle, el('code', {}, 'npm run train'), w.noneAfter);
        break;
      case 'error':
        status.replaceChildren(w.errorBefore(sentence(s.message)), train, w.errorAfter);
        break;
      case 'ready':
        status.replaceChildren(
          s.origin === 'kit' ? w.usingKit : w.usingYours,
          el('strong', {}, s.description),
          s.origin === 'kit' ? w.kitAfter : w.yoursAfter,
        );
        break;
    }
  };
  const stop = watchModel(render);
  return { root, dispose: stop };
}
