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
import '../kit/classifier.css';

const schema = {} as const;

class ClassifierModelWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs, loaded with the model';
  private status!: HTMLElement;
  private details!: HTMLElement;
  private input!: HTMLInputElement;
  private loadStatus!: HTMLElement;
  private backToKit!: BackToKit;
  private model: ClassifierStatus = { kind: 'loading' };
  private installing = false;

  protected build(): void {
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
          el('span', { className: 'label-text' }, 'Load model files (model.json and its weights .bin, together)'),
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
    this.installing = true;
    this.showError('');
    this.loadStatus.textContent = `Reading ${files.map((f) => f.name).join(' and ')}…`;
    this.update();
    try {
      const metadata = await installFiles(files);
      this.loadStatus.textContent = `Loaded ${files.map((f) => f.name).join(' and ')}: a model trained for ${metadata.epochsDone} epoch${metadata.epochsDone === 1 ? '' : 's'}, now the trained model of every page of the kit.`;
    } catch (error) {
      this.loadStatus.textContent = '';
      this.showError(`These files could not be loaded: ${sentence((error as Error).message)}`);
    } finally {
      this.installing = false;
      this.update();
    }
  }

  protected update(): void {
    const m = this.model;
    this.status.dataset.kind = m.kind;
    this.backToKit.show(m.kind === 'ready' ? m.classifier.origin : null);
    this.dataset.model = m.kind;
    this.input.disabled = this.installing;
    if (m.kind === 'loading') {
      this.status.textContent = 'Looking for a trained model in this browser…';
      this.details.replaceChildren();
      return;
    }
    if (m.kind === 'error') {
      this.status.textContent = `The trained model kept in this browser could not be read: ${sentence(m.message)} Train it again in chapter 5, or load model files below.`;
      this.details.replaceChildren();
      return;
    }
    if (m.kind === 'none') {
      this.status.replaceChildren(
        'No trained model in this browser yet. ',
        el('a', { href: trainingHref() }, 'Train one in chapter 5'),
        ' (it is kept in this browser and appears here), or load model files saved by chapter 5’s download button or by ',
        el('code', {}, 'npm run train'),
        '.',
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
        ? `${metadata.epochsDone} epoch${metadata.epochsDone === 1 ? '' : 's'}`
        : `epoch ${metadata.keptEpoch} of ${metadata.epochsDone} (the best on validation)`;
    this.status.textContent =
      m.classifier.origin === 'kit'
        ? `The kit's model, trained for this site by npm run model: ${label}, ${epochs} on ${fmtInt(metadata.trainCount)} reviews. Train your own in chapter 5 and it takes its place.`
        : `The trained model: ${label}, ${epochs} on ${fmtInt(metadata.trainCount)} reviews${summary?.label && summary.label !== label ? ` (${summary.label})` : ''}.`;
    const test = metadata.test;
    this.details.replaceChildren(
      el(
        'div',
        { className: 'classifier-scroll' },
        dataTable({
          className: 'classifier-summary',
          head: ['layer', 'output shape', 'parameters'],
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
        `Reads ${s.maxlen} ids per review (${s.layout === 'imdb' ? 'keras.datasets.imdb layout' : 'tokenizer layout'}, ` +
          `${fmtInt(metadata.words.length)} words in its vocabulary${s.numWords === null ? '' : `, ids below ${fmtInt(s.numWords)}`}). ` +
          (test
            ? `On the ${fmtInt(test.count)} test reviews: accuracy ${fmt(test.accuracy * 100, 1)} %, F1 ${fmt(test.f1)}.`
            : 'Not evaluated on the test reviews yet.'),
      ),
    );
  }
}

defineWidget('kit-classifier-model', ClassifierModelWidget);
