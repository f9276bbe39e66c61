/**
 * <kit-lstm-cell>: one step of a one-unit LSTM cell with two inputs. Sliders set x_t, h_{t-1},
 * C_{t-1} and every weight and bias; presets set them all at once. Each change redraws the cell
 * diagram (wires sized and coloured by their values), every equation's terms and result, and the
 * gates' operating points on their curves. The numbers come from the kit's lstmStep.
 *
 * The chapter typesets the equations at build time and puts them inside the element, each in a
 * `[data-eq]` wrapper (f, i, c, o, cNew, h, grad); the widget shows each beside its numbers.
 */
import './lstm-cell.css';
import { CELL_PRESETS, DEFAULT_CELL, matchingPreset, presetText } from '../../lstm/cell/cell-presets';
import { pageLocale } from '../../i18n/words';
import { isSaturated } from '../../lstm/cell/gate-curves';
import {
  gateKeys,
  hardSigmoidStep,
  limitsOf,
  oneUnitStep,
  beltGradient,
  type CellGate,
  type GateReading,
  type OneUnitCell,
  type OneUnitReading,
} from '../../lstm/cell/one-unit';
import { GateCurves } from './lstm-cell-curves';
import { chunk, factor, power, sum } from './lstm-cell-terms';
import { cellDiagram, type CellDiagram } from './lstm-cell-diagram';
import { el, slider, type Slider } from '../kit/dom';
import { fmt, fmtSci } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { LSTM_CELL_WORDS } from './lstm-cell.words';

const num = (key: keyof OneUnitCell) => ({ kind: 'number', default: DEFAULT_CELL[key], ...limitsOf(key) }) as const;

const schema = {
  x1: num('x1'),
  x2: num('x2'),
  hPrev: num('hPrev'),
  cPrev: num('cPrev'),
  wf1: num('wf1'),
  wf2: num('wf2'),
  uf: num('uf'),
  bf: num('bf'),
  wi1: num('wi1'),
  wi2: num('wi2'),
  ui: num('ui'),
  bi: num('bi'),
  wc1: num('wc1'),
  wc2: num('wc2'),
  uc: num('uc'),
  bc: num('bc'),
  wo1: num('wo1'),
  wo2: num('wo2'),
  uo: num('uo'),
  bo: num('bo'),
  hard: { kind: 'boolean', default: false },
} as const;

// Each gate's name is the catalogue's (LSTM_CELL_WORDS.gates), by its key.
const GATES: { gate: CellGate; symbol: string; role: string }[] = [
  { gate: 'f', symbol: 'f', role: 'f' },
  { gate: 'i', symbol: 'i', role: 'i' },
  { gate: 'c', symbol: 'C̃', role: 'cTilde' },
  { gate: 'o', symbol: 'o', role: 'o' },
];

// The accessible names are the catalogue's (LSTM_CELL_WORDS.inputs), in this order.
const INPUTS: { key: keyof OneUnitCell; label: string }[] = [
  { key: 'x1', label: 'x₁' },
  { key: 'x2', label: 'x₂' },
  { key: 'hPrev', label: 'hₜ₋₁' },
  { key: 'cPrev', label: 'Cₜ₋₁' },
];

// How many steps the belt-gradient line multiplies f_t over.
const LONG_RUN = 50;

interface GatePanel {
  live: HTMLElement;
  sliders: Slider[];
}

class LstmCellWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private diagram!: CellDiagram;
  private presetButtons: HTMLButtonElement[] = [];
  private presetNote!: HTMLElement;
  private inputSliders: Slider[] = [];
  private gatePanels = new Map<CellGate, GatePanel>();
  private stateLive!: { cNew: HTMLElement; h: HTMLElement; grad: HTMLElement };
  private hardBox!: HTMLInputElement;
  private hardLive!: HTMLElement;
  private curves!: GateCurves;

  /** The typeset formula the chapter gave for `key`, or a plain-text stand-in. */
  private formula(key: string, fallback: string): Element {
    const f = this.authored.get(key);
    if (f) {
      f.classList.add('lstm-formula');
      return f;
    }
    return el('div', { className: 'lstm-formula plain' }, fallback);
  }

  private makeSlider(key: keyof OneUnitCell, label: string, aria: string): Slider {
    const { min, max, step } = limitsOf(key);
    const s = slider({
      label,
      name: key,
      min,
      max,
      step,
      value: this.state[key],
      format: (v) => fmt(v, 2),
      onInput: (v, e) => this.set({ [key]: v }, e),
    });
    s.input.setAttribute('aria-label', aria);
    return s;
  }

  protected build(): void {
    const w = LSTM_CELL_WORDS.now();
    const locale = pageLocale();
    // Presets: each sets the whole cell, so the URL (and a shared link) holds the preset's state.
    this.presetButtons = CELL_PRESETS.map((p) => {
      const b = el(
        'button',
        { type: 'button', 'data-preset': p.id, 'aria-pressed': 'false' },
        presetText(p, locale).label,
      );
      b.addEventListener('click', (e) => this.set({ ...p.cell }, e));
      return b;
    });
    this.presetNote = el('p', {
      className: 'note lstm-preset-note',
      'data-role': 'preset-note',
      'aria-live': 'polite',
    });

    this.diagram = cellDiagram();
    const legend = el(
      'p',
      { className: 'note lstm-legend' },
      w.legendStart,
      el('span', { className: 'swatch pos' }),
      w.positive,
      el('span', { className: 'swatch neg' }),
      w.negative,
      el('span', { className: 'swatch zero' }),
      w.legendEnd,
    );

    this.inputSliders = INPUTS.map(({ key, label }, k) => this.makeSlider(key, label, w.inputs[k]));
    const inputs = el(
      'fieldset',
      { className: 'lstm-inputs' },
      el('legend', {}, w.inputsLegend),
      el('div', { className: 'lstm-sliders' }, ...this.inputSliders.map((s) => s.root)),
    );

    const gateSets = GATES.map(({ gate, symbol, role }) => {
      const name = w.gates[gate];
      const sliders = gateKeys(gate).map((key, k) =>
        this.makeSlider(key, w.params[k].label, w.paramAria(name, w.params[k].aria)),
      );
      const live = el('div', { className: 'lstm-live', 'data-role': `${role}-live` });
      this.gatePanels.set(gate, { live, sliders });
      const act = gate === 'c' ? 'tanh' : 'σ';
      return el(
        'fieldset',
        { className: `lstm-gate gate-${gate}`, 'data-gate': gate },
        el('legend', {}, `${name} ${symbol}ₜ`),
        this.formula(gate, `${symbol}_t = ${act}(w₁ x₁ + w₂ x₂ + u hₜ₋₁ + b)`),
        live,
        el('div', { className: 'lstm-sliders' }, ...sliders.map((s) => s.root)),
      );
    });

    this.stateLive = {
      cNew: el('div', { className: 'lstm-live', 'data-role': 'cNew-live' }),
      h: el('div', { className: 'lstm-live', 'data-role': 'h-live' }),
      grad: el('div', { className: 'lstm-live', 'data-role': 'grad-live' }),
    };
    const states = el(
      'div',
      { className: 'lstm-states' },
      el('div', { className: 'lstm-eq' }, this.formula('cNew', 'C_t = f_t C_{t−1} + i_t C̃_t'), this.stateLive.cNew),
      el('div', { className: 'lstm-eq' }, this.formula('h', 'h_t = o_t tanh(C_t)'), this.stateLive.h),
      el('div', { className: 'lstm-eq' }, this.formula('grad', '∂C_t/∂C_{t−1} = f_t'), this.stateLive.grad),
    );

    this.hardBox = el('input', { type: 'checkbox', name: 'hard' });
    this.hardBox.addEventListener('change', (e) => this.set({ hard: this.hardBox.checked }, e));
    this.hardLive = el('p', { className: 'note', 'data-role': 'hard-live', 'aria-live': 'polite' });
    this.curves = new GateCurves();

    // The diagram stays in view while the sliders move it: beside them on a wide screen, stuck
    // to the top of the window above them on a narrow one (lstm-cell.css).
    this.append(
      el(
        'div',
        { className: 'lstm-layout' },
        el(
          'div',
          { className: 'lstm-view' },
          el('div', { className: 'lstm-presets', role: 'group', 'aria-label': w.presets }, ...this.presetButtons),
          this.presetNote,
          el('div', { className: 'lstm-diagram-wrap' }, this.diagram.root),
          legend,
        ),
        el('div', { className: 'lstm-controls' }, inputs, el('div', { className: 'lstm-gates' }, ...gateSets), states),
      ),
      this.curves.root,
      el('div', { className: 'controls' }, el('label', {}, this.hardBox, w.hardToggle)),
      this.hardLive,
    );
  }

  protected update(): void {
    // Read the width before changing the DOM: reading it after would force a second layout.
    const width = this.plotWidth();
    const p: OneUnitCell = this.state;
    const r = oneUnitStep(p);

    const preset = matchingPreset(p);
    for (const b of this.presetButtons) b.setAttribute('aria-pressed', String(b.dataset.preset === preset?.id));
    this.presetNote.textContent = preset
      ? presetText(preset, pageLocale()).description
      : LSTM_CELL_WORDS.now().noPreset;

    this.inputSliders.forEach((s, k) => s.set(p[INPUTS[k].key]));
    for (const { gate, role } of GATES) {
      const { live, sliders } = this.gatePanels.get(gate)!;
      gateKeys(gate).forEach((key, k) => sliders[k].set(p[key]));
      this.showGate(live, gate, role, r[gate]);
    }
    this.showStates(p, r);
    this.diagram.update(p, r);
    this.hardBox.checked = this.state.hard;
    this.showHard(p, r);
    this.curves.draw(r, width, this.state.hard);
  }

  private showGate(live: HTMLElement, gate: CellGate, role: string, g: GateReading): void {
    const act = gate === 'c' ? 'tanh' : 'σ';
    const saturated = isSaturated(gate, g.slope);
    live.replaceChildren(
      el(
        'div',
        {},
        chunk('= ', act, '(', el('span', { 'data-role': `${role}-terms` }, sum(g.terms)), ')'),
        ' ',
        chunk('= ', act, '(', el('span', { 'data-role': `${role}-z` }, fmt(g.z)), ')'),
        ' ',
        chunk('= ', el('strong', { 'data-role': role }, fmt(g.value))),
      ),
      el(
        'div',
        { className: `slope${saturated ? ' saturated' : ''}`, 'data-role': `${role}-slope` },
        LSTM_CELL_WORDS.now().slope(act, fmtSci(g.slope), saturated),
      ),
    );
  }

  private showStates(p: OneUnitCell, r: OneUnitReading): void {
    const w = LSTM_CELL_WORDS.now();
    this.stateLive.cNew.replaceChildren(
      chunk(`= ${factor(r.f.value)} × ${factor(p.cPrev)} + ${factor(r.i.value)} × ${factor(r.c.value)}`),
      ' ',
      chunk(
        '= ',
        el('span', { 'data-role': 'kept' }, fmt(r.kept)),
        ' + ',
        el('span', { 'data-role': 'written' }, factor(r.written)),
      ),
      ' ',
      chunk('= ', el('strong', { 'data-role': 'cNew' }, fmt(r.cNew))),
    );
    this.stateLive.h.replaceChildren(
      chunk(`= ${factor(r.o.value)} × tanh(${fmt(r.cNew)})`),
      ' ',
      chunk(`= ${factor(r.o.value)} × ${factor(r.tanhC)}`),
      ' ',
      chunk('= ', el('strong', { 'data-role': 'h' }, fmt(r.h))),
    );
    this.stateLive.grad.replaceChildren(
      chunk('= ', el('strong', { 'data-role': 'grad' }, fmt(beltGradient(r.f.value)))),
      el(
        'div',
        { className: 'note' },
        w.beltBefore(LONG_RUN, power(LONG_RUN)),
        el('span', { 'data-role': 'grad-long' }, fmtSci(beltGradient(r.f.value, LONG_RUN))),
        w.beltAfter,
      ),
    );
  }

  private showHard(p: OneUnitCell, r: OneUnitReading): void {
    if (!this.state.hard) {
      this.hardLive.replaceChildren();
      return;
    }
    const w = LSTM_CELL_WORDS.now();
    const h = hardSigmoidStep(p, r);
    this.hardLive.replaceChildren(
      w.hardStart,
      `f = ${fmt(h.f)}, i = ${fmt(h.i)}, o = ${fmt(h.o)}, Cₜ = `,
      el('span', { 'data-role': 'hard-cNew' }, fmt(h.cNew)),
      w.hardAnd,
      el('span', { 'data-role': 'hard-h' }, fmt(h.h)),
      w.hardEnd(fmt(r.cNew), fmt(r.h)),
    );
  }
}

defineWidget('kit-lstm-cell', LstmCellWidget);
