/**
 * Drawing for <kit-skipgram> (./skipgram.ts): the loss curve, the word map, a probe word's
 * neighbour list and the status lines in words. Not a widget: what to draw is computed in
 * src/embedding/skipgram-session.ts and skipgram-view.ts, and these functions only put it on
 * the page.
 */
import {
  IMDB_MIN_COUNT,
  MAX_VOCABULARY,
  type ImdbAvailability,
  type SessionStatus,
} from '../../embedding/skipgram-session';
import type { MapView, ProbeColumn } from '../../embedding/skipgram-view';
import type { MapPoint } from '../../embedding/word-map';
import { placeLabels, textWidth } from '../../embedding/label-placement';
import { el, type Slider } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { SKIPGRAM_WORDS } from './skipgram.words';

const LOSS = '#2f6fd6';
const PROBE_COLOR = '#2f6fd6';
const FOUND_COLOR = '#d9480f';

/** The cell's controls and the places it draws in, made by the widget. */
export interface SkipGramParts {
  radios: Record<'imdb' | 'text', HTMLInputElement>;
  reviewsSelect: HTMLSelectElement;
  textArea: HTMLTextAreaElement;
  textLabel: HTMLElement;
  dataStatus: HTMLElement;
  dimSelect: HTMLSelectElement;
  epochsSlider: Slider;
  seedInput: HTMLInputElement;
  trainButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  status: HTMLElement;
  lossPlot: HTMLElement;
  viewSlider: Slider;
  probeInput: HTMLInputElement;
  neighbourGrid: HTMLElement;
  searchInput: HTMLInputElement;
  mapPlot: HTMLElement;
  mapReadout: HTMLElement;
  vectorsButton: HTMLButtonElement;
  metadataButton: HTMLButtonElement;
  downloadNote: HTMLElement;
}

/** The cell's layout: the corpus, the run's settings and status, two columns of results, the downloads. */
export function skipGramLayout(p: SkipGramParts): HTMLElement[] {
  const w = SKIPGRAM_WORDS.now();
  return [
    el(
      'div',
      { className: 'kit-corpus' },
      el(
        'fieldset',
        {},
        el('legend', {}, w.trainOn),
        el(
          'div',
          { className: 'controls' },
          el('label', {}, p.radios.imdb, w.imdbReviews),
          el('label', {}, w.howMany, p.reviewsSelect),
          el('label', {}, p.radios.text, w.pastedText),
        ),
        p.dataStatus,
        p.textLabel,
      ),
    ),
    el(
      'div',
      { className: 'controls' },
      el('label', {}, w.dim, p.dimSelect),
      p.epochsSlider.root,
      el('label', {}, w.seed, p.seedInput),
      p.trainButton,
      p.stopButton,
    ),
    p.status,
    el(
      'div',
      { className: 'kit-columns' },
      el(
        'section',
        { 'aria-label': w.lossAndNeighbours },
        el('h3', {}, w.lossHeading),
        p.lossPlot,
        el('h3', {}, w.neighboursHeading),
        el('div', { className: 'controls' }, p.viewSlider.root, el('label', {}, w.yourWord, p.probeInput)),
        p.neighbourGrid,
      ),
      el(
        'section',
        { 'aria-label': w.mapSection },
        el('h3', {}, w.mapHeading),
        el('div', { className: 'controls' }, el('label', {}, w.findWord, p.searchInput)),
        p.mapPlot,
        p.mapReadout,
      ),
    ),
    el('div', { className: 'controls' }, p.vectorsButton, p.metadataButton, p.downloadNote),
  ];
}

/** The status line for `status`, on `corpus` (its label and words) and a run of `epochs` epochs. */
export function statusText(
  status: SessionStatus,
  corpus: { label: string; tokens: number; words: readonly string[] } | null,
  epochs: number,
): string {
  const w = SKIPGRAM_WORDS.now();
  const on = corpus?.label ?? '';
  switch (status.kind) {
    case 'none':
      return '';
    case 'loading':
      return w.loading(fmt(status.loaded / 1e6, 1), fmt(status.total / 1e6, 1));
    case 'starting':
      return w.starting(on, fmtInt(corpus?.tokens ?? 0), fmtInt(corpus?.words.length ?? 0));
    case 'training':
      return w.training({
        epoch: String(status.epoch),
        epochs: String(epochs),
        loss: fmt(status.loss),
        speed: fmtInt(status.wordsPerSecond),
        tokens: fmtInt(corpus?.tokens ?? 0),
        corpus: on,
      });
    case 'stopping':
      return w.stopping;
    case 'cancelled':
      return w.cancelled;
    case 'done':
      return w.done({
        stopped: status.stopped,
        epochs: String(status.epochs),
        one: status.epochs === 1,
        steps: fmtInt(status.steps),
        corpus: on,
        seconds: fmt(status.seconds, 1),
        speed: fmtInt(status.wordsPerSecond),
      });
  }
}

