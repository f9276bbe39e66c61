/**
 * How far a training run has come and how long it has left, from the batch logs that
 * src/lstm/sentiment/train.ts reports: the page's progress bar and the Node command's line use
 * the same estimate. Also the thinning of per-batch points for a chart.
 */
import type { BatchLog } from './train.ts';

/** Where a run stands after a batch. */
export interface RunProgress {
  /** Batches done in this run (from its first epoch, not counting resumed ones) and in all. */
  done: number;
  total: number;
  /** Batches done in the current epoch. */
  doneInEpoch: number;
  /** This epoch's speed, batches per second. */
  rate: number;
  /** Seconds left in this epoch and in the whole run, at that speed (validation not counted). */
  epochSecondsLeft: number;
  secondsLeft: number;
}

/**
 * The progress of a run of epochs `startEpoch` to `epochs` (0-based start, exclusive end) after
 * batch `b`; the estimates assume the rest goes at the current epoch's speed.
 */
export function runProgress(b: BatchLog, epochs: number, startEpoch = 0): RunProgress {
  const doneInEpoch = b.batch + 1;
  const done = (b.epoch - startEpoch) * b.batchesPerEpoch + doneInEpoch;
  const total = (epochs - startEpoch) * b.batchesPerEpoch;
  const rate = doneInEpoch / b.seconds;
  return {
    done,
    total,
    doneInEpoch,
    rate,
    epochSecondsLeft: (b.batchesPerEpoch - doneInEpoch) / rate,
    secondsLeft: (total - done) / rate,
  };
}

/** A batch on a chart: `x` in epochs (2.5 is halfway through the third), its loss and accuracy. */
export interface BatchPoint {
  x: number;
  loss: number;
  accuracy: number;
}

/** The point of batch `b`. */
export function batchPoint(b: BatchLog): BatchPoint {
  return { x: b.epoch + (b.batch + 1) / b.batchesPerEpoch, loss: b.loss, accuracy: b.accuracy };
}

/**
 * At most `n` points (n >= 1): the mean of each run of consecutive points, at the run's last
 * `x`, so that a long run still draws fast. Fewer than `n` points come back as they are.
 */
export function thinPoints(points: readonly BatchPoint[], n: number): BatchPoint[] {
  if (points.length <= n) return [...points];
  const size = Math.ceil(points.length / n);
  const out: BatchPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const run = points.slice(i, i + size);
    const mean = (f: (p: BatchPoint) => number) => run.reduce((s, p) => s + f(p), 0) / run.length;
    out.push({ x: run[run.length - 1]!.x, loss: mean((p) => p.loss), accuracy: mean((p) => p.accuracy) });
  }
  return out;
}
