/** The table both r-keras training benchmarks print (scripts/bench-train*.ts), one row per model. */
import { median, R_KERAS, type BatchTimes } from '../../src/lstm/rkeras.ts';

/** Which LSTM layer and kernels a row measured. */
export type TrainKind = 'stock' | 'fused' | 'fused+gather';

const LABELS: Record<TrainKind, string> = {
  stock: 'tf.layers.lstm + segment-sum kernel',
  fused: 'FusedLstm + segment-sum kernel',
  'fused+gather': 'FusedLstm + segment-sum + fast gather kernels',
};

/** One measured model, with any extra cells (such as peak memory) for `extra` columns. */
export interface TrainRow extends BatchTimes {
  kind: TrainKind;
  cells?: string[];
}

/**
 * The markdown table: ms per batch, seconds per epoch extrapolated from the median, the ratio to
 * the first (stock) row and GFLOP/s, then the `extra` columns, tensors and the last loss.
 */
export function trainTable(rows: readonly TrainRow[], epochBatches: number, extra: string[] = []): string[] {
  const stock = median(rows[0]!.times);
  const head = [
    'LSTM',
    'ms per batch (median)',
    'min-max ms',
    's per epoch (extrapolated from the median)',
    'fused/stock time',
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
