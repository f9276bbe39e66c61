/**
 * <kit-embedding-lookup>: a sentence the reader types as one-hot rows, an embedding table, and
 * the lookup that turns each word into a row of the table, with the product that gives the same
 * numbers the long way.
 */
import { encodeSentence } from '../../data/encoding';
import { lookupRows, oneHotTimesTable, randomTable } from '../../embedding/lookup';
import { el, slider, textInput, type Slider } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import '../kit/embeddings.css';
import { EMBEDDING_LOOKUP_WORDS } from './embedding-lookup.words';

// Beyond this many words or rows the cells become too small to read; the numbers use them all.
const MAX_SHOWN = 12;
const POSITIVE = '#2f6fd6';
const NEGATIVE = '#d9480f';
// Keras' Embedding starts uniform in +-0.05.
const LIMIT = 0.05;
const SEED = 4;

interface Cell {
  row: string;
  col: string;
  value: number;
  on: boolean;
}

const schema = {
  text: { kind: 'string', default: 'The cat sat on the mat', maxLength: 200 },
  dim: { kind: 'integer', default: 4, min: 2, max: 8 },
  word: { kind: 'integer', default: 3, min: 1, max: 40 },
} as const;

class EmbeddingLookupWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private input!: HTMLInputElement;
  private dimSlider!: Slider;
  private wordSlider!: Slider;
  private plots!: HTMLElement[];
  private readout!: HTMLElement;

  protected build(): void {
    const w = EMBEDDING_LOOKUP_WORDS.now();
    this.input = textInput({ value: this.state.text, maxLength: 200, onInput: (text, e) => this.set({ text }, e) });
    this.dimSlider = slider({
      label: w.dimLabel,
      name: 'dim',
      min: 2,
      max: 8,
      step: 1,
      value: this.state.dim,
      onInput: (dim, e) => this.set({ dim }, e),
    });
    this.wordSlider = slider({
      label: w.wordLabel,
      name: 'word',
      min: 1,
      max: 40,
      step: 1,
      value: this.state.word,
      onInput: (word, e) => this.set({ word }, e),
    });
    this.plots = ['onehot', 'table', 'lookup'].map((role) => el('div', { className: 'plot', 'data-role': role }));
    this.readout = el('p', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, el('label', { className: 'wide' }, w.sentence, this.input)),
      el('div', { className: 'controls' }, this.wordSlider.root, this.dimSlider.root),
      el('div', { className: 'kit-matrices' }, ...this.plots),
      this.readout,
    );
  }

  protected update(): void {
    const w = EMBEDDING_LOOKUP_WORDS.now();
    const { text, dim } = this.state;
    if (this.input.value !== text) this.input.value = text;
    this.dimSlider.set(dim);
    const { words, vocabulary, ids } = encodeSentence(text);
    if (words.length === 0) {
      for (const p of this.plots) p.replaceChildren();
      this.plots[0]!.append(el('p', { className: 'note' }, w.empty));
      this.readout.textContent = '';
      return;
    }
    const V = vocabulary.words.length;
    const T = words.length;
    const t = Math.min(this.state.word, T) - 1;
    this.wordSlider.input.max = String(Math.min(T, 40));
    this.wordSlider.set(t + 1);
    const rows = ids.map((id) => id - 1); // table rows count from 0, vocabulary indices from 1
    const table = randomTable(V, dim, SEED, LIMIT);
    const looked = lookupRows(rows, table);
    const product = oneHotTimesTable(rows, table);
    const same = looked.every((x, i) => x === product[i]);

    const shownT = Math.min(T, MAX_SHOWN);
    const shownV = Math.min(V, MAX_SHOWN);
    const wordName = (k: number) => `${k + 1}. ${words[k]}`;
    const vocabName = (j: number) => `${j + 1} ${vocabulary.words[j]}`;
    const dimName = (j: number) => `${j + 1}`;
    const current = rows[t]!;

    const oneHot: Cell[] = [];
    for (let k = 0; k < shownT; k++)
      for (let j = 0; j < shownV; j++)
        oneHot.push({ row: wordName(k), col: vocabName(j), value: rows[k] === j ? 1 : 0, on: k === t });
    const tableCells: Cell[] = [];
    for (let r = 0; r < shownV; r++)
      for (let j = 0; j < dim; j++)
        tableCells.push({ row: vocabName(r), col: dimName(j), value: table.values[r * dim + j]!, on: r === current });
    const lookupCells: Cell[] = [];
    for (let k = 0; k < shownT; k++)
      for (let j = 0; j < dim; j++)
        lookupCells.push({ row: wordName(k), col: dimName(j), value: looked[k * dim + j]!, on: k === t });

    const rowHeight = 24;
    const common = { marginLeft: 96, marginTop: 64, marginRight: 8, padding: 0.06 };
    const heat = (cells: Cell[], digits: number, binary: boolean) => [
      Plot.cell(cells, {
        x: 'col',
        y: 'row',
        fill: (d: Cell) => (binary ? (d.value ? POSITIVE : 'none') : d.value >= 0 ? POSITIVE : NEGATIVE),
        fillOpacity: (d: Cell) => (binary ? 1 : Math.min(0.55, (Math.abs(d.value) / LIMIT) * 0.55)),
        stroke: (d: Cell) => (d.on ? 'currentColor' : 'none'),
        strokeWidth: 2,
        inset: 0.5,
      }),
      Plot.text(cells, {
        x: 'col',
        y: 'row',
        text: (d: Cell) => (binary ? String(d.value) : fmt(d.value, digits)),
        fill: (d: Cell) => (binary && d.value ? 'white' : 'currentColor'),
        fillOpacity: (d: Cell) => (binary && !d.value ? 0.45 : 1),
        fontSize: 12,
      }),
    ];
    drawPlot(this.plots[0]!, {
      ...common,
      width: 110 + shownV * 30,
      height: common.marginTop + 20 + shownT * rowHeight,
      x: {
        label: w.oneHotX,
        domain: Array.from({ length: shownV }, (_, j) => vocabName(j)),
        axis: 'top',
        tickRotate: -45,
      },
      y: { label: null, domain: Array.from({ length: shownT }, (_, k) => wordName(k)) },
      color: { type: 'identity' },
      marks: heat(oneHot, 0, true),
      ariaLabel: w.oneHotLabel,
      ariaDescription: w.oneHotDescription(fmtInt(T), fmtInt(V), String(t + 1), words[t]!, String(current + 1)),
    });
    drawPlot(this.plots[1]!, {
      ...common,
      width: 110 + dim * 46,
      height: common.marginTop + 20 + shownV * rowHeight,
      x: { label: w.tableX, domain: Array.from({ length: dim }, (_, j) => dimName(j)), axis: 'top' },
      y: { label: null, domain: Array.from({ length: shownV }, (_, r) => vocabName(r)) },
      color: { type: 'identity' },
      marks: heat(tableCells, 3, false),
      ariaLabel: w.tableLabel,
      ariaDescription: w.tableDescription(fmtInt(V), String(dim), String(current + 1)),
    });
    drawPlot(this.plots[2]!, {
      ...common,
      width: 110 + dim * 46,
      height: common.marginTop + 20 + shownT * rowHeight,
      x: { label: w.lookupX, domain: Array.from({ length: dim }, (_, j) => dimName(j)), axis: 'top' },
      y: { label: null, domain: Array.from({ length: shownT }, (_, k) => wordName(k)) },
      color: { type: 'identity' },
      marks: heat(lookupCells, 3, false),
      ariaLabel: w.lookupLabel,
      ariaDescription: w.lookupDescription(fmtInt(T), String(dim)),
    });

    const vector = Array.from(looked.subarray(t * dim, (t + 1) * dim), (x) => fmt(x, 3)).join(', ');
    const cut = T > shownT || V > shownV ? w.cut(String(MAX_SHOWN)) : '';
    this.readout.textContent = w.readout({
      t: String(t + 1),
      word: words[t]!,
      index: String(current + 1),
      V: fmtInt(V),
      dim: String(dim),
      product: fmtInt(V * dim),
      vector,
      same,
      T: fmtInt(T),
      oneHot: fmtInt(T * V),
      cut,
    });
    this.readout.dataset.same = String(same);
  }
}

defineWidget('kit-embedding-lookup', EmbeddingLookupWidget);
