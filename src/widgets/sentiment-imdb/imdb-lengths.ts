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
import { IMDB_LENGTHS_WORDS } from './imdb-lengths.words';

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
    const w = IMDB_LENGTHS_WORDS.now();
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: w.home } });
    this.splitSelect = el(
      'select',
      { name: 'split', 'aria-label': w.split },
      el('option', { value: 'train' }, w.trainOption),
      el('option', { value: 'test' }, w.testOption),
    );
    this.splitSelect.addEventListener('change', (e) => this.set({ split: this.splitSelect.value }, e));
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.stats = el('p', { className: 'readout', 'data-role': 'stats' });
    this.table = el('div', { className: 'readout', 'data-role': 'cuts', 'aria-live': 'polite' });
    this.main = el(
      'div',
      {},
      el('div', { className: 'controls' }, el('label', {}, w.split, this.splitSelect)),
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
    const w = IMDB_LENGTHS_WORDS.now();
    const { words, stats, cuts } = this.lengths(data, split);
    // The longest reviews would squeeze the rest into a few bars: the axis ends near the 99th percentile.
    const end = Math.max(120, Math.ceil(stats.p99 / 50) * 50);
    const shown = Array.from(words).filter((n) => n <= end);
    const beyond = words.length - shown.length;
    const thresholds = Array.from({ length: end / BIN + 1 }, (_, i) => i * BIN);
    const rules = cuts.map((c) => ({ x: c.maxlen, name: c.name, text: `maxlen ${c.maxlen} (${c.name})` }));
    const test = split === 'test';
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 300,
      marginTop: 40,
      marginLeft: 50,
      x: { label: w.xLabel, domain: [0, end] },
      y: { label: w.yLabel, grid: true },
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
      ariaLabel: w.plotLabel(test),
      ariaDescription:
        w.plotDescription(test, fmtInt(words.length), fmtInt(BIN), fmtInt(end), fmtInt(stats.median)) +
        cuts.map((c) => w.cutShare(fmtInt(c.maxlen), pct(c.share))).join(w.join) +
        w.end,
    });
    this.stats.textContent =
      w.stats({
        test,
        reviews: fmtInt(words.length),
        median: fmtInt(stats.median),
        mean: fmtInt(stats.mean),
        min: fmtInt(stats.min),
        max: fmtInt(stats.max),
      }) + (beyond > 0 ? w.beyond(fmtInt(beyond), fmtInt(end)) : w.end);
    this.table.replaceChildren(
      dataTable({
        caption: w.tableCaption,
        head: [...w.tableHead],
        rows: cuts.map((c) => ({
          attrs: { 'data-view': c.name },
          cells: [{ head: c.name }, String(c.maxlen), w.cutOf(fmtInt(c.longer), fmtInt(c.count)), pct(c.share)],
        })),
      }),
    );
  }
}

defineWidget('kit-imdb-lengths', ImdbLengthsWidget);
