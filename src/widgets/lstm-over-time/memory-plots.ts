/**
 * The plots of <kit-memory-task>: the training curves of the N in training, accuracy against N,
 * and the "Inside the trained LSTM" section (the example sequence with the LSTM's answer, heat
 * maps of f_t and C_t by unit and step, and the lines of the unit that holds the answer). The
 * numbers come from src/lstm/memory/run.ts and inside.ts; these functions only draw them.
 */
import { percent as pct } from '../../data/format';
import { MEMORY_SERIES, type MemoryInside } from '../../lstm/memory/inside';
import {
  MEMORY_MODELS as MODELS,
  sweepPoints,
  type MemoryCurvePoint,
  type MemoryRunResult,
  type MemorySweepPoint,
} from '../../lstm/memory/run';
import { MEMORY_SYMBOLS } from '../../lstm/memory/task';
import { el } from '../kit/dom';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { MEMORY_TASK_WORDS } from './memory-task.words';

/** The elements the section draws into. */
export interface InsideParts {
  sequence: HTMLElement;
  forget: HTMLElement;
  cell: HTMLElement;
  unit: HTMLElement;
}

const COLOURS = ['#d9480f', '#2f6fd6'];
const CHANCE_LOSS = Math.LN2;

/** A network's name (a MEMORY_MODELS key) as the page's edition writes it. */
function modelName(model: string): string {
  return model === MODELS[0] ? MEMORY_TASK_WORDS.now().vanillaRnn : model;
}

/** A line's name (a MEMORY_SERIES key) as the page's edition writes it. */
function seriesName(series: string): string {
  const w = MEMORY_TASK_WORDS.now();
  return w.series[series] ?? series;
}

/**
 * The loss (nats; chance is ln 2) and test-accuracy curves of both networks, over the training
 * steps of the N in training; the x axis runs to `steps` at least.
 */
