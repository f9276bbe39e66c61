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
import { sampleCurve, sigmoid } from '../../lstm/cell/activations';
import { CELL_PRESETS, DEFAULT_CELL, matchingPreset } from '../../lstm/cell/cell-presets';
import {
  gateKeys,
  hardSigmoid,
  hardSigmoidStep,
  limitsOf,
  oneUnitStep,
  beltGradient,
  type CellGate,
  type GateReading,
  type OneUnitCell,
  type OneUnitReading,
} from '../../lstm/cell/one-unit';
import { cellDiagram, type CellDiagram } from './lstm-cell-diagram';
import { el, slider, type Slider } from '../kit/dom';
import { fmt, fmtSci } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';

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

const GATES: { gate: CellGate; name: string; symbol: string; role: string }[] = [
  { gate: 'f', name: 'Forget gate', symbol: 'f', role: 'f' },
  { gate: 'i', name: 'Input gate', symbol: 'i', role: 'i' },
  { gate: 'c', name: 'Candidate', symbol: 'C̃', role: 'cTilde' },
  { gate: 'o', name: 'Output gate', symbol: 'o', role: 'o' },
];

const INPUTS: { key: keyof OneUnitCell; label: string; aria: string }[] = [
  { key: 'x1', label: 'x₁', aria: 'Input feature x 1' },
  { key: 'x2', label: 'x₂', aria: 'Input feature x 2' },
  { key: 'hPrev', label: 'hₜ₋₁', aria: 'Previous hidden state h t−1' },
  { key: 'cPrev', label: 'Cₜ₋₁', aria: 'Previous cell state C t−1' },
];

const PARAMS = [
  { label: 'x₁ weight', aria: 'weight of x 1' },
  { label: 'x₂ weight', aria: 'weight of x 2' },
  { label: 'hₜ₋₁ weight', aria: 'recurrent weight of h t−1' },
  { label: 'bias', aria: 'bias' },
];

// Pre-activations beyond this are drawn at the edge of the curves, with their value printed.
const Z_MAX = 8;
// Operating-point labels are centred on their point, but no nearer the panel's edge than this
// (half as near for the longer label of a point beyond the chart).
const LABEL_Z = 4.5;
// Below these slopes a gate is flat where it stands: weights barely move it, gradients vanish.
const SATURATED = { sigmoid: 0.01, tanh: 0.04 };
// How many steps the belt-gradient line multiplies f_t over.
const LONG_RUN = 50;
const SIGMOID = '#2f6fd6';
const TANH = '#d9480f';
const HARD = '#b07d00';
const CURVE_NAMES = ['σ(z), logistic', 'tanh(z)', 'hardSigmoid(z), tfjs default'] as const;

// Curves per gate panel never change: sample them once.
const curves = (['f', 'i', 'c', 'o'] as const).flatMap((gate) =>
  sampleCurve(gate === 'c' ? Math.tanh : sigmoid, -Z_MAX, Z_MAX).map((p) => ({
    ...p,
    gate,
    curve: gate === 'c' ? CURVE_NAMES[1] : CURVE_NAMES[0],
  })),
);
const hardCurves = (['f', 'i', 'o'] as const).flatMap((gate) =>
  sampleCurve(hardSigmoid, -Z_MAX, Z_MAX, 81).map((p) => ({ ...p, gate, curve: CURVE_NAMES[2] })),
);

/** A signed sum printed the way it is written: "0.500 − 0.200 + 1.000". */
function sum(terms: readonly number[]): string {
  return terms
    .map((t, k) => {
      const s = fmt(t);
      if (k === 0) return s;
      return s.startsWith('−') ? `− ${s.slice(1)}` : `+ ${s}`;
    })
    .join(' ');
}

/** A factor printed in a product, in parentheses when negative: "0.868 × (−0.500)". */
function factor(x: number): string {
  const s = fmt(x);
  return s.startsWith('−') ? `(${s})` : s;
}

