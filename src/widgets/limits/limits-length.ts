/**
 * <kit-limits-length>: long texts. The reader's trained model is rebuilt at several maxlen (the
 * LSTM's weights do not depend on the length) and scores a sample of the test reviews at each,
 * in a Web Worker with a progress bar and Stop; the plot shows accuracy against maxlen beside
 * the share of test reviews each maxlen truncates.
 */
import type { ImdbData } from '../../data/loader';
import {
  countLonger,
  describeStudy,
  reviewViewLengths,
  studyMaxlens,
  subsetReviews,
  type LengthPoint,
  type WeightArrays,
} from '../../lstm/sentiment/length-cuts';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import type { LengthStudyReport, LengthStudyRequest } from '../../workers/length-study-protocol';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { modelPanel, watchModel, type ModelState } from './limits-model';
import './limits-shared.css';
import { percent as pct } from '../../data/format';

const SAMPLES = ['250', '1000', '2500', '5000', 'all'] as const;
const SEED = 7;
// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const COLOURS = { accuracy: '#2f6fd6', truncated: '#d6452f' } as const;

const schema = {
  sample: { kind: 'enum', default: '1000', values: SAMPLES },
} as const;

/** Truncation of all test reviews in the model's view, for one model and one dataset. */
interface Cuts {
  total: number;
  maxlens: number[];
  longer: number[];
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

class LimitsLengthWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs in a Web Worker';
  private data: ImdbData | null = null;
  private model: LoadedKitModel | null = null;
  private cuts: Cuts | null = null;
  private cutsFor: unknown[] = [];
  private points: LengthPoint[] = [];
  private measuredOn = 0;
  private worker: Worker | null = null;
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
    const data = imdbPanel({ mode: 'full' });
    const model = modelPanel((message) => this.showError(message));
    this.sampleSelect = el(
      'select',
      { name: 'sample', 'aria-label': 'Test reviews to score' },
      ...SAMPLES.map((s) =>
        el(
          'option',
          { value: s },
          s === 'all' ? 'all test reviews (several minutes)' : `${fmtInt(Number(s))} (a random sample)`,
        ),
      ),
    );
    this.sampleSelect.addEventListener('change', (e) => this.set({ sample: this.sampleSelect.value }, e));
    this.runButton = el('button', { type: 'button', 'data-role': 'run' }, 'Measure accuracy at each maxlen');
    this.runButton.addEventListener('click', () => void this.run());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop('Stopped'));
    this.progress = el('progress', {
      'data-role': 'study-progress',
      'aria-label': 'Progress of the length study',
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
      'aria-label': 'Accuracy and truncation at each maxlen',
    });
    this.main = el(
      'div',
      {},
      el(
        'div',
        { className: 'controls' },
        el('label', {}, 'Test reviews', this.sampleSelect),
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
    watchData(data.loader, (loaded) => {
      if (loaded !== this.data) this.stop('Stopped: the reviews changed');
      this.data = loaded;
      this.update();
    });
    watchModel((s: ModelState) => {
      const next = s.phase === 'ready' ? s.loaded : null;
      if (next === this.model) return;
      this.stop('Stopped: the model changed');
      this.model = next;
      this.points = [];
      this.status.textContent = '';
      this.update();
    });
  }

  protected override onReset(): void {
    this.stop('');
    this.points = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
  }

  /** A reason the study cannot run now, or '' when it can. */
  private blocker(): string {
    if (!this.model) return 'It needs your trained model (above).';
    if (!this.data) return 'It needs the reviews: load them above.';
    const own = this.model.metadata.vocabularySha256;
    if (own && own !== this.data.dataset.manifest.vocabulary.sha256) {
      return 'This model was trained on another preparation of the reviews (its vocabulary differs), so its word ids would not match these reviews.';
    }
    return '';
  }

  private maxlens(): number[] {
    return this.model ? studyMaxlens(this.model.metadata.settings.maxlen) : [];
  }

  // Truncation of all the test reviews, computed once per model and dataset.
  private truncation(): Cuts | null {
    if (!this.model || !this.data || this.blocker()) return null;
    const key = [this.model, this.data];
    if (this.cuts && key.every((k, i) => k === this.cutsFor[i])) return this.cuts;
    const test = this.data.dataset.splits.test!;
    const maxlens = this.maxlens();
    const lengths = reviewViewLengths(test, this.model.metadata.settings);
    this.cuts = { total: lengths.length, maxlens, longer: countLonger(lengths, maxlens) };
    this.cutsFor = key;
    return this.cuts;
  }

  private async run(): Promise<void> {
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
    const { model, metadata } = this.model!;
    const test = this.data!.dataset.splits.test!;
    const all = Int32Array.from({ length: test.count }, (_, i) => i);
    const wanted = this.state.sample === 'all' ? test.count : Number(this.state.sample);
    const reviews = subsetReviews(test, sampleIndices(all, wanted, SEED));
    // Copies of the weights, in getWeights() order, for the worker to rebuild the model at each length.
    const weights: WeightArrays[] = model
      .getWeights()
      .map((w) => ({ shape: [...w.shape], data: Float32Array.from(w.dataSync()) }));
    const request: LengthStudyRequest = {
      type: 'run',
      settings: metadata.settings,
      vocabularySize: metadata.vocabularySize,
      weights,
      reviews: { offsets: reviews.offsets, tokens: reviews.tokens, labels: reviews.labels },
      maxlens: this.maxlens(),
    };
    this.points = [];
    this.measuredOn = reviews.labels.length;
    this.startedAt = performance.now();
    const worker = new Worker(new URL('../../workers/length-study.ts', import.meta.url), {
      type: 'module',
      name: 'length-study',
    });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<LengthStudyReport>) => this.report(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.report({ type: 'error', message: `the worker failed: ${event.message || 'it could not start'}` });
    };
    // The copies made above are handed over, not copied again.
    worker.postMessage(request, [
      ...weights.map((w) => w.data.buffer),
      reviews.offsets.buffer,
      reviews.tokens.buffer,
      reviews.labels.buffer,
    ]);
    this.showError('');
    this.progress.value = 0;
    this.status.textContent = `Starting tfjs in a Web Worker to score ${fmtInt(this.measuredOn)} test reviews at ${request.maxlens.length} lengths…`;
    this.update();
  }

  private report(message: LengthStudyReport): void {
    if (!this.worker) return;
    const seconds = (performance.now() - this.startedAt) / 1000;
    switch (message.type) {
      case 'backend':
        this.showBackend(message.label, message.reason);
        break;
      case 'progress': {
        this.progress.value = message.fraction;
        const maxlens = this.maxlens();
        const next = maxlens[Math.min(this.points.length, maxlens.length - 1)];
        const left =
          message.fraction > 0.02 ? `, about ${clock((seconds * (1 - message.fraction)) / message.fraction)} left` : '';
        this.status.textContent =
          `Scoring ${fmtInt(this.measuredOn)} test reviews at maxlen ${next} (${this.points.length + 1} of ${maxlens.length}): ` +
          `${Math.floor(100 * message.fraction)}% done, ${clock(seconds)} so far${left}.`;
        break;
      }
      case 'point':
        this.points.push(message.point);
        this.update();
        break;
      case 'done':
        this.finish();
        this.progress.value = 1;
        this.status.textContent = `Done: ${this.points.length} lengths, ${fmtInt(this.measuredOn)} test reviews each, in ${message.seconds.toFixed(1)} s.`;
        this.update();
        break;
      case 'error':
        this.finish();
        this.showError(`The length study failed: ${message.message}`);
        this.status.textContent = '';
        this.update();
        break;
    }
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Ends a run in progress (its measured lengths stay), with `reason` as the status. */
  private stop(reason: string): void {
    if (!this.worker) return;
    this.finish();
    const total = this.maxlens().length;
    this.status.textContent = reason ? `${reason}: ${this.points.length} of ${total} lengths measured.` : '';
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
    const cuts = this.truncation();
    const trained = this.model!.metadata.settings.maxlen;
    const points = this.points;
    if (!cuts && points.length === 0) {
      this.plot.replaceChildren();
      this.summary.textContent = '';
      this.table.replaceChildren();
      return;
    }
    const maxlens = cuts?.maxlens ?? this.maxlens();
    const accuracyName = `accuracy on ${fmtInt(this.measuredOn)} test reviews`;
    const cutName = `test reviews truncated (all ${fmtInt(cuts?.total ?? 0)})`;
    const rows = [
      ...(cuts ? maxlens.map((m, k) => ({ maxlen: m, value: cuts.longer[k]! / cuts.total, series: cutName })) : []),
      ...points.map((p) => ({ maxlen: p.maxlen, value: p.accuracy, series: accuracyName })),
    ];
    const names = [...(points.length ? [accuracyName] : []), ...(cuts ? [cutName] : [])];
    const colours = [...(points.length ? [COLOURS.accuracy] : []), ...(cuts ? [COLOURS.truncated] : [])];
    const study = points.length ? describeStudy(points, trained) : 'No accuracy measured yet: press Measure.';
    const cutText = cuts
      ? ` Of all ${fmtInt(cuts.total)} test reviews, maxlen ${maxlens[0]} truncates ${pct(cuts.longer[0]! / cuts.total)}, ` +
        `maxlen ${trained} ${pct(cuts.longer[maxlens.indexOf(trained)]! / cuts.total)} and maxlen ${maxlens.at(-1)} ${pct(cuts.longer.at(-1)! / cuts.total)}.`
      : '';
    const saved = this.model!.metadata.test;
    const savedText = saved
      ? ` Saved with the model: ${pct(saved.accuracy)} on ${fmtInt(saved.count)} test reviews at maxlen ${trained}.`
      : '';
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
        label: 'maxlen: ids read per review (log scale) →',
        labelAnchor: 'center',
        labelOffset: 36,
      },
      y: { domain: [0, 1], grid: true, tickFormat: '.0%', label: '↑ share of the test reviews' },
      color: { legend: true, domain: names, range: colours },
      marks: [
        Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 3' }),
        Plot.ruleX([trained], { stroke: 'currentColor', strokeOpacity: 0.35 }),
        Plot.text([trained], {
          x: (d: number) => d,
          text: () => `trained at ${trained}`,
          frameAnchor: 'top',
          dy: -18,
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.line(rows, { x: 'maxlen', y: 'value', stroke: 'series', marker: 'dot', strokeWidth: 2 }),
      ],
      ariaLabel: 'Accuracy of the trained model and share of truncated test reviews against maxlen',
      ariaDescription: `${study}${cutText} The dashed line is chance, 50%.`,
    });
    this.summary.textContent = `${study}${cutText}${savedText}`;
    const th = (t: string) => el('th', { scope: 'col' }, t);
    this.table.replaceChildren(
      el(
        'table',
        {},
        el('caption', {}, 'Each maxlen: the test reviews it truncates, and the accuracy measured'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            th('maxlen'),
            th('test reviews truncated'),
            th('share'),
            th(this.measuredOn ? `accuracy (${fmtInt(this.measuredOn)})` : 'accuracy'),
            th('loss'),
          ),
        ),
        el(
          'tbody',
          {},
          ...maxlens.map((m, k) => {
            const p = points.find((q) => q.maxlen === m);
            return el(
              'tr',
              { 'data-maxlen': String(m) },
              el('th', { scope: 'row' }, m === trained ? `${m} (trained)` : String(m)),
              el('td', {}, cuts ? `${fmtInt(cuts.longer[k]!)} of ${fmtInt(cuts.total)}` : '–'),
              el('td', {}, cuts ? pct(cuts.longer[k]! / cuts.total) : '–'),
              el('td', {}, p ? pct(p.accuracy) : '–'),
              el('td', {}, p ? p.loss.toFixed(3) : '–'),
            );
          }),
        ),
      ),
    );
  }
}

defineWidget('kit-limits-length', LimitsLengthWidget);