/** What the cell says about the IMDB data; `wantImdb` when the reader chose it. */
export function dataStatusText(data: ImdbAvailability, wantImdb: boolean): string {
  const w = SKIPGRAM_WORDS.now();
  if (data.kind === 'checking') return w.checking;
  if (data.kind === 'available')
    return w.available(fmtInt(data.reviews), fmtInt(MAX_VOCABULARY), String(IMDB_MIN_COUNT));
  return w.absent(data.message, wantImdb);
}

/** The loss reports of a run of `epochs` epochs (`epoch` with its fraction done), or a note before any. */
export function drawLoss(
  box: HTMLElement,
  points: readonly { epoch: number; loss: number }[],
  epochs: number,
  width: number,
): void {
  const w = SKIPGRAM_WORDS.now();
  if (points.length === 0) {
    box.replaceChildren(el('p', { className: 'note' }, w.pressTrain));
    delete box.dataset.points;
    return;
  }
  const first = points[0]!.loss;
  const latest = points[points.length - 1]!.loss;
  drawPlot(box, {
    width,
    height: 200,
    marginLeft: 48,
    x: { domain: [0, Math.max(epochs, Math.ceil(points[points.length - 1]!.epoch))], label: w.lossX },
    y: { label: w.lossY, grid: true, zero: false },
    marks: [
      Plot.line(points, { x: 'epoch', y: 'loss', stroke: LOSS, strokeWidth: 2 }),
      Plot.dot(points.slice(-1), { x: 'epoch', y: 'loss', fill: LOSS, r: 3.5 }),
    ],
    ariaLabel: w.lossLabel,
    ariaDescription: w.lossDescription(String(points.length), fmt(first), fmt(latest)),
  });
  box.dataset.points = String(points.length);
  box.dataset.firstLoss = String(first);
  box.dataset.lastLoss = String(latest);
}

/**
 * The word map of `view`, `size` pixels wide, with dots in the halo colour `halo` (the cell's
 * background, so that labels stay readable over dots in either theme); `description` is its
 * text for screen readers.
 */
export function drawWordMap(box: HTMLElement, view: MapView, size: number, halo: string, description: string): void {
  const w = SKIPGRAM_WORDS.now();
  const { map, named, foundPoint } = view;
  const found = foundPoint ? [foundPoint] : [];
  const frame = mapFrame(map.points, size, Math.round(size * 0.85));
  // The word searched for is labelled first, then the others where they do not cover it.
  const labels = [
    ...found.map((p) => ({ point: p, fontSize: 14, fill: FOUND_COLOR, fontWeight: 700 })),
    ...named.map((p) => ({ point: p, fontSize: 12, fill: PROBE_COLOR, fontWeight: 600 })),
  ];
  const places = placeLabels(
    labels.map(({ point, fontSize }) => ({
      x: frame.px(point.x),
      y: frame.py(point.y),
      width: textWidth(point.word, fontSize),
      height: fontSize + 2,
    })),
    frame.bounds,
  );
  const text = { x: 'x', y: 'y', text: 'word', stroke: halo, strokeWidth: 3, paintOrder: 'stroke' } as const;
  const labelMarks = labels.flatMap(({ point, fontSize, fill, fontWeight }, k) => {
    const place = places[k];
    if (!place) return [];
    return [
      Plot.text([point], { ...text, dx: place.dx, dy: place.dy, textAnchor: place.anchor, fill, fontWeight, fontSize }),
    ];
  });
  const hidden = places.filter((p) => p === null).length;
  box.dataset.hiddenLabels = String(hidden);
  drawPlot(box, {
    width: size,
    height: frame.height,
    marginTop: frame.margin.top,
    marginRight: frame.margin.right,
    marginBottom: frame.margin.bottom,
    marginLeft: frame.margin.left,
    inset: frame.inset,
    x: { domain: frame.x, label: w.pc1(fmt(map.explained[0] * 100, 0)), ticks: 4 },
    y: { domain: frame.y, label: w.pc2(fmt(map.explained[1] * 100, 0)), ticks: 4 },
    marks: [
      Plot.dot(map.points, { x: 'x', y: 'y', r: 2.5, fill: 'currentColor', fillOpacity: 0.35 }),
      Plot.dot(named, { x: 'x', y: 'y', r: 4, fill: PROBE_COLOR }),
      Plot.dot(found, { x: 'x', y: 'y', r: 6, fill: FOUND_COLOR, stroke: 'white', strokeWidth: 1.5 }),
      ...labelMarks,
      Plot.tip(map.points, Plot.pointer({ x: 'x', y: 'y', title: (p: MapPoint) => p.word, fill: halo })),
    ],
    ariaLabel: w.mapLabel,
    ariaDescription: hidden === 0 ? description : `${description}${w.hiddenLabels(fmtInt(hidden), hidden === 1)}`,
  });
}

