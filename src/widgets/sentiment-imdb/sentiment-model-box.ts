/**
 * Two parts of <kit-sentiment-train> that need no training state: the model the settings make
 * (its Keras-style summary and the same model as tfjs code to copy), and the trained model kept
 * in this browser (a line about it, download, forget, load from files). Not a widget itself.
 */
import { percent } from '../../data/format';
import { modelCode, modelSummary, parameterCount } from '../../lstm/sentiment/model';
import { modelFileErrorText } from '../../lstm/sentiment/model-errors';
import { settingsLabel, type SentimentSettings } from '../../lstm/sentiment/presets';
import { dataTable, el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { pageLocale } from '../../i18n/words';
import { SENTIMENT_MODEL_BOX_WORDS } from './sentiment-model-box.words';
import { forgetTrained, installModelFromFiles, siteModelPath, trainedSummary } from '../kit/trained';

/** The summary and code of the model the form describes. */
export interface ModelSummaryView {
  /** The two collapsed sections to place in the widget. */
  roots: HTMLElement[];
  /**
   * Shows the model of `settings` over a vocabulary of `vocabularySize` words (null before the
   * data is loaded), validated as `validation` says.
   */
  render(settings: SentimentSettings, vocabularySize: number | null, validation: 'split' | 'test'): void;
}

/** Builds a {@link ModelSummaryView}. */
export function modelSummaryView(): ModelSummaryView {
  const w = SENTIMENT_MODEL_BOX_WORDS.now();
  const summary = el('div', { className: 'readout', 'data-role': 'summary' });
  const code = el('code', { 'data-role': 'code' });
  const copyButton = el('button', { type: 'button', 'data-role': 'copy-code' }, w.copy);
  copyButton.addEventListener('click', () => void copyCode());

  async function copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      copyButton.textContent = w.copied;
    } catch {
      // Clipboard refused (permissions, insecure context): select the code for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      copyButton.textContent = w.selected;
    }
    setTimeout(() => (copyButton.textContent = w.copy), 2000);
  }

  return {
    roots: [
      el('details', { className: 'sentiment-details' }, el('summary', {}, w.summary), summary),
      el('details', { className: 'sentiment-details' }, el('summary', {}, w.tfjs), el('pre', {}, code), copyButton),
    ],
    render(settings, vocabularySize, validation) {
      // Without the data, the vocabulary size is unknown unless the settings cut it anyway.
      const size = vocabularySize ?? (settings.numWords !== null ? settings.numWords : null);
      if (size === null) {
        summary.textContent = w.noVocabulary;
        code.textContent = '';
        return;
      }
      const table = dataTable({
        role: 'summary-table',
        caption: w.caption(settingsLabel(settings, pageLocale()), fmtInt(parameterCount(settings, size))),
        head: [...w.head],
        rows: modelSummary(settings, size).map((r) => [
          r.layer,
          `(${r.outputShape.map((d) => (d === null ? 'None' : d)).join(', ')})`,
          { num: fmtInt(r.params) },
        ]),
      });
      summary.replaceChildren(table);
      code.textContent = modelCode(settings, size, validation);
    },
  };
}

/** The trained model kept in this browser, with its controls. */
export interface TrainedModelBox {
  root: HTMLElement;
  /** Shows what is kept now. */
  refresh(): void;
}

/** Builds a {@link TrainedModelBox}; failures of download and loading go to `showError`. */
export function trainedModelBox(showError: (message: string) => void): TrainedModelBox {
  const w = SENTIMENT_MODEL_BOX_WORDS.now();
  const fileInput = el('input', {
    type: 'file',
    name: 'model-files',
    multiple: true,
    accept: '.json,.bin',
    'data-role': 'model-files',
    'aria-label': w.filesLabel,
  });
  const modelBox = el('div', { className: 'readout', 'data-role': 'model', 'aria-live': 'polite' });
  const download = el('button', { type: 'button', 'data-role': 'download' }, w.download);
  const forget = el('button', { type: 'button', 'data-role': 'forget-model' }, w.forget);

  let kitModel = false;
  function refresh(): void {
    const s = trainedSummary();
    modelBox.textContent = s
      ? w.kept(s.label, fmtInt(s.epochs)) + (s.test ? w.keptTested(percent(s.test.accuracy, 2)) : w.keptUntested)
      : w.noneKept + (kitModel ? w.untilYouTrain : '');
    // Forgetting the reader's model goes back to the kit's, where the site carries one.
    forget.textContent = kitModel ? w.forgetKit : w.forget;
  }
  void siteModelPath().then((path) => {
    kitModel = path !== null;
    refresh();
  });

  download.addEventListener('click', () => {
    void (async () => {
      try {
        const { loadTrainedModel } = await import('../kit/trained');
        const loaded = await loadTrainedModel();
        if (!loaded) throw new Error(w.nothingToDownload);
        const { saveKitModel } = await import('../../lstm/sentiment/model-files');
        await saveKitModel(loaded.model, 'downloads://lstm-kit-sentiment', loaded.metadata);
      } catch (error) {
        showError(w.downloadFailed((error as Error).message));
      }
    })();
  });
  forget.addEventListener('click', () => void forgetTrained().then(refresh));
  fileInput.addEventListener('change', () => {
    void (async () => {
      const files = [...(fileInput.files ?? [])];
      fileInput.value = '';
      if (files.length === 0) return;
      try {
        modelBox.textContent = w.reading;
        await installModelFromFiles(files);
        refresh();
      } catch (error) {
        refresh();
        showError(w.loadFailed(modelFileErrorText(error, pageLocale())));
      }
    })();
  });

  const root = el(
    'div',
    { className: 'sentiment-model' },
    modelBox,
    el('div', { className: 'controls' }, download, forget, el('label', {}, w.loadFiles, fileInput)),
  );
  return { root, refresh };
}
