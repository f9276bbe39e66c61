import { describe, expect, it } from 'vitest';
import { BatchReports } from '../../src/workers/sentiment/batch-reports';
import type { BatchLog } from '../../src/lstm/sentiment/train';

const log = (batch: number): BatchLog => ({
  epoch: 0,
  batch,
  batchesPerEpoch: 100,
  loss: 0.5,
  accuracy: 0.5,
  meanLoss: 0.5,
  meanAccuracy: 0.5,
  seconds: batch / 50,
});

describe('BatchReports', () => {
  it('sends the first batch at once, then every batch in groups at most every 250 ms, in order', () => {
    let clock = 0;
    const sent: number[][] = [];
    const reports = new BatchReports(
      (logs) => sent.push(logs.map((l) => l.batch)),
      250,
      () => clock,
    );
    for (let b = 0; b < 30; b++) {
      reports.add(log(b));
      clock += 20; // a batch every 20 ms
    }
    // Batch 0 at t = 0, then the batches up to t = 260 (batch 13), and up to t = 520 (batch 26).
    expect(sent).toEqual([
      [0],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
    ]);
    reports.flush();
    expect(sent[3]).toEqual([27, 28, 29]);
    expect(sent.flat()).toEqual(Array.from({ length: 30 }, (_, b) => b));
  });

  it('sends nothing on a flush with nothing pending', () => {
    const sent: BatchLog[][] = [];
    const reports = new BatchReports(
      (logs) => sent.push(logs),
      250,
      () => 0,
    );
    reports.flush();
    expect(sent).toEqual([]);
    reports.add(log(0));
    reports.add(log(1)); // not due: the clock stands still
    expect(sent).toHaveLength(1);
    reports.flush();
    expect(sent.map((logs) => logs.length)).toEqual([1, 1]);
  });
});
