/**
 * <kit-lstm-steps>: an LSTM reading a sentence the reader types, one word per step, with heat
 * maps of its gates i, f, o and its states C, h (unit by step) filling in as it reads, the
 * numbers of the current step, and line plots of the units the reader picks.
 */
import { textToWordSequence } from '../../data/tokenizer';
import { SENTENCE_LSTM, sentenceLstm } from '../../lstm/cell/demos-over-time';
import {
  parseUnits,
  quantityDomain,
  stepColumns,
  unitLines,
  wordTicks,
  type StepQuantity as Quantity,
} from '../../lstm/cell/steps-view';
import { dataTable, el, type Slider } from '../kit/dom';
import { fmt } from '../kit/format';
import { stepper, type Stepper } from '../kit/stepper';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import './lstm-steps.css';
import { LSTM_STEPS_WORDS } from './lstm-steps.words';
import { SteppedHeatMap } from './stepped-heat-map';

const UNITS = SENTENCE_LSTM.units;
const MAX_WORDS = 30;
const PLAY_INTERVAL_MS = 600;
// One colour per unit, the same in the line plot and beside its checkbox (Observable 10).
const UNIT_COLOURS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7'];

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
    this.steps = this.own(
      stepper({
        onStep: (step, e) => this.set({ step }, e),
        max: MAX_WORDS,
        interval: PLAY_INTERVAL_MS,
        text: this.state.text,
        onText: (text, e) => this.set({ text, step: 1 }, e),
      }),
    );
    this.input = this.steps.input;
    const w = LSTM_STEPS_WORDS.now();
    this.biasSlider = this.sliderFor('bias', w.bias, (x) => fmt(x, 2));
    this.terms = el('div', { className: 'readout', 'data-role': 'terms', 'aria-live': 'polite' });
    this.gatesPlot = el('div', { className: 'plot', 'data-role': 'gates' });
    this.statesPlot = el('div', { className: 'plot', 'data-role': 'states' });
    this.gatesLegend = el('div', { className: 'plot' });
    this.statesLegend = el('div', { className: 'plot' });
    this.gatesMap = new SteppedHeatMap(this.gatesPlot, this.gatesLegend, GATES, {
      type: 'linear',
      scheme: 'blues',
      label: w.gateLegend,
    });
    this.statesMap = new SteppedHeatMap(this.statesPlot, this.statesLegend, STATES, {
      type: 'diverging',
      scheme: 'rdbu',
      label: w.stateLegend(STATE_LIMIT),
    });
    this.linesPlot = el('div', { className: 'plot', 'data-role': 'lines' });

    this.quantitySelect = el('select', { name: 'quantity' });
    for (const q of schema.quantity.values) this.quantitySelect.append(el('option', { value: q }, w.names[q]));
    this.quantitySelect.addEventListener('change', (e) => this.set({ quantity: this.quantitySelect.value }, e));
    const unitSet = el('fieldset', { className: 'lstm-steps-units' }, el('legend', {}, w.unitsToPlot));
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
          w.unit(u + 1),
        ),
      );
      return box;
    });

    this.append(
      this.steps.sentence,
      this.steps.words,
      el('div', { className: 'controls' }, ...this.steps.controls, this.biasSlider.root),
      this.terms,
      el('h3', {}, w.gatesHeading),
      this.gatesLegend,
      this.gatesPlot,
      el('h3', {}, w.statesHeading),
      this.statesLegend,
      this.statesPlot,
      el('h3', {}, w.linesHeading),
      el('div', { className: 'controls' }, el('label', {}, w.plot, this.quantitySelect), unitSet),
      this.linesPlot,
    );
  }

  protected update(): void {
    // Read the width before touching the DOM: reading it after a change forces a layout of the page.
    const available = this.plotWidth();
    const w = LSTM_STEPS_WORDS.now();
    const { text, bias, quantity } = this.state;
    if (this.input.value !== text) this.input.value = text;
    const all = textToWordSequence(text);
    this.words = all.slice(0, MAX_WORDS);
    const T = this.words.length;
    this.biasSlider.set(bias);
    this.quantitySelect.value = quantity;
    const picked = parseUnits(this.state.units, UNITS);
    this.unitBoxes.forEach((b, k) => (b.checked = picked.includes(k)));
    if (T === 0) {
      this.steps.show(1, []);
      this.terms.replaceChildren(el('p', { className: 'note' }, w.empty));
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
    const cols = stepColumns(steps, step, UNITS);
    this.terms.replaceChildren(
      el(
        'p',
        {},
        `t = ${step}, xₜ = “${this.words[step - 1]}” = [${Array.from(xs[step - 1], (v) => fmt(v, 2)).join(', ')}]`,
      ),
      dataTable({
        head: ['', ...cols.map((c) => c.name)],
        rows: Array.from({ length: UNITS }, (_, u) => [
          { head: w.unit(u + 1) },
          ...cols.map((c) => ({ cell: fmt(c.values[u]), role: c.quantity ? `${c.quantity}${u + 1}` : undefined })),
        ]),
      }),
      ...(all.length > MAX_WORDS ? [el('p', { className: 'note' }, w.firstWords(MAX_WORDS, all.length))] : []),
    );

    const width = Math.min(available, 900);
    const words = this.words;
    this.gatesMap.update({ words, steps, step, width, bias, domain: [0, 1] });
    this.statesMap.update({ words, steps, step, width, bias, domain: [-STATE_LIMIT, STATE_LIMIT] });

    const q = quantity as Quantity;
    const lines = unitLines(steps, picked, q, step);
    const lineWidth = Math.min(available, 760);
    const { rotate, every } = wordTicks((lineWidth - 68) / T);
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
        label: w.xLabel,
      },
      y: { domain: quantityDomain(steps, q), label: `↑ ${w.names[q]}`, grid: true },
      color: {
        domain: Array.from({ length: UNITS }, (_, u) => `unit ${u + 1}`),
        range: UNIT_COLOURS,
      },
      marks: [
        Plot.ruleY([0], { strokeOpacity: 0.4 }),
        Plot.ruleX([step], { strokeDasharray: '3,3' }),
        Plot.line(lines, { x: 't', y: 'value', z: 'unit', stroke: 'unit', strokeWidth: 2, marker: 'circle' }),
      ],
      ariaLabel: w.linesLabel(w.names[q]),
      ariaDescription:
        picked.length === 0
          ? w.noUnit
          : w.atStep(step, picked.map((u) => w.unitValue(u + 1, fmt(now[q][u], 2))).join(w.comma)),
    });
  }
}

defineWidget('kit-lstm-steps', LstmStepsWidget);
