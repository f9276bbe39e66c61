/**
 * <kit-classifier-model>: which trained classifier chapter 6 looks inside. It shows the model
 * chapter 5 trained (kept in this browser), or says there is none and where to train one, and
 * loads model files (model.json and its weights .bin, from chapter 5's download or
 * `npm run train`) that then become the trained model on every page of the kit.
 */
import { modelSummary } from '../../lstm/sentiment/model';
import { sentence } from '../../data/format';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { installFiles, trainedSummary, trainingHref, watchClassifier, type ClassifierStatus } from '../kit/trained';
import { backToKitButton, type BackToKit } from '../kit/back-to-kit';
import { CLASSIFIER_MODEL_WORDS } from './classifier-model.words';
import '../kit/classifier.css';

const schema = {} as const;

class ClassifierModelWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = CLASSIFIER_MODEL_WORDS.now().engine;
  private status!: HTMLElement;
  private details!: HTMLElement;
  private input!: HTMLInputElement;
  private loadStatus!: HTMLElement;
  private backToKit!: BackToKit;
  private model: ClassifierStatus = { kind: 'loading' };
  private installing = false;

  protected build(): void {
    const w = CLASSIFIER_MODEL_WORDS.now();
    this.status = el('p', { className: 'kit-status', 'data-role': 'model-status', 'aria-live': 'polite' });
    this.details = el('div', { 'data-role': 'model-details' });
    this.input = el('input', {
      type: 'file',
      name: 'model-files',
      multiple: true,
      accept: '.json,.bin,application/json,application/octet-stream',
    });
    this.input.addEventListener('change', () => {
      const files = [...(this.input.files ?? [])];
      // Cleared so that choosing the same files again (after fixing them) fires again.
      this.input.value = '';
      if (files.length > 0) void this.install(files);
    });
    this.loadStatus = el('p', { className: 'note', 'data-role': 'load-status', 'aria-live': 'polite' });
    this.backToKit = backToKitButton((message) => this.showError(message));
    this.append(
      this.status,
      this.details,
      el(
        'div',
        { className: 'controls' },
        this.backToKit.root,
        el(
          'label',
          { className: 'wide classifier-files' },
          el('span', { className: 'label-text' }, w.loadFiles),
          this.input,
        ),
      ),
      this.loadStatus,
    );
    const stop = watchClassifier((status) => {
      this.model = status;
      this.update();
    });
    this.listen(stop);
  }

  private async install(files: File[]): Promise<void> {
    const w = CLASSIFIER_MODEL_WORDS.now();
    const names = files.map((f) => f.name).join(w.and);
    this.installing = true;
    this.showError('');
    this.loadStatus.textContent = w.reading(names);
    this.update();
    try {
      const metadata = await installFiles(files);
      this.loadStatus.textContent = w.loaded(names, w.epochs(metadata.epochsDone, fmtInt(metadata.epochsDone)));
    } catch (error) {
      this.loadStatus.textContent = '';
      this.showError(w.notLoaded(sentence((error as Error).message)));
    } finally {
      this.installing = false;
      this.update();
    }
  }

  protected update(): void {
    const w = CLASSIFIER_MODEL_WORDS.now();
    const m = this.model;
    this.status.dataset.kind = m.kind;
    this.backToKit.show(m.kind === 'ready' ? m.classifier.origin : null);
    this.dataset.model = m.kind;
    this.input.disabled = this.installing;
    if (m.kind === 'loading') {
      this.status.textContent = w.looking;
      this.details.replaceChildren();
      return;
    }
    if (m.kind === 'error') {
      this.status.textContent = w.notRead(sentence(m.message));
      this.details.replaceChildren();
      return;
    }
    if (m.kind === 'none') {
      this.status.replaceChildren(
        w.noneBefore,
        el('a', { href: trainingHref() }, w.trainLink),
        w.noneMiddle,
        el('code', {}, 'npm run train'),
        w.noneAfter,
      );
      this.details.replaceChildren();
      return;
    }
    const { metadata, label, backend } = m.classifier;
    this.showBackend(backend);
    const s = metadata.settings;
    const rows = modelSummary(s, metadata.vocabularySize);
    const summary = trainedSummary();
    const epochs =
      metadata.keptEpoch === undefined
        ? w.epochs(metadata.epochsDone, fmtInt(metadata.epochsDone))
        : w.keptEpoch(fmtInt(metadata.keptEpoch), fmtInt(metadata.epochsDone));
    this.status.textContent =
      m.classifier.origin === 'kit'
        ? w.kitModel(label, epochs, fmtInt(metadata.trainCount))
        : w.readerModel(
            label,
            epochs,
            fmtInt(metadata.trainCount),
            summary?.label && summary.label !== label ? summary.label : '',
          );
    const test = metadata.test;
    this.details.replaceChildren(
      el(
        'div',
        { className: 'classifier-scroll' },
        dataTable({
          className: 'classifier-summary',
          head: [...w.head],
          rows: rows.map((r) => [
            r.layer,
            `[${r.outputShape.map((d) => (d === null ? 'batch' : String(d))).join(', ')}]`,
            fmtInt(r.params),
          ]),
        }),
      ),
      el(
        'p',
        { className: 'note', 'data-role': 'model-facts' },
        w.facts(
          fmtInt(s.maxlen),
          s.layout,
          fmtInt(metadata.words.length),
          s.numWords === null ? '' : fmtInt(s.numWords),
        ) + (test ? w.test(fmtInt(test.count), fmt(test.accuracy * 100, 1), fmt(test.f1)) : w.notEvaluated),
      ),
    );
  }
}

defineWidget('kit-classifier-model', ClassifierModelWidget);
