/**
 * <kit-memory-task>: a vanilla RNN and an LSTM learn, live and side by side, to say which sign
 * came first after N distractors. Training runs in a Web Worker (src/workers/memory/worker.ts)
 * on the pure code of src/lstm/memory/experiment.ts, and the state of its runs is
 * src/lstm/memory/run.ts; this widget draws the curves as they come, accuracy against N, and
 * what the trained LSTM's gates do.
 */
import { percent as pct } from '../../data/format';
import { sigmoid } from '../../lstm/cell/activations';
import { MEMORY_DEFAULTS } from '../../lstm/memory/experiment';
import { analyseMemoryRun, memoryInside, type MemoryAnalysis } from '../../lstm/memory/inside';
import {
  latestByN,
  memorySettingsKey,
  MemoryRuns,
  type MemoryRecord,
  type MemoryRunSettings,
} from '../../lstm/memory/run';
import { startWorker, type WorkerClient, type WorkerError } from '../../workers/client';
import type { MemoryReport, MemoryRequest } from '../../workers/memory/protocol';
import { el, slider, type Slider } from '../kit/dom';
import { fmt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { drawCurves, drawInside, drawSweep, showLast } from './memory-plots';
import './memory-task.css';
import { MEMORY_TASK_WORDS } from './memory-task.words';
import { MEMORY_RUN_WORDS } from '../../lstm/memory/run.words';

/** The values of N that "Sweep" trains, one after the other. */
const SWEEP = [5, 10, 20, 30, 40, 60];

const schema = {
  distractors: { kind: 'integer', default: MEMORY_DEFAULTS.distractors, min: 1, max: 80 },
  steps: { kind: 'integer', default: MEMORY_DEFAULTS.steps, min: 100, max: 3000 },
  bias: { kind: 'number', default: MEMORY_DEFAULTS.forgetBias, min: 0, max: 5, step: 0.5 },
  seed: { kind: 'integer', default: MEMORY_DEFAULTS.seed, min: 1, max: 9999 },
  example: { kind: 'enum', default: 'plus', values: ['plus', 'minus'] },
} as const;

class MemoryTaskWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = MEMORY_TASK_WORDS.now().engine;
  private sliders: Slider[] = [];
  private seedInput!: HTMLInputElement;
  private trainButton!: HTMLButtonElement;
  private sweepButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private status!: HTMLElement;
  private lossPlot!: HTMLElement;
  private accuracyPlot!: HTMLElement;
  private results!: HTMLElement;
  private sweepPlot!: HTMLElement;
  private exampleSelect!: HTMLSelectElement;
  private insideNote!: HTMLElement;
  private sequence!: HTMLElement;
  private forgetPlot!: HTMLElement;
  private cellPlot!: HTMLElement;
  private unitPlot!: HTMLElement;

  private worker: WorkerClient<MemoryRequest> | null = null;
  private runs = new MemoryRuns(MEMORY_RUN_WORDS.now());
  /** Which unit holds the answer, per record: computed on first display. */
  private analyses = new WeakMap<MemoryRecord, MemoryAnalysis>();
  private insideKey = '';

  protected build(): void {
    const s = this.state;
    const w = MEMORY_TASK_WORDS.now();
    this.dataset.status = 'idle';
    const make = (
      label: string,
      name: 'distractors' | 'steps' | 'bias',
      min: number,
      max: number,
      step: number,
      format?: (x: number) => string,
    ) => {
      const sl = slider({
        label,
        name,
        min,
        max,
        step,
        value: s[name],
        format,
        onInput: (v, e) => this.set({ [name]: v }, e),
      });
      this.sliders.push(sl);
      return sl;
    };
    const nSlider = make(w.distractors, 'distractors', 1, 80, 1);
    const stepSlider = make(w.steps, 'steps', 100, 3000, 100);
    const biasSlider = make(w.bias, 'bias', 0, 5, 0.5, (x) => `${fmt(x, 1)} (f ≈ ${fmt(sigmoid(x), 2)})`);
    this.seedInput = el('input', { type: 'number', name: 'seed', min: 1, max: 9999, step: 1, value: s.seed });
    this.seedInput.addEventListener('input', (e) => {
      if (this.seedInput.validity.valid && this.seedInput.value !== '')
        this.set({ seed: Number(this.seedInput.value) }, e);
    });
    this.trainButton = el('button', { type: 'button', 'data-role': 'train' }, w.train(s.distractors));
    this.sweepButton = el('button', { type: 'button', 'data-role': 'sweep' }, w.sweep(SWEEP.join(', ')));
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, w.stop);
    this.trainButton.addEventListener('click', () => this.start([this.state.distractors]));
    this.sweepButton.addEventListener('click', () => this.start(SWEEP));
    this.stopButton.addEventListener('click', () => this.stop());
    this.progress = el('progress', { max: 1, value: 0, 'aria-label': w.progress });
    this.status = el('span', { 'data-role': 'status', 'aria-live': 'polite' }, this.runs.status);
    this.lossPlot = el('div', { className: 'plot', 'data-role': 'loss' });
    this.accuracyPlot = el('div', { className: 'plot', 'data-role': 'accuracy' });
    this.results = el('div', { className: 'readout', 'data-role': 'results', 'aria-live': 'polite' });
    this.sweepPlot = el('div', { className: 'plot', 'data-role': 'by-n' });
    this.exampleSelect = el(
      'select',
      { name: 'example' },
      el('option', { value: 'plus' }, w.startsPlus),
      el('option', { value: 'minus' }, w.startsMinus),
    );
    this.exampleSelect.addEventListener('change', (e) => this.set({ example: this.exampleSelect.value }, e));
    this.insideNote = el('p', { className: 'note', 'data-role': 'inside' });
    this.sequence = el('p', { className: 'memory-sequence', 'data-role': 'sequence' });
    this.forgetPlot = el('div', { className: 'plot', 'data-role': 'forget' });
    this.cellPlot = el('div', { className: 'plot', 'data-role': 'cell' });
    this.unitPlot = el('div', { className: 'plot', 'data-role': 'unit' });

    this.append(
      el(
        'div',
        { className: 'controls' },
        nSlider.root,
        stepSlider.root,
        biasSlider.root,
        el('label', {}, w.seed, this.seedInput),
      ),
      el('div', { className: 'controls' }, this.trainButton, this.sweepButton, this.stopButton),
      el('div', { className: 'memory-progress' }, this.progress, this.status),
      el('div', { className: 'memory-curves' }, this.lossPlot, this.accuracyPlot),
      this.results,
      el('h3', {}, w.sweepHeading),
      this.sweepPlot,
      el('h3', {}, w.insideHeading),
      el('div', { className: 'controls' }, el('label', {}, w.example, this.exampleSelect)),
      this.insideNote,
      this.sequence,
      this.forgetPlot,
      this.cellPlot,
      this.unitPlot,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
    this.worker = null;
    this.runs.abandon();
  }

  protected override onReset(): void {
    // A reset forgets every run: end one in progress at once (a fresh worker starts on the next Train).
    const wasRunning = this.runs.running;
    if (wasRunning) {
      this.worker?.terminate();
      this.worker = null;
    }
    this.runs.reset();
    if (wasRunning) this.settle();
    this.insideKey = '';
    this.showRun();
  }

  private settings(): MemoryRunSettings {
    return { steps: this.state.steps, seed: this.state.seed, forgetBias: this.state.bias };
  }

  private ensureWorker(): WorkerClient<MemoryRequest> {
    this.worker ??= startWorker<MemoryRequest, MemoryReport>(
      () => new Worker(new URL('../../workers/memory/worker.ts', import.meta.url), { type: 'module', name: 'memory' }),
      (report) => this.onReport(report),
      'training worker',
    );
    return this.worker;
  }

  private start(list: number[]): void {
    const request = this.runs.start(list, this.settings());
    if (!request) return;
    this.insideKey = '';
    this.showRun();
    this.setBusy(true);
    this.stopButton.focus();
    this.ensureWorker().send(request);
  }

  private stop(): void {
    if (!this.worker) return;
    const request = this.runs.stop();
    if (!request) return;
    this.worker.send(request);
    this.showRun();
  }

  private setBusy(busy: boolean): void {
    for (const sl of this.sliders) sl.input.disabled = busy;
    this.seedInput.disabled = busy;
    this.trainButton.disabled = busy;
    this.sweepButton.disabled = busy;
    this.stopButton.disabled = !busy;
  }

  /** The run ended: controls back on, and keyboard focus handed on from the disabled Stop to Train. */
  private settle(): void {
    const hadFocus = this.stopButton === document.activeElement;
    this.setBusy(false);
    if (hadFocus) this.trainButton.focus();
  }

  /** Status line, progress bar and `data-status` from the run state. */
  private showRun(): void {
    this.status.textContent = this.runs.status;
    this.progress.value = this.runs.progress;
    this.dataset.status = this.runs.phase;
  }

  private onReport(report: MemoryReport | WorkerError): void {
    const w = MEMORY_TASK_WORDS.now();
    if (!('id' in report)) {
      // The worker itself failed ("the training worker failed: …"): a fresh one starts on the next Train.
      this.showError(w.workerFailed(report.message));
      this.worker?.terminate();
      this.worker = null;
      if (!this.runs.running) return;
      this.runs.fail();
      this.showRun();
      this.settle();
      return;
    }
    const what = this.runs.receive(report);
    if (what === 'ignored') return;
    this.showRun();
    if (what === 'error' && report.type === 'error')
      this.showError(report.code === 'busy' ? w.busy : w.trainingFailed(report.message));
    if (what === 'progress') this.drawCurves();
    if (what === 'result' || what === 'done') this.drawResults();
    if (what === 'error' || what === 'done') this.settle();
  }

  protected update(): void {
    const { distractors, steps, bias, seed, example } = this.state;
    const values = [distractors, steps, bias];
    this.sliders.forEach((sl, k) => sl.set(values[k]));
    if (Number(this.seedInput.value) !== seed) this.seedInput.value = String(seed);
    this.exampleSelect.value = example;
    this.trainButton.textContent = MEMORY_TASK_WORDS.now().train(distractors);
    this.drawCurves();
    this.drawResults();
  }

  private drawCurves(): void {
    drawCurves({ loss: this.lossPlot, accuracy: this.accuracyPlot }, this.runs, this.state.steps, this.plotWidth());
  }

  private drawResults(): void {
    showLast(this.results, this.runs.last?.result);

    // Accuracy against N: the latest run for each N under the current settings.
    const settings = this.settings();
    const byN = latestByN(this.runs.records, settings);
    drawSweep(this.sweepPlot, byN, this.plotWidth());

    this.showInside(this.runs.records.filter((r) => r.key === memorySettingsKey(settings)).at(-1));
  }

  private showInside(record: MemoryRecord | undefined): void {
    // Redraw only when the run, the example or the width changed: not on every move of N.
    const key = record ? `${this.runs.records.indexOf(record)}|${this.state.example}|${this.plotWidth()}` : 'none';
    if (key === this.insideKey) return;
    this.insideKey = key;
    const parts = { sequence: this.sequence, forget: this.forgetPlot, cell: this.cellPlot, unit: this.unitPlot };
    const w = MEMORY_TASK_WORDS.now();
    if (!record) {
      this.insideNote.textContent = w.trainFirst;
      for (const p of Object.values(parts)) p.replaceChildren();
      return;
    }
    const r = record.result;
    let analysis = this.analyses.get(record);
    if (!analysis) this.analyses.set(record, (analysis = analyseMemoryRun(r, record.settings)));
    const { after, before } = analysis;
    const view = memoryInside(r, analysis, this.state.example === 'plus' ? 0 : 1);
    const unit = view.unit;
    this.insideNote.textContent = w.inside({
      n: r.distractors,
      accuracy: pct(r.lstm.accuracy),
      unit: unit + 1,
      forget: fmt(after.meanForget[unit]),
      forgetBefore: fmt(before.meanForget[unit]),
      others: fmt(view.otherMeanForget),
      input: fmt(after.meanInput[unit]),
    });
    this.insideNote.dataset.unit = String(unit + 1);
    this.insideNote.dataset.forget = String(after.meanForget[unit]);
    this.insideNote.dataset.forgetBefore = String(before.meanForget[unit]);
    drawInside(parts, view, this.plotWidth());
  }
}

defineWidget('kit-memory-task', MemoryTaskWidget);