/** Digits as superscripts, for powers printed in plain text: 50 -> "⁵⁰". */
function power(n: number): string {
  return [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
}

/** A piece of a formula's numbers that never breaks across lines. */
function chunk(...children: (Node | string)[]): HTMLSpanElement {
  return el('span', { className: 'chunk' }, ...children);
}

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
  private plot!: HTMLElement;
  private legend!: HTMLElement;
  private curves!: HTMLElement;
  private points!: HTMLElement;
  private curvesLayout = '';

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
    // Presets: each sets the whole cell, so the URL (and a shared link) holds the preset's state.
    this.presetButtons = CELL_PRESETS.map((p) => {
      const b = el('button', { type: 'button', 'data-preset': p.id, 'aria-pressed': 'false' }, p.label);
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
      'Wire thickness: the size of the value it carries; colour: ',
      el('span', { className: 'swatch pos' }),
      ' positive, ',
      el('span', { className: 'swatch neg' }),
      ' negative, ',
      el('span', { className: 'swatch zero' }),
      ' about zero. The level in each box is its output. z is the weighted sum entering a gate.',
    );

    this.inputSliders = INPUTS.map(({ key, label, aria }) => this.makeSlider(key, label, aria));
    const inputs = el(
      'fieldset',
      { className: 'lstm-inputs' },
      el('legend', {}, 'Input xₜ and the previous states'),
      el('div', { className: 'lstm-sliders' }, ...this.inputSliders.map((s) => s.root)),
    );

    const gateSets = GATES.map(({ gate, name, symbol, role }) => {
      const sliders = gateKeys(gate).map((key, k) =>
        this.makeSlider(key, PARAMS[k].label, `${name}: ${PARAMS[k].aria}`),
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
    this.legend = el('div', { className: 'lstm-curves-legend' });
    this.curves = el('div', { className: 'lstm-curves-layer' });
    this.points = el('div', { className: 'lstm-curves-layer lstm-points', 'data-role': 'points' });
    this.plot = el(
      'div',
      { className: 'plot lstm-curves', 'data-role': 'plot' },
      this.legend,
      this.curves,
      this.points,
    );

    this.append(
      el('div', { className: 'lstm-presets', role: 'group', 'aria-label': 'Presets' }, ...this.presetButtons),
      this.presetNote,
      el('div', { className: 'lstm-diagram-wrap' }, this.diagram.root),
      legend,
      inputs,
      el('div', { className: 'lstm-gates' }, ...gateSets),
      states,
      this.plot,
      el(
        'div',
        { className: 'controls' },
        el('label', {}, this.hardBox, 'Compare with tfjs’s default gate activation, hardSigmoid'),
      ),
      this.hardLive,
    );
  }

  protected update(): void {
    // Read the width before changing the DOM: reading it after would force a second layout.
    const width = Math.min(this.plotWidth(), 900);
    const p: OneUnitCell = this.state;
    const r = oneUnitStep(p);

    const preset = matchingPreset(p);
    for (const b of this.presetButtons) b.setAttribute('aria-pressed', String(b.dataset.preset === preset?.id));
    this.presetNote.textContent = preset
      ? preset.description
      : 'Choose a preset, or move any slider: every number below follows at once.';

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
    this.drawCurves(r, width);
  }

  private showGate(live: HTMLElement, gate: CellGate, role: string, g: GateReading): void {
    const act = gate === 'c' ? 'tanh' : 'σ';
    const saturated = g.slope < (gate === 'c' ? SATURATED.tanh : SATURATED.sigmoid);
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
        `slope ${act}′(z) = ${fmtSci(g.slope)}${saturated ? ': saturated' : ''}`,
      ),
    );
  }

  private showStates(p: OneUnitCell, r: OneUnitReading): void {
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
        `Through the belt alone. With this fₜ at each of ${LONG_RUN} steps, what reaches back is fₜ${power(LONG_RUN)} = `,
        el('span', { 'data-role': 'grad-long' }, fmtSci(beltGradient(r.f.value, LONG_RUN))),
        '.',
      ),
    );
  }

  private showHard(p: OneUnitCell, r: OneUnitReading): void {
    if (!this.state.hard) {
      this.hardLive.replaceChildren();
      return;
    }
    const h = hardSigmoidStep(p, r);
    this.hardLive.replaceChildren(
      'With hardSigmoid gates (tfjs’s default recurrentActivation), the same weights would give ',
      `f = ${fmt(h.f)}, i = ${fmt(h.i)}, o = ${fmt(h.o)}, Cₜ = `,
      el('span', { 'data-role': 'hard-cNew' }, fmt(h.cNew)),
      ' and hₜ = ',
      el('span', { 'data-role': 'hard-h' }, fmt(h.h)),
      ` instead of ${fmt(r.cNew)} and ${fmt(r.h)}.`,
    );
  }

  /** The panel layout and Plot options shared by the curves and the live layer above them. */
  private frameOptions(width: number): {
    cols: number;
    options: Plot.PlotOptions & { width: number; x: Plot.ScaleOptions; y: Plot.ScaleOptions };
  } {
    // Four panels side by side where they fit, else two by two.
    const cols = width >= 640 ? 4 : 2;
    return {
      cols,
      options: {
        width,
        height: cols === 4 ? 240 : 420,
        marginLeft: 40,
        marginTop: 24,
        marginRight: 16,
        marginBottom: 32,
        fx: { axis: null, padding: 0.12, domain: d3range(cols) },
        fy: { axis: null, padding: 0.18, domain: d3range(4 / cols) },
        x: { domain: [-Z_MAX, Z_MAX], label: 'z →', ticks: [-8, -4, 0, 4, 8], grid: true },
        y: { domain: [-1.1, 1.35], label: null, ticks: [-1, -0.5, 0, 0.5, 1], grid: true },
        color: { domain: [...CURVE_NAMES], range: [SIGMOID, TANH, HARD] },
      },
    };
  }

  /**
   * The gates' curves with their operating points. The curves change only with the width and
   * the hardSigmoid option, so they are drawn once per layout; on every input only the light
   * layer on top (points, rules, labels), drawn by Plot with the same scales, is redrawn.
   */
  private drawCurves(r: OneUnitReading, width: number): void {
    const { cols, options } = this.frameOptions(width);
    const place = (gate: CellGate) => {
      const k = GATES.findIndex((g) => g.gate === gate);
      return { col: k % cols, row: Math.floor(k / cols) };
    };
    const hardShown = this.state.hard;
    const layout = `${options.width} ${hardShown}`;
    if (layout !== this.curvesLayout) {
      this.curvesLayout = layout;
      this.legend.replaceChildren(
        Plot.legend({
          color: {
            domain: hardShown ? [...CURVE_NAMES] : CURVE_NAMES.slice(0, 2),
            range: [SIGMOID, TANH, HARD],
          },
          style: { background: 'transparent', color: 'currentColor' },
        }),
      );
      const at = <T extends { gate: CellGate }>(d: T) => ({ ...d, ...place(d.gate) });
      drawPlot(this.curves, {
        ...options,
        marks: [
          Plot.frame({ strokeOpacity: 0.25 }),
          Plot.ruleY([0], { strokeOpacity: 0.35 }),
          Plot.line(curves.map(at), {
            x: 'z',
            y: 'y',
            z: 'gate',
            stroke: 'curve',
            strokeWidth: 2.5,
            fx: 'col',
            fy: 'row',
          }),
          ...(hardShown
            ? [
                Plot.line(hardCurves.map(at), {
                  x: 'z',
                  y: 'y',
                  z: 'gate',
                  stroke: 'curve',
                  strokeWidth: 1.5,
                  strokeDasharray: '5,4',
                  fx: 'col',
                  fy: 'row',
                }),
              ]
            : []),
          Plot.text(
            GATES.map(({ gate, name, symbol }) => ({ ...place(gate), title: `${name} ${symbol}ₜ` })),
            { fx: 'col', fy: 'row', text: 'title', frameAnchor: 'top-left', dy: -12, fontWeight: 600 },
          ),
        ],
        ariaLabel: 'The activation curve of each gate',
        ariaDescription:
          'Sigmoid curves for the forget, input and output gates and a tanh curve for the candidate' +
          (hardShown ? ", with tfjs's hardSigmoid dashed beside each sigmoid." : '.'),
      });
    }

    const clampZ = (z: number) => Math.max(-Z_MAX, Math.min(Z_MAX, z));
    const points = GATES.map(({ gate, symbol }) => {
      const g = r[gate];
      const z = clampZ(g.z);
      return {
        ...place(gate),
        z,
        y: g.value,
        curve: gate === 'c' ? CURVE_NAMES[1] : CURVE_NAMES[0],
        // The label stays inside its panel: near an edge it sits inwards of its point.
        labelZ: Math.max(-LABEL_Z, Math.min(LABEL_Z, z)) * (z !== g.z ? 0.5 : 1),
        text: `${symbol} = ${fmt(g.value)}${z !== g.z ? ` (z = ${fmt(g.z, 2)})` : ''}`,
      };
    });
    const hard = hardShown
      ? (['f', 'i', 'o'] as const).map((gate) => ({ ...place(gate), z: clampZ(r[gate].z), y: hardSigmoid(r[gate].z) }))
      : [];
    drawPlot(this.points, {
      ...options,
      x: { ...options.x, axis: null },
      y: { ...options.y, axis: null },
      marks: [
        Plot.ruleX(points, { x: 'z', fx: 'col', fy: 'row', strokeDasharray: '3,3', strokeOpacity: 0.6 }),
        Plot.dot(hard, { x: 'z', y: 'y', fx: 'col', fy: 'row', r: 5, stroke: HARD, strokeWidth: 2, fill: 'none' }),
        Plot.dot(points, {
          x: 'z',
          y: 'y',
          fx: 'col',
          fy: 'row',
          fill: 'curve',
          r: 6,
          stroke: 'white',
          strokeWidth: 1.5,
        }),
        Plot.text(points, {
          x: 'labelZ',
          y: 'y',
          fx: 'col',
          fy: 'row',
          text: 'text',
          dy: -14,
          stroke: 'var(--cell-bg)',
          strokeWidth: 4,
          paintOrder: 'stroke',
          fill: 'currentColor',
        }),
      ],
      ariaLabel: 'Operating point of each gate',
      ariaDescription: GATES.map(
        ({ name, gate }) => `${name}: z = ${fmt(r[gate].z)}, value ${fmt(r[gate].value)}`,
      ).join('; '),
    });
  }
}

/** 0, 1, …, n − 1. */
function d3range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

defineWidget('kit-lstm-cell', LstmCellWidget);