/**
 * The map's frame: margins, the data's extent as the scales' domains, and the data-to-pixel
 * maps they imply (Plot draws a linear scale with an explicit domain exactly so), so that
 * labels can be placed before drawing.
 */
function mapFrame(points: readonly MapPoint[], width: number, height: number) {
  const margin = { top: 20, right: 24, bottom: 36, left: 44 };
  const inset = 12;
  const extent = (values: number[]): [number, number] => {
    if (values.length === 0) return [0, 1];
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo < hi ? [lo, hi] : [lo - 1, lo + 1];
  };
  const x = extent(points.map((p) => p.x));
  const y = extent(points.map((p) => p.y));
  const left = margin.left + inset;
  const right = width - margin.right - inset;
  const top = margin.top + inset;
  const bottom = height - margin.bottom - inset;
  return {
    margin,
    inset,
    height,
    x,
    y,
    px: (v: number) => left + ((v - x[0]) / (x[1] - x[0])) * (right - left),
    py: (v: number) => bottom - ((v - y[0]) / (y[1] - y[0])) * (bottom - top),
    // Labels may use the inset but not the margins, where the axes are.
    bounds: { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom },
  };
}

/** What the map's readout says about the search in `view`, on a corpus of `words` words named `label`. */
export function mapReadoutText(view: MapView, words: number, label: string): string {
  const w = SKIPGRAM_WORDS.now();
  const { query, found, foundPoint: p, near } = view;
  if (query === '') return w.mapHint;
  if (found === undefined || !p || !near) return w.notFound(query, fmtInt(words), label);
  return w.found({
    query,
    rank: fmtInt(found + 1),
    x: fmt(p.x, 2),
    y: fmt(p.y, 2),
    near: near.map((n) => `${n.word} ${fmt(n.similarity, 2)}`).join(', '),
  });
}

/** One probe word's neighbours as a list, marking those that entered since the previous epoch. */
export function neighbourColumn(column: ProbeColumn): HTMLElement {
  const w = SKIPGRAM_WORDS.now();
  const box = el('div', { 'data-word': column.word });
  box.append(el('div', { className: 'probe' }, column.word));
  if (column.id === null) {
    box.append(el('p', { className: 'note' }, w.notInCorpus));
    return box;
  }
  const { fresh } = column;
  box.append(
    el(
      'ol',
      {},
      ...column.neighbours.map((n) =>
        el(
          'li',
          { className: fresh.has(n.word) ? 'new' : '' },
          `${n.word} `,
          el('small', {}, fmt(n.similarity, 2)),
          ...(fresh.has(n.word) ? [el('span', { className: 'visually-hidden' }, w.newThisEpoch)] : []),
        ),
      ),
    ),
  );
  return box;
}

/** What the download buttons give: the shown epoch's vectors, or what to do first. */
export function downloadNoteText(
  ready: boolean,
  shown: number,
  run: { corpus: { words: readonly string[] } | null; snapshots: readonly { table: { dim: number } }[] },
): string {
  const w = SKIPGRAM_WORDS.now();
  if (!ready) return w.trainFirst;
  const words = run.corpus?.words.length ?? 0;
  const dim = run.snapshots[0]?.table.dim ?? 0;
  return w.vectorsOf(String(shown), shown === 0, fmtInt(words), String(dim));
}
