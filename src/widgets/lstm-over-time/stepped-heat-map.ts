/**
 * The heat maps of <kit-lstm-steps>: quantities of an LSTM reading a sentence (one facet each)
 * by unit and step, drawn once and then updated in place as the reader steps through the words.
 */
import type { LstmStep } from '../../lstm/cell/cell';
import { SENTENCE_LSTM } from '../../lstm/cell/demos-over-time';
import { wordTicks, type StepQuantity as Quantity } from '../../lstm/cell/steps-view';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { LSTM_STEPS_WORDS } from './lstm-steps.words';

const UNITS = SENTENCE_LSTM.units;

const SHORT: Record<Quantity, string> = { i: 'iₜ', f: 'fₜ', o: 'oₜ', c: 'Cₜ', h: 'hₜ' };

interface HeatCell {
  t: number;
  unit: string;
  q: string;
  value: number;
  title: string;
}

/** Options of {@link SteppedHeatMap.update}. */
export interface HeatUpdate {
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
export class SteppedHeatMap {
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
    const w = LSTM_STEPS_WORDS.now();
    this.container
      .querySelector('svg')
      ?.setAttribute(
        'aria-description',
        w.heatDescription(
          step,
          T,
          this.qs
            .map((q) => w.heatValues(w.names[q], Array.from(steps[step - 1][q], (v) => fmt(v, 2)).join(', ')))
            .join(w.semicolon),
        ),
      );
  }

  private title(q: Quantity, words: string[], t: number, u: number, value: number): string {
    const w = LSTM_STEPS_WORDS.now();
    return w.cellTitle(w.names[q], u + 1, t + 1, words[t], fmt(value));
  }

  private draw(words: string[], steps: LstmStep[], width: number, domain: [number, number]): void {
    const T = words.length;
    const w = LSTM_STEPS_WORDS.now();
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
    const { rotate, every } = wordTicks(band);
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
        label: w.xLabel,
        labelAnchor: 'center',
      },
      y: { type: 'band', domain: Array.from({ length: UNITS }, (_, u) => String(u + 1)), label: w.yUnit },
      fy: { domain: this.qs, tickFormat: (q: Quantity) => (narrow ? SHORT[q] : w.names[q]), label: null },
      color: { type, scheme, domain, clamp: true },
      marks: [
        Plot.cell(data, { x: 't', y: 'unit', fy: 'q', fill: 'value', inset: 0.5, title: 'title' }),
        Plot.cell(
          this.qs.map((q) => ({ t: 1, q })),
          { x: 't', fy: 'q', fill: 'none', stroke: 'currentColor', strokeWidth: 2, className: 'kit-current-step' },
        ),
        Plot.frame({ strokeOpacity: 0.3 }),
      ],
      ariaLabel: w.heatLabel(this.qs.map((q) => w.names[q]).join(w.comma)),
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
