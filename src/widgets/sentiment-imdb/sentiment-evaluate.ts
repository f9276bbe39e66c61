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
import { pageLocale } from '../../i18n/words';
import { SENTIMENT_EVALUATE_WORDS } from './sentiment-evaluate.words';
import { SENTIMENT_TRAIN_WORDS } from './sentiment-train.words';
import { workerErrorText } from './training-run';

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
  protected override engine = SENTIMENT_EVALUATE_WORDS.now().engine;
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
    const w = SENTIMENT_EVALUATE_WORDS.now();
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: w.home } });
    this.model = el('p', { className: 'readout', 'data-role': 'eval-model', 'aria-live': 'polite' });
    this.runButton = el('button', { type: 'button', 'data-role': 'evaluate' }, w.evaluate);
    this.runButton.addEventListener('click', () => this.evaluate());
    this.stopButton = el('button', { type: 'button', 'data-role': 'eval-stop', disabled: true }, w.stop);
    this.stopButton.addEventListener('click', () => this.worker?.send({ type: 'stop' }));
    this.progress = el('progress', {
      'data-role': 'eval-progress',
      max: 1,
      value: 0,
      hidden: true,
      'aria-label': w.progressLabel,
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
    const w = SENTIMENT_EVALUATE_WORDS.now();
    this.model.textContent = s ? w.model(s.label, fmtInt(s.epochs)) : w.noModel;
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
    this.status.textContent = SENTIMENT_EVALUATE_WORDS.now().predicting(
      fmtInt(this.data.dataset.manifest.splits.test.count),
    );
    this.evaluating = measuredOn(this.data.dataset.manifest);
    this.worker = startWorker<SentimentRequest, SentimentReport>(
      sentimentWorker,
      (report) => this.onReport(report),
      'training worker',
    );
    this.worker.send({ type: 'evaluate', data: testData(this.data) });
  }

  private onReport(report: SentimentReport): void {
    const w = SENTIMENT_EVALUATE_WORDS.now();
    if (report.type === 'backend')
      this.showBackend(report.label, report.reason, report.label.includes('WASM') ? isolationNote() : '');
    else if (report.type === 'status')
      this.status.textContent = report.code === 'loading' ? w.loadingModel : report.text;
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
      if (report.saveError) this.showError(w.scoresNotKept(report.saveError));
      else announceTrained(report.metadata, settingsLabel(report.metadata.settings, pageLocale()));
      this.show(evaluation);
    } else if (report.type === 'error') {
      this.done('');
      if (report.message !== 'evaluation stopped') this.showError(workerErrorText(report, SENTIMENT_TRAIN_WORDS.now()));
      else this.status.textContent = w.stopped;
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
    const w = SENTIMENT_EVALUATE_WORDS.now();
    const locale = pageLocale();
    const loaded = this.data && measuredOn(this.data.dataset.manifest);
    const match = dataMatch(evaluation.data, m.count, loaded);
    const row = ([name, what]: readonly string[], value: string) => [{ head: name! }, { num: value }, what!];
    const metrics = dataTable({
      role: 'metrics',
      caption: evaluationCaption(m.count, evaluation.seconds, match, loaded?.testCount ?? 0, locale),
      rows: [
        row(w.metrics.loss, m.loss.toFixed(4)),
        row(w.metrics.accuracy, percent(m.accuracy, 2)),
        row(w.metrics.precision, percent(m.precision, 2)),
        row(w.metrics.recall, percent(m.recall, 2)),
        row(w.metrics.f1, percent(m.f1, 2)),
      ],
    });
    const cell = (n: number, right: boolean) => ({ cell: fmtInt(n), className: right ? 'right' : 'wrong' });
    const confusion = dataTable({
      role: 'confusion',
      className: 'confusion',
      caption: w.confusionCaption,
      head: ['', ...w.confusionHead],
      rows: [
        [{ head: w.negative }, cell(m.tn, true), cell(m.fp, false)],
        [{ head: w.positive }, cell(m.fn, false), cell(m.tp, true)],
      ],
    });
    // Each count also says what it counts ("false positives: 12") to a screen reader.
    confusion
      .querySelectorAll('tbody td')
      .forEach((td, i) => td.setAttribute('aria-label', w.cellLabel(w.cellLabels[i]!, td.textContent ?? '')));
    const sameVocabulary = evaluation.data?.vocabularySha256 === loaded?.vocabularySha256;
    const other = el(
      'p',
      { className: 'readout', 'data-role': 'eval-other-data' },
      otherDataNote(m.count, loaded?.testCount ?? 0, !evaluation.data || sameVocabulary, locale),
    );
    this.results.replaceChildren(...(match === 'other' ? [other] : []), metrics, confusion);
    void this.showWrong(evaluation.mostWrong, match === 'other');
  }

  /** Lists the reviews; `otherData`: their indices are in data other than the loaded, so no text. */
  private async showWrong(wrong: WrongReview[], otherData: boolean): Promise<void> {
    const w = SENTIMENT_EVALUATE_WORDS.now();
    const list = el('ol', { className: 'wrong-reviews', 'data-role': 'wrong-list' });
    this.wrong.replaceChildren(el('h4', {}, w.wrongHeading), list);
    for (const review of wrong) {
      const data = otherData ? null : this.data;
      const quote = el('blockquote', {}, data ? w.loadingText : otherData ? w.otherDataText : w.loadToRead);
      list.append(
        el(
          'li',
          {},
          el(
            'p',
            { className: 'readout' },
            w.wrongLine(fmtInt(review.index), review.label === 1, percent(review.probability, 2)),
          ),
          quote,
        ),
      );
      if (data) {
        try {
          quote.replaceChildren(readableText(await data.texts.text('test', review.index)));
          // The review is data, in English, whatever the page's language.
          quote.lang = 'en';
        } catch (error) {
          quote.textContent = w.textFailed((error as Error).message);
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
