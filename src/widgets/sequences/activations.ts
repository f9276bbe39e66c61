/**
 * <kit-activations>: the sigmoid and tanh curves with a point the reader drags (or moves with
 * the slider and arrow keys), and their values and slopes at that point.
 */
import { sampleCurve, sigmoid, sigmoidDerivative, tanhDerivative } from '../../lstm/cell/activations';
import { dataTable, el, slider, type Slider } from '../kit/dom';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { ACTIVATIONS_WORDS } from './activations.words';

const Z_MAX = 6;
const SIGMOID = '#2f6fd6';
const TANH = '#d9480f';
// Lighter tones of the same hues for the slopes, so a curve and its slope read as a pair.
const SIGMOID_SLOPE = '#7fa8e8';
const TANH_SLOPE = '#f08c5a';

const schema = {
  z: { kind: 'number', default: 1, min: -Z_MAX, max: Z_MAX, step: 0.05 },
  slopes: { kind: 'boolean', default: false },
} as const;

// The curves never change: sample them once for every redraw.
const curves = [
  ...sampleCurve(sigmoid, -Z_MAX, Z_MAX).map((p) => ({ ...p, f: 'σ(z)' })),
  ...sampleCurve(Math.tanh, -Z_MAX, Z_MAX).map((p) => ({ ...p, f: 'tanh(z)' })),
];
const slopeCurves = [
  ...sampleCurve(sigmoidDerivative, -Z_MAX, Z_MAX).map((p) => ({ ...p, f: "σ'(z)" })),
  ...sampleCurve(tanhDerivative, -Z_MAX, Z_MAX).map((p) => ({ ...p, f: "tanh'(z)" })),
];

class ActivationsWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private zSlider!: Slider;
  private slopesBox!: HTMLInputElement;
  private plot!: HTMLElement;
  private readout!: HTMLElement;
  private dragging = false;

  protected build(): void {
    const w = ACTIVATIONS_WORDS.now();
    this.zSlider = slider({
      label: w.input,
      name: 'z',
      min: -Z_MAX,
      max: Z_MAX,
      step: 0.05,
      value: this.state.z,
      format: (z) => fmt(z, 2),
      onInput: (z, e) => this.set({ z }, e),
    });
    this.slopesBox = el('input', { type: 'checkbox', name: 'slopes' });
    this.slopesBox.addEventListener('change', (e) => this.set({ slopes: this.slopesBox.checked }, e));
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.readout = el('div', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, this.zSlider.root, el('label', {}, this.slopesBox, w.showSlopes)),
      this.plot,
      this.readout,
    );
    // Dragging on the plot moves z: the pointer's x position through the plot's x scale.
    this.plot.addEventListener('pointerdown', (e) => {
      this.dragging = true;
      this.plot.setPointerCapture(e.pointerId);
      this.dragTo(e);
    });
    this.plot.addEventListener('pointermove', (e) => this.dragging && this.dragTo(e));
    this.plot.addEventListener('pointerup', () => (this.dragging = false));
    this.plot.addEventListener('pointercancel', () => (this.dragging = false));
  }

  private dragTo(e: PointerEvent): void {
    const svg = this.plot.querySelector('svg');
    const chart = this.plot.firstElementChild as
      (Element & { scale?: (name: string) => { invert?: (v: number) => number } }) | null;
    const invert = chart?.scale?.('x')?.invert;
    if (!svg || !invert) return;
    const box = svg.getBoundingClientRect();
    // The SVG may be scaled down on a narrow screen: map client pixels to its own coordinates.
    const width = Number(svg.getAttribute('width')) || box.width;
    const z = invert(((e.clientX - box.left) * width) / box.width);
    if (Number.isFinite(z)) this.set({ z }, e);
  }

  protected update(): void {
    const w = ACTIVATIONS_WORDS.now();
    const { z, slopes } = this.state;
    this.zSlider.set(z);
    this.slopesBox.checked = slopes;
    const s = sigmoid(z);
    const t = Math.tanh(z);
    const points = [
      { z, y: s, f: 'σ(z)' },
      { z, y: t, f: 'tanh(z)' },
    ];
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 300,
      marginLeft: 48,
      x: { domain: [-Z_MAX, Z_MAX], label: 'z →', grid: true },
      y: { domain: [-1.05, 1.05], label: w.yLabel, grid: true },
      color: slopes
        ? {
            domain: ['σ(z)', 'tanh(z)', "σ'(z)", "tanh'(z)"],
            range: [SIGMOID, TANH, SIGMOID_SLOPE, TANH_SLOPE],
            legend: true,
          }
        : { domain: ['σ(z)', 'tanh(z)'], range: [SIGMOID, TANH], legend: true },
      marks: [
        Plot.ruleY([0], { strokeOpacity: 0.4 }),
        Plot.ruleX([z], { stroke: 'currentColor', strokeDasharray: '3,3' }),
        Plot.line(curves, { x: 'z', y: 'y', z: 'f', stroke: 'f', strokeWidth: 2.5 }),
        ...(slopes
          ? [Plot.line(slopeCurves, { x: 'z', y: 'y', z: 'f', stroke: 'f', strokeWidth: 1.5, strokeDasharray: '6,4' })]
          : []),
        Plot.dot(points, { x: 'z', y: 'y', fill: 'f', r: 6, stroke: 'white', strokeWidth: 1.5 }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(fmt(z, 2), fmt(s), fmt(t)),
    });
    this.readout.replaceChildren(
      dataTable({
        head: ['', w.value, w.slope],
        rows: [
          [{ head: 'σ(z) = 1 / (1 + e^−z)' }, { cell: fmt(s), role: 'sigmoid' }, fmt(sigmoidDerivative(z))],
          [{ head: 'tanh(z)' }, { cell: fmt(t), role: 'tanh' }, fmt(tanhDerivative(z))],
        ],
      }),
    );
  }
}

defineWidget('kit-activations', ActivationsWidget);
