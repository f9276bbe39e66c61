/**
 * The curves and the epoch table of <kit-sentiment-train>: loss and accuracy of every batch, and
 * of every epoch on the training and validation reviews. Drawing only; the numbers come from
 * the training run's state (./training-run.ts). Not a widget itself.
 */
import { percent } from '../../data/format';
import { thinPoints, type BatchPoint } from '../../lstm/sentiment/progress';
import type { BatchLog, EpochLog } from '../../lstm/sentiment/train';
import { dataTable } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { wholeTicks } from '../kit/ticks';
import { SENTIMENT_CHARTS_WORDS } from './sentiment-charts.words';

// Readable on light and dark pages (SVG attributes cannot use CSS variables).
const COLOURS = { train: '#2f6fd6', validation: '#d6452f' } as const;

// A long run is drawn from at most this many points.
const MAX_BATCH_POINTS = 600;

/** Draws every batch's loss and accuracy (epochs along x) into `target`, `width` pixels wide. */
export function drawBatchChart(target: HTMLElement, points: BatchPoint[], last: BatchLog | null, width: number): void {
  const batches = thinPoints(points, MAX_BATCH_POINTS);
  if (batches.length === 0 || !last) return;
  const w = SENTIMENT_CHARTS_WORDS.now();
  const series = batches.flatMap((p) => [
    { x: p.x, value: p.loss, metric: w.loss },
    { x: p.x, value: p.accuracy, metric: w.accuracy },
  ]);
  drawPlot(target, {
    width,
    height: 240,
    marginLeft: 50,
    x: { label: w.epochAxis },
    y: { label: w.perBatch, grid: true, domain: [0, Math.max(1, ...batches.map((p) => p.loss))] },
    color: { legend: true, domain: [w.loss, w.accuracy], range: [COLOURS.validation, COLOURS.train] },
    marks: [Plot.line(series, { x: 'x', y: 'value', z: 'metric', stroke: 'metric', strokeWidth: 1 }), Plot.ruleY([0])],
    ariaLabel: w.batchLabel,
    ariaDescription: w.batchDescription(
      fmtInt(points.length),
      last.loss.toFixed(4),
      percent(last.accuracy, 2),
      last.meanLoss.toFixed(4),
    ),
  });
}

/** Draws each epoch's loss and accuracy, training and validation, into `target`, `width` pixels wide. */
export function drawEpochChart(target: HTMLElement, epochs: EpochLog[], width: number): void {
  if (epochs.length === 0) return;
  const w = SENTIMENT_CHARTS_WORDS.now();
  const rows = epochs.flatMap((e) => [
    { epoch: e.epoch + 1, value: e.loss, metric: w.loss, data: w.training },
    { epoch: e.epoch + 1, value: e.accuracy, metric: w.accuracy, data: w.training },
    ...(e.valLoss === null
      ? []
      : [
          { epoch: e.epoch + 1, value: e.valLoss, metric: w.loss, data: w.validation },
          { epoch: e.epoch + 1, value: e.valAccuracy!, metric: w.accuracy, data: w.validation },
        ]),
  ]);
  const last = epochs[epochs.length - 1]!;
  drawPlot(target, {
    width,
    height: 260,
    marginLeft: 50,
    x: { label: w.epochAxis, ticks: wholeTicks(1, epochs.length, 15), tickFormat: 'd' },
    y: { label: w.perEpoch, grid: true },
    fx: { label: null },
    color: { legend: true, domain: [w.training, w.validation], range: [COLOURS.train, COLOURS.validation] },
    marks: [
      Plot.line(
        rows.filter((d) => d.metric === w.loss),
        { x: 'epoch', y: 'value', z: 'data', stroke: 'data', strokeDasharray: '4 3' },
      ),
      Plot.line(
        rows.filter((d) => d.metric === w.accuracy),
        { x: 'epoch', y: 'value', z: 'data', stroke: 'data' },
      ),
      // The tip names these channels: in the page's words, not by the rows' field names.
      Plot.dot(rows, {
        x: 'epoch',
        y: 'value',
        stroke: Object.assign((d: (typeof rows)[number]) => d.data, { label: w.dataLabel }),
        symbol: Object.assign((d: (typeof rows)[number]) => d.metric, { label: w.metricLabel }),
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
    symbol: { legend: true },
    ariaLabel: w.epochLabel,
    ariaDescription:
      w.epochDescription(fmtInt(last.epoch + 1), last.loss.toFixed(4), percent(last.accuracy, 2)) +
      (last.valLoss === null ? w.end : w.epochValidation(last.valLoss.toFixed(4), percent(last.valAccuracy!, 2))),
  });
}

/** The table of each epoch's numbers (losses, accuracies in %, seconds). */
export function epochTable(epochs: EpochLog[]): HTMLTableElement {
  const w = SENTIMENT_CHARTS_WORDS.now();
  return dataTable({
    role: 'epoch-table',
    caption: w.tableCaption,
    head: [...w.tableHead],
    rows: epochs.map((e) => [
      String(e.epoch + 1),
      { num: e.loss.toFixed(4) },
      { num: percent(e.accuracy, 2) },
      { num: e.valLoss === null ? '–' : e.valLoss.toFixed(4) },
      { num: e.valAccuracy === null ? '–' : percent(e.valAccuracy, 2) },
      { num: e.seconds.toFixed(1) },
    ]),
  });
}
