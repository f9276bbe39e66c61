/**
 * "Back to the kit's model": a button that forgets the model the reader trained or loaded, so
 * that every page of the kit uses the kit's own model again (kit/trained.ts falls back to it).
 * Shown only where it means something: the reader's model is in use and the site carries the
 * kit's. Chapters 5, 6 and 7 each offer it beside the model they name.
 */
import { el } from './dom';
import { forgetTrained, siteModelPath } from './trained';
import { errorMessage } from '../../data/errors';
import { TRAINED_WORDS } from './trained.words';

/** The button, and how to tell it whose model is in use now (null: none, or not loaded yet). */
export interface BackToKit {
  root: HTMLButtonElement;
  show(origin: 'reader' | 'kit' | null): void;
}

/** Makes the button; a failure to forget goes to `onError`. */
export function backToKitButton(onError: (message: string) => void): BackToKit {
  const w = TRAINED_WORDS.now();
  const root = el('button', { type: 'button', 'data-role': 'back-to-kit', hidden: true }, w.backToKit);
  let origin: 'reader' | 'kit' | null = null;
  let siteHasModel = false;
  const render = () => void (root.hidden = !(origin === 'reader' && siteHasModel));
  void siteModelPath().then((path) => {
    siteHasModel = path !== null;
    render();
  });
  root.addEventListener('click', () => {
    root.disabled = true;
    forgetTrained().then(
      () => (root.disabled = false),
      (error: unknown) => {
        root.disabled = false;
        onError(w.notRestored(errorMessage(error)));
      },
    );
  });
  return {
    root,
    show(next) {
      origin = next;
      render();
    },
  };
}
