/**
 * <kit-classifier-review>: the trained classifier reading one review, step by step. The review
 * is encoded exactly as in training, the kit's own LSTM cell runs every layer on the trained
 * weights, and the widget draws the prediction after each step, p_t = σ(h_t · w + b), colours
 * every word by how much it moved that prediction, and checks the last p_t against the tfjs
 * model's `predict`. The review it read goes to the gate cell below (classifier-gates.ts).
 */
import * as reading from '../../lstm/sentiment/review-reading';
import {
  signed,
  type Format,
  type PredictionPoint,
  type PredictionSeries,
  type WordChip,
} from '../../lstm/sentiment/review-reading';
import type { Locale } from '../../i18n/locales';
import { pageLocale } from '../../i18n/words';
import { reviewSteps, type ReviewSteps } from '../../lstm/sentiment/review-steps';
import { clause } from '../../data/format';
import { traceClassifier, type ClassifierTrace } from '../../lstm/sentiment/trace';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt, fmtSci } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import {
  publishReview,
  trainingHref,
  watchClassifier,
  type ClassifierStatus,
  type TrainedClassifier,
} from '../kit/trained';
import { deltaColours, deltaLegend, stepTicks, wordChip } from './classifier-colours';
import { EXAMPLES } from './classifier-examples';
import { CLASSIFIER_REVIEW_WORDS } from './classifier-review.words';
import { chineseOutOfVocabulary } from './classifier-chinese';
import '../kit/classifier.css';

const MAX_TEXT = 6000;

/**
 * review-reading.ts's sentences, in the page's edition: each of its functions takes the edition
 * last (English by default), so the page's is passed after the arguments they all take.
 */
const readingSummary = (steps: ReviewSteps) =>
  (reading.readingSummary as (steps: ReviewSteps, locale?: Locale) => string[])(steps, pageLocale());
const predictionSeries = (steps: ReviewSteps, trace: ClassifierTrace, showPadding: boolean, fmt: Format) =>
  (
    reading.predictionSeries as (
      steps: ReviewSteps,
      trace: ClassifierTrace,
      showPadding: boolean,
      fmt: Format,
      locale?: Locale,
    ) => PredictionSeries
  )(steps, trace, showPadding, fmt, pageLocale());
const wordChips = (steps: ReviewSteps, trace: ClassifierTrace, fmt: Format) =>
  (reading.wordChips as (steps: ReviewSteps, trace: ClassifierTrace, fmt: Format, locale?: Locale) => WordChip[])(
    steps,
    trace,
    fmt,
    pageLocale(),
  );
const movesText = (steps: ReviewSteps, trace: ClassifierTrace, k: number, fmt: Format) =>
  (
    reading.movesText as (
      steps: ReviewSteps,
      trace: ClassifierTrace,
      k: number,
      fmt: Format,
      locale?: Locale,
    ) => { up: string; down: string }
  )(steps, trace, k, fmt, pageLocale());
const predictVerdict = (ours: number, theirs: number | null, error = '') =>
  (
    reading.predictVerdict as (
      ours: number,
      theirs: number | null,
      error?: string,
      locale?: Locale,
    ) => { diff: number | null; note: string }
  )(ours, theirs, error, pageLocale());
type TestReview = Parameters<typeof reading.testReview>[2];
const testReview = (full: string, maxChars: number, review: TestReview) =>
  (
    reading.testReview as (
      full: string,
      maxChars: number,
      review: TestReview,
      locale?: Locale,
    ) => { text: string; note: string }
  )(full, maxChars, review, pageLocale());

const schema = {
  text: { kind: 'string', default: EXAMPLES[0].text, maxLength: MAX_TEXT },
  padding: { kind: 'boolean', default: false },
} as const;

class ClassifierReviewWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = CLASSIFIER_REVIEW_WORDS.now().engine;
  private model: ClassifierStatus = { kind: 'loading' };
  private exampleSelect!: HTMLSelectElement;
  private textArea!: HTMLTextAreaElement;
  private paddingBox!: HTMLInputElement;
  private testBox!: HTMLDetailsElement;
  private testNote!: HTMLElement;
  private note!: HTMLElement;
  private chineseNote!: HTMLElement;
  private summary!: HTMLElement;
  private plot!: HTMLElement;
  private legend!: HTMLElement;
  private words!: HTMLElement;
  private moves!: HTMLElement;
  private check!: HTMLElement;
  /** The last trace, kept while the ids and the model stay the same. */
  private cache: { key: string; steps: ReviewSteps; trace: ClassifierTrace } | null = null;
  private predicted: { key: string; p: number | null } = { key: '', p: null };

  protected build(): void {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    this.exampleSelect = el(
      'select',
      { name: 'example', 'aria-label': w.exampleLabel },
      ...EXAMPLES.map((e) => el('option', { value: e.key }, w.examples[e.key])),
      el('option', { value: 'own' }, w.own),
    );
    this.exampleSelect.addEventListener('change', (e) => {
      const example = EXAMPLES.find((x) => x.key === this.exampleSelect.value);
      if (example) this.set({ text: example.text }, e);
      else this.textArea.focus();
    });
    this.textArea = el('textarea', { name: 'review', rows: 4, maxlength: MAX_TEXT, spellcheck: false });
    this.textArea.addEventListener('input', (e) => this.set({ text: this.textArea.value }, e));
    this.paddingBox = el('input', { type: 'checkbox', name: 'padding' });
    this.paddingBox.addEventListener('change', (e) => this.set({ padding: this.paddingBox.checked }, e));
    this.testNote = el('p', { className: 'note', 'data-role': 'test-note', 'aria-live': 'polite' });
    this.testBox = el('details', { className: 'classifier-test' }, el('summary', {}, w.testSet));
    this.testBox.addEventListener('toggle', () => void this.openTestReviews(), { once: true });
    this.note = el('p', { className: 'kit-status', 'data-role': 'model-note', 'aria-live': 'polite' });
    this.summary = el('p', { className: 'readout', 'data-role': 'summary', 'aria-live': 'polite' });
    this.plot = el('div', { className: 'plot', 'data-role': 'prediction' });
    this.legend = el('div', { className: 'plot', 'data-role': 'legend' });
    this.words = el('div', { className: 'tokens classifier-words', 'data-role': 'words' });
    this.moves = el('p', { className: 'readout', 'data-role': 'moves' });
    this.check = el('div', {
      className: 'readout',
      'data-role': 'check',
      'aria-live': 'polite',
      tabindex: 0,
      role: 'region',
      'aria-label': w.checkLabel,
    });
    this.chineseNote = el('p', {
      className: 'note',
      'data-role': 'chinese-note',
      'aria-live': 'polite',
      hidden: true,
    });
    this.append(
      this.note,
      el('div', { className: 'controls' }, el('label', {}, w.example, this.exampleSelect)),
      el('div', { className: 'controls' }, el('label', { className: 'wide' }, w.review, this.textArea)),
      el('p', { className: 'note', 'data-role': 'english-only' }, w.englishOnly),
      this.chineseNote,
      this.testBox,
      el('div', { className: 'controls' }, el('label', {}, this.paddingBox, w.showPadding)),
      this.summary,
      el('h3', {}, w.predictionHeading),
      this.plot,
      el('h3', {}, w.wordsHeading),
      this.legend,
      this.words,
      this.moves,
      el('h3', {}, w.checkHeading),
      this.check,
    );
    const stop = watchClassifier((status) => {
      this.model = status;
      this.cache = null;
      this.update();
    });
    this.listen(stop);
  }

  /** Adds the IMDB data panel and a random test review button, the first time the box opens. */
  private async openTestReviews(): Promise<void> {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const { imdbPanel, watchData } = await import('../kit/imdb-panel');
    const panel = imdbPanel();
    const pick = el('button', { type: 'button', 'data-role': 'random-test', disabled: true }, w.randomTest);
    pick.addEventListener('click', () => void this.randomTestReview(panel.loader));
    this.testBox.append(panel.root, el('div', { className: 'controls' }, pick), this.testNote);
    const stop = watchData(panel.loader, (data) => {
      pick.disabled = data === null;
      if (data === null) this.testNote.textContent = w.loadFirst(fmtInt(25_000));
      else if (!this.testNote.dataset.review) this.testNote.textContent = '';
    });
    this.listen(stop);
    this.listen(() => panel.dispose());
  }

  private async randomTestReview(loader: import('../../data/loader').ImdbLoader): Promise<void> {
    const data = loader.data;
    const test = data?.dataset.splits.test;
    if (!data || !test) return;
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const index = Math.floor(Math.random() * test.count);
    this.testNote.textContent = w.fetching;
    try {
      const { text, note } = testReview(await data.texts.text('test', index), MAX_TEXT, {
        index,
        count: test.count,
        rating: test.ratings[index]!,
        positive: test.labels[index] === 1,
      });
      this.testNote.dataset.review = String(index);
      this.testNote.textContent = note;
      this.set({ text });
    } catch (error) {
      this.testNote.textContent = w.notFetched((error as Error).message);
    }
  }

  protected update(): void {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const width = this.plotWidth();
    const { text, padding } = this.state;
    if (this.textArea.value !== text) this.textArea.value = text;
    this.exampleSelect.value = EXAMPLES.find((e) => e.text === text)?.key ?? 'own';
    this.paddingBox.checked = padding;
    const m = this.model;
    this.dataset.model = m.kind;
    if (m.kind !== 'ready') {
      this.note.hidden = false;
      this.note.replaceChildren(
        ...(m.kind === 'loading'
          ? [w.looking]
          : [
              m.kind === 'error' ? w.notRead(clause(m.message)) : w.none,
              el('a', { href: trainingHref() }, w.trainLink),
              w.orLoad,
              el('a', { href: '#cell-model' }, w.firstCell),
              w.thenReads,
            ]),
      );
      this.chineseNote.hidden = true;
      for (const part of [this.summary, this.plot, this.legend, this.words, this.moves, this.check])
        part.replaceChildren();
      this.cache = null;
      publishReview(null);
      return;
    }
    this.note.hidden = true;
    const classifier = m.classifier;
    this.showBackend(classifier.backend, w.backendTitle);
    const steps = reviewSteps(text, classifier.vocabulary, classifier.view);
    const chinese = chineseOutOfVocabulary(steps);
    this.chineseNote.hidden = chinese.length === 0;
    this.chineseNote.textContent = chinese.length
      ? w.chineseWords(chinese.length, fmtInt(chinese.length), classifier.view.layout === 'tokenizer')
      : '';
    const key = `${classifier.serial}:${steps.ids.join(',')}`;
    if (this.cache?.key !== key) {
      this.cache = { key, steps, trace: traceClassifier(classifier.weights, steps.ids) };
      publishReview({ steps, trace: this.cache.trace, classifier });
    }
    // The words (and their fates) may change without the ids: draw from the fresh steps.
    const { trace } = this.cache;
    this.drawSummary(steps, trace);
    this.drawPrediction(steps, trace, width, padding);
    this.drawWords(steps, trace);
    this.drawCheck(classifier, steps, trace, key);
  }

  private drawSummary(steps: ReviewSteps, trace: ClassifierTrace): void {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const p = trace.p[steps.steps.length - 1]!;
    this.summary.replaceChildren(
      ...readingSummary(steps).map((s) => `${s} `),
      w.finalBefore,
      el('strong', { 'data-role': 'final' }, `p = ${fmt(p)}`),
      w.finalAfter(p >= 0.5),
    );
    this.summary.dataset.final = String(p);
  }

  private drawPrediction(steps: ReviewSteps, trace: ClassifierTrace, width: number, showPadding: boolean): void {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const L = steps.steps.length;
    const { first, shown, before, names, padRegion, description } = predictionSeries(steps, trace, showPadding, fmt);
    const { limit } = deltaColours(trace.delta, steps.padding);
    const ticks = stepTicks(
      shown.map((q) => q.t),
      width,
    );
    // The point the shown steps start from is named too: p_0, or p after the hidden padding.
    ticks.values.unshift(first);
    drawPlot(this.plot, {
      width,
      height: 260 + (ticks.rotate ? 62 : 0),
      marginLeft: 48,
      marginBottom: ticks.rotate ? 98 : 36,
      x: {
        domain: [first - 0.5, L + 0.5],
        ticks: ticks.values,
        tickFormat: (t: number) => names.get(t) ?? '',
        tickRotate: ticks.rotate,
        label: showPadding ? w.xPadding : w.xWords,
        labelAnchor: 'center',
        labelOffset: ticks.rotate ? 86 : 30,
      },
      y: { domain: [0, 1], label: w.yLabel, grid: true },
      color: { type: 'diverging', scheme: 'rdbu', domain: [-limit, limit], clamp: true },
      marks: [
        Plot.rect(padRegion, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'currentColor', fillOpacity: 0.08 }),
        Plot.text(padRegion, {
          x: (r: { x2: number }) => r.x2 / 2,
          y: 0.95,
          text: () => w.paddingRegion(fmtInt(steps.padding)),
          fill: 'currentColor',
        }),
        Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
        Plot.line([before, ...shown], { x: 't', y: 'p', stroke: 'currentColor', strokeOpacity: 0.55 }),
        Plot.dot([before], { x: 't', y: 'p', r: 3, fill: 'currentColor', fillOpacity: 0.5 }),
        Plot.dot(shown, {
          x: 't',
          y: 'p',
          r: (q: PredictionPoint) => (q.pad ? 1.5 : 4),
          fill: (q: PredictionPoint) => (q.pad ? 'gray' : q.delta),
          stroke: 'currentColor',
          strokeWidth: 0.5,
          title: (q: PredictionPoint) => `t = ${q.t}, “${q.word}”: p = ${fmt(q.p)} (${signed(q.delta, fmt)})`,
        }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: description,
    });
    this.plot.dataset.steps = String(shown.length);
    this.legend.replaceChildren(deltaLegend(limit));
  }

  private drawWords(steps: ReviewSteps, trace: ClassifierTrace): void {
    const colours = deltaColours(trace.delta, steps.padding);
    this.words.replaceChildren(...wordChips(steps, trace, fmt).map((c) => wordChip(c, colours)));
    const { up, down } = movesText(steps, trace, 3, fmt);
    this.moves.replaceChildren(el('span', { 'data-role': 'up' }, up), ' ', el('span', { 'data-role': 'down' }, down));
  }

  private drawCheck(classifier: TrainedClassifier, steps: ReviewSteps, trace: ClassifierTrace, key: string): void {
    const w = CLASSIFIER_REVIEW_WORDS.now();
    const L = steps.steps.length;
    const ours = trace.p[L - 1]!;
    const row = (label: string, value: string, role: string) => [{ head: label }, { cell: value, role }];
    const render = (theirs: number | null, error = '') => {
      const { diff, note } = predictVerdict(ours, theirs, error);
      this.check.replaceChildren(
        dataTable({
          rows: [
            row(w.ours(String(L)), fmt(ours, 7), 'ours'),
            row(w.theirs, theirs === null ? (error ? '–' : '…') : fmt(theirs, 7), 'theirs'),
            row(w.difference, diff === null ? '–' : fmtSci(diff), 'difference'),
          ],
        }),
        el('p', { className: 'note' }, note),
      );
      if (diff === null) delete this.check.dataset.difference;
      else this.check.dataset.difference = String(diff);
    };
    if (this.predicted.key === key && this.predicted.p !== null) {
      render(this.predicted.p);
      return;
    }
    render(null);
    this.predicted = { key, p: null };
    classifier.predict(steps.ids).then(
      (p) => {
        if (this.predicted.key !== key) return;
        this.predicted = { key, p };
        render(p);
      },
      (error: Error) => {
        if (this.predicted.key === key) render(null, error.message);
      },
    );
  }
}

defineWidget('kit-classifier-review', ClassifierReviewWidget);
