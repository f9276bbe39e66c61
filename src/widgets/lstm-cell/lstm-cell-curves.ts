/**
 * The gates' activation curves of <kit-lstm-cell>, four panels with each gate's operating point:
 * the curves are drawn once per layout (width, hardSigmoid shown or not), and on every input only
 * the light layer of points, rules and labels on top. The numbers come from
 * src/lstm/cell/gate-curves.ts.
 */
import {
  CURVE_NAMES,
  gateCurves,
  hardSigmoidCurves,
  hardSigmoidPoints,
  operatingPoints,
  Z_MAX,
} from '../../lstm/cell/gate-curves';
import type { CellGate, OneUnitReading } from '../../lstm/cell/one-unit';
import { el } from '../kit/dom';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { LSTM_CELL_WORDS } from './lstm-cell.words';

const SIGMOID = '#2f6fd6';
const TANH = '#d9480f';
const HARD = '#b07d00';

/** The gates in the order of the panels, with their symbols (their names are LSTM_CELL_WORDS.gates). */
const GATES: { gate: CellGate; symbol: string }[] = [
  { gate: 'f', symbol: 'f' },
  { gate: 'i', symbol: 'i' },
  { gate: 'c', symbol: 'C̃' },
  { gate: 'o', symbol: 'o' },
];

// Curves per gate panel never change: sample them once.
const curves = gateCurves();
const hardCurves = hardSigmoidCurves();

/** The curves plot: its root holds a legend, the curves and the live layer above them. */
export class GateCurves {
  readonly root: HTMLElement;
  private readonly legend = el('div', { className: 'lstm-curves-legend' });
  private readonly curves = el('div', { className: 'lstm-curves-layer' });
  private readonly points = el('div', { className: 'lstm-curves-layer lstm-points', 'data-role': 'points' });
  private layout = '';

  constructor() {
    this.root = el(
      'div',
      { className: 'plot lstm-curves', 'data-role': 'plot' },
      this.legend,
      this.curves,
      this.points,
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
  draw(r: OneUnitReading, width: number, hardShown: boolean): void {
    const w = LSTM_CELL_WORDS.now();
    // The legend names the curves in the page's edition; the data keep CURVE_NAMES as keys.
    const curveName = (name: string) =>
      name === CURVE_NAMES[0] ? w.curves.sigmoid : name === CURVE_NAMES[2] ? w.curves.hard : name;
    const { cols, options } = this.frameOptions(width);
    const place = (gate: CellGate) => {
      const k = GATES.findIndex((g) => g.gate === gate);
      return { col: k % cols, row: Math.floor(k / cols) };
    };
    const layout = `${options.width} ${hardShown}`;
    if (layout !== this.layout) {
      this.layout = layout;
      this.legend.replaceChildren(
        Plot.legend({
          color: {
            domain: hardShown ? [...CURVE_NAMES] : CURVE_NAMES.slice(0, 2),
            range: [SIGMOID, TANH, HARD],
            tickFormat: curveName,
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
            GATES.map(({ gate, symbol }) => ({ ...place(gate), title: `${w.gates[gate]} ${symbol}ₜ` })),
            { fx: 'col', fy: 'row', text: 'title', frameAnchor: 'top-left', dy: -12, fontWeight: 600 },
          ),
        ],
        ariaLabel: w.curvesLabel,
        ariaDescription: w.curvesDescription(hardShown),
      });
    }

    const symbols = new Map(GATES.map((g) => [g.gate, g.symbol]));
    const points = operatingPoints(r).map((p) => ({
      ...place(p.gate),
      ...p,
      text: `${symbols.get(p.gate)} = ${fmt(p.y)}${p.beyond ? ` (z = ${fmt(p.reading.z, 2)})` : ''}`,
    }));
    const hard = hardShown ? hardSigmoidPoints(r).map((p) => ({ ...place(p.gate), ...p })) : [];
    drawPlot(this.points, {
      ...options,
      x: { ...options.x, axis: null },
      y: { ...options.y, axis: null },
      marks: [
        Plot.ruleX(points, { x: 'z', fx: 'col', fy: 'row', strokeDasharray: '3,3', strokeOpacity: 0.6 }),
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
        // The hardSigmoid's ring on top of the sigmoid's dot, so that it shows where the two coincide.
        Plot.dot(hard, { x: 'z', y: 'y', fx: 'col', fy: 'row', r: 8, stroke: HARD, strokeWidth: 2, fill: 'none' }),
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
      ariaLabel: w.pointsLabel,
      ariaDescription: GATES.map(({ gate }) =>
        w.pointDescription(w.gates[gate], fmt(r[gate].z), fmt(r[gate].value)),
      ).join(w.separator),
    });
  }
}

/** 0, 1, …, n − 1. */
function d3range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
