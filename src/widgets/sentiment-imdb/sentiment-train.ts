/**
 * <kit-sentiment-train>: chapter 5's classifier, trained in the reader's browser. The reader
 * picks a reference model (r-keras or py-keras) or changes any of its settings, sees the model
 * summary and the equivalent tfjs code, and trains it in a Web Worker on the loaded reviews with
 * live curves, a progress bar, pause, resume and stop. A checkpoint after every epoch lets a
 * reload resume; the trained model is kept in IndexedDB and can be downloaded or loaded from
 * files.
 */
import type { ImdbData } from '../../data/loader';
import { modelCode, modelSummary, parameterCount } from '../../lstm/sentiment/model';
import {
  checkSettings,
  LIMITS,
  matchingPreset,
  OPTIMIZERS,
  PRESETS,
  settingsLabel,
  type PresetName,
  type SentimentSettings,
} from '../../lstm/sentiment/presets';
import type { BatchLog, EpochLog } from '../../lstm/sentiment/train';
import type { SentimentReport, ValidationMode } from '../../workers/sentiment-protocol';
import { dataTable, el } from '../kit/dom';
import { isolationNote } from '../kit/isolation';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { announceTrained, forgetTrained, installModelFromFiles, onTrainedChange, trainedSummary } from '../kit/trained';
import { readStored, writeStored } from '../kit/stored';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { fmtClock, startSentimentWorker, workerData, type SentimentWorker } from './sentiment-shared';
import './sentiment.css';
import { percent } from '../../data/format';

const R = PRESETS['r-keras'];
const schema = {
  preset: { kind: 'enum', default: 'r-keras', values: ['r-keras', 'py-keras'] },
  numWords: { kind: 'integer', default: R.numWords!, min: 0, max: LIMITS.numWords.max },
  maxlen: { kind: 'integer', default: R.maxlen, ...LIMITS.maxlen },
  embedding: { kind: 'integer', default: R.embedding, ...LIMITS.embedding },
  units: { kind: 'string', default: R.lstm.join(','), maxLength: 20 },
  dropout: { kind: 'number', default: R.dropout, ...LIMITS.dropout, step: 0.05 },
  recurrentDropout: { kind: 'number', default: R.recurrentDropout, ...LIMITS.dropout, step: 0.05 },
  optimizer: { kind: 'enum', default: R.optimizer, values: OPTIMIZERS },
  learningRate: { kind: 'number', default: R.learningRate, ...LIMITS.learningRate, step: 0.00001 },
  batchSize: { kind: 'integer', default: R.batchSize, ...LIMITS.batchSize },
  epochs: { kind: 'integer', default: R.epochs, ...LIMITS.epochs },
  validation: { kind: 'enum', default: 'split', values: ['split', 'test'] },
  sample: { kind: 'enum', default: 'all', values: ['all', '5000', '1000', '200'] },
} as const;

type NumericKey =
  'numWords' | 'maxlen' | 'embedding' | 'dropout' | 'recurrentDropout' | 'learningRate' | 'batchSize' | 'epochs';

/** The fields of the form, in order, with their labels. */
const FIELDS: [NumericKey | 'units' | 'optimizer', string][] = [
  ['numWords', 'Vocabulary (0 = all words)'],
  ['maxlen', 'maxlen'],
  ['embedding', 'Embedding size'],
  ['units', 'LSTM units per layer'],
  ['dropout', 'Dropout'],
  ['recurrentDropout', 'Recurrent dropout'],
  ['optimizer', 'Optimizer'],
  ['learningRate', 'Learning rate'],
  ['batchSize', 'Batch size'],
  ['epochs', 'Epochs'],
];

/** What a reload may resume: kept in localStorage beside the checkpoint in IndexedDB. */
interface CheckpointInfo {
  settings: SentimentSettings;
  validation: ValidationMode;
  sample: number | null;
  seed: number;
  epochsDone: number;
  history: EpochLog[];
}
const CHECKPOINT_KEY = 'lstm-kit:checkpoint';
const SEED = 7;

