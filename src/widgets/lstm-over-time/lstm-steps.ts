/**
 * <kit-lstm-steps>: an LSTM reading a sentence the reader types, one word per step, with heat
 * maps of its gates i, f, o and its states C, h (unit by step) filling in as it reads, the
 * numbers of the current step, and line plots of the units the reader picks.
 */
import { textToWordSequence } from '../../data/tokenizer';
import { SENTENCE_LSTM, sentenceLstm } from '../../lstm/cell/demos-over-time';
import type { LstmStep } from '../../lstm/cell/cell';
import { el, type Slider } from '../kit/dom';
import { fmt } from '../kit/format';
import { stepper, type Stepper } from '../kit/stepper';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import './lstm-steps.css';

const UNITS = SENTENCE_LSTM.units;
const MAX_WORDS = 30;
const PLAY_INTERVAL_MS = 600;
// One colour per unit, the same in the line plot and beside its checkbox (Observable 10).
const UNIT_COLOURS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7'];

type Quantity = 'i' | 'f' | 'o' | 'c' | 'h';
const NAMES: Record<Quantity, string> = {
  i: 'i_t, input gate',
  f: 'f_t, forget gate',
  o: 'o_t, output gate',
  c: 'C_t, cell state',
  h: 'h_t, hidden state',
};
const SHORT: Record<Quantity, string> = { i: 'i_t', f: 'f_t', o: 'o_t', c: 'C_t', h: 'h_t' };
const GATES: Quantity[] = ['i', 'f', 'o'];
// The states' colour scale is fixed (a domain that moved with the data would redraw every cell
// whenever it moved); a cell state beyond it is drawn in the deepest colour, its number in its title.
const STATE_LIMIT = 2;
const STATES: Quantity[] = ['c', 'h'];

const schema = {
  text: { kind: 'string', default: 'the plot was thin but the acting was not bad at all', maxLength: 300 },
  // Past the end of the sentence means "all of it": the default shows the whole sentence read.
  step: { kind: 'integer', default: MAX_WORDS, min: 1, max: MAX_WORDS },
  bias: { kind: 'number', default: 1, min: -3, max: 5, step: 0.25 },
  quantity: { kind: 'enum', default: 'c', values: ['c', 'h', 'f', 'i', 'o'] },
  units: { kind: 'string', default: '1,2,3', maxLength: 20 },
} as const;

interface HeatCell {
  t: number;
  unit: string;
  q: string;
  value: number;
  title: string;
}

/** The units ticked in a "1,3,5" list, as 0-based indices, valid and in order. */
export function parseUnits(list: string, units = UNITS): number[] {
  const picked = new Set<number>();
  for (const part of list.split(',')) {
    const u = Number(part.trim());
    if (Number.isInteger(u) && u >= 1 && u <= units) picked.add(u - 1);
  }
  return [...picked].sort((a, b) => a - b);
}

/** A symmetric axis for the cell state's line plot that changes only in steps: 1, 2, 4, 8, … */
function stateLimit(run: LstmStep[]): number {
  let m = 1;
  for (const s of run) for (const v of s.c) m = Math.max(m, Math.abs(v));
  return 2 ** Math.ceil(Math.log2(m));
}

/** Options of {@link SteppedHeatMap.update}. */
interface HeatUpdate {
  words: string[];
  steps: LstmStep[];
  /** Steps shown, 1..T. */
  step: number;
  width: number;
  /** What the values depend on besides the words: a change recolours the cells. */
  bias: number;
  /** The colour domain. */
  domain: [number, number];
}

/**
 * A heat map of some quantities (one facet each) by unit and step, drawn by Observable Plot for
 * all T steps whenever the words, width or colour domain change, and otherwise updated in place:
 * a new step only adds or removes columns of cells and moves the outline, and a new forget bias
 * only recolours the cells. A full redraw of some 900 cells on every slider move costs more than
 * the 16 ms a frame allows on a slow machine; these in-place updates cost well under one.
 */
