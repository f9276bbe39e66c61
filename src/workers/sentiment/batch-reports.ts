/**
 * The pace of the training worker's batch reports. A batch of r-keras takes about 20 ms, so a
 * report per batch asked the page to update its progress line, its bar and (through them)
 * layout, paint and raster some 50 times a second: work on the same two cores the training
 * threads need. The worker keeps the logs and sends them together at most every `everyMs`
 * (and whenever the caller flushes: at the end of an epoch, on pause, at the end), so that the
 * page gets every batch's numbers, a few times a second.
 */
import type { BatchLog } from '../../lstm/sentiment/train.ts';

/** Collects batch logs; `send` gets them, oldest first, when due. */
export class BatchReports {
  private pending: BatchLog[] = [];
  private last: number;

  constructor(
    private readonly send: (logs: BatchLog[]) => void,
    private readonly everyMs = 250,
    private readonly now: () => number = () => performance.now(),
  ) {
    // The first batch is reported at once: the page learns that training has begun.
    this.last = -Infinity;
  }

  /** Adds one batch's log; sends what is pending when `everyMs` has passed since the last send. */
  add(log: BatchLog): void {
    this.pending.push(log);
    if (this.now() - this.last >= this.everyMs) this.flush();
  }

  /** Sends what is pending, if anything. */
  flush(): void {
    if (this.pending.length === 0) return;
    const logs = this.pending;
    this.pending = [];
    this.last = this.now();
    this.send(logs);
  }
}
