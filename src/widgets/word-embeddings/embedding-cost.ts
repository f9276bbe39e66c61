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

const UNITS = 64;
const V_MIN = 10;
const V_MAX = 1_000_000;
// Sampled once: the curves' vocabulary sizes (the values along them change with d and T).
const SIZES = logSpaced(V_MIN, V_MAX, 61);

const SERIES = [
  { key: 'oneHotInputs', name: 'one-hot input numbers per text (T·V)', color: '#d9480f', dash: false },
  {
    key: 'denseWeights',
    name: `Dense(${UNITS}) weights on one-hot (${UNITS}·V + ${UNITS})`,
    color: '#b5179e',
    dash: false,
  },
  {
    key: 'denseMultiplyAdds',
    name: `Dense(${UNITS}) multiply-adds per text (T·V·${UNITS})`,
    color: '#8a5a00',
    dash: true,
  },
  { key: 'embeddingWeights', name: 'Embedding(V, d) weights (V·d)', color: '#2f6fd6', dash: false },
  { key: 'embeddingReads', name: 'Embedding numbers read per text (T·d)', color: '#1b7f3b', dash: true },
] as const satisfies readonly { key: keyof InputCosts; name: string; color: string; dash: boolean }[];

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
    this.vocabSlider = slider({
      label: 'Vocabulary size V',
      name: 'vocabulary',
      min: 1,
      max: 6,
      step: 0.05,
      value: Math.log10(this.state.vocabulary),
      format: (p) => fmtInt(vocabularyFromLog(p)),
      onInput: (p, e) => this.set({ vocabulary: vocabularyFromLog(p) }, e),
    });
    // The slider moves on a log scale; tell assistive technology the vocabulary, not the exponent.
    this.vocabSlider.input.setAttribute('aria-valuetext', `${fmtInt(this.state.vocabulary)} words`);
    this.dimSlider = slider({
      label: 'Embedding length d',
      name: 'dim',
      min: 2,
      max: 512,
      step: 1,
      value: this.state.dim,
      onInput: (dim, e) => this.set({ dim }, e),
    });
    this.lengthSlider = slider({
      label: 'Words per text T',
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
    const { vocabulary: V, dim, length } = this.state;
    // Only move the slider when the state came from elsewhere (a link, a reset), or it would snap
    // back under the reader's thumb to the rounded vocabulary.
    if (vocabularyFromLog(Number(this.vocabSlider.input.value)) !== V) this.vocabSlider.set(Math.log10(V));
    this.vocabSlider.output.textContent = fmtInt(V);
    this.vocabSlider.input.setAttribute('aria-valuetext', `${fmtInt(V)} words`);
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
      x: { type: 'log', domain: [V_MIN, V_MAX], label: 'vocabulary size V →', grid: true },
      y: { type: 'log', label: '↑ numbers (log scale)', grid: true },
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
      ariaLabel: 'Costs of one-hot inputs and of an embedding against the vocabulary size',
      ariaDescription:
        `At V = ${fmtInt(V)}: one-hot input ${fmtInt(now.oneHotInputs)} numbers per text, Dense(${UNITS}) ` +
        `${fmtInt(now.denseWeights)} weights, Embedding ${fmtInt(now.embeddingWeights)} weights reading ` +
        `${fmtInt(now.embeddingReads)} numbers per text.`,
    });

    const row = (label: string, a: string, b: string, role: string): TableCell[] => [
      { head: label },
      { cell: a, role: `${role}-dense` },
      { cell: b, role: `${role}-embedding` },
    ];
    this.table.replaceChildren(
      dataTable({
        head: [
          `V = ${fmtInt(V)}, d = ${dim}, T = ${length}`,
          `one-hot → Dense(${UNITS})`,
          `Embedding(${fmtInt(V)}, ${dim})`,
        ],
        rows: [
          row(
            'input numbers per text',
            `${fmtInt(length)} × ${fmtInt(V)} = ${fmtInt(now.oneHotInputs)}`,
            `${fmtInt(now.indexInputs)} indices`,
            'inputs',
          ),
          row(
            'weights of the first layer',
            `${fmtInt(V)} × ${UNITS} + ${UNITS} = ${fmtInt(now.denseWeights)}`,
            `${fmtInt(V)} × ${dim} = ${fmtInt(now.embeddingWeights)}`,
            'weights',
          ),
          row(
            'work per text',
            `${fmtInt(length)} × ${fmtInt(V)} × ${UNITS} = ${fmtInt(now.denseMultiplyAdds)} multiply-adds`,
            `${fmtInt(length)} rows × ${dim} = ${fmtInt(now.embeddingReads)} numbers read`,
            'work',
          ),
          row(
            'one-hot input as float32',
            `${fmtBytes(now.oneHotInputs * 4)} per text`,
            `${fmtBytes(now.indexInputs * 4)} per text (int32)`,
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
