/**
 * <kit-sentiment-evaluate>: the trained classifier on all test reviews, in the sentiment worker:
 * loss, accuracy, precision, recall, F1, the confusion matrix, and the reviews it gets most wrong
 * (their texts, as written). A newly trained model is evaluated as soon as it is saved; the
 * results are kept with the model, so a reload shows them again, and with the data they were
 * measured on, so that they never pass for results on other reviews loaded since.
 */
import type { ImdbData } from '../../data/loader';
import type { BinaryMetrics } from '../../lstm/sentiment/metrics';
import {
  dataMatch,
  evaluationCaption,
  measuredOn,
  otherDataNote,
  type MeasuredOn,
} from '../../lstm/sentiment/measured-on';
import { startWorker, type WorkerClient } from '../../workers/client';
import type { SentimentReport, SentimentRequest, WrongReview } from '../../workers/sentiment/protocol';
import { dataTable, el } from '../kit/dom';
import { isolationNote } from '../kit/isolation';
import { fmtInt } from '../kit/format';
import { announceTrained, onTrainedChange, trainedSummary } from '../kit/trained';
import { readStored, writeStored } from '../kit/stored';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { sentimentWorker, testData } from './sentiment-shared';
import { settingsLabel } from '../../lstm/sentiment/presets';
import './sentiment.css';
import { percent } from '../../data/format';
import { pagedPieces, textPage } from '../../data/explore';

const schema = {} as const;

/** The last evaluation, kept in localStorage for the model saved at `savedAt`. */
interface Evaluation {
  savedAt: string;
  metrics: BinaryMetrics;
  mostWrong: WrongReview[];
  seconds: number;
  /** The data it was measured on (absent in results kept before it was recorded). */
  data?: MeasuredOn;
}
const EVALUATION_KEY = 'lstm-kit:evaluation';

function readEvaluation(): Evaluation | null {
  return readStored(EVALUATION_KEY) as Evaluation | null;
}

class SentimentEvaluateWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs in a Web Worker';
  private data: ImdbData | null = null;
  private worker: WorkerClient<SentimentRequest> | null = null;
  // The data the running evaluation measures, recorded with its results.
  private evaluating: MeasuredOn | null = null;
  private model!: HTMLElement;
  private runButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private status!: HTMLElement;
  private results!: HTMLElement;
  private wrong!: HTMLElement;

  protected build(): void {
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: 'The reviews in this page' } });
    this.model = el('p', { className: 'readout', 'data-role': 'eval-model', 'aria-live': 'polite' });
    this.runButton = el('button', { type: 'button', 'data-role': 'evaluate' }, 'Evaluate on the test reviews');
    this.runButton.addEventListener('click', () => this.evaluate());
    this.stopButton = el('button', { type: 'button', 'data-role': 'eval-stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.worker?.send({ type: 'stop' }));
    this.progress = el('progress', {
      'data-role': 'eval-progress',
      max: 1,
      value: 0,
      hidden: true,
      'aria-label': 'Evaluation progress',
    });
    this.status = el('p', { className: 'readout', 'data-role': 'eval-status', 'aria-live': 'polite' });
    this.results = el('div', { className: 'imdb-tables', 'data-role': 'eval-results' });
    this.wrong = el('div', { 'data-role': 'most-wrong' });
    this.append(
      panel.root,
      this.model,
      el('div', { className: 'controls' }, this.runButton, this.stopButton),
      this.progress,
      this.status,
      this.results,
      this.wrong,
    );
    watchData(panel.loader, (data) => {
      this.data = data;
      this.update();
      this.autoEvaluate();
    });
    this.listen(
      onTrainedChange(() => {
        this.update();
        this.autoEvaluate();
      }),
    );
    this.own({ stop: () => this.worker?.terminate() });
  }

  /** A model just trained (or loaded) without test scores is evaluated at once, once. */
  private autoEvaluate(): void {
    const s = trainedSummary();
    if (s && s.test === null && this.data && !this.worker) this.evaluate();
  }

  protected update(): void {
    const s = trainedSummary();
    this.model.textContent = s
      ? `The trained model: ${s.label}, ${s.epochs} epoch(s).`
      : 'No model is trained yet: train one in the section above (or load model files there).';
    this.runButton.disabled = !s || !this.data || this.worker !== null;
    const evaluation = readEvaluation();
    if (s && evaluation && evaluation.savedAt === s.savedAt) this.show(evaluation);
    else {
      this.results.replaceChildren();
      this.wrong.replaceChildren();
    }
  }

  private evaluate(): void {
    if (!this.data || this.worker) return;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.stopButton.disabled = false;
    this.runButton.disabled = true;
    this.status.textContent = `Predicting all ${fmtInt(this.data.dataset.manifest.splits.test.count)} test reviews…`;
    this.evaluating = measuredOn(this.data.dataset.manifest);
    this.worker = startWorker<SentimentRequest, SentimentReport>(
      sentimentWorker,
      (report) => this.onReport(report),
      'training worker',
    );
    this.worker.send({ type: 'evaluate', data: testData(this.data) });
  }

  private onReport(report: SentimentReport): void {
    if (report.type === 'backend')
      this.showBackend(report.label, report.reason, report.label.includes('WASM') ? isolationNote() : '');
    else if (report.type === 'status') this.status.textContent = report.text;
    else if (report.type === 'evaluating') {
      this.progress.value = report.done;
      this.progress.setAttribute('aria-valuetext', `${Math.round(100 * report.done)}%`);
    } else if (report.type === 'evaluated') {
      const evaluation: Evaluation = {
        savedAt: report.metadata.savedAt,
        metrics: report.metrics,
        mostWrong: report.mostWrong,
        seconds: report.seconds,
        ...(this.evaluating ? { data: this.evaluating } : {}),
      };
      // If storage refuses, the results are not kept for a reload but are shown now all the same.
      writeStored(EVALUATION_KEY, evaluation);
      this.done('');
      // Scores not kept with the model are shown, but the summary keeps describing the model kept.
      if (report.saveError) this.showError(`The scores could not be kept with the model: ${report.saveError}`);
      else announceTrained(report.metadata, settingsLabel(report.metadata.settings));
      this.show(evaluation);
    } else if (report.type === 'error') {
      this.done('');
      if (report.message !== 'evaluation stopped') this.showError(report.message);
      else this.status.textContent = 'Evaluation stopped.';
    }
  }

  private done(text: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.progress.hidden = true;
    this.stopButton.disabled = true;
    this.status.textContent = text;
    this.update();
  }

  private show(evaluation: Evaluation): void {
    const m = evaluation.metrics;
    const loaded = this.data && measuredOn(this.data.dataset.manifest);
    const match = dataMatch(evaluation.data, m.count, loaded);
    const row = (name: string, value: string, what: string) => [{ head: name }, { num: value }, what];
    const metrics = dataTable({
      role: 'metrics',
      caption: evaluationCaption(m.count, evaluation.seconds, match, loaded?.testCount ?? 0),
      rows: [
        row('loss', m.loss.toFixed(4), 'binary cross-entropy'),
        row('accuracy', percent(m.accuracy, 2), 'reviews classified right'),
        row('precision', percent(m.precision, 2), 'of the reviews it called positive, the share that are positive'),
        row('recall', percent(m.recall, 2), 'of the positive reviews, the share it called positive'),
        row('F1', percent(m.f1, 2), 'harmonic mean of precision and recall'),
      ],
    });
    const cell = (n: number, right: boolean) => ({ cell: fmtInt(n), className: right ? 'right' : 'wrong' });
    const confusion = dataTable({
      role: 'confusion',
      className: 'confusion',
      caption: 'Confusion matrix: rows are the truth, columns the prediction',
      head: ['', 'predicted negative', 'predicted positive'],
      rows: [
        [{ head: 'negative' }, cell(m.tn, true), cell(m.fp, false)],
        [{ head: 'positive' }, cell(m.fn, false), cell(m.tp, true)],
      ],
    });
    // Each count also says what it counts ("false positives: 12") to a screen reader.
    const labels = ['true negatives', 'false positives', 'false negatives', 'true positives'];
    confusion
      .querySelectorAll('tbody td')
      .forEach((td, i) => td.setAttribute('aria-label', `${labels[i]}: ${td.textContent}`));
    const sameVocabulary = evaluation.data?.vocabularySha256 === loaded?.vocabularySha256;
    const other = el(
      'p',
      { className: 'readout', 'data-role': 'eval-other-data' },
      otherDataNote(m.count, loaded?.testCount ?? 0, !evaluation.data || sameVocabulary),
    );
    this.results.replaceChildren(...(match === 'other' ? [other] : []), metrics, confusion);
    void this.showWrong(evaluation.mostWrong, match === 'other');
  }

  /** Lists the reviews; `otherData`: their indices are in data other than the loaded, so no text. */
  private async showWrong(wrong: WrongReview[], otherData: boolean): Promise<void> {
    const list = el('ol', { className: 'wrong-reviews', 'data-role': 'wrong-list' });
    this.wrong.replaceChildren(el('h4', {}, 'The reviews it gets most wrong'), list);
    for (const w of wrong) {
      const truth = w.label ? 'positive' : 'negative';
      const data = otherData ? null : this.data;
      const quote = el(
        'blockquote',
        {},
        data
          ? 'Loading the text…'
          : otherData
            ? 'Its text is in the data this was measured on, not loaded now.'
            : 'Load the reviews to read the text.',
      );
      list.append(
        el(
          'li',
          {},
          el(
            'p',
            { className: 'readout' },
            `Test review ${fmtInt(w.index)}: truly ${truth}, the model says ${percent(w.probability, 2)} positive.`,
          ),
          quote,
        ),
      );
      if (data) {
        try {
          quote.replaceChildren(readableText(await data.texts.text('test', w.index)));
        } catch (error) {
          quote.textContent = `The text could not be loaded: ${(error as Error).message}`;
        }
      }
    }
  }
}

/**
 * A review as a reader reads it: its `<br />` tags as line breaks (as text, never as HTML), runs
 * of them as one, and the first page only of a very long one.
 */
function readableText(text: string): DocumentFragment {
  const page = textPage(pagedPieces(text, 4000), { maxChars: 4000, maxBreaks: 1 });
  const out = document.createDocumentFragment();
  for (const p of page.pieces) out.append(p.lineBreak ? el('br') : p.text);
  if (page.next !== null) out.append(' …');
  return out;
}

defineWidget('kit-sentiment-evaluate', SentimentEvaluateWidget);