export function drawCurves(
  into: { loss: HTMLElement; accuracy: HTMLElement },
  runs: { loss: MemoryCurvePoint[]; accuracy: MemoryCurvePoint[]; curveN: number },
  steps: number,
  plotWidth: number,
): void {
  // Two plots side by side where each gets 280 pixels, else one above the other at full width.
  const wide = plotWidth < 600 ? plotWidth : Math.max(280, Math.floor(plotWidth / 2) - 16);
  const w = MEMORY_TASK_WORDS.now();
  const maxStep = Math.max(steps, ...runs.loss.map((d) => d.step));
  const color = { domain: [...MODELS], range: COLOURS, legend: true, tickFormat: modelName };
  const n = runs.curveN ? w.atN(runs.curveN) : '';
  drawPlot(into.loss, {
    width: wide,
    height: 220,
    marginLeft: 48,
    x: { domain: [0, maxStep], label: w.trainingStep },
    y: { domain: [0, Math.max(1, ...runs.loss.map((d) => d.value))], label: w.lossLabel(n), grid: true },
    color,
    marks: [
      Plot.ruleY([CHANCE_LOSS], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      Plot.text([CHANCE_LOSS], { x: maxStep, y: (d: number) => d, text: () => w.chance, textAnchor: 'end', dy: -6 }),
      Plot.line(runs.loss, { x: 'step', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
    ],
    ariaLabel: w.lossPlot,
    ariaDescription: runs.loss.length
      ? w.lossLatest(fmt(runs.loss.at(-2)!.value), fmt(runs.loss.at(-1)!.value), fmt(CHANCE_LOSS))
      : w.noTraining,
  });
  drawPlot(into.accuracy, {
    width: wide,
    height: 220,
    marginLeft: 48,
    x: { domain: [0, maxStep], label: w.trainingStep },
    y: {
      domain: [0, 1],
      label: w.accuracyLabel(n),
      grid: true,
      tickFormat: (d: number) => `${Math.round(d * 100)}%`,
    },
    color,
    marks: [
      Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      Plot.line(runs.accuracy, { x: 'step', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
      Plot.dot(runs.accuracy, { x: 'step', y: 'value', fill: 'model', r: 2 }),
    ],
    ariaLabel: w.accuracyPlot,
    ariaDescription: runs.accuracy.length
      ? w.accuracyLatest(pct(runs.accuracy.at(-2)!.value), pct(runs.accuracy.at(-1)!.value))
      : w.noTraining,
  });
}

/** The paragraph on the latest result (test accuracies in [0, 1], seconds in the worker), or what to do first. */
export function showLast(container: HTMLElement, last: MemoryRunResult | undefined): void {
  const w = MEMORY_TASK_WORDS.now();
  if (last) {
    const r = last;
    const ended = r.ended === 'perfect' ? w.endedPerfect : r.ended === 'stopped' ? w.endedStopped : '';
    container.replaceChildren(
      el(
        'p',
        {
          'data-role': 'last',
          'data-distractors': r.distractors,
          'data-rnn-accuracy': r.rnn.accuracy,
          'data-lstm-accuracy': r.lstm.accuracy,
          'data-steps': r.steps,
        },
        w.last({
          n: r.distractors,
          rnn: pct(r.rnn.accuracy),
          lstm: pct(r.lstm.accuracy),
          rnnBefore: pct(r.initial.rnn),
          lstmBefore: pct(r.initial.lstm),
          steps: r.steps,
          ended,
          seconds: r.seconds.toFixed(1),
        }),
      ),
    );
  } else {
    container.replaceChildren(el('p', { className: 'note' }, w.pressTrain));
  }
}

/** Test accuracy (in [0, 1]) of both networks against N, one result per N (ascending). */
export function drawSweep(container: HTMLElement, byN: readonly MemoryRunResult[], plotWidth: number): void {
  const w = MEMORY_TASK_WORDS.now();
  const points = sweepPoints(byN);
  drawPlot(container, {
    width: plotWidth,
    height: 230,
    marginLeft: 48,
    x: { domain: [0, Math.max(60, ...points.map((p) => p.n))], label: w.distractorsAxis },
    y: { domain: [0, 1], label: w.testAccuracy, grid: true, tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    color: { domain: [...MODELS], range: COLOURS, legend: true, tickFormat: modelName },
    marks: [
      Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      Plot.line(points, { x: 'n', y: 'value', stroke: 'model', z: 'model', strokeWidth: 1.8 }),
      Plot.dot(points, {
        x: 'n',
        y: 'value',
        fill: 'model',
        r: 3.5,
        title: (d: MemorySweepPoint) =>
          w.sweepPoint(modelName(d.model), d.n, pct(d.value), d.steps, d.seconds.toFixed(1)),
      }),
    ],
    ariaLabel: w.sweepPlot,
    ariaDescription: byN.length
      ? byN
          .map((r) =>
            w.sweepItem(r.distractors, pct(r.rnn.accuracy), pct(r.lstm.accuracy), r.steps, r.seconds.toFixed(1)),
          )
          .join(w.separator)
      : w.noRuns,
  });
}

/** A heat map of one `[time, units]` trace, with the answering unit outlined and its legend above. */
function heat(
  container: HTMLElement,
  view: MemoryInside,
  trace: Float64Array,
  what: string,
  color: Plot.ScaleOptions,
  label: string,
  width: number,
): void {
  const w = MEMORY_TASK_WORDS.now();
  const { time: T, units, unit } = view;
  const data: { t: number; unit: string; value: number }[] = [];
  for (let t = 0; t < T; t++)
    for (let j = 0; j < units; j++) data.push({ t: t + 1, unit: String(j + 1), value: trace[t * units + j] });
  drawPlot(container, {
    width,
    height: 70 + units * 16,
    marginLeft: 56,
    marginRight: 20,
    x: {
      type: 'band',
      domain: Array.from({ length: T }, (_, t) => t + 1),
      tickFormat: (t: number) => (t === 1 || t % 10 === 0 ? String(t) : ''),
      label: w.stepT,
    },
    y: { type: 'band', domain: Array.from({ length: units }, (_, j) => String(j + 1)), label: w.unit },
    color,
    marks: [
      Plot.cell(data, {
        x: 't',
        y: 'unit',
        fill: 'value',
        title: (d: { t: number; unit: string; value: number }) => w.cellTitle(d.unit, d.t, fmt(d.value)),
      }),
      Plot.cell([{ unit: String(unit + 1) }], { y: 'unit', fill: 'none', stroke: 'currentColor', strokeWidth: 2 }),
    ],
    ariaLabel: w.heatLabel(what),
    ariaDescription: w.heatDescription(unit + 1),
  });
  // The legend is drawn on its own, above the plot, as in the other heat maps of the chapter.
  container.prepend(
    Plot.legend({
      color: { ...color, label },
      marginLeft: 12,
      width: 260,
      style: { background: 'transparent', color: 'currentColor' },
    }),
  );
}

/** One panel of the answering unit's lines (f_t or C_t, named `name`): trained solid, before training dashed. */
function panel(
  container: HTMLElement,
  view: MemoryInside,
  which: 'f' | 'c',
  name: string,
  domain: [number, number],
  width: number,
) {
  const w = MEMORY_TASK_WORDS.now();
  const T = view.time;
  const mine = view.lines.filter((d) => d.panel === which);
  drawPlot(container, {
    width,
    height: 180,
    marginLeft: 48,
    x: { domain: [1, T], label: w.stepTArrow },
    y: { domain, label: `↑ ${name}`, grid: true },
    color: {
      domain: [...MEMORY_SERIES],
      range: ['#2f6fd6', '#d9480f', '#8a8f98', '#c4a06a'],
      legend: true,
      tickFormat: seriesName,
    },
    marks: [
      Plot.ruleY(domain[0] < 0 ? [0] : [1], { strokeOpacity: 0.4 }),
      Plot.line(
        mine.filter((d) => d.series.startsWith('before')),
        { x: 't', y: 'value', stroke: 'series', z: 'series', strokeWidth: 1.5, strokeDasharray: '4,3' },
      ),
      Plot.line(
        mine.filter((d) => !d.series.startsWith('before')),
        { x: 't', y: 'value', stroke: 'series', z: 'series', strokeWidth: 2 },
      ),
    ],
    ariaLabel: name,
    ariaDescription: w.panelDescription(name, T),
  });
}

/** Draws the whole section for `view`, `plotWidth` pixels wide at most. */
export function drawInside(parts: InsideParts, view: MemoryInside, plotWidth: number): void {
  const w = MEMORY_TASK_WORDS.now();
  const p = view.probability;
  parts.sequence.replaceChildren(
    w.sequence,
    ...view.symbols.flatMap((s, t) => [
      t === 0 ? el('span', { className: 'first' }, MEMORY_SYMBOLS[s]) : MEMORY_SYMBOLS[s],
      ' ',
    ]),
    w.says(p > 0.5 ? '+' : '−', fmt(p, 3)),
  );
  const width = plotWidth;
  const forget: Plot.ScaleOptions = { type: 'linear', domain: [0, 1], scheme: 'blues' };
  heat(parts.forget, view, view.forget, w.forgetGate, forget, w.forgetLegend, width);
  const m = view.cellLimit;
  const cell: Plot.ScaleOptions = { type: 'diverging', domain: [-m, m], scheme: 'rdbu' };
  heat(parts.cell, view, view.cell, w.cellState, cell, w.cellLegend, width);

  const unit = view.unit + 1;
  const lineWidth = plotWidth;
  panel(parts.unit, view, 'f', w.forgetOfUnit(unit), [0, 1], lineWidth);
  const cPanel = el('div', { className: 'plot', 'data-role': 'unit-c' });
  const cMax = Math.max(1, ...view.lines.filter((d) => d.panel === 'c').map((d) => Math.abs(d.value)));
  panel(cPanel, view, 'c', w.cellOfUnit(unit), [-cMax, cMax], lineWidth);
  parts.unit.append(...cPanel.childNodes);
}
