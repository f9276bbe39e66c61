/**
 * The whole-review presets (`r-keras-400`, `dlwp`) trained two ways, taking turns: the fused
 * layer with every step's input in its product, and the same layer over distinct input rows
 * (src/lstm/fast/distinct-rows.ts), each way forced (of its own, the layer takes the distinct
 * rows for r-keras-400 alone, whose input is wider than h). Same weights, same batches, the same
 * maths: the losses agree. Shared by `npm run bench:train`'s Node and browser
 * halves (scripts/bench-train.ts, scripts/bench/train-page.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { ImdbSplitData } from '../../src/data/index.ts';
import { distinctRows } from '../../src/lstm/fast/distinct-rows.ts';
import { fusedLstmTuning } from '../../src/lstm/fast/fused-layer.ts';
import { sentimentModel } from '../../src/lstm/sentiment/model.ts';
import { presetSettings, settingsView } from '../../src/lstm/sentiment/presets.ts';
import { median, permutation, timeInterleaved } from '../../src/lstm/sentiment/rkeras.ts';
import { batchOf } from '../../src/lstm/sentiment/train.ts';

/** The presets timed, and the two ways. */
export const WHOLE_REVIEW_PRESETS = ['r-keras-400', 'dlwp'] as const;
const WAYS = ['every step', 'distinct rows'] as const;

/** One row of the table: a preset trained one way. */
export interface WholeReviewRow {
  preset: (typeof WHOLE_REVIEW_PRESETS)[number];
  way: (typeof WAYS)[number];
  times: number[];
  loss: number;
  /** Batches of an epoch. */
  epochBatches: number;
  /** The share of a batch's steps whose input row is distinct (per review under input dropout), mean over the timed batches. */
  distinctShare: number;
}

/**
 * The share of a batch's steps `[rows, maxlen]` that read an id not read before: per row when
 * `perRow` (input dropout), else over the batch. The layer's own count (distinct-rows.ts), on the
 * ids as rows one number wide.
 */
function distinctShare(ids: Int32Array, rows: number, maxlen: number, perRow: boolean): number {
  const asRows = new Float32Array(ids.buffer, ids.byteOffset, ids.length);
  return distinctRows(asRows, rows, maxlen, 1, perRow)!.count / (rows * maxlen);
}

/**
 * Times `batches` batches of each whole-review preset both ways (after `warmup` untimed ones),
 * taking turns in blocks of five; `vocabularySize` is the prepared data's vocabulary.
 */
export async function timeWholeReviews(
  train: ImdbSplitData,
  vocabularySize: number,
  { batches = 10, warmup = 2, seed = 7 } = {},
): Promise<WholeReviewRow[]> {
  const rows: WholeReviewRow[] = [];
  const chosen = fusedLstmTuning.distinctMaxShare;
  for (const preset of WHOLE_REVIEW_PRESETS) {
    const settings = presetSettings(preset);
    const view = settingsView(settings);
    const size = settings.batchSize;
    const models = WAYS.map(() => sentimentModel(settings, { vocabularySize, seed }));
    models[1]!.setWeights(models[0]!.getWeights());
    const shares: number[] = [];
    const timed = await timeInterleaved(
      models.map((model, n) => ({
        model,
        before: () => void (fusedLstmTuning.distinctMaxShare = n === 0 ? 0 : 1),
      })),
      train,
      permutation(train.count, seed),
      {
        warmup,
        batches,
        batchOf: (order, k) => {
          const batch = batchOf(train, order.subarray(k * size, (k + 1) * size), view);
          const [count, maxlen] = batch.x.shape;
          shares.push(distinctShare(batch.x.dataSync() as Int32Array, count, maxlen, settings.dropout > 0));
          return batch;
        },
      },
    );
    fusedLstmTuning.distinctMaxShare = chosen;
    const epochBatches = Math.ceil(train.count / size);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    timed.forEach((t, n) =>
      rows.push({ preset, way: WAYS[n]!, times: t.times, loss: t.loss, epochBatches, distinctShare: mean }),
    );
    tf.dispose(models.flatMap((m) => m.weights.map((w) => w.read())));
  }
  return rows;
}

/** The rows as a Markdown table, each way's speed-up against its preset's first row. */
export function wholeReviewTable(rows: readonly WholeReviewRow[]): string[] {
  const lines = [
    '| preset | fused layer | ms per batch (median) | min-max ms | s per epoch (extrapolated) | speed-up | distinct input rows (share of steps) | last loss |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const base = rows.find((r) => r.preset === row.preset)!;
    const ms = median(row.times);
    lines.push(
      `| ${row.preset} | ${row.way} | ${ms.toFixed(1)} | ${Math.min(...row.times).toFixed(0)}-${Math.max(...row.times).toFixed(0)} | ` +
        `${((ms * row.epochBatches) / 1000).toFixed(1)} | ${(median(base.times) / ms).toFixed(2)}x | ${(100 * row.distinctShare).toFixed(1)}% | ${row.loss.toFixed(4)} |`,
    );
  }
  return lines;
}