class SteppedHeatMap {
  private key = '';
  private bias = NaN;
  private facets: { group: Element; rects: SVGRectElement[] }[] = [];
  private outlines: SVGRectElement[] = [];
  private colour: (v: number) => string = () => 'none';
  private xOf: (t: number) => number = () => 0;
  private shown = 0;
  private legendKey = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly legend: HTMLElement,
    private readonly qs: Quantity[],
    private readonly color: { type: 'linear' | 'diverging'; scheme: Plot.ColorScheme; label: string },
  ) {}

  clear(): void {
    this.container.replaceChildren();
    this.key = '';
  }

  update({ words, steps, step, width, bias, domain }: HeatUpdate): void {
    const T = words.length;
    const key = JSON.stringify([words, width, domain]);
    if (key !== this.key) {
      this.draw(words, steps, width, domain);
      this.key = key;
      this.bias = bias;
    } else if (bias !== this.bias) {
      this.recolour(words, steps);
      this.bias = bias;
    }
    this.show(step);
    for (const r of this.outlines) r.setAttribute('x', String(this.xOf(step)));
    this.container
      .querySelector('svg')
      ?.setAttribute(
        'aria-description',
        `After ${step} of ${T} words. ${this.qs
          .map((q) => `${NAMES[q]}: [${Array.from(steps[step - 1][q], (v) => fmt(v, 2)).join(', ')}]`)
          .join('; ')}.`,
      );
  }

  private title(q: Quantity, words: string[], t: number, u: number, value: number): string {
    return `${NAMES[q]}, unit ${u + 1}, t = ${t + 1} (“${words[t]}”): ${fmt(value)}`;
  }

  private draw(words: string[], steps: LstmStep[], width: number, domain: [number, number]): void {
    const T = words.length;
    const { type, scheme, label } = this.color;
    // A legend depends only on its colour domain: drawn once per domain, not on every step.
    const legendKey = JSON.stringify(domain);
    if (legendKey !== this.legendKey) {
      this.legendKey = legendKey;
      this.legend.replaceChildren(
        Plot.legend({
          color: { type, scheme, domain, label, clamp: true },
          marginLeft: 12,
          width: 260,
          style: { background: 'transparent', color: 'currentColor' },
        }),
      );
    }
    const data: HeatCell[] = [];
    for (const q of this.qs)
      for (let t = 0; t < T; t++)
        for (let u = 0; u < UNITS; u++)
          data.push({
            t: t + 1,
            unit: String(u + 1),
            q,
            value: steps[t][q][u],
            title: this.title(q, words, t, u, steps[t][q][u]),
          });
    // On a phone the facets get their symbols only, and the words turn (and thin out) to fit their columns.
    const narrow = width < 560;
    const marginRight = narrow ? 36 : 116;
    const band = (width - 56 - marginRight) / T;
    const rotate = band >= 60 ? 0 : band >= 22 ? -40 : -90;
    const every = Math.max(1, Math.ceil(12 / band));
    const chart = drawPlot(this.container, {
      width,
      height: 40 + this.qs.length * (UNITS * 17 + 14) + (rotate ? 60 : 36),
      marginLeft: 56,
      marginRight,
      marginBottom: rotate ? 66 : 42,
      x: {
        type: 'band',
        domain: Array.from({ length: T }, (_, t) => t + 1),
        ticks: Array.from({ length: T }, (_, t) => t + 1).filter((t) => (t - 1) % every === 0),
        tickFormat: (t: number) => words[t - 1] ?? '',
        tickRotate: rotate,
        label: 'word read at step t',
        labelAnchor: 'center',
      },
      y: { type: 'band', domain: Array.from({ length: UNITS }, (_, u) => String(u + 1)), label: 'unit' },
      fy: { domain: this.qs, tickFormat: (q: Quantity) => (narrow ? SHORT[q] : NAMES[q]), label: null },
      color: { type, scheme, domain, clamp: true },
      marks: [
        Plot.cell(data, { x: 't', y: 'unit', fy: 'q', fill: 'value', inset: 0.5, title: 'title' }),
        Plot.cell(
          this.qs.map((q) => ({ t: 1, q })),
          { x: 't', fy: 'q', fill: 'none', stroke: 'currentColor', strokeWidth: 2, className: 'kit-current-step' },
        ),
        Plot.frame({ strokeOpacity: 0.3 }),
      ],
      ariaLabel: `Heat map of ${this.qs.map((q) => NAMES[q]).join(', ')} by unit and step`,
      ariaDescription: '',
    });
    const cells = chart.querySelector('g[aria-label="cell"]');
    // One group per facet, in the order of the fy domain, each holding its cells in data order.
    this.facets = Array.from(cells?.children ?? [], (group) => ({
      group,
      rects: Array.from(group.querySelectorAll('rect')),
    }));
    this.outlines = Array.from(chart.querySelectorAll<SVGRectElement>('g.kit-current-step rect'));
    const x = chart.scale('x');
    const c = chart.scale('color');
    this.xOf = (t) => Number(x?.apply(t) ?? 0);
    // Recolouring looks colours up in a table of 256 steps across the domain (finer than the eye
    // can tell apart) instead of interpolating the scheme 900 times per slider move.
    const [lo, hi] = domain;
    const table = Array.from({ length: 256 }, (_, k) => String(c?.apply(lo + ((hi - lo) * k) / 255) ?? 'none'));
    this.colour = (v) => table[Math.max(0, Math.min(255, Math.round(((v - lo) / (hi - lo)) * 255)))];
    this.shown = T;
  }

  private recolour(words: string[], steps: LstmStep[]): void {
    this.qs.forEach((q, f) => {
      const { rects } = this.facets[f];
      rects.forEach((rect, k) => {
        const t = Math.floor(k / UNITS);
        const u = k % UNITS;
        const v = steps[t][q][u];
        rect.setAttribute('fill', this.colour(v));
        const title = rect.firstElementChild;
        if (title) title.textContent = this.title(q, words, t, u, v);
      });
    });
  }

  /** Keeps the cells of steps 1..step in the document and takes the later ones out. */
  private show(step: number): void {
    const want = step * UNITS;
    const have = this.shown * UNITS;
    if (want === have) return;
    for (const { group, rects } of this.facets) {
      if (want > have) group.append(...rects.slice(have, want));
      else for (const r of rects.slice(want, have)) r.remove();
    }
    this.shown = step;
  }
}

class LstmStepsWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private input!: HTMLInputElement;
  private steps!: Stepper;
  private biasSlider!: Slider;
  private terms!: HTMLElement;
  private gatesPlot!: HTMLElement;
  private statesPlot!: HTMLElement;
  private gatesLegend!: HTMLElement;
  private statesLegend!: HTMLElement;
  private gatesMap!: SteppedHeatMap;
  private statesMap!: SteppedHeatMap;
  private linesPlot!: HTMLElement;
  private quantitySelect!: HTMLSelectElement;
  private unitBoxes: HTMLInputElement[] = [];
  private words: string[] = [];

  protected build(): void {
    this.input = el('input', { type: 'text', name: 'text', value: this.state.text, maxlength: 300, spellcheck: false });
    this.input.addEventListener('input', (e) => this.set({ text: this.input.value, step: 1 }, e));
    this.steps = this.own(
      stepper({ onStep: (step, e) => this.set({ step }, e), max: MAX_WORDS, interval: PLAY_INTERVAL_MS }),
    );
    this.biasSlider = this.sliderFor('bias', 'Forget-gate bias b_f', (x) => fmt(x, 2));
    this.terms = el('div', { className: 'readout', 'data-role': 'terms', 'aria-live': 'polite' });
    this.gatesPlot = el('div', { className: 'plot', 'data-role': 'gates' });
    this.statesPlot = el('div', { className: 'plot', 'data-role': 'states' });
    this.gatesLegend = el('div', { className: 'plot' });
    this.statesLegend = el('div', { className: 'plot' });
    this.gatesMap = new SteppedHeatMap(this.gatesPlot, this.gatesLegend, GATES, {
      type: 'linear',
      scheme: 'blues',
      label: 'gate value (0 shut, 1 open)',
    });
    this.statesMap = new SteppedHeatMap(this.statesPlot, this.statesLegend, STATES, {
      type: 'diverging',
      scheme: 'rdbu',
      label: `state value (beyond ±${STATE_LIMIT}: deepest colour)`,
    });
    this.linesPlot = el('div', { className: 'plot', 'data-role': 'lines' });

    this.quantitySelect = el('select', { name: 'quantity' });
    for (const q of schema.quantity.values) this.quantitySelect.append(el('option', { value: q }, NAMES[q]));
    this.quantitySelect.addEventListener('change', (e) => this.set({ quantity: this.quantitySelect.value }, e));
    const unitSet = el('fieldset', { className: 'lstm-steps-units' }, el('legend', {}, 'Units to plot'));
    this.unitBoxes = Array.from({ length: UNITS }, (_, u) => {
      const box = el('input', { type: 'checkbox', name: `unit${u + 1}` });
      box.addEventListener('change', (e) => {
        const picked = this.unitBoxes.flatMap((b, k) => (b.checked ? [k + 1] : []));
        this.set({ units: picked.join(',') }, e);
      });
      unitSet.append(
        el(
          'label',
          {},
          box,
          el('span', { className: 'swatch', style: `background:${UNIT_COLOURS[u]}`, 'aria-hidden': 'true' }),
          `unit ${u + 1}`,
        ),
      );
      return box;
    });

    this.append(
      el('div', { className: 'controls' }, el('label', { className: 'wide' }, 'Sentence', this.input)),
      this.steps.words,
      el('div', { className: 'controls' }, ...this.steps.controls, this.biasSlider.root),
      this.terms,
      el('h3', {}, 'Gates, unit by step'),
      this.gatesLegend,
      this.gatesPlot,
      el('h3', {}, 'Cell state and hidden state, unit by step'),
      this.statesLegend,
      this.statesPlot,
      el('h3', {}, 'Chosen units over time'),
      el('div', { className: 'controls' }, el('label', {}, 'Plot', this.quantitySelect), unitSet),
      this.linesPlot,
    );
  }

  protected update(): void {
    // Read the width before touching the DOM: reading it after a change forces a layout of the page.
    const available = this.plotWidth();
    const { text, bias, quantity } = this.state;
    if (this.input.value !== text) this.input.value = text;
    const all = textToWordSequence(text);
    this.words = all.slice(0, MAX_WORDS);
    const T = this.words.length;
    this.biasSlider.set(bias);
    this.quantitySelect.value = quantity;
    const picked = parseUnits(this.state.units);
    this.unitBoxes.forEach((b, k) => (b.checked = picked.includes(k)));
    if (T === 0) {
      this.steps.show(1, []);
      this.terms.replaceChildren(
        el('p', { className: 'note' }, 'Type a sentence: the LSTM reads it one word per step.'),
      );
      this.gatesMap.clear();
      this.statesMap.clear();
      this.linesPlot.replaceChildren();
      return;
    }
    const step = Math.min(this.state.step, T);
    this.steps.show(step, this.words);

    const { xs, run } = sentenceLstm(this.words, bias);
    const steps = run.steps;
    const now = steps[step - 1];
    const cPrev = step > 1 ? steps[step - 2].c : new Float64Array(UNITS);

    const cols: [string, (u: number) => number, Quantity | null][] = [
      ['C_{t−1}', (u) => cPrev[u], null],
      ['i_t', (u) => now.i[u], 'i'],
      ['f_t', (u) => now.f[u], 'f'],
      ['C̃_t', (u) => now.cTilde[u], null],
      ['C_t', (u) => now.c[u], 'c'],
      ['o_t', (u) => now.o[u], 'o'],
      ['h_t', (u) => now.h[u], 'h'],
    ];
    this.terms.replaceChildren(
      el(
        'p',
        {},
        `t = ${step}, x_t = “${this.words[step - 1]}” = [${Array.from(xs[step - 1], (v) => fmt(v, 2)).join(', ')}]`,
      ),
      el(
        'table',
        {},
        el('tr', {}, el('th', {}, ''), ...cols.map(([name]) => el('th', {}, name))),
        ...Array.from({ length: UNITS }, (_, u) =>
          el(
            'tr',
            {},
            el('th', {}, `unit ${u + 1}`),
            ...cols.map(([, value, q]) => el('td', q ? { 'data-role': `${q}${u + 1}` } : {}, fmt(value(u)))),
          ),
        ),
      ),
      ...(all.length > MAX_WORDS
        ? [el('p', { className: 'note' }, `Only the first ${MAX_WORDS} of ${all.length} words are read.`)]
        : []),
    );

    const width = Math.min(available, 900);
    const words = this.words;
    this.gatesMap.update({ words, steps, step, width, bias, domain: [0, 1] });
    this.statesMap.update({ words, steps, step, width, bias, domain: [-STATE_LIMIT, STATE_LIMIT] });
    const m = stateLimit(steps);

    const q = quantity as Quantity;
    const lines = picked.flatMap((u) =>
      steps.slice(0, step).map((s, t) => ({ t: t + 1, value: s[q][u], unit: `unit ${u + 1}` })),
    );
    const yDomain = q === 'c' ? [-m, m] : q === 'h' ? [-1, 1] : [0, 1];
    const lineWidth = Math.min(available, 760);
    const spacing = (lineWidth - 68) / T;
    const rotate = spacing >= 60 ? 0 : spacing >= 22 ? -40 : -90;
    const every = Math.max(1, Math.ceil(12 / spacing));
    drawPlot(this.linesPlot, {
      width: lineWidth,
      height: 240,
      marginLeft: 48,
      marginBottom: rotate ? 66 : 34,
      x: {
        domain: [0.5, T + 0.5],
        ticks: Array.from({ length: T }, (_, t) => t + 1).filter((t) => (t - 1) % every === 0),
        tickFormat: (t: number) => words[t - 1] ?? '',
        tickRotate: rotate,
        label: 'word read at step t',
      },
      y: { domain: yDomain, label: `↑ ${NAMES[q]}`, grid: true },
      color: {
        domain: Array.from({ length: UNITS }, (_, u) => `unit ${u + 1}`),
        range: UNIT_COLOURS,
      },
      marks: [
        Plot.ruleY([0], { strokeOpacity: 0.4 }),
        Plot.ruleX([step], { strokeDasharray: '3,3' }),
        Plot.line(lines, { x: 't', y: 'value', z: 'unit', stroke: 'unit', strokeWidth: 2, marker: 'circle' }),
      ],
      ariaLabel: `${NAMES[q]} of the chosen units over the steps`,
      ariaDescription:
        picked.length === 0
          ? 'No unit is chosen.'
          : `At step ${step}: ${picked.map((u) => `unit ${u + 1} = ${fmt(now[q][u], 2)}`).join(', ')}.`,
    });
  }
}

defineWidget('kit-lstm-steps', LstmStepsWidget);
