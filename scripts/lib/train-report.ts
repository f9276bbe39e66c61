/** The table both r-keras training benchmarks print (scripts/bench-train*.ts), one row per model. */
import { median, R_KERAS, type BatchTimes } from '../../src/lstm/sentiment/rkeras.ts';

/** Which LSTM layer, kernels and optimizer a row measured, each row adding one to the last. */
export type TrainKind = 'stock' | 'fused' | 'fused+gather' | 'fused+gather+adam';

/** The rows, in the order the benchmarks build and print them. */
export const TRAIN_KINDS: readonly TrainKind[] = ['stock', 'fused', 'fused+gather', 'fused+gather+adam'];

const LABELS: Record<TrainKind, string> = {
  stock: 'tf.layers.lstm + segment-sum kernel, tf.train.adam',
  fused: 'FusedLstm + segment-sum kernel, tf.train.adam',
  'fused+gather': 'FusedLstm + segment-sum + fast lookup kernels, tf.train.adam',
  'fused+gather+adam': 'FusedLstm + segment-sum + fast lookup kernels, one-pass Adam',
};

/** One measured model, with any extra cells (such as peak memory) for `extra` columns. */
export interface TrainRow extends BatchTimes {
  kind: TrainKind;
  cells?: string[];
}

/**
 * The markdown table: ms per batch, seconds per epoch extrapolated from the median, the speed-up
 * over the first (stock) row and GFLOP/s, then the `extra` columns, tensors and the last loss.
 */
export function trainTable(rows: readonly TrainRow[], epochBatches: number, extra: string[] = []): string[] {
  const stock = median(rows[0]!.times);
  const head = [
    'model',
    'ms per batch (median)',
    'min-max ms',
    's per epoch (extrapolated from the median)',
    'time / stock time',
    `GFLOP/s (${R_KERAS.gflopPerEpoch} GFLOP/epoch)`,
    'tensors before/after',
    ...extra,
    'last loss',
  ];
  const lines = [`| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`];
  for (const r of rows) {
    const ms = median(r.times);
    const epochSeconds = (ms * epochBatches) / 1000;
    const cells = [
      LABELS[r.kind],
      ms.toFixed(1),
      `${Math.min(...r.times).toFixed(0)}-${Math.max(...r.times).toFixed(0)}`,
      epochSeconds.toFixed(1),
      `${(ms / stock).toFixed(3)} (${(stock / ms).toFixed(1)}x faster)`,
      (R_KERAS.gflopPerEpoch / epochSeconds).toFixed(1),
      `${r.tensorsBefore}/${r.tensorsAfter}`,
      ...(r.cells ?? []),
      r.loss.toFixed(4),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** Whether the last row meets the r-keras targets against the first: `speedUp` times faster, an epoch in under `epochSeconds`. */
export function targetLine(
  rows: readonly TrainRow[],
  epochBatches: number,
  { speedUp = 8, epochSeconds = 60 } = {},
): string {
  const stock = median(rows[0]!.times);
  const last = rows[rows.length - 1]!;
  const ms = median(last.times);
  const epoch = (ms * epochBatches) / 1000;
  const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');
  return (
    `Targets for "${LABELS[last.kind]}": at least ${speedUp}x faster than stock: ` +
    `${(stock / ms).toFixed(1)}x, ${ok(stock / ms >= speedUp)}; an epoch in under ${epochSeconds} s: ` +
    `${epoch.toFixed(1)} s, ${ok(epoch < epochSeconds)}.`
  );
}
