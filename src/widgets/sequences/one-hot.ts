/**
 * <kit-one-hot>: a sentence the reader types, as integer indices and as a one-hot matrix, with
 * the count of numbers each encoding needs.
 */
import { encodeSentence, encodingSizes, oneHot } from '../../data/encoding';
import { el, textInput } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { ONE_HOT_WORDS } from './one-hot.words';

// Beyond this the matrix cells become too small to read; the counts still use every word.
const MAX_SHOWN = 24;

// A blue readable under white text and on both light and dark pages (SVG attributes cannot use CSS variables).
const ONE = '#2f6fd6';

interface Cell {
  row: string;
  col: string;
  value: number;
}

const schema = {
  text: { kind: 'string', default: 'The cat sat on the mat', maxLength: 400 },
  vocabulary: { kind: 'integer', default: 20000, min: 1, max: 1_000_000 },
} as const;

class OneHotWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private input!: HTMLInputElement;
  private vocabInput!: HTMLInputElement;
  private tokens!: HTMLElement;
  private plot!: HTMLElement;
  private summary!: HTMLElement;

  protected build(): void {
    const w = ONE_HOT_WORDS.now();
    this.input = textInput({ value: this.state.text, maxLength: 400, onInput: (text, e) => this.set({ text }, e) });
    this.vocabInput = el('input', {
      type: 'number',
      name: 'vocabulary',
      min: 1,
      max: 1_000_000,
      value: this.state.vocabulary,
    });
    const hint = el('span', { className: 'note', 'data-role': 'vocabulary-hint', 'aria-live': 'polite' });
    this.vocabInput.addEventListener('input', (e) => {
      // A value the box cannot take is said, never silently ignored; the last good one stays.
      const ok = this.vocabInput.validity.valid && this.vocabInput.value !== '';
      this.vocabInput.setAttribute('aria-invalid', String(!ok));
      hint.textContent = ok ? '' : w.vocabularyHint(fmtInt(this.state.vocabulary));
      if (ok) this.set({ vocabulary: Number(this.vocabInput.value) }, e);
    });
    this.tokens = el('div', { className: 'tokens', 'aria-label': w.tokensLabel });
    this.plot = el('div', { className: 'plot' });
    this.summary = el('p', { className: 'readout', 'data-role': 'summary', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, el('label', { className: 'wide' }, w.sentence, this.input)),
      this.tokens,
      this.plot,
      this.summary,
      el('div', { className: 'controls' }, el('label', {}, w.realVocabulary, this.vocabInput, w.wordsUnit), hint),
    );
  }

  protected update(): void {
    const w = ONE_HOT_WORDS.now();
    const { text, vocabulary } = this.state;
    if (this.input.value !== text) this.input.value = text;
    if (Number(this.vocabInput.value) !== vocabulary) this.vocabInput.value = String(vocabulary);
    const { words, vocabulary: vocab, ids } = encodeSentence(text);
    if (words.length === 0) {
      this.tokens.replaceChildren();
      this.plot.replaceChildren(el('p', { className: 'note' }, w.empty));
      this.summary.textContent = '';
      return;
    }
    const V = vocab.words.length;
    this.tokens.replaceChildren(
      ...words.map((w, t) => el('span', { className: 'token' }, w, el('small', {}, String(ids[t])))),
    );

    const T = Math.min(words.length, MAX_SHOWN);
    const Vs = Math.min(V, MAX_SHOWN);
    const matrix = oneHot(ids.slice(0, T), V);
    const cells: Cell[] = [];
    const rowName = (t: number) => `${t + 1}. ${words[t]}`;
    const colName = (j: number) => `${j + 1} ${vocab.words[j]}`;
    for (let t = 0; t < T; t++)
      for (let j = 0; j < Vs; j++) cells.push({ row: rowName(t), col: colName(j), value: matrix[t * V + j] });
    const sizes = encodingSizes(words.length, V);
    const width = Math.min(this.plotWidth(), 120 + Vs * 44);
    drawPlot(this.plot, {
      width,
      height: 60 + T * 26,
      marginLeft: 110,
      marginTop: 70,
      padding: 0.06,
      x: {
        label: w.xLabel,
        domain: Array.from({ length: Vs }, (_, j) => colName(j)),
        axis: 'top',
        tickRotate: -40,
      },
      y: { label: w.yLabel, domain: Array.from({ length: T }, (_, t) => rowName(t)) },
      color: { type: 'identity' },
      marks: [
        Plot.cell(cells, {
          x: 'col',
          y: 'row',
          fill: (d: Cell) => (d.value ? ONE : 'none'),
          stroke: 'currentColor',
          strokeOpacity: 0.25,
          inset: 0.5,
        }),
        Plot.text(cells, {
          x: 'col',
          y: 'row',
          text: (d: Cell) => String(d.value),
          fill: (d: Cell) => (d.value ? 'white' : 'currentColor'),
          fillOpacity: (d: Cell) => (d.value ? 1 : 0.45),
        }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(words.length, V),
    });
    const cut = words.length > T || V > Vs ? w.cut(T, Vs) : '';
    this.summary.textContent = w.summary({
      words: fmtInt(words.length),
      distinct: fmtInt(V),
      integers: fmtInt(sizes.integers),
      oneHot: fmtInt(sizes.oneHot),
      ones: fmtInt(sizes.ones),
      cut,
      vocabulary: fmtInt(vocabulary),
      withVocabulary: fmtInt(encodingSizes(words.length, vocabulary).oneHot),
    });
  }
}

defineWidget('kit-one-hot', OneHotWidget);