function readCheckpoint(): CheckpointInfo | null {
  return readStored(CHECKPOINT_KEY) as CheckpointInfo | null;
}
// Without storage a reload cannot offer to resume; training itself is unaffected.
const writeCheckpoint = (info: CheckpointInfo | null) => void writeStored(CHECKPOINT_KEY, info);

// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const COLOURS = { train: '#2f6fd6', validation: '#d6452f' } as const;

/** At most `n` points: the mean of each run of batches, so that a long run still draws fast. */
function thin(points: { x: number; loss: number; accuracy: number }[], n: number) {
  if (points.length <= n) return points;
  const size = Math.ceil(points.length / n);
  const out = [];
  for (let i = 0; i < points.length; i += size) {
    const run = points.slice(i, i + size);
    const mean = (f: (p: (typeof run)[number]) => number) => run.reduce((s, p) => s + f(p), 0) / run.length;
    out.push({ x: run[run.length - 1]!.x, loss: mean((p) => p.loss), accuracy: mean((p) => p.accuracy) });
  }
  return out;
}

class SentimentTrainWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs in a Web Worker';
  private data: ImdbData | null = null;
  private worker: SentimentWorker | null = null;
  private running: 'idle' | 'training' | 'paused' = 'idle';
  private batches: { x: number; loss: number; accuracy: number }[] = [];
  private epochs: EpochLog[] = [];
  private totalEpochs = 0;
  private startEpoch = 0;
  private lastBatch: BatchLog | null = null;
  private drawTimer = 0;
  private inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private presetSelect!: HTMLSelectElement;
  private customNote!: HTMLElement;
  private summary!: HTMLElement;
  private code!: HTMLElement;
  private copyButton!: HTMLButtonElement;
  private validationSelect!: HTMLSelectElement;
  private sampleSelect!: HTMLSelectElement;
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
  private modelBox!: HTMLElement;
  private fileInput!: HTMLInputElement;

  protected build(): void {
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: 'The reviews in this page' } });
    this.presetSelect = el(
      'select',
      { name: 'preset', 'aria-label': 'Reference model' },
      el('option', { value: 'r-keras' }, 'r-keras (R article)'),
      el('option', { value: 'py-keras' }, 'py-keras (Python article)'),
    );
    this.presetSelect.addEventListener('change', (e) => this.choosePreset(this.presetSelect.value as PresetName, e));
    const reset = el('button', { type: 'button', 'data-role': 'preset-reset' }, 'Back to the preset');
    reset.addEventListener('click', (e) => this.choosePreset(this.state.preset as PresetName, e));
    this.customNote = el('span', { className: 'readout', 'data-role': 'custom', 'aria-live': 'polite' });

    const fields = FIELDS.map(([key, label]) => {
      let input: HTMLInputElement | HTMLSelectElement;
      if (key === 'optimizer') {
        input = el('select', { name: key }, ...OPTIMIZERS.map((o) => el('option', { value: o }, o)));
      } else if (key === 'units') {
        input = el('input', { type: 'text', name: key, inputmode: 'numeric', pattern: '[0-9, ]+', size: 8 });
      } else {
        const f = schema[key];
        input = el('input', { type: 'number', name: key, min: f.min, max: f.max, step: 'step' in f ? f.step : 1 });
      }
      input.addEventListener('change', (e) => this.readField(key, input, e));
      this.inputs.set(key, input);
      return el('label', { className: 'sentiment-field' }, label, input);
    });

    this.validationSelect = el(
      'select',
      { name: 'validation', 'aria-label': 'Validation data' },
      el('option', { value: 'split' }, '20% of the training reviews, held out'),
      el('option', { value: 'test' }, 'the test reviews, as the R article does'),
    );
    this.validationSelect.addEventListener('change', (e) => this.set({ validation: this.validationSelect.value }, e));
    this.sampleSelect = el(
      'select',
      { name: 'sample', 'aria-label': 'Training reviews' },
      el('option', { value: 'all' }, 'all of them'),
      el('option', { value: '5000' }, '5,000 (a quicker try)'),
      el('option', { value: '1000' }, '1,000'),
      el('option', { value: '200' }, '200 (seconds)'),
    );
    this.sampleSelect.addEventListener('change', (e) => this.set({ sample: this.sampleSelect.value }, e));

    this.summary = el('div', { className: 'readout', 'data-role': 'summary' });
    this.code = el('code', { 'data-role': 'code' });
    this.copyButton = el('button', { type: 'button', 'data-role': 'copy-code' }, 'Copy the code');
    this.copyButton.addEventListener('click', () => void this.copyCode());

    this.trainButton = el('button', { type: 'button', 'data-role': 'train' }, 'Train');
    this.trainButton.addEventListener('click', () => this.start(false));
    this.pauseButton = el('button', { type: 'button', 'data-role': 'pause', disabled: true }, 'Pause');
    this.pauseButton.addEventListener('click', () => this.togglePause());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop());
    this.resumeBox = el('div', { className: 'sentiment-resume', 'data-role': 'resume-offer', hidden: true });
    this.progress = el('progress', { 'data-role': 'progress', max: 1, value: 0, 'aria-label': 'Training progress' });
    this.progressText = el('p', { className: 'readout', 'data-role': 'progress-text', 'aria-live': 'polite' });
    this.status = el('p', { className: 'readout', 'data-role': 'status', 'aria-live': 'polite' });
    this.batchPlot = el('div', { className: 'plot', 'data-role': 'batch-plot' });
    this.epochPlot = el('div', { className: 'plot', 'data-role': 'epoch-plot' });
    this.epochTable = el('div', { className: 'readout', 'data-role': 'epochs' });

    this.fileInput = el('input', {
      type: 'file',
      name: 'model-files',
      multiple: true,
      accept: '.json,.bin',
      'data-role': 'model-files',
      'aria-label': 'Load model files (model.json and weights .bin)',
    });
    this.fileInput.addEventListener('change', () => void this.loadFiles());
    this.modelBox = el('div', { className: 'readout', 'data-role': 'model', 'aria-live': 'polite' });
    const download = el('button', { type: 'button', 'data-role': 'download' }, 'Download the model');
    download.addEventListener('click', () => void this.download());
    const forget = el('button', { type: 'button', 'data-role': 'forget-model' }, 'Forget the model');
    forget.addEventListener('click', () => void forgetTrained().then(() => this.showModel()));

    this.append(
      panel.root,
      el(
        'fieldset',
        { className: 'sentiment-settings' },
        el('legend', {}, 'Model and training'),
        el('div', { className: 'controls' }, el('label', {}, 'Start from', this.presetSelect), reset, this.customNote),
        el('div', { className: 'sentiment-fields' }, ...fields),
        el(
          'div',
          { className: 'controls' },
          el('label', {}, 'Validate on', this.validationSelect),
          el('label', {}, 'Train on', this.sampleSelect),
        ),
      ),
      el('details', { className: 'sentiment-details' }, el('summary', {}, 'Model summary'), this.summary),
      el(
        'details',
        { className: 'sentiment-details' },
        el('summary', {}, 'The same model in tfjs'),
        el('pre', {}, this.code),
        this.copyButton,
      ),
      this.resumeBox,
      el('div', { className: 'controls' }, this.trainButton, this.pauseButton, this.stopButton),
      this.progress,
      this.progressText,
      this.status,
      this.batchPlot,
      this.epochPlot,
      this.epochTable,
      el(
        'div',
        { className: 'sentiment-model' },
        this.modelBox,
        el('div', { className: 'controls' }, download, forget, el('label', {}, 'Load model files', this.fileInput)),
      ),
    );
    watchData(panel.loader, (data) => {
      this.data = data;
      this.update();
    });
    this.showResumeOffer();
    this.showModel();
    this.listen(onTrainedChange(() => this.showModel()));
    this.own({ stop: () => this.worker?.terminate() });
  }

  /** The settings in the form, checked; throws a RangeError naming the bad field. */
  private settings(): SentimentSettings {
    const s = this.state;
    const units = String(s.units)
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
      .map(Number);
    return checkSettings({
      layout: s.preset === 'py-keras' ? 'tokenizer' : 'imdb',
      numWords: s.numWords === 0 ? null : s.numWords,
      maxlen: s.maxlen,
      embedding: s.embedding,
      lstm: units,
      dropout: s.dropout,
      recurrentDropout: s.recurrentDropout,
      optimizer: s.optimizer,
      learningRate: s.learningRate,
      batchSize: s.batchSize,
      epochs: s.epochs,
    });
  }

  private choosePreset(name: PresetName, event?: Event): void {
    const p = PRESETS[name];
    this.set(
      {
        preset: name,
        numWords: p.numWords ?? 0,
        maxlen: p.maxlen,
        embedding: p.embedding,
        units: p.lstm.join(','),
        dropout: p.dropout,
        recurrentDropout: p.recurrentDropout,
        optimizer: p.optimizer,
        learningRate: p.learningRate,
        batchSize: p.batchSize,
        epochs: p.epochs,
      },
      event,
    );
  }

  private readField(key: string, input: HTMLInputElement | HTMLSelectElement, event: Event): void {
    if (key === 'units' || key === 'optimizer') {
      this.set({ [key]: input.value } as Partial<typeof this.state>, event);
      return;
    }
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(value)) {
      this.showError(`${key} must be a number`);
      return;
    }
    this.set({ [key]: value } as Partial<typeof this.state>, event);
  }

  protected update(): void {
    const s = this.state;
    this.presetSelect.value = s.preset;
    for (const [key, input] of this.inputs) {
      const value = String(s[key as keyof typeof s]);
      if (input.value !== value && document.activeElement !== input) input.value = value;
    }
    this.validationSelect.value = s.validation;
    this.sampleSelect.value = s.sample;
    let settings: SentimentSettings;
    try {
      settings = this.settings();
    } catch (error) {
      this.showError((error as Error).message);
      this.trainButton.disabled = true;
      return;
    }
    const preset = matchingPreset(settings);
    this.customNote.textContent = preset
      ? `These are the ${preset} settings.`
      : `Custom settings (${settingsLabel(settings)}): changed from the preset.`;
    const vocabularySize = this.data?.dataset.manifest.vocabulary.words ?? null;
    this.renderSummary(settings, vocabularySize);
    this.trainButton.disabled = this.running !== 'idle' || this.data === null;
    this.trainButton.title = this.data === null ? 'Load the reviews first (the data cell above)' : '';
  }

  private renderSummary(settings: SentimentSettings, vocabularySize: number | null): void {
    // Without the data, the vocabulary size is unknown unless the settings cut it anyway.
    const size = vocabularySize ?? (settings.numWords !== null ? settings.numWords : null);
    if (size === null) {
      this.summary.textContent =
        'The Embedding has one row per word of the training vocabulary: load the reviews to see its size.';
      this.code.textContent = '';
      return;
    }
    const rows = modelSummary(settings, size);
    const table = dataTable({
      role: 'summary-table',
      caption: `${settingsLabel(settings)}: ${fmtInt(parameterCount(settings, size))} trainable parameters`,
      head: ['layer', 'output shape', 'parameters'],
      rows: rows.map((r) => [
        r.layer,
        `(${r.outputShape.map((d) => (d === null ? 'None' : d)).join(', ')})`,
        { num: fmtInt(r.params) },
      ]),
    });
    this.summary.replaceChildren(table);
    this.code.textContent = modelCode(settings, size, this.state.validation as ValidationMode);
  }

  private async copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.code.textContent ?? '');
      this.copyButton.textContent = 'Copied';
    } catch {
      // Clipboard refused (permissions, insecure context): select the code for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(this.code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      this.copyButton.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => (this.copyButton.textContent = 'Copy the code'), 2000);
  }

  private showResumeOffer(): void {
    const info = readCheckpoint();
    if (!info || this.running !== 'idle') {
      this.resumeBox.hidden = true;
      return;
    }
    const resume = el(
      'button',
      { type: 'button', 'data-role': 'resume-checkpoint' },
      `Resume from epoch ${info.epochsDone + 1}`,
    );
    resume.addEventListener('click', () => this.start(true));
    const discard = el('button', { type: 'button', 'data-role': 'discard-checkpoint' }, 'Discard it');
    discard.addEventListener('click', () => {
      writeCheckpoint(null);
      this.showResumeOffer();
    });
    this.resumeBox.replaceChildren(
      el(
        'p',
        {},
        `A checkpoint is saved in this browser: ${settingsLabel(info.settings)} after epoch ${info.epochsDone} of ${info.settings.epochs}` +
          (info.history.length
            ? `, validation accuracy ${percent(info.history[info.history.length - 1]!.valAccuracy ?? NaN, 2)}.`
            : '.'),
      ),
      el('div', { className: 'controls' }, resume, discard),
    );
    this.resumeBox.hidden = false;
    this.epochs = info.history;
    this.drawSoon();
  }

  private start(resume: boolean): void {
    if (!this.data || this.running !== 'idle') return;
    let settings: SentimentSettings;
    let validation = this.state.validation as ValidationMode;
    let sample: number | null = this.state.sample === 'all' ? null : Number(this.state.sample);
    const info = readCheckpoint();
    if (resume && info) {
      ({ settings, validation, sample } = info);
      this.choosePreset(info.settings.layout === 'imdb' ? 'r-keras' : 'py-keras');
      this.set({
        numWords: settings.numWords ?? 0,
        maxlen: settings.maxlen,
        embedding: settings.embedding,
        units: settings.lstm.join(','),
        dropout: settings.dropout,
        recurrentDropout: settings.recurrentDropout,
        optimizer: settings.optimizer,
        learningRate: settings.learningRate,
        batchSize: settings.batchSize,
        epochs: settings.epochs,
        validation,
        sample: sample === null ? 'all' : String(sample),
      });
    } else {
      try {
        settings = this.settings();
      } catch (error) {
        this.showError((error as Error).message);
        return;
      }
      writeCheckpoint(null);
    }
    this.batches = [];
    this.epochs = resume && info ? info.history : [];
    this.lastBatch = null;
    this.running = 'training';
    this.resumeBox.hidden = true;
    this.setButtons();
    this.status.textContent = 'Starting the training worker…';
    this.worker?.terminate();
    const checkpointBase = { settings, validation, sample, seed: SEED };
    this.worker = startSentimentWorker((report) => this.onReport(report, checkpointBase));
    this.worker.send({
      type: 'train',
      settings,
      validation,
      sample,
      seed: SEED,
      resume: resume && info !== null,
      data: workerData(this.data),
    });
  }

  private onReport(report: SentimentReport, base: Omit<CheckpointInfo, 'epochsDone' | 'history'>): void {
    switch (report.type) {
      case 'backend':
        this.showBackend(report.label, report.reason, report.label.includes('WASM') ? isolationNote() : '');
        break;
      case 'status':
        this.status.textContent = report.text;
        break;
      case 'begin':
        this.totalEpochs = report.info.epochs;
        this.startEpoch = report.info.startEpoch;
        this.epochs = [...report.history];
        this.status.textContent =
          `Training on ${fmtInt(report.info.trainCount)} reviews, validating on ${fmtInt(report.info.validationCount)}: ` +
          `${fmtInt(report.info.batchesPerEpoch)} batches per epoch.`;
        break;
      case 'batch': {
        const b = report.log;
        this.lastBatch = b;
        this.batches.push({ x: b.epoch + (b.batch + 1) / b.batchesPerEpoch, loss: b.loss, accuracy: b.accuracy });
        this.showProgress(b);
        this.drawSoon();
        break;
      }
      case 'epoch':
        this.epochs.push(report.log);
        writeCheckpoint({ ...base, epochsDone: report.log.epoch + 1, history: this.epochs });
        if (!report.checkpointSaved)
          this.status.textContent = 'The checkpoint could not be saved (browser storage is full or blocked).';
        this.drawSoon();
        break;
      case 'paused':
        this.running = 'paused';
        this.setButtons();
        this.progressText.textContent = `Paused. ${this.progressText.textContent ?? ''}`;
        break;
      case 'resumed':
        this.running = 'training';
        this.setButtons();
        break;
      case 'trained': {
        const m = report.metadata;
        this.finish();
        if (!report.stopped) writeCheckpoint(null);
        announceTrained(m, settingsLabel(m.settings));
        this.status.textContent = report.stopped
          ? `Stopped after ${m.epochsDone} complete epoch(s). The model as it is now is saved in this browser; ` +
            (readCheckpoint()
              ? 'the checkpoint lets you resume after a reload.'
              : 'no epoch was complete, so there is no checkpoint.')
          : `Trained ${m.epochsDone} epochs and saved in this browser. The next section evaluates it on the test reviews.`;
        this.showResumeOffer();
        this.showModel();
        break;
      }
      case 'error':
        this.finish();
        this.showError(report.message);
        this.status.textContent = '';
        this.showResumeOffer();
        break;
      default:
        break;
    }
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = 'idle';
    this.setButtons();
    this.draw();
  }

  private togglePause(): void {
    if (!this.worker) return;
    this.worker.send({ type: this.running === 'paused' ? 'resume' : 'pause' });
  }

  private stop(): void {
    this.worker?.send({ type: 'stop' });
    this.stopButton.disabled = true;
    this.status.textContent = 'Stopping after this batch…';
  }

  private setButtons(): void {
    const busy = this.running !== 'idle';
    this.trainButton.disabled = busy || this.data === null;
    this.pauseButton.disabled = !busy;
    this.stopButton.disabled = !busy;
    this.pauseButton.textContent = this.running === 'paused' ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(this.running === 'paused'));
  }

  private showProgress(b: BatchLog): void {
    const doneInEpoch = b.batch + 1;
    const epochs = this.totalEpochs - this.startEpoch;
    const doneAll = (b.epoch - this.startEpoch) * b.batchesPerEpoch + doneInEpoch;
    const totalAll = epochs * b.batchesPerEpoch;
    const rate = doneInEpoch / b.seconds;
    this.progress.max = totalAll;
    this.progress.value = doneAll;
    this.progress.setAttribute('aria-valuetext', `${Math.round((100 * doneAll) / totalAll)}%`);
    this.progressText.textContent =
      `Epoch ${b.epoch + 1} of ${this.totalEpochs}, batch ${fmtInt(doneInEpoch)} of ${fmtInt(b.batchesPerEpoch)}: ` +
      `loss ${b.meanLoss.toFixed(4)}, accuracy ${percent(b.meanAccuracy, 2)}. ` +
      `${rate.toFixed(1)} batches/s, ${fmtClock((b.batchesPerEpoch - doneInEpoch) / rate)} left in this epoch, ` +
      `${fmtClock((totalAll - doneAll) / rate)} in all (validation passes not counted).`;
  }

  private drawSoon(): void {
    if (this.drawTimer) return;
    this.drawTimer = window.setTimeout(() => {
      this.drawTimer = 0;
      this.draw();
    }, 400);
  }

  private draw(): void {
    const width = this.plotWidth();
    const batches = thin(this.batches, 600);
    if (batches.length > 0) {
      const last = this.lastBatch!;
      const series = batches.flatMap((p) => [
        { x: p.x, value: p.loss, metric: 'loss' },
        { x: p.x, value: p.accuracy, metric: 'accuracy' },
      ]);
      drawPlot(this.batchPlot, {
        width,
        height: 240,
        marginLeft: 50,
        x: { label: 'epoch →' },
        y: { label: '↑ per batch', grid: true, domain: [0, Math.max(1, ...batches.map((p) => p.loss))] },
        color: { legend: true, domain: ['loss', 'accuracy'], range: [COLOURS.validation, COLOURS.train] },
        marks: [Plot.line(series, { x: 'x', y: 'value', stroke: 'metric', strokeWidth: 1 }), Plot.ruleY([0])],
        ariaLabel: 'Loss and accuracy of every training batch',
        ariaDescription:
          `${fmtInt(this.batches.length)} batches so far; the latest batch had loss ${last.loss.toFixed(4)} ` +
          `and accuracy ${percent(last.accuracy, 2)}; the epoch's running mean loss is ${last.meanLoss.toFixed(4)}.`,
      });
    }
    if (this.epochs.length > 0) {
      const rows = this.epochs.flatMap((e) => [
        { epoch: e.epoch + 1, value: e.loss, metric: 'loss', data: 'training' },
        { epoch: e.epoch + 1, value: e.accuracy, metric: 'accuracy', data: 'training' },
        ...(e.valLoss === null
          ? []
          : [
              { epoch: e.epoch + 1, value: e.valLoss, metric: 'loss', data: 'validation' },
              { epoch: e.epoch + 1, value: e.valAccuracy!, metric: 'accuracy', data: 'validation' },
            ]),
      ]);
      const last = this.epochs[this.epochs.length - 1]!;
      drawPlot(this.epochPlot, {
        width,
        height: 260,
        marginLeft: 50,
        x: { label: 'epoch →', ticks: Math.min(this.epochs.length, 15), tickFormat: 'd' },
        y: { label: '↑ per epoch', grid: true },
        fx: { label: null },
        color: { legend: true, domain: ['training', 'validation'], range: [COLOURS.train, COLOURS.validation] },
        marks: [
          Plot.line(
            rows.filter((d) => d.metric === 'loss'),
            { x: 'epoch', y: 'value', stroke: 'data', strokeDasharray: '4 3' },
          ),
          Plot.line(
            rows.filter((d) => d.metric === 'accuracy'),
            { x: 'epoch', y: 'value', stroke: 'data' },
          ),
          Plot.dot(rows, { x: 'epoch', y: 'value', stroke: 'data', symbol: 'metric', tip: true }),
          Plot.ruleY([0]),
        ],
        symbol: { legend: true },
        ariaLabel: 'Loss and accuracy per epoch, training and validation',
        ariaDescription:
          `After epoch ${last.epoch + 1}: training loss ${last.loss.toFixed(4)}, accuracy ${percent(last.accuracy, 2)}` +
          (last.valLoss === null
            ? '.'
            : `; validation loss ${last.valLoss.toFixed(4)}, accuracy ${percent(last.valAccuracy!, 2)}.`),
      });
      this.epochTable.replaceChildren(
        dataTable({
          role: 'epoch-table',
          caption: 'Per epoch (dashed lines: loss; solid: accuracy)',
          head: ['epoch', 'loss', 'accuracy', 'val. loss', 'val. accuracy', 'seconds'],
          rows: this.epochs.map((e) => [
            String(e.epoch + 1),
            { num: e.loss.toFixed(4) },
            { num: percent(e.accuracy, 2) },
            { num: e.valLoss === null ? '–' : e.valLoss.toFixed(4) },
            { num: e.valAccuracy === null ? '–' : percent(e.valAccuracy, 2) },
            { num: e.seconds.toFixed(1) },
          ]),
        }),
      );
    }
  }

  private showModel(): void {
    const s = trainedSummary();
    this.modelBox.textContent = s
      ? `Kept in this browser: ${s.label}, ${s.epochs} epoch(s)` +
        (s.test ? `, ${percent(s.test.accuracy, 2)} accuracy on the test reviews.` : ', not evaluated yet.')
      : 'No trained model is kept in this browser yet.';
  }

  private async download(): Promise<void> {
    try {
      const { loadTrainedModel } = await import('../kit/trained');
      const loaded = await loadTrainedModel();
      if (!loaded) throw new Error('there is no trained model to download yet');
      const { saveKitModel } = await import('../../lstm/sentiment/model-files');
      await saveKitModel(loaded.model, 'downloads://lstm-kit-sentiment', loaded.metadata);
    } catch (error) {
      this.showError(`Download: ${(error as Error).message}`);
    }
  }

  private async loadFiles(): Promise<void> {
    const files = [...(this.fileInput.files ?? [])];
    this.fileInput.value = '';
    if (files.length === 0) return;
    try {
      this.modelBox.textContent = 'Reading the model files…';
      await installModelFromFiles(files);
      this.showModel();
    } catch (error) {
      this.showModel();
      this.showError(`Load model files: ${(error as Error).message}`);
    }
  }

  protected override onReset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = 'idle';
    this.setButtons();
  }
}

defineWidget('kit-sentiment-train', SentimentTrainWidget);
