/**
 * Observable Plot with the kit's defaults: theme-aware colours, the container's width, and a
 * text alternative. Widgets import this module, so Plot loads only with the first widget.
 */
import * as Plot from '@observablehq/plot';

export { Plot };

/** Options of {@link drawPlot}: Plot's own options plus a required text alternative. */
export type KitPlotOptions = Plot.PlotOptions & {
  /** A sentence with the key numbers, read by screen readers (and shown when printing). */
  ariaDescription: string;
};

/** Renders a plot into `container`, replacing what was there; returns the plot element. */
export function drawPlot(container: HTMLElement, options: KitPlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot({
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px', overflow: 'visible' },
    ...options,
  });
  container.replaceChildren(chart);
  return chart;
}
