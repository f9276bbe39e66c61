/**
 * Observable Plot with the kit's defaults: theme-aware colours, the container's width, and a
 * text alternative. Widgets import this module, so Plot loads only with the first widget.
 */
import * as Plot from '@observablehq/plot';
import { powerOfTen } from './format';
import { KIT_WORDS } from './kit.words';

export { Plot };

/** Options of {@link drawPlot}: Plot's own options plus a required text alternative. */
export type KitPlotOptions = Plot.PlotOptions & {
  /** What the chart is, in a few words: the image's accessible name. */
  ariaLabel: string;
  /** A sentence with the key numbers, read by screen readers (and shown when printing). */
  ariaDescription: string;
};

/** The smallest text a plot prints, in CSS pixels: tick labels, axis labels and legends. */
export const MIN_FONT_PX = 12;

/** The kit's plot style: transparent, in the text colour, text at least {@link MIN_FONT_PX}. */
export function plotStyle(style: Plot.PlotOptions['style'] = {}): Partial<CSSStyleDeclaration> {
  const own = typeof style === 'string' || style === null ? {} : (style as Partial<CSSStyleDeclaration>);
  const size = parseFloat(String(own.fontSize ?? ''));
  return {
    background: 'transparent',
    color: 'currentColor',
    overflow: 'visible',
    ...own,
    fontSize: `${Number.isFinite(size) ? Math.max(size, MIN_FONT_PX) : MIN_FONT_PX}px`,
  };
}

/**
 * Renders a plot into `container`, replacing what was there; returns the plot element. Give it
 * the card's width (`plotWidth()` in a widget): a plot drawn wider would shrink to fit, and its
 * text with it.
 */
export function drawPlot(container: HTMLElement, options: KitPlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot({ ...options, style: plotStyle(options.style) });
  // The chart is one image with a text alternative. Plot labels its mark groups ("line",
  // "dot") with aria-label, which ARIA allows only on elements with a role: make them groups.
  // With a legend, Plot returns a <figure> holding the swatches and then the chart's <svg>.
  const svg = chart.localName === 'svg' ? chart : chart.querySelector(':scope > svg');
  svg?.setAttribute('role', 'img');
  // Plot names them in English ("line", "y-axis tick label"): in the page's language instead.
  const parts = KIT_WORDS.now().plotParts;
  for (const g of chart.querySelectorAll('g[aria-label]')) {
    g.setAttribute('role', 'group');
    const name = parts[g.getAttribute('aria-label')!];
    if (name) g.setAttribute('aria-label', name);
  }
  // A swatch's colour square is decoration: its text beside it names the series.
  for (const swatch of chart.querySelectorAll('[class$="-swatch"] > svg')) swatch.setAttribute('aria-hidden', 'true');
  container.replaceChildren(chart);
  return chart;
}

/** Powers of ten from `lo` to `hi`, every few so that at most eight are labelled. */
export function decadeTicks(lo: number, hi: number): number[] {
  const a = Math.ceil(Math.log10(lo));
  const b = Math.floor(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a) / 7));
  const out: number[] = [];
  for (let k = b; k >= a; k -= every) out.push(10 ** k);
  return out;
}

/**
 * The frame of chapters 1 and 3's plots of gradient norms against the step t = 0…`length`: a
 * log y axis over [`lo`, `hi`] labelled in powers of ten (every few decades with `decades`).
 */
export function gradientNormFrame(
  width: number,
  length: number,
  [lo, hi]: [number, number],
  { decades = false }: { decades?: boolean } = {},
): Plot.PlotOptions {
  const w = KIT_WORDS.now();
  return {
    width,
    height: 300,
    marginLeft: 60,
    x: { domain: [0, length], label: w.gradientStep },
    y: {
      type: 'log',
      domain: [lo, hi],
      ...(decades ? { ticks: decadeTicks(lo, hi) } : {}),
      tickFormat: powerOfTen,
      label: w.gradientNorm,
      grid: true,
    },
  };
}
