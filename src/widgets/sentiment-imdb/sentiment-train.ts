/**
 * <kit-sentiment-train>: chapter 5's classifier, trained in the reader's browser. The reader
 * picks a reference model (r-keras or py-keras) or changes any of its settings, sees the model
 * summary and the equivalent tfjs code, and trains it in a Web Worker on the loaded reviews with
 * live curves, a progress bar, pause, resume and stop. A checkpoint after every epoch lets a
 * reload resume; the trained model is kept in IndexedDB and can be downloaded or loaded from
 * files.
 */
import type { ImdbData } from '../../data/loader';
import { presetButEpochs, PRESETS, settingsLabel } from '../../lstm/sentiment/presets';
import { costSentence, type BatchTiming, type RunSize } from '../../lstm/sentiment/run-cost';
import type { SentimentSettings } from '../../lstm/sentiment/presets';
import { formRun, formSettings, runForm } from '../../lstm/sentiment/settings-form';
import type { SentimentReport, SentimentRequest } from '../../workers/sentiment/protocol';
import { requestInWorker, startWorker, type WorkerClient } from '../../workers/client';
import { errorMessage } from '../../data/errors';
import { el } from '../kit/dom';
import { isolationNote } from '../kit/isolation';
import { announceTrained, discardCheckpoint, keptCheckpoint, onTrainedChange } from '../kit/trained';
import { readStored, writeStored } from '../kit/stored';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { percent } from '../../data/format';
import { settingsFieldset, TRAIN_SCHEMA, type SettingsFieldset } from './sentiment-form';
import { drawBatchChart, drawEpochChart, epochTable } from './sentiment-charts';
import { modelSummaryView, trainedModelBox, type ModelSummaryView, type TrainedModelBox } from './sentiment-model-box';
import { sentimentWorker, workerData } from './sentiment-shared';
import {
  idleRun,
  startRun,
  trainingStep,
  workerErrorText,
  type CheckpointInfo,
  type TrainingRun,
} from './training-run';
import { pageLocale } from '../../i18n/words';
import { fmtInt } from '../kit/format';
import { SENTIMENT_TRAIN_WORDS } from './sentiment-train.words';
import './sentiment.css';

const schema = TRAIN_SCHEMA;

const CHECKPOINT_KEY = 'lstm-kit:checkpoint';
// The curves are drawn at most this often while training (400 ms when idle, a checkpoint's history): each drawing is tens of milliseconds
// of the page's thread (and layout and paint), taken from the two cores the training threads
// share (issue 16: bench:train:chapter prints the page's busy time).
const DRAW_MS = 1500;
const SEED = 7;
// Typing "128" into a field changes it three times: time the batches once the reader pauses.
const TIMING_DELAY_MS = 700;

function readCheckpoint(): CheckpointInfo | null {
  return readStored(CHECKPOINT_KEY) as CheckpointInfo | null;
}
// Without storage a reload cannot offer to resume; training itself is unaffected.
const writeCheckpoint = (info: CheckpointInfo | null) => void writeStored(CHECKPOINT_KEY, info);

class SentimentTrainWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = SENTIMENT_TRAIN_WORDS.now().engine;
  private data: ImdbData | null = null;
  private worker: WorkerClient<SentimentRequest> | null = null;
  private run: TrainingRun = idleRun(null);
  private drawTimer = 0;
  // What the epoch chart last showed.
  private drawn: { epochs: TrainingRun['epochs'] | null; width: number } = { epochs: null, width: 0 };
  // Stop was asked for: the button stays off until the run ends.
  private stopping = false;
  private form!: SettingsFieldset;
  private modelView!: ModelSummaryView;
  private trainButton!: HTMLButtonElement;
  private pauseButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private resumeBox!: HTMLElement;
  private progress!: HTMLProgressElement;
  private progressText!: HTMLElement;
  private status!: HTMLElement;
  private batchPlot!: HTMLElement;
  private epochPlot!: HTMLElement;
  private epochTable!: HTMLElement;
  private modelBox!: TrainedModelBox;
  /** The last timing, and the run (settings but epochs, validation, sample) it measured. */
  private timing: { key: string; timing: BatchTiming; size: RunSize } | null = null;
  private timingRun: { key: string; abort: AbortController; timer: number } | null = null;

  protected build(): void {
    const w = SENTIMENT_TRAIN_WORDS.now();
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: w.home } });
    this.form = settingsFieldset(
      (patch, event) => this.set(patch, event),
      (message) => this.showError(message),
      () => this.state,
    );
    this.modelView = modelSummaryView();
    this.trainButton = el('button', { type: 'button', 'data-role': 'train' }, w.train);
    this.trainButton.addEventListener('click', () => this.start(false));
    this.pauseButton = el('button', { type: 'button', 'data-role': 'pause', disabled: true }, w.pause);
    this.pauseButton.addEventListener('click', () => this.togglePause());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, w.stop);
    this.stopButton.addEventListener('click', () => this.stop());
    this.resumeBox = el('div', { className: 'sentiment-resume', 'data-role': 'resume-offer', hidden: true });
    this.progress = el('progress', { 'data-role': 'progress', max: 1, value: 0, 'aria-label': w.progressLabel });
    this.progressText = el('p', { className: 'readout', 'data-role': 'progress-text', 'aria-live': 'polite' });
    this.status = el('p', { className: 'readout', 'data-role': 'status', 'aria-live': 'polite' });
    this.batchPlot = el('div', { className: 'plot', 'data-role': 'batch-plot' });
    this.epochPlot = el('div', { className: 'plot', 'data-role': 'epoch-plot' });
    this.epochTable = el('div', { className: 'readout', 'data-role': 'epochs' });

    this.modelBox = trainedModelBox((message) => this.showError(message));
    this.append(
      panel.root,
      this.form.root,
      ...this.modelView.roots,
      this.resumeBox,
      el('div', { className: 'controls' }, this.trainButton, this.pauseButton, this.stopButton),
      this.progress,
      this.progressText,
      this.status,
      this.batchPlot,
      this.epochPlot,
      this.epochTable,
      this.modelBox.root,
    );
    watchData(panel.loader, (data) => {
      this.data = data;
      this.update();
    });
    this.run = idleRun(readCheckpoint());
    this.showResumeOffer();
    this.modelBox.refresh();
    this.listen(onTrainedChange(() => this.modelBox.refresh()));
    this.own({ stop: () => this.worker?.terminate() });
    this.own({ stop: () => this.stopTiming() });
  }

  protected update(): void {
    const s = this.state;
    this.form.show(s);
    let settings;
    try {
      settings = formSettings(s, pageLocale());
    } catch (error) {
      this.showError((error as Error).message);
      this.trainButton.disabled = true;
      return;
    }
    // The preset whose model this is, for its own epochs (the preset itself) or fewer or more.
    const model = presetButEpochs(settings);
    const fullEpochs = model && PRESETS[model].epochs;
    const w = SENTIMENT_TRAIN_WORDS.now();
    this.form.note(
      model && fullEpochs === settings.epochs
        ? w.presetNote(model)
        : model
          ? w.shorterNote(model, fmtInt(settings.epochs), fmtInt(fullEpochs!))
          : w.customNote(settings.layout === 'imdb' ? 'r-keras' : 'py-keras'),
    );
    this.showCost(settings, model && { name: model, epochs: fullEpochs! });
    const vocabularySize = this.data?.dataset.manifest.vocabulary.words ?? null;
    this.modelView.render(settings, vocabularySize, s.validation as 'split' | 'test');
    this.trainButton.disabled = this.run.running !== 'idle' || this.data === null;
    this.trainButton.title = this.data === null ? w.loadFirst : '';
  }

  /**
   * Says what the run in the form would cost here: from the last timing when only the epochs
   * changed, else after timing a few batches of the new settings in a worker of their own.
   */
  private showCost(settings: SentimentSettings, article: { name: string; epochs: number } | null): void {
    if (!this.data || this.run.running !== 'idle') return;
    const s = this.state;
    const key = JSON.stringify([{ ...settings, epochs: 0 }, s.validation, s.sample]);
    if (this.timing?.key === key) {
      this.form.cost(costSentence(this.timing.timing, this.timing.size, settings.epochs, article, pageLocale()));
      return;
    }
    if (this.timingRun?.key === key) return;
    this.stopTiming();
    const w = SENTIMENT_TRAIN_WORDS.now();
    this.form.cost(w.timing);
    const data = workerData(this.data);
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      const request = { type: 'time' as const, ...formRun(s), seed: SEED, data };
      requestInWorker<SentimentRequest, SentimentReport, SentimentReport & { type: 'timed' }>(
        sentimentWorker,
        request,
        {
          signal: abort.signal,
          onReport: (r) => (r.type === 'timed' ? r : undefined),
          what: 'timing worker',
        },
      ).then(
        ({ timing, size }) => {
          this.timingRun = null;
          this.timing = { key, timing, size };
          this.update();
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          this.timingRun = null;
          this.form.cost(w.timingFailed(errorMessage(error)));
        },
      );
    }, TIMING_DELAY_MS);
    this.timingRun = { key, abort, timer };
  }

  private stopTiming(): void {
    if (!this.timingRun) return;
    window.clearTimeout(this.timingRun.timer);
    this.timingRun.abort.abort();
    this.timingRun = null;
  }

  /**
   * Offers to resume only a checkpoint that reads back from storage (one that does not is
   * forgotten), described as it is kept: its epochs, not what the page last hoped to save.
   */
  private showResumeOffer(): void {
    const hoped = readCheckpoint();
    this.resumeBox.hidden = true;
    if (!hoped || this.run.running !== 'idle') return;
    // tfjs that cannot even be fetched: no offer this visit, the record stays for the next.
    const noTfjs = () => undefined;
    void keptCheckpoint().then((kept) => {
      if (this.run.running !== 'idle' || readCheckpoint() === null) return;
      const info = kept && { ...hoped, epochsDone: kept.epochsDone, history: kept.history };
      const usable = info !== null && JSON.stringify(kept!.settings) === JSON.stringify(hoped.settings);
      writeCheckpoint(usable ? info : null);
      this.run = { ...this.run, checkpoint: usable ? info : null };
      if (usable) this.offerResume(info);
    }, noTfjs);
  }

  private offerResume(info: CheckpointInfo): void {
    const w = SENTIMENT_TRAIN_WORDS.now();
    const resume = el(
      'button',
      { type: 'button', 'data-role': 'resume-checkpoint' },
      w.resumeFrom(fmtInt(info.epochsDone + 1)),
    );
    resume.addEventListener('click', () => this.start(true));
    const discard = el('button', { type: 'button', 'data-role': 'discard-checkpoint' }, w.discard);
    discard.addEventListener('click', () => {
      writeCheckpoint(null);
      this.run = { ...this.run, checkpoint: null };
      this.resumeBox.hidden = true;
      void discardCheckpoint();
    });
    this.resumeBox.replaceChildren(
      el(
        'p',
        {},
        w.checkpoint(
          settingsLabel(info.settings, pageLocale()),
          fmtInt(info.epochsDone),
          fmtInt(info.settings.epochs),
        ) +
          (info.history.length
            ? w.checkpointAccuracy(percent(info.history[info.history.length - 1]!.valAccuracy ?? NaN, 2))
            : w.end),
      ),
      el('div', { className: 'controls' }, resume, discard),
    );
    this.resumeBox.hidden = false;
    this.run = { ...this.run, epochs: info.history };
    this.drawSoon();
  }

  /** Takes the next state, keeping the checkpoint's record in storage in step with it. */
  private apply(next: TrainingRun): void {
    if (next.checkpoint !== this.run.checkpoint) writeCheckpoint(next.checkpoint);
    this.run = next;
  }

  private start(resume: boolean): void {
    if (this.run.running !== 'idle') return;
    // Never silent: Resume stays clickable before the reviews are loaded, so say what it needs.
    if (!this.data) return this.showError(SENTIMENT_TRAIN_WORDS.now().needsReviews(resume));
    const info = resume ? readCheckpoint() : null;
    let choice;
    if (info) {
      // A checkpoint of an earlier version has no keepBest: it kept the last epoch.
      choice = {
        settings: info.settings,
        validation: info.validation,
        sample: info.sample,
        keepBest: info.keepBest ?? false,
      };
      this.set(runForm(choice));
    } else {
      try {
        choice = formRun(this.state, pageLocale());
      } catch (error) {
        this.showError((error as Error).message);
        return;
      }
    }
    this.stopTiming();
    this.apply(startRun(this.run, choice, SEED, info, SENTIMENT_TRAIN_WORDS.now()));
    this.stopping = false;
    this.resumeBox.hidden = true;
    this.render();
    this.worker?.terminate();
    this.worker = startWorker<SentimentRequest, SentimentReport>(
      sentimentWorker,
      (report) => this.onReport(report),
      'training worker',
    );
    this.worker.send({ type: 'train', ...choice, seed: SEED, resume: info !== null, data: workerData(this.data) });
  }

  private onReport(report: SentimentReport): void {
    if (report.type === 'backend') {
      this.showBackend(report.label, report.reason, report.label.includes('WASM') ? isolationNote() : '');
      return;
    }
    // The evaluation's and the timing's, not training's.
    if (report.type === 'evaluating' || report.type === 'evaluated' || report.type === 'timed') return;
    const wasRunning = this.run.running !== 'idle';
    this.apply(trainingStep(this.run, report, SENTIMENT_TRAIN_WORDS.now()));
    if (report.type === 'error') this.showError(workerErrorText(report, SENTIMENT_TRAIN_WORDS.now()));
    // The summary describes the model that loads: only a confirmed save changes it.
    if (report.type === 'trained' && !report.saveError)
      announceTrained(report.metadata, settingsLabel(report.metadata.settings, pageLocale()));
    if (wasRunning && this.run.running === 'idle') this.finish();
    this.render();
    if (report.type === 'trained' || report.type === 'error') this.showResumeOffer();
    if (report.type === 'trained') this.modelBox.refresh();
    if (report.type === 'batch' || report.type === 'epoch') this.drawSoon();
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
    this.draw();
  }

  private togglePause(): void {
    this.worker?.send({ type: this.run.running === 'paused' ? 'resume' : 'pause' });
  }

  private stop(): void {
    this.worker?.send({ type: 'stop' });
    this.stopping = true;
    this.run = { ...this.run, status: SENTIMENT_TRAIN_WORDS.now().stopping };
    this.render();
  }

  /** Shows the run's buttons, status lines and progress bar. */
  private render(): void {
    const { running, status, progressText, progress } = this.run;
    const busy = running !== 'idle';
    this.trainButton.disabled = busy || this.data === null;
    this.pauseButton.disabled = !busy;
    this.stopButton.disabled = !busy || this.stopping;
    const w = SENTIMENT_TRAIN_WORDS.now();
    this.pauseButton.textContent = running === 'paused' ? w.resume : w.pause;
    this.pauseButton.setAttribute('aria-pressed', String(running === 'paused'));
    this.status.textContent = status;
    this.progressText.textContent = progressText;
    if (progress) {
      this.progress.max = progress.total;
      this.progress.value = progress.done;
      this.progress.setAttribute('aria-valuetext', progress.text);
    }
  }

  private drawSoon(): void {
    if (this.drawTimer) return;
    this.drawTimer = window.setTimeout(
      () => {
        this.drawTimer = 0;
        this.draw();
      },
      this.run.running === 'idle' ? 400 : DRAW_MS,
    );
  }

  private draw(): void {
    const width = this.plotWidth();
    const { batches, lastBatch, epochs } = this.run;
    drawBatchChart(this.batchPlot, batches, lastBatch, width);
    // The epochs change once an epoch: between, only the batch curve needs drawing again.
    if (epochs === this.drawn.epochs && width === this.drawn.width) return;
    this.drawn = { epochs, width };
    drawEpochChart(this.epochPlot, epochs, width);
    if (epochs.length > 0) this.epochTable.replaceChildren(epochTable(epochs));
  }

  protected override onReset(): void {
    this.stopTiming();
    this.worker?.terminate();
    this.worker = null;
    this.run = { ...this.run, running: 'idle', choice: null };
    this.render();
  }
}

defineWidget('kit-sentiment-train', SentimentTrainWidget);
