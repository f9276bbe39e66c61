/**
 * <kit-imdb-lengths>: how long the IMDB reviews are, as a histogram of words per review with the
 * two reference models' maxlen (80 and 100) marked, and how many reviews each one cuts.
 */
import {
  lengthStats,
  REFERENCE_VIEWS,
  reviewLengths,
  truncation,
  viewLengths,
  type ReferenceView,
} from '../../data/explore';
import type { SplitName } from '../../data/imdb';
import type { ImdbData } from '../../data/loader';
import { dataTable, el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import './imdb.css';
import { percent as pct } from '../../data/format';

const BIN = 10;
// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const CUT_COLOURS = { 'r-keras': '#d6452f', 'py-keras': '#2f6fd6' } as const;

const schema = {
  split: { kind: 'enum', default: 'train', values: ['train', 'test'] },
} as const;

interface SplitLengths {
  words: Uint32Array;
  stats: ReturnType<typeof lengthStats>;
  cuts: { name: ReferenceView; maxlen: number; longer: number; share: number; count: number }[];
}

class ImdbLengthsWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private data: ImdbData | null = null;
  private cache = new Map<string, SplitLengths>();
  private main!: HTMLElement;
  private splitSelect!: HTMLSelectElement;
  private plot!: HTMLElement;
  private table!: HTMLElement;
  private stats!: HTMLElement;

  protected build(): void {
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: 'The reviews in this page' } });
    this.splitSelect = el(
      'select',
      { name: 'split', 'aria-label': 'Split' },
      el('option', { value: 'train' }, 'training reviews'),
      el('option', { value: 'test' }, 'test reviews'),
    );
    this.splitSelect.addEventListener('change', (e) => this.set({ split: this.splitSelect.value }, e));
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.stats = el('p', { className: 'readout', 'data-role': 'stats' });
    this.table = el('div', { className: 'readout', 'data-role': 'cuts', 'aria-live': 'polite' });
    this.main = el(
      'div',
      {},
      el('div', { className: 'controls' }, el('label', {}, 'Split', this.splitSelect)),
      this.plot,
      this.stats,
      this.table,
    );
    this.append(panel.root, this.main);
    watchData(panel.loader, (data) => {
      this.data = data;
      this.cache.clear();
      this.update();
    });
  }

  private lengths(data: ImdbData, split: SplitName): SplitLengths {
    let out = this.cache.get(split);
    if (out) return out;
    const reviews = data.dataset.splits[split]!;
    const words = reviewLengths(reviews);
    const cuts = (Object.keys(REFERENCE_VIEWS) as ReferenceView[]).map((name) => {
      const view = REFERENCE_VIEWS[name];
      const t = truncation(viewLengths(reviews, view), view.maxlen!);
      return { name, maxlen: view.maxlen!, ...t };
    });
    out = { words, stats: lengthStats(words), cuts };
    this.cache.set(split, out);
    return out;
  }

  protected update(): void {
    const split = this.state.split as SplitName;
    this.splitSelect.value = split;
    const data = this.data;
    this.main.hidden = data === null;
    if (!data) return;
    const { words, stats, cuts } = this.lengths(data, split);
    // The longest reviews would squeeze the rest into a few bars: the axis ends near the 99th percentile.
    const end = Math.max(120, Math.ceil(stats.p99 / 50) * 50);
    const shown = Array.from(words).filter((w) => w <= end);
    const beyond = words.length - shown.length;
    const thresholds = Array.from({ length: end / BIN + 1 }, (_, i) => i * BIN);
    const rules = cuts.map((c) => ({ x: c.maxlen, name: c.name, text: `maxlen ${c.maxlen} (${c.name})` }));
    const splitName = split === 'train' ? 'training' : 'test';
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 300,
      marginTop: 40,
      marginLeft: 50,
      x: { label: 'words per review →', domain: [0, end] },
      y: { label: '↑ reviews', grid: true },
      marks: [
        Plot.rectY(
          shown,
          Plot.binX<Plot.RectYOptions>(
            { y: 'count' },
            { x: (d: number) => d, thresholds, fill: 'currentColor', fillOpacity: 0.45, inset: 0.5 },
          ),
        ),
        Plot.ruleY([0]),
        Plot.ruleX(rules, { x: 'x', stroke: (d: (typeof rules)[number]) => CUT_COLOURS[d.name], strokeWidth: 2 }),
        // The two cuts are close: their labels go on two lines, each starting at its rule.
        ...rules.map((r, i) =>
          Plot.text([r], {
            x: 'x',
            text: 'text',
            frameAnchor: 'top',
            dy: -28 + 14 * i,
            dx: 4,
            textAnchor: 'start',
            fill: CUT_COLOURS[r.name],
          }),
        ),
      ],
      ariaLabel: `Histogram of the lengths of the ${splitName} reviews`,
      ariaDescription:
        `${fmtInt(words.length)} ${splitName} reviews in bins of ${BIN} words, up to ${fmtInt(end)} words; median ${fmtInt(stats.median)}. ` +
        cuts.map((c) => `maxlen ${c.maxlen} cuts ${pct(c.share)} of them`).join('; ') +
        '.',
    });
    this.stats.textContent =
      `${fmtInt(words.length)} ${splitName} reviews: median ${fmtInt(stats.median)} words, mean ${fmtInt(stats.mean)}, ` +
      `shortest ${fmtInt(stats.min)}, longest ${fmtInt(stats.max)}` +
      (beyond > 0 ? `; the ${fmtInt(beyond)} reviews longer than ${fmtInt(end)} words are off the chart.` : '.');
    this.table.replaceChildren(
      dataTable({
        caption: 'Reviews that lose words to truncation (ids counted as each view makes them)',
        head: ['view', 'maxlen', 'reviews cut', 'share'],
        rows: cuts.map((c) => ({
          attrs: { 'data-view': c.name },
          cells: [{ head: c.name }, String(c.maxlen), `${fmtInt(c.longer)} of ${fmtInt(c.count)}`, pct(c.share)],
        })),
      }),
    );
  }
}

defineWidget('kit-imdb-lengths', ImdbLengthsWidget);
