/**
 * <kit-embedding-cost>: how the one-hot input and the weights of a Dense layer reading it grow
 * with the vocabulary, against an Embedding layer's table and its one-row lookup.
 */
import { inputCosts, logSpaced, vocabularyFromLog, type InputCosts } from '../../embedding/costs';
import { dataTable, el, slider, type Slider, type TableCell } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import '../kit/embeddings.css';
import { EMBEDDING_COST_WORDS } from './embedding-cost.words';

const UNITS = 64;
const V_MIN = 10;
const V_MAX = 1_000_000;
// Sampled once: the curves' vocabulary sizes (the values along them change with d and T).
const SIZES = logSpaced(V_MIN, V_MAX, 61);

// The series' names are in the catalogue, under the same keys.
const SERIES = [
  { key: 'oneHotInputs', color: '#d9480f', dash: false },
  { key: 'denseWeights', color: '#b5179e', dash: false },
  { key: 'denseMultiplyAdds', color: '#8a5a00', dash: true },
  { key: 'embeddingWeights', color: '#2f6fd6', dash: false },
  { key: 'embeddingReads', color: '#1b7f3b', dash: true },
] as const satisfies readonly { key: keyof InputCosts; color: string; dash: boolean }[];

/** The series with their names in the page's edition. */
function namedSeries() {
  const names = EMBEDDING_COST_WORDS.now().series;
  return SERIES.map((s) => ({ ...s, name: names[s.key](String(UNITS)) }));
}

interface Point {
  V: number;
  value: number;
  series: string;
}

const schema = {
  vocabulary: { kind: 'integer', default: 20000, min: V_MIN, max: V_MAX },
  dim: { kind: 'integer', default: 128, min: 2, max: 512 },
  length: { kind: 'integer', default: 80, min: 1, max: 1000 },
} as const;

class EmbeddingCostWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private vocabSlider!: Slider;
  private dimSlider!: Slider;
  private lengthSlider!: Slider;
  private plot!: HTMLElement;
  private table!: HTMLElement;

  protected build(): void {
    const w = EMBEDDING_COST_WORDS.now();
    this.vocabSlider = slider({
      label: w.vocabularyLabel,
      name: 'vocabulary',
      min: 1,
      max: 6,
      step: 0.05,
      value: Math.log10(this.state.vocabulary),
      format: (p) => fmtInt(vocabularyFromLog(p)),
      onInput: (p, e) => this.set({ vocabulary: vocabularyFromLog(p) }, e),
    });
    // The slider moves on a log scale; tell assistive technology the vocabulary, not the exponent.
    this.vocabSlider.input.setAttribute('aria-valuetext', w.vocabularyValue(fmtInt(this.state.vocabulary)));
    this.dimSlider = slider({
      label: w.dimLabel,
      name: 'dim',
      min: 2,
      max: 512,
      step: 1,
      value: this.state.dim,
      onInput: (dim, e) => this.set({ dim }, e),
    });
    this.lengthSlider = slider({
      label: w.lengthLabel,
      name: 'length',
      min: 1,
      max: 1000,
      step: 1,
      value: this.state.length,
      onInput: (length, e) => this.set({ length }, e),
    });
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.table = el('div', { className: 'kit-table', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, this.vocabSlider.root, this.dimSlider.root, this.lengthSlider.root),
      this.plot,
      this.table,
    );
  }

  protected update(): void {
    const w = EMBEDDING_COST_WORDS.now();
    const SERIES = namedSeries();
    const { vocabulary: V, dim, length } = this.state;
    // Only move the slider when the state came from elsewhere (a link, a reset), or it would snap
    // back under the reader's thumb to the rounded vocabulary.
    if (vocabularyFromLog(Number(this.vocabSlider.input.value)) !== V) this.vocabSlider.set(Math.log10(V));
    this.vocabSlider.output.textContent = fmtInt(V);
    this.vocabSlider.input.setAttribute('aria-valuetext', w.vocabularyValue(fmtInt(V)));
    this.dimSlider.set(dim);
    this.lengthSlider.set(length);
    const now = inputCosts({ vocabulary: V, dim, units: UNITS, length });

    const lines: Point[] = [];
    for (const size of SIZES) {
      const c = inputCosts({ vocabulary: size, dim, units: UNITS, length });
      for (const s of SERIES) lines.push({ V: size, value: c[s.key], series: s.name });
    }
    const dots = SERIES.map((s) => ({ V, value: now[s.key], series: s.name }));
    const names = SERIES.map((s) => s.name);
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 340,
      marginLeft: 56,
      x: { type: 'log', domain: [V_MIN, V_MAX], label: w.xLabel, grid: true },
      y: { type: 'log', label: w.yLabel, grid: true },
      color: { domain: names, range: SERIES.map((s) => s.color), legend: true },
      marks: [
        Plot.ruleX([V], { stroke: 'currentColor', strokeDasharray: '3,3' }),
        ...SERIES.map((s) =>
          Plot.line(
            lines.filter((p) => p.series === s.name),
            { x: 'V', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: s.dash ? '6,4' : undefined },
          ),
        ),
        Plot.dot(dots, { x: 'V', y: 'value', fill: 'series', r: 4.5, stroke: 'white', strokeWidth: 1 }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription({
        V: fmtInt(V),
        units: String(UNITS),
        inputs: fmtInt(now.oneHotInputs),
        dense: fmtInt(now.denseWeights),
        embedding: fmtInt(now.embeddingWeights),
        reads: fmtInt(now.embeddingReads),
      }),
    });

    const row = (label: string, a: string, b: string, role: string): TableCell[] => [
      { head: label },
      { cell: a, role: `${role}-dense` },
      { cell: b, role: `${role}-embedding` },
    ];
    this.table.replaceChildren(
      dataTable({
        head: [`V = ${fmtInt(V)}, d = ${dim}, T = ${length}`, w.oneHotDense(UNITS), `Embedding(${fmtInt(V)}, ${dim})`],
        rows: [
          row(
            w.inputs,
            `${fmtInt(length)} × ${fmtInt(V)} = ${fmtInt(now.oneHotInputs)}`,
            w.indices(fmtInt(now.indexInputs)),
            'inputs',
          ),
          row(
            w.weights,
            `${fmtInt(V)} × ${UNITS} + ${UNITS} = ${fmtInt(now.denseWeights)}`,
            `${fmtInt(V)} × ${dim} = ${fmtInt(now.embeddingWeights)}`,
            'weights',
          ),
          row(
            w.work,
            w.multiplyAdds(`${fmtInt(length)} × ${fmtInt(V)} × ${UNITS} = ${fmtInt(now.denseMultiplyAdds)}`),
            w.numbersRead(fmtInt(length), String(dim), fmtInt(now.embeddingReads)),
            'work',
          ),
          row(
            w.bytes,
            w.perText(fmtBytes(now.oneHotInputs * 4)),
            w.perTextInt32(fmtBytes(now.indexInputs * 4)),
            'bytes',
          ),
        ],
      }),
    );
  }
}

/** Bytes as B, kB, MB or GB (powers of 1,000). */
function fmtBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let u = 0;
  while (value >= 1000 && u < units.length - 1) {
    value /= 1000;
    u++;
  }
  return `${u === 0 ? fmtInt(value) : value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[u]}`;
}

defineWidget('kit-embedding-cost', EmbeddingCostWidget);
