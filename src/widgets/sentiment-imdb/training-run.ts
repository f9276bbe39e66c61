/**
 * The state of a training run in <kit-sentiment-train>, without the page: what the sentiment
 * worker's reports (src/workers/sentiment/protocol.ts) do to the curves, the status lines, the
 * progress bar and the checkpoint a reload may resume. A pure reducer, `(state, report) =>
 * state`, that the widget renders; no DOM, unit-tested in test/unit/sentiment-training-run.test.ts.
 * It lives beside the widget because its lines are the widget's words (kit number formats).
 */
import { percent } from '../../data/format';
import { batchPoint, runProgress, type BatchPoint } from '../../lstm/sentiment/progress';
import type { RunChoice } from '../../lstm/sentiment/settings-form';
import type { KitModelMetadata } from '../../lstm/sentiment/model-files';
import type { BatchLog, EpochLog } from '../../lstm/sentiment/train';
import type { SentimentReport } from '../../workers/sentiment/protocol';
import { fmtInt } from '../kit/format';
import { SENTIMENT_TRAIN_WORDS } from './sentiment-train.words';

/** The words of these lines, in one edition (English by default, as in the tests). */
export type TrainingWords = typeof SENTIMENT_TRAIN_WORDS.en;

/** What a reload may resume: kept in localStorage beside the checkpoint in IndexedDB. */
export interface CheckpointInfo extends RunChoice {
  seed: number;
  epochsDone: number;
  history: EpochLog[];
}

/** The reports of a training run (the evaluation's and the backend's are not the run's). */
export type TrainingReport = Exclude<SentimentReport, { type: 'backend' | 'evaluating' | 'evaluated' | 'timed' }>;

/** The progress bar: `done` of `total` batches. */
export interface ProgressBar {
  done: number;
  total: number;
  /** The share done, as a screen reader reads it ("42%"). */
  text: string;
}

/** Everything the widget shows of training. */
export interface TrainingRun {
  running: 'idle' | 'training' | 'paused';
  /** The run going on (what its checkpoints record), or null. */
  choice: (RunChoice & { seed: number }) | null;
  /** Every batch of this run, as chart points, and the last batch's log. */
  batches: BatchPoint[];
  lastBatch: BatchLog | null;
  /** Every epoch, those of a resumed checkpoint included. */
  epochs: EpochLog[];
  /** The run's epochs: from `startEpoch` (0-based) to `totalEpochs`. */
  totalEpochs: number;
  startEpoch: number;
  status: string;
  progressText: string;
  progress: ProgressBar | null;
  /** The checkpoint a reload may resume, as storage should hold it; null for none. */
  checkpoint: CheckpointInfo | null;
}

/** No run: the page as it opens, with the checkpoint that storage holds (or null). */
export function idleRun(checkpoint: CheckpointInfo | null): TrainingRun {
  return {
    running: 'idle',
    choice: null,
    batches: [],
    lastBatch: null,
    epochs: checkpoint?.history ?? [],
    totalEpochs: 0,
    startEpoch: 0,
    status: '',
    progressText: '',
    progress: null,
    checkpoint,
  };
}

/**
 * A run started with `choice` and `seed`: afresh (the old checkpoint is dropped), or resuming
 * `from` (its epochs stay on the chart).
 */
export function startRun(
  state: TrainingRun,
  choice: RunChoice,
  seed: number,
  from: CheckpointInfo | null = null,
  w: TrainingWords = SENTIMENT_TRAIN_WORDS.en,
): TrainingRun {
  return {
    ...state,
    running: 'training',
    choice: { ...choice, seed },
    batches: [],
    lastBatch: null,
    epochs: from ? from.history : [],
    status: w.starting,
    checkpoint: from,
  };
}

/** Minutes and seconds of `seconds`, "3:07", or with hours "1:02:03"; "–" if not finite. */
export function fmtClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

/** The progress line after batch `b` of a run of epochs `startEpoch` to `totalEpochs`. */
export function progressLine(
  b: BatchLog,
  totalEpochs: number,
  startEpoch: number,
  w: TrainingWords = SENTIMENT_TRAIN_WORDS.en,
): string {
  const p = runProgress(b, totalEpochs, startEpoch);
  return w.progress({
    epoch: fmtInt(b.epoch + 1),
    epochs: fmtInt(totalEpochs),
    batch: fmtInt(p.doneInEpoch),
    batches: fmtInt(b.batchesPerEpoch),
    loss: b.meanLoss.toFixed(4),
    accuracy: percent(b.meanAccuracy, 2),
    rate: p.rate.toFixed(1),
    epochLeft: fmtClock(p.epochSecondsLeft),
    left: fmtClock(p.secondsLeft),
  });
}

