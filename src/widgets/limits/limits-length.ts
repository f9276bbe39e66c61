/**
 * <kit-limits-length>: long texts. The reader's trained model is rebuilt at several maxlen (the
 * LSTM's weights do not depend on the length) and scores a sample of the test reviews at each,
 * in a Web Worker with a progress bar and Stop; the plot shows accuracy against maxlen beside
 * the share of test reviews each maxlen truncates.
 */
import type { ImdbData } from '../../data/loader';
import { studyMaxlens } from '../../lstm/sentiment/length-cuts';
import {
  IDLE,
  lengthBlocker,
  lengthRows,
  lengthRunRequest,
  lengthRunStep,
  lengthView,
  truncationCuts,
  type Cuts,
  type LengthRunEvent,
  type LengthRunState,
} from '../../lstm/sentiment/length-run';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { startWorker, type WorkerClient } from '../../workers/client';
import type { LengthStudyReport, LengthStudyRequest } from '../../workers/length-study/protocol';
import { dataTable, el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { modelPanel, watchLoadedModel } from './limits-model';
import './limits-shared.css';
import { pageLocale } from '../../i18n/words';
import { LIMITS_LENGTH_WORDS } from './limits-length.words';

const SAMPLES = ['250', '1000', '2500', '5000', 'all'] as const;
const SEED = 7;
// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const COLOURS = { accuracy: '#2f6fd6', truncated: '#d6452f' } as const;

const schema = {
  sample: { kind: 'enum', default: '1000', values: SAMPLES },
} as const;

class LimitsLengthWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = LIMITS_LENGTH_WORDS.now().engine;
  private data: ImdbData | null = null;
  private model: LoadedKitModel | null = null;
  /** Truncation of all the test reviews, and the model and data it was computed for. */
  private cuts: { for: unknown[]; cuts: Cuts } | null = null;
  private run: LengthRunState = IDLE;
  private worker: WorkerClient<LengthStudyRequest> | null = null;
  private startedAt = 0;
  private main!: HTMLElement;
  private sampleSelect!: HTMLSelectElement;
  private runButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private status!: HTMLElement;
  private hint!: HTMLElement;
  private plot!: HTMLElement;
  private summary!: HTMLElement;
  private table!: HTMLElement;

  protected build(): void {
    const w = LIMITS_LENGTH_WORDS.now();
    const data = imdbPanel({ mode: 'full' });
    const model = modelPanel((message) => this.showError(message));
    this.sampleSelect = el(
      'select',
      { name: 'sample', 'aria-label': w.sampleLabel },
      ...SAMPLES.map((s) => el('option', { value: s }, s === 'all' ? w.all : w.sample(fmtInt(Number(s))))),
    );
    this.sampleSelect.addEventListener('change', (e) => this.set({ sample: this.sampleSelect.value }, e));
    this.runButton = el('button', { type: 'button', 'data-role': 'run' }, w.measure);
    this.runButton.addEventListener('click', () => void this.start());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, w.stop);
    this.stopButton.addEventListener('click', () => this.stop(LIMITS_LENGTH_WORDS.now().stopped));
    this.progress = el('progress', {
      'data-role': 'study-progress',
      'aria-label': w.progressLabel,
      max: 1,
      value: 0,
    });
    this.status = el('p', { className: 'note', 'data-role': 'study-status', 'aria-live': 'polite' });
    this.hint = el('p', { className: 'note', 'data-role': 'study-hint', hidden: true });
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.summary = el('p', { className: 'limits-summary', 'data-role': 'summary' });
    // The table scrolls sideways on a phone, so it takes the focus (and a name) for the keyboard.
    this.table = el('div', {
      className: 'readout',
      'data-role': 'lengths',
      tabindex: 0,
      role: 'region',
      'aria-label': w.tableRegion,
    });
    this.main = el(
      'div',
      {},
      el(
        'div',
        { className: 'controls' },
        el('label', {}, w.testReviews, this.sampleSelect),
        this.runButton,
        this.stopButton,
        this.progress,
      ),
      this.hint,
      this.status,
      this.plot,
      this.summary,
      this.table,
    );
    this.append(data.root, model.root, this.main);
    this.listen(() => (model.dispose(), data.dispose()));
    this.listen(
      watchData(data.loader, (loaded) => {
        if (loaded !== this.data) this.stop(LIMITS_LENGTH_WORDS.now().reviewsChanged);
        this.data = loaded;
        this.update();
      }),
    );
    this.listen(
      watchLoadedModel((model) => {
        this.stop(LIMITS_LENGTH_WORDS.now().modelChanged);
        this.model = model;
        this.step({ type: 'clear' });
        this.update();
      }),
    );
  }

  protected override onReset(): void {
    this.stop('');
    this.step({ type: 'clear' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
  }

  /** Moves the run's state machine on and shows its progress and status line. */
  private step(event: LengthRunEvent): void {
    this.run = lengthRunStep(this.run, event, this.maxlens(), pageLocale());
    this.progress.value = this.run.progress;
    this.status.textContent = this.run.status;
  }

  /** A reason the study cannot run now, or '' when it can. */
  private blocker(): string {
    return lengthBlocker(
      {
        hasModel: this.model !== null,
        hasData: this.data !== null,
        ownVocabulary: this.model?.metadata.vocabularySha256,
        dataVocabulary: this.data?.dataset.manifest.vocabulary.sha256,
      },
      pageLocale(),
    );
  }

  private maxlens(): number[] {
    return this.model ? studyMaxlens(this.model.metadata.settings.maxlen) : [];
  }

  // Truncation of all the test reviews, computed once per model and dataset.
  private truncation(): Cuts | null {
    if (!this.model || !this.data || this.blocker()) return null;
    const key = [this.model, this.data];
    if (!this.cuts || key.some((k, i) => k !== this.cuts!.for[i])) {
      const { settings } = this.model.metadata;
      this.cuts = { for: key, cuts: truncationCuts(this.data.dataset.splits.test!, settings, this.maxlens()) };
    }
    return this.cuts.cuts;
  }

  private async start(): Promise<void> {
    const blocker = this.blocker();
    if (blocker) {
      this.showError(blocker);
      return;
    }
    this.stop('');
    this.runButton.disabled = true;
    // tfjs is loaded already (the model is), so this import costs nothing more.
    const { sampleIndices } = await import('../../lstm/sentiment/holdout');
    if (this.worker || !this.model || !this.data) return;
    const { model, metadata } = this.model;
    const test = this.data.dataset.splits.test!;
    const { request, transfer } = lengthRunRequest({
      settings: metadata.settings,
      vocabularySize: metadata.vocabularySize,
      weights: model.getWeights(),
      test,
      sample: this.state.sample === 'all' ? test.count : Number(this.state.sample),
      seed: SEED,
      pick: sampleIndices,
      maxlens: this.maxlens(),
    });
    this.startedAt = performance.now();
    this.worker = startWorker<LengthStudyRequest, LengthStudyReport>(
      () =>
        new Worker(new URL('../../workers/length-study/worker.ts', import.meta.url), {
          type: 'module',
          name: 'length-study',
        }),
      (report) => this.report(report),
    );
    // Counted before the reviews' buffers move to the worker and leave empty arrays here.
    const measuredOn = request.reviews.labels.length;
    // The copies made in lengthRunRequest are handed over, not copied again.
    this.worker.send(request, transfer);
    this.showError('');
    this.step({ type: 'start', measuredOn });
    this.update();
  }

  private report(message: LengthStudyReport): void {
    if (!this.worker) return;
    if (message.type === 'backend') return this.showBackend(message.label, message.reason);
    const seconds = (performance.now() - this.startedAt) / 1000;
    // Progress only moves the bar and the status line; the rest redraws.
    if (message.type === 'progress') return this.step({ ...message, seconds });
    if (message.type === 'done' || message.type === 'error') this.finish();
    if (message.type === 'error') this.showError(LIMITS_LENGTH_WORDS.now().failed(message.message));
    this.step(message);
    this.update();
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Ends a run in progress (its measured lengths stay), with `reason` as the status. */
  private stop(reason: string): void {
    if (!this.worker) return;
    this.finish();
    this.step({ type: 'stop', reason });
    this.update();
  }

  protected update(): void {
    this.sampleSelect.value = this.state.sample;
    const running = this.worker !== null;
    const blocker = this.blocker();
    this.main.hidden = this.model === null;
    this.runButton.disabled = running || blocker !== '';
    this.runButton.title = blocker;
    this.sampleSelect.disabled = running;
    this.stopButton.disabled = !running;
    this.hint.textContent = blocker;
    this.hint.hidden = blocker === '' || running;
    if (this.model) this.draw();
  }

  private draw(): void {
    const w = LIMITS_LENGTH_WORDS.now();
    const locale = pageLocale();
    const cuts = this.truncation();
    const trained = this.model!.metadata.settings.maxlen;
    const { points, measuredOn } = this.run;
    if (!cuts && points.length === 0) {
      this.plot.replaceChildren();
      this.summary.textContent = '';
      this.table.replaceChildren();
      return;
    }
    const maxlens = cuts?.maxlens ?? this.maxlens();
    const saved = this.model!.metadata.test;
    const view = lengthView({ cuts, points, maxlens, trained, measuredOn, saved, locale });
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 300,
      marginLeft: 50,
      marginRight: 30,
      marginTop: 30,
      marginBottom: 42,
      x: {
        type: 'log',
        base: 2,
        domain: [maxlens[0]! / 1.15, maxlens.at(-1)! * 1.15],
        ticks: maxlens,
        tickFormat: (d: number) => String(d),
        label: w.xLabel,
        labelAnchor: 'center',
        labelOffset: 36,
      },
      y: { domain: [0, 1], grid: true, tickFormat: '.0%', label: w.yLabel },
      color: { legend: true, domain: view.names, range: view.kinds.map((k) => COLOURS[k]) },
      marks: [
        Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 3' }),
        Plot.ruleX([trained], { stroke: 'currentColor', strokeOpacity: 0.35 }),
        Plot.text([trained], {
          x: (d: number) => d,
          text: () => w.trainedAt(String(trained)),
          frameAnchor: 'top',
          dy: -18,
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.line(view.rows, { x: 'maxlen', y: 'value', z: 'series', stroke: 'series', marker: 'dot', strokeWidth: 2 }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: view.description,
    });
    this.summary.textContent = view.summary;
    this.table.replaceChildren(
      dataTable({
        caption: w.caption,
        head: [
          'maxlen',
          w.headTruncated,
          w.headShare,
          measuredOn ? w.headAccuracyOn(fmtInt(measuredOn)) : w.headAccuracy,
          w.headLoss,
        ],
        rows: lengthRows(cuts, points, maxlens, trained, locale).map((r) => ({
          cells: [{ head: r.heading }, r.truncated, r.share, r.accuracy, r.loss],
          attrs: { 'data-maxlen': String(r.maxlen) },
        })),
      }),
    );
  }
}

defineWidget('kit-limits-length', LimitsLengthWidget);
