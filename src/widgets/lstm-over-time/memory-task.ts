/**
 * <kit-memory-task>: a vanilla RNN and an LSTM learn, live and side by side, to say which sign
 * came first after N distractors. Training runs in a Web Worker (src/workers/memory.worker.ts)
 * on the pure code of src/lstm/memory/experiment.ts; this widget draws the curves as they come,
 * accuracy against N, and what the trained LSTM's gates do.
 */
import { sigmoid } from '../../lstm/cell/activations';
import {
  analyseMemoryLstm,
  initialMemoryLstm,
  MEMORY_DEFAULTS,
  memoryExamples,
  type MemoryLstmAnalysis,
} from '../../lstm/memory/experiment';
import { MEMORY_SYMBOLS, memoryTestSet } from '../../lstm/memory/task';
import { runLstm, type LstmRun } from '../../lstm/cell/sequence';
import type { LstmWeights } from '../../lstm/cell/weights';
import type { LstmSnapshot, MemoryReport, MemoryRequest, MemoryRunSettings } from '../../workers/memory-protocol';
import { el, slider, type Slider } from '../kit/dom';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import './memory-task.css';
import { percent as pct } from '../../data/format';

/** The values of N that "Sweep" trains, one after the other. */
const SWEEP = [5, 10, 20, 30, 40, 60];
const MODELS = ['vanilla RNN', 'LSTM'] as const;
const COLOURS = ['#d9480f', '#2f6fd6'];
const CHANCE_LOSS = Math.LN2;

const schema = {
  distractors: { kind: 'integer', default: MEMORY_DEFAULTS.distractors, min: 1, max: 80 },
  steps: { kind: 'integer', default: MEMORY_DEFAULTS.steps, min: 100, max: 3000 },
  bias: { kind: 'number', default: MEMORY_DEFAULTS.forgetBias, min: 0, max: 5, step: 0.5 },
  seed: { kind: 'integer', default: MEMORY_DEFAULTS.seed, min: 1, max: 9999 },
  example: { kind: 'enum', default: 'plus', values: ['plus', 'minus'] },
} as const;

type Report<K extends MemoryReport['type']> = Extract<MemoryReport, { type: K }>;

interface RunRecord {
  key: string;
  result: Report<'result'>;
  /** Computed on first display: which unit holds the answer, before and after training. */
  inside?: { after: MemoryLstmAnalysis; before: MemoryLstmAnalysis; initial: LstmWeights };
}

interface CurvePoint {
  step: number;
  value: number;
  model: (typeof MODELS)[number];
}

function weightsOf(m: LstmSnapshot): LstmWeights {
  return {
    inputDim: m.inputDim,
    units: m.units,
    kernel: m.kernel,
    recurrentKernel: m.recurrentKernel,
    bias: m.bias,
  };
}

class MemoryTaskWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'plain TypeScript in a Web Worker';
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

  private worker: Worker | null = null;
  private runId = 0;
  private running: { id: number; list: number[]; index: number; steps: number } | null = null;
  private records: RunRecord[] = [];
  private loss: CurvePoint[] = [];
  private accuracy: CurvePoint[] = [];
  private curveN = 0;
  private insideKey = '';

  protected build(): void {
    const s = this.state;
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
    const nSlider = make('Distractors N', 'distractors', 1, 80, 1);
    const stepSlider = make('Training steps', 'steps', 100, 3000, 100);
    const biasSlider = make(
      'LSTM forget-gate bias at start',
      'bias',
      0,
      5,
      0.5,
      (x) => `${fmt(x, 1)} (f ≈ ${fmt(sigmoid(x), 2)})`,
    );
    this.seedInput = el('input', { type: 'number', name: 'seed', min: 1, max: 9999, step: 1, value: s.seed });
    this.seedInput.addEventListener('input', (e) => {
      if (this.seedInput.validity.valid && this.seedInput.value !== '')
        this.set({ seed: Number(this.seedInput.value) }, e);
    });
    this.trainButton = el('button', { type: 'button', 'data-role': 'train' }, 'Train both');
    this.sweepButton = el('button', { type: 'button', 'data-role': 'sweep' }, `Sweep N = ${SWEEP.join(', ')}`);
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, 'Stop');
    this.trainButton.addEventListener('click', () => this.start([this.state.distractors]));
    this.sweepButton.addEventListener('click', () => this.start(SWEEP));
    this.stopButton.addEventListener('click', () => this.stop());
    this.progress = el('progress', { max: 1, value: 0, 'aria-label': 'Training progress' });
    this.status = el('span', { 'data-role': 'status', 'aria-live': 'polite' }, 'Not trained yet.');
    this.lossPlot = el('div', { className: 'plot', 'data-role': 'loss' });
    this.accuracyPlot = el('div', { className: 'plot', 'data-role': 'accuracy' });
    this.results = el('div', { className: 'readout', 'data-role': 'results', 'aria-live': 'polite' });
    this.sweepPlot = el('div', { className: 'plot', 'data-role': 'by-n' });
    this.exampleSelect = el(
      'select',
      { name: 'example' },
      el('option', { value: 'plus' }, 'starts with +'),
      el('option', { value: 'minus' }, 'starts with −'),
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
        el('label', {}, 'Seed', this.seedInput),
      ),
      el('div', { className: 'controls' }, this.trainButton, this.sweepButton, this.stopButton),
      el('div', { className: 'memory-progress' }, this.progress, this.status),
      el('div', { className: 'memory-curves' }, this.lossPlot, this.accuracyPlot),
      this.results,
      el('h3', {}, 'Accuracy against N (these settings)'),
      this.sweepPlot,
      el('h3', {}, 'Inside the trained LSTM'),
      el('div', { className: 'controls' }, el('label', {}, 'Example sequence', this.exampleSelect)),
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
    this.running = null;
  }

  protected override onReset(): void {
    // A reset forgets every run: end one in progress at once (a fresh worker starts on the next Train).
    if (this.running) {
      this.worker?.terminate();
      this.worker = null;
      this.finish('');
    }
    this.records = [];
    this.loss = [];
    this.accuracy = [];
    this.curveN = 0;
    this.insideKey = '';
    this.status.textContent = 'Not trained yet.';
    this.progress.value = 0;
    this.dataset.status = 'idle';
  }

  private settings(): MemoryRunSettings {
    return { steps: this.state.steps, seed: this.state.seed, forgetBias: this.state.bias };
  }

  private settingsKey(settings = this.settings()): string {
    return `${settings.steps}|${settings.forgetBias}|${settings.seed}`;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../workers/memory.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<MemoryReport>) => this.onReport(e.data));
    worker.addEventListener('error', (e) => {
      this.showError(`The training worker failed: ${e.message || 'it could not start'}.`);
      this.finish('The training worker failed.');
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private start(list: number[]): void {
    if (this.running) return;
    const id = ++this.runId;
    const settings = this.settings();
    this.running = { id, list, index: 0, steps: settings.steps };
    this.resetCurves(list[0]);
    this.progress.value = 0;
    this.status.textContent = `Starting: N = ${list[0]}…`;
    this.dataset.status = 'training';
    this.insideKey = '';
    this.setBusy(true);
    this.stopButton.focus();
    const request: MemoryRequest = { type: 'train', id, distractors: list, settings };
    this.ensureWorker().postMessage(request);
  }

  private stop(): void {
    if (!this.running || !this.worker) return;
    const request: MemoryRequest = { type: 'stop', id: this.running.id };
    this.worker.postMessage(request);
    this.status.textContent = 'Stopping…';
  }

  private setBusy(busy: boolean): void {
    for (const sl of this.sliders) sl.input.disabled = busy;
    this.seedInput.disabled = busy;
    this.trainButton.disabled = busy;
    this.sweepButton.disabled = busy;
    this.stopButton.disabled = !busy;
  }

  private finish(message: string): void {
    const hadFocus = this.stopButton === document.activeElement;
    this.running = null;
    this.setBusy(false);
    // The Stop button is disabled now: hand keyboard focus on to Train rather than lose it.
    if (hadFocus) this.trainButton.focus();
    this.status.textContent = message;
  }

  private resetCurves(n: number): void {
    this.curveN = n;
    this.loss = [];
    this.accuracy = [];
  }

  private onReport(report: MemoryReport): void {
    const run = this.running;
    if (!run || report.id !== run.id) return;
    if (report.type === 'error') {
      this.showError(`Training failed: ${report.message}`);
      this.dataset.status = 'error';
      this.finish('Training failed.');
      return;
    }
    if (report.type === 'progress') {
      if (report.distractors !== this.curveN) this.resetCurves(report.distractors);
      this.loss.push(
        { step: report.loss.step, value: report.loss.rnn, model: MODELS[0] },
        { step: report.loss.step, value: report.loss.lstm, model: MODELS[1] },
      );
      for (const a of report.accuracy)
        this.accuracy.push(
          { step: a.step, value: a.rnn, model: MODELS[0] },
          { step: a.step, value: a.lstm, model: MODELS[1] },
        );
      const done = run.index * run.steps + report.step;
      this.progress.value = done / (run.list.length * run.steps);
      this.status.textContent = `Training at N = ${report.distractors}${run.list.length > 1 ? ` (${run.index + 1} of ${run.list.length})` : ''}: step ${report.step} of ${run.steps}.`;
      this.drawCurves();
      return;
    }
    if (report.type === 'result') {
      this.records.push({ key: this.settingsKey(), result: report });
      run.index++;
      this.progress.value = (run.index * run.steps) / (run.list.length * run.steps);
      this.drawResults();
      return;
    }
    // 'done'
    this.progress.value = report.stopped ? this.progress.value : 1;
    this.dataset.status = report.stopped ? 'stopped' : 'done';
    const last = this.records.at(-1)?.result;
    this.finish(
      report.stopped
        ? `Stopped${last ? ` at step ${last.steps} of N = ${last.distractors}` : ''}.`
        : `Done: ${run.list.length === 1 ? `N = ${run.list[0]}` : `${run.list.length} values of N`}.`,
    );
    this.drawResults();
  }

  protected update(): void {
    const { distractors, steps, bias, seed, example } = this.state;
    const values = [distractors, steps, bias];
    this.sliders.forEach((sl, k) => sl.set(values[k]));
    if (Number(this.seedInput.value) !== seed) this.seedInput.value = String(seed);
    this.exampleSelect.value = example;
    this.trainButton.textContent = `Train both at N = ${distractors}`;
    this.drawCurves();
    this.drawResults();
  }

  private drawCurves(): void {
    const width = Math.min(Math.max(280, Math.floor(this.plotWidth() / 2) - 16), 460);
    const wide = this.plotWidth() < 600 ? Math.min(this.plotWidth(), 460) : width;
    const maxStep = Math.max(this.state.steps, ...this.loss.map((d) => d.step));
    const color = { domain: [...MODELS], range: COLOURS, legend: true };
    const n = this.curveN ? ` (N = ${this.curveN})` : '';
    drawPlot(this.lossPlot, {
      width: wide,
      height: 220,
      marginLeft: 48,
      x: { domain: [0, maxStep], label: 'training step →' },
      y: { domain: [0, Math.max(1, ...this.loss.map((d) => d.value))], label: `↑ training loss${n}`, grid: true },
      color,
      marks: [
        Plot.ruleY([CHANCE_LOSS], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
        Plot.text([CHANCE_LOSS], { x: maxStep, y: (d: number) => d, text: () => 'chance', textAnchor: 'end', dy: -6 }),
        Plot.line(this.loss, { x: 'step', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
      ],
      ariaLabel: 'Training loss of both networks',
      ariaDescription: this.loss.length
        ? `Latest: RNN ${fmt(this.loss.at(-2)!.value)}, LSTM ${fmt(this.loss.at(-1)!.value)} (chance is ${fmt(CHANCE_LOSS)}).`
        : 'No training yet.',
    });
    drawPlot(this.accuracyPlot, {
      width: wide,
      height: 220,
      marginLeft: 48,
      x: { domain: [0, maxStep], label: 'training step →' },
      y: {
        domain: [0, 1],
        label: `↑ test accuracy${n}`,
        grid: true,
        tickFormat: (d: number) => `${Math.round(d * 100)}%`,
      },
      color,
      marks: [
        Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
        Plot.line(this.accuracy, { x: 'step', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
        Plot.dot(this.accuracy, { x: 'step', y: 'value', fill: 'model', r: 2 }),
      ],
      ariaLabel: 'Test accuracy of both networks during training',
      ariaDescription: this.accuracy.length
        ? `Latest: RNN ${pct(this.accuracy.at(-2)!.value)}, LSTM ${pct(this.accuracy.at(-1)!.value)}.`
        : 'No training yet.',
    });
  }

  private drawResults(): void {
    const key = this.settingsKey();
    const mine = this.records.filter((r) => r.key === key);
    const last = this.records.at(-1);
    if (last) {
      const r = last.result;
      const ended =
        r.ended === 'perfect'
          ? ', stopped early: both right on every test sequence'
          : r.ended === 'stopped'
            ? ', stopped by you'
            : '';
      this.results.replaceChildren(
        el(
          'p',
          {
            'data-role': 'last',
            'data-distractors': r.distractors,
            'data-rnn-accuracy': r.rnn.accuracy,
            'data-lstm-accuracy': r.lstm.accuracy,
            'data-steps': r.steps,
          },
          `N = ${r.distractors}: RNN ${pct(r.rnn.accuracy)}, LSTM ${pct(r.lstm.accuracy)} right on 512 held-out sequences ` +
            `(before training ${pct(r.initial.rnn)} and ${pct(r.initial.lstm)}), after ${r.steps} steps${ended}; ` +
            `${r.seconds.toFixed(1)} s in the worker.`,
        ),
      );
    } else {
      this.results.replaceChildren(
        el(
          'p',
          { className: 'note' },
          'Press Train: both networks start from seeded random weights and see the same batches.',
        ),
      );
    }

    // Accuracy against N: the latest run for each N under the current settings.
    const byN = new Map<number, Report<'result'>>();
    for (const r of mine) byN.set(r.result.distractors, r.result);
    const points = [...byN.values()]
      .sort((a, b) => a.distractors - b.distractors)
      .flatMap((r) => [
        { n: r.distractors, value: r.rnn.accuracy, model: MODELS[0], steps: r.steps, seconds: r.seconds },
        { n: r.distractors, value: r.lstm.accuracy, model: MODELS[1], steps: r.steps, seconds: r.seconds },
      ]);
    drawPlot(this.sweepPlot, {
      width: Math.min(this.plotWidth(), 640),
      height: 230,
      marginLeft: 48,
      x: { domain: [0, Math.max(60, ...points.map((p) => p.n))], label: 'distractors N →' },
      y: { domain: [0, 1], label: '↑ test accuracy', grid: true, tickFormat: (d: number) => `${Math.round(d * 100)}%` },
      color: { domain: [...MODELS], range: COLOURS, legend: true },
      marks: [
        Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
        Plot.line(points, { x: 'n', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
        Plot.dot(points, {
          x: 'n',
          y: 'value',
          fill: 'model',
          r: 3.5,
          title: (d: { n: number; value: number; model: string; steps: number; seconds: number }) =>
            `${d.model}, N = ${d.n}: ${pct(d.value)} after ${d.steps} steps (both networks trained in ${d.seconds.toFixed(1)} s)`,
        }),
      ],
      ariaLabel: 'Test accuracy against the number of distractors',
      ariaDescription: byN.size
        ? [...byN.values()]
            .map(
              (r) =>
                `N = ${r.distractors}: RNN ${pct(r.rnn.accuracy)}, LSTM ${pct(r.lstm.accuracy)} (${r.steps} steps, ${r.seconds.toFixed(1)} s)`,
            )
            .join('; ')
        : 'No runs with these settings yet.',
    });

    this.drawInside(mine.at(-1));
  }

  private drawInside(record: RunRecord | undefined): void {
    // Redraw only when the run, the example or the width changed: not on every move of N.
    const key = record ? `${this.records.indexOf(record)}|${this.state.example}|${this.plotWidth()}` : 'none';
    if (key === this.insideKey) return;
    this.insideKey = key;
    if (!record) {
      this.insideNote.textContent = 'Train (with these settings) to look inside the LSTM.';
      for (const p of [this.sequence, this.forgetPlot, this.cellPlot, this.unitPlot]) p.replaceChildren();
      return;
    }
    const r = record.result;
    const N = r.distractors;
    if (!record.inside) {
      const test = memoryTestSet({ distractors: N });
      const initialModel = initialMemoryLstm({
        distractors: N,
        steps: r.steps,
        seed: this.state.seed,
        forgetBias: this.state.bias,
      });
      if (initialModel.kind !== 'lstm') throw new Error('memory task: the initial model is not an LSTM.');
      record.inside = {
        after: analyseMemoryLstm(weightsOf(r.lstmModel), r.lstmModel.readoutW, test),
        before: analyseMemoryLstm(initialModel.weights, initialModel.readout.w, test),
        initial: initialModel.weights,
      };
    }
    const { after, before, initial } = record.inside;
    const unit = after.unit;
    const examples = memoryExamples(N);
    const pick = this.state.example === 'plus' ? 0 : 1;
    const trained = runLstm(weightsOf(r.lstmModel), examples.xs);
    const untrained = runLstm(initial, examples.xs);
    const units = r.lstmModel.units;
    const T = N + 1;

    const others = Array.from(after.meanForget).filter((_, j) => j !== unit);
    const otherMean = others.reduce((a, b) => a + b, 0) / others.length;
    this.insideNote.textContent =
      `Trained at N = ${N} (LSTM test accuracy ${pct(r.lstm.accuracy)}). Unit ${unit + 1} contributes most to the answer. ` +
      `After the first sign its forget gate averages ${fmt(after.meanForget[unit])} (${fmt(before.meanForget[unit])} before training; ` +
      `the other units ${fmt(otherMean)}), and its input gate ${fmt(after.meanInput[unit])}.`;
    this.insideNote.dataset.unit = String(unit + 1);
    this.insideNote.dataset.forget = String(after.meanForget[unit]);
    this.insideNote.dataset.forgetBefore = String(before.meanForget[unit]);

    const symbols = examples.symbols[pick];
    this.sequence.replaceChildren(
      'Sequence: ',
      ...symbols.flatMap((s, t) => [
        t === 0 ? el('span', { className: 'first' }, MEMORY_SYMBOLS[s]) : MEMORY_SYMBOLS[s],
        ' ',
      ]),
      `→ the LSTM says “${this.answer(trained, r.lstmModel, pick)}”`,
    );

    const width = Math.min(this.plotWidth(), 900);
    const heat = (container: HTMLElement, q: 'f' | 'c', color: Plot.ScaleOptions, label: string) => {
      const data: { t: number; unit: string; value: number }[] = [];
      for (let t = 0; t < T; t++)
        for (let j = 0; j < units; j++)
          data.push({ t: t + 1, unit: String(j + 1), value: trained.steps[t][q][pick * units + j] });
      drawPlot(container, {
        width,
        height: 70 + units * 16,
        marginLeft: 56,
        marginRight: 20,
        x: {
          type: 'band',
          domain: Array.from({ length: T }, (_, t) => t + 1),
          tickFormat: (t: number) => (t === 1 || t % 10 === 0 ? String(t) : ''),
          label: 'step t',
        },
        y: { type: 'band', domain: Array.from({ length: units }, (_, j) => String(j + 1)), label: 'unit' },
        color,
        marks: [
          Plot.cell(data, {
            x: 't',
            y: 'unit',
            fill: 'value',
            title: (d: { t: number; unit: string; value: number }) => `unit ${d.unit}, t = ${d.t}: ${fmt(d.value)}`,
          }),
          Plot.cell([{ unit: String(unit + 1) }], { y: 'unit', fill: 'none', stroke: 'currentColor', strokeWidth: 2 }),
        ],
        ariaLabel: `${q === 'f' ? 'Forget gate' : 'Cell state'} of the trained LSTM on the example, by unit and step`,
        ariaDescription: `Unit ${unit + 1}, outlined, holds the answer.`,
      });
      // The legend is drawn on its own, above the plot, as in the other heat maps of the chapter.
      container.prepend(
        Plot.legend({
          color: { ...color, label },
          marginLeft: 12,
          width: 260,
          style: { background: 'transparent', color: 'currentColor' },
        }),
      );
    };
    heat(
      this.forgetPlot,
      'f',
      { type: 'linear', domain: [0, 1], scheme: 'blues' },
      'f_t, forget gate (1 keeps everything)',
    );
    let m = 1;
    for (const s of trained.steps) for (const v of s.c) m = Math.max(m, Math.abs(v));
    heat(this.cellPlot, 'c', { type: 'diverging', domain: [-m, m], scheme: 'rdbu' }, 'C_t, cell state');

    const lines: { t: number; value: number; series: string; panel: string }[] = [];
    const names = ['+ first', '− first'];
    for (let b = 0; b < 2; b++)
      for (let t = 0; t < T; t++) {
        lines.push({
          t: t + 1,
          value: trained.steps[t].f[b * units + unit],
          series: `trained, ${names[b]}`,
          panel: `f_t of unit ${unit + 1}`,
        });
        lines.push({
          t: t + 1,
          value: trained.steps[t].c[b * units + unit],
          series: `trained, ${names[b]}`,
          panel: `C_t of unit ${unit + 1}`,
        });
        lines.push({
          t: t + 1,
          value: untrained.steps[t].f[b * units + unit],
          series: `before training, ${names[b]}`,
          panel: `f_t of unit ${unit + 1}`,
        });
      }
    const seriesDomain = [
      'trained, + first',
      'trained, − first',
      'before training, + first',
      'before training, − first',
    ];
    const panel = (container: HTMLElement, name: string, domain: [number, number]) =>
      drawPlot(container, {
        width: Math.min(this.plotWidth(), 760),
        height: 180,
        marginLeft: 48,
        x: { domain: [1, T], label: 'step t →' },
        y: { domain, label: `↑ ${name}`, grid: true },
        color: { domain: seriesDomain, range: ['#2f6fd6', '#d9480f', '#8a8f98', '#c4a06a'], legend: true },
        marks: [
          Plot.ruleY(domain[0] < 0 ? [0] : [1], { strokeOpacity: 0.4 }),
          Plot.line(
            lines.filter((d) => d.panel === name && d.series.startsWith('before')),
            { x: 't', y: 'value', stroke: 'series', z: 'series', strokeWidth: 1.5, strokeDasharray: '4,3' },
          ),
          Plot.line(
            lines.filter((d) => d.panel === name && !d.series.startsWith('before')),
            { x: 't', y: 'value', stroke: 'series', z: 'series', strokeWidth: 2 },
          ),
        ],
        ariaLabel: name,
        ariaDescription: `${name} over the ${T} steps of both examples.`,
      });
    panel(this.unitPlot, `f_t of unit ${unit + 1}`, [0, 1]);
    const cPanel = el('div', { className: 'plot', 'data-role': 'unit-c' });
    const cMax = Math.max(1, ...lines.filter((d) => d.panel.startsWith('C')).map((d) => Math.abs(d.value)));
    panel(cPanel, `C_t of unit ${unit + 1}`, [-cMax, cMax]);
    this.unitPlot.append(...cPanel.childNodes);
  }

  private answer(run: LstmRun, model: LstmSnapshot, row: number): string {
    const units = model.units;
    let z = model.readoutB;
    for (let j = 0; j < units; j++) z += run.h[row * units + j] * model.readoutW[j];
    const p = sigmoid(z);
    return `${p > 0.5 ? '+' : '−'} came first (P(+) = ${fmt(p, 3)})`;
  }
}

defineWidget('kit-memory-task', MemoryTaskWidget);