/** A sentiment worker's error in the words `w` (its English message when it has no code these words know). */
export function workerErrorText(
  report: { message: string; code?: string; values?: number[] },
  w: TrainingWords = SENTIMENT_TRAIN_WORDS.en,
): string {
  if (report.code === 'diverged' && report.values?.length === 3) {
    const [loss, epoch, batch] = report.values as [number, number, number];
    return w.diverged(String(loss), fmtInt(epoch), fmtInt(batch));
  }
  const known: Record<string, string> = w.errors;
  return (report.code && known[report.code]) || report.message;
}

/** The status line when an epoch's checkpoint was not kept, with `reason` (older workers give none). */
function checkpointFailure(reason: string | null | undefined, kept: CheckpointInfo | null, w: TrainingWords): string {
  if (!reason) return w.checkpointBlocked;
  return w.checkpointFailed(reason) + (kept ? w.checkpointStillKept(fmtInt(kept.epochsDone)) : w.checkpointNone);
}

/** ", kept epoch 1 (the best on validation, 83.10%)" when the model is not its last epoch's. */
function keptNote(m: KitModelMetadata, w: TrainingWords): string {
  if (m.keptEpoch === undefined) return '';
  const accuracy = m.history.find((e) => e.epoch === m.keptEpoch! - 1)?.valAccuracy ?? null;
  return w.keptEpoch(fmtInt(m.keptEpoch), accuracy === null ? null : percent(accuracy, 2));
}

/** The state after one report of the worker. `trained` and `error` end the run. */
export function trainingStep(
  state: TrainingRun,
  report: TrainingReport,
  w: TrainingWords = SENTIMENT_TRAIN_WORDS.en,
): TrainingRun {
  switch (report.type) {
    case 'status':
      return { ...state, status: report.code ? w.workerStatus[report.code] : report.text };
    case 'begin': {
      const { info } = report;
      return {
        ...state,
        totalEpochs: info.epochs,
        startEpoch: info.startEpoch,
        epochs: [...report.history],
        status: w.begin(fmtInt(info.trainCount), fmtInt(info.validationCount), fmtInt(info.batchesPerEpoch)),
      };
    }
    case 'batch': {
      const b = report.logs[report.logs.length - 1];
      if (!b) return state;
      const p = runProgress(b, state.totalEpochs, state.startEpoch);
      return {
        ...state,
        lastBatch: b,
        batches: state.batches.concat(report.logs.map(batchPoint)),
        progress: { done: p.done, total: p.total, text: `${Math.round((100 * p.done) / p.total)}%` },
        progressText: progressLine(b, state.totalEpochs, state.startEpoch, w),
      };
    }
    case 'epoch': {
      const epochs = [...state.epochs, report.log];
      const checkpoint = state.choice ? { ...state.choice, epochsDone: report.log.epoch + 1, history: epochs } : null;
      // A checkpoint not kept leaves the one before it (if any) as what a reload may resume.
      return {
        ...state,
        epochs,
        checkpoint: report.checkpointSaved ? (checkpoint ?? state.checkpoint) : state.checkpoint,
        status: report.checkpointSaved ? state.status : checkpointFailure(report.checkpointError, state.checkpoint, w),
      };
    }
    case 'paused':
      return { ...state, running: 'paused', progressText: w.paused(state.progressText) };
    case 'resumed':
      return { ...state, running: 'training' };
    case 'trained': {
      const m = report.metadata;
      // A finished run needs no checkpoint; a stopped one keeps it, to resume after a reload.
      const checkpoint = report.stopped ? state.checkpoint : null;
      const notKept = report.saveError ? w.notKept(report.saveError) : null;
      const done = fmtInt(m.epochsDone);
      return {
        ...state,
        running: 'idle',
        choice: null,
        checkpoint,
        status: notKept
          ? (report.stopped ? w.stoppedAfter(done) : w.trainedEpochs(done)) +
            notKept +
            (report.stopped && checkpoint ? w.resumeAfterReload(fmtInt(checkpoint.epochsDone)) : w.end)
          : report.stopped
            ? w.stoppedSaved(done) + (checkpoint ? w.stoppedCheckpoint : w.stoppedNoCheckpoint)
            : w.trained(m.epochsDone, done, keptNote(m, w)),
      };
    }
    case 'error':
      return { ...state, running: 'idle', choice: null, status: '' };
  }
}
