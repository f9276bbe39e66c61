/**
 * <kit-limits-padding>: missing data. A short review the reader writes is padded to the trained
 * model's maxlen with zeros before it ('pre') and after it ('post'); the model's prediction after
 * every step of both rows is plotted, and the table compares the two answers with the one that
 * skipping the zeros (Keras' mask_zero) would give.
 */
import { encodeText, idsToWords, type SequenceView } from '../../data/views';
import type { Vocabulary } from '../../data/vocabulary';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import type { PaddingSummary, PaddingTrace } from '../../lstm/sentiment/padding-study';
import { dataTable, el, textInput } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { modelPanel, unpaddedView, vocabularyOf, watchLoadedModel } from './limits-model';
import './limits-shared.css';
import { LIMITS_PADDING_WORDS } from './limits-padding.words';

const schema = {
  text: { kind: 'string', default: 'A wonderful film. I loved every minute of it.', maxLength: 400 },
} as const;

// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const COLOURS = { pre: '#2f6fd6', post: '#d6452f' } as const;

/** The row's words with runs of padding written once: "<pad> × 72, <start>, a, film". */
function rowWords(row: Int32Array, vocabulary: Vocabulary, view: SequenceView): string {
  const words = idsToWords(row, vocabulary, view);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j < words.length && words[j] === words[i]) j++;
    const run = j - i;
    if (words[i] === '<pad>' && run > 1) out.push(`<pad> × ${run}`);
    else out.push(...words.slice(i, j));
    i = j;
  }
  return out.join(', ');
}

class LimitsPaddingWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs';
  private model: LoadedKitModel | null = null;
  private stepwise: { for: LoadedKitModel; model: import('@tensorflow/tfjs').LayersModel } | null = null;
  private generation = 0;
  private main!: HTMLElement;
  private input!: HTMLInputElement;
  private summary!: HTMLElement;
  private table!: HTMLElement;
  private plot!: HTMLElement;

  protected build(): void {
    const w = LIMITS_PADDING_WORDS.now();
    const panel = modelPanel((message) => this.showError(message));
    this.input = textInput({
      value: this.state.text,
      maxLength: 400,
      spellcheck: true,
      onInput: (text, e) => this.set({ text }, e),
    });
    this.summary = el('p', { className: 'limits-summary', 'data-role': 'padding-summary', 'aria-live': 'polite' });
    // The table scrolls sideways on a phone, so it takes the focus (and a name) for the keyboard.
    this.table = el('div', {
      className: 'readout',
      'data-role': 'padding',
      tabindex: 0,
      role: 'region',
      'aria-label': w.tableRegion,
    });
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.main = el(
      'div',
      {},
      el('div', { className: 'controls' }, el('label', { className: 'wide' }, w.reviewLabel, this.input)),
      this.summary,
      this.table,
      this.plot,
    );
    this.append(panel.root, this.main);
    this.listen(() => panel.dispose());
    this.listen(
      watchLoadedModel((model) => {
        this.model = model;
        this.update();
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropStepwise();
  }

  private dropStepwise(): void {
    this.stepwise?.model.dispose(); // its own copy of the weights
    this.stepwise = null;
  }

  protected update(): void {
    if (this.input.value !== this.state.text) this.input.value = this.state.text;
    this.main.hidden = this.model === null;
    if (!this.model) {
      this.dropStepwise();
      return;
    }
    const generation = ++this.generation;
    const model = this.model;
    this.compute(model)
      .then((result) => {
        if (generation === this.generation && model === this.model) this.draw(model, result.trace, result.summary);
      })
      .catch((error: Error) => this.showError(LIMITS_PADDING_WORDS.now().failed(error.message)));
  }

  private async compute(loaded: LoadedKitModel): Promise<{ trace: PaddingTrace; summary: PaddingSummary }> {
    // tfjs is loaded already (the model is), so these imports cost nothing more.
    const { paddingTrace, stepwiseModel, summarizePadding } = await import('../../lstm/sentiment/padding-study');
    const { loadTf } = await import('../kit/tf');
    const { backend } = await loadTf();
    this.showBackend(backend.label, backend.reason);
    if (this.stepwise?.for !== loaded) {
      this.dropStepwise();
      const { metadata, model } = loaded;
      const weights = model.getWeights().map((w) => ({ shape: [...w.shape], data: Float32Array.from(w.dataSync()) }));
      this.stepwise = { for: loaded, model: stepwiseModel(metadata.settings, metadata.vocabularySize, weights) };
    }
    const ids = encodeText(this.state.text, vocabularyOf(loaded), unpaddedView(loaded));
    const trace = await paddingTrace(this.stepwise.model, ids, loaded.metadata.settings.maxlen);
    return { trace, summary: summarizePadding(trace) };
  }

  private draw(loaded: LoadedKitModel, trace: PaddingTrace, s: PaddingSummary): void {
    const w = LIMITS_PADDING_WORDS.now();
    const NAMES = w.names;
    const vocabulary = vocabularyOf(loaded);
    const view = unpaddedView(loaded);
    const { maxlen } = trace;
    const p = (x: number) => fmt(x, 3);
    let sentence: string;
    if (s.kept === 0) {
      sentence = w.noneKnown;
    } else if (s.zeros === 0) {
      sentence = w.nothingToPad(fmtInt(trace.ids.length), String(maxlen), p(s.pre));
    } else {
      sentence = w.padded({
        kept: fmtInt(s.kept),
        zeros: fmtInt(s.zeros),
        zerosOnly: p(s.zerosOnly!),
        pre: p(s.pre),
        masked: p(s.masked),
        post: p(s.post),
      });
    }
    this.summary.textContent = sentence;
    const unpadded = trace.postRow.subarray(0, s.kept);
    const rows: [string, string, string, number][] = [
      ['pre', w.rowPre, rowWords(trace.preRow, vocabulary, view), s.pre],
      ['post', w.rowPost, rowWords(trace.postRow, vocabulary, view), s.post],
      ['masked', w.rowMasked, rowWords(unpadded, vocabulary, view), s.masked],
    ];
    this.table.replaceChildren(
      dataTable({
        caption: w.caption(String(maxlen)),
        head: [...w.head],
        rows: rows.map(([key, name, row, value]) => ({
          cells: [{ head: name }, { cell: row, className: 'row' }, Number.isNaN(value) ? '–' : p(value)],
          attrs: { 'data-padding': key },
        })),
      }),
    );
    const points = (['pre', 'post'] as const).flatMap((key) => {
      const row = key === 'pre' ? trace.preRow : trace.postRow;
      const values = key === 'pre' ? trace.pre : trace.post;
      return Array.from(values, (value, t) => ({ step: t + 1, value, series: NAMES[key], word: row[t] !== 0 }));
    });
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 260,
      marginLeft: 50,
      marginBottom: 42,
      x: { label: w.xLabel, domain: [1, maxlen], labelAnchor: 'center', labelOffset: 36 },
      y: { label: w.yLabel, domain: [0, 1], grid: true },
      color: { legend: true, domain: [NAMES.pre, NAMES.post], range: [COLOURS.pre, COLOURS.post] },
      marks: [
        Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 3' }),
        Plot.line(points, { x: 'step', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
        // Steps that read a word get a dot; the rest read a padding zero.
        Plot.dot(
          points.filter((d) => d.word),
          { x: 'step', y: 'value', fill: 'series', r: 2.5 },
        ),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(sentence),
    });
  }
}

defineWidget('kit-limits-padding', LimitsPaddingWidget);
