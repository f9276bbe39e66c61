/**
 * The runs of chapter 3's memory-task widget as a small state machine: start one N or a sweep
 * over several, follow the worker's reports (progress, a result per N, done, error), keep every
 * result with the settings it was trained under, and the loss and accuracy curves of the N in
 * training as plain data. It touches no DOM and no worker: the widget sends the requests it
 * returns and passes in the reports it gets, so that unit tests drive it with reports by hand.
 *
 *     const runs = new MemoryRuns();
 *     worker.send(runs.start([40], settings)!);   // null while a run is going on
 *     onReport = (report) => { runs.receive(report); draw(runs); };
 */
import type { MemoryModel } from './train';
import type { LstmWeights } from '../cell/weights';
import { MEMORY_RUN_WORDS } from './run.words';

/** The settings of a run; the rest are the defaults of memoryExperimentSettings. */
export interface MemoryRunSettings {
  /** Training steps for each network, per N. */
  steps: number;
  /** Seed of the weights and of the training data. */
  seed: number;
  /** The LSTM's initial forget-gate bias. */
  forgetBias: number;
}

/** A trained LSTM as plain arrays: gate blocks i, f, c, o as in src/lstm/cell/weights.ts. */
export interface LstmSnapshot {
  units: number;
  inputDim: number;
  /** `[inputDim, 4 * units]`. */
  kernel: Float64Array;
  /** `[units, 4 * units]`. */
  recurrentKernel: Float64Array;
  /** `[4 * units]`. */
  bias: Float64Array;
  /** The readout's weights w, `[units]`. */
  readoutW: Float64Array;
  /** The readout's bias b, a scalar. */
  readoutB: number;
}

/** Test accuracy (a share in [0, 1]) of each network at one training step. */
export interface MemoryScore {
  step: number;
  rnn: number;
  lstm: number;
}

/** Progress of the N in training. */
export interface MemoryProgress {
  distractors: number;
  /** Steps done for this N. */
  step: number;
  /** Training loss of each network (cross-entropy, nats), averaged over the steps since the last report. */
  loss: { step: number; rnn: number; lstm: number };
  /** Test accuracies scored since the last report. */
  accuracy: MemoryScore[];
}

/** The outcome of training at one N. */
export interface MemoryRunResult {
  distractors: number;
  /** Steps trained. */
  steps: number;
  ended: 'budget' | 'perfect' | 'stopped';
  /** Wall-clock time in the worker, in seconds. */
  seconds: number;
  /** Test accuracy (a share in [0, 1]) and loss (nats) of each network at the end. */
  rnn: { accuracy: number; loss: number };
  lstm: { accuracy: number; loss: number };
  /** Test accuracy of each network before training. */
  initial: { rnn: number; lstm: number };
  lstmModel: LstmSnapshot;
}

/** What a training worker reports during a run with request id `id`. */
export type MemoryRunReport =
  | ({ type: 'progress'; id: number } & MemoryProgress)
  | ({ type: 'result'; id: number } & MemoryRunResult)
  | { type: 'done'; id: number; stopped: boolean }
  | { type: 'error'; id: number; message: string; code?: MemoryErrorCode };

/** What went wrong, for the page to say in its edition: 'busy', a run was already going on. */
export type MemoryErrorCode = 'busy';

/** The requests {@link MemoryRuns} asks the widget to send: train at each N in turn, or stop. */
export type MemoryRunRequest =
  { type: 'train'; id: number; distractors: number[]; settings: MemoryRunSettings } | { type: 'stop'; id: number };

/** The two networks, as the curves and legends name them. */
export const MEMORY_MODELS = ['vanilla RNN', 'LSTM'] as const;

/** One point of a training curve: a loss (nats) or a test accuracy (a share in [0, 1]). */
export interface MemoryCurvePoint {
  step: number;
  value: number;
  model: (typeof MEMORY_MODELS)[number];
}

/** A result kept with the settings it was trained under. */
export interface MemoryRecord {
  /** {@link memorySettingsKey} of its settings. */
  key: string;
  settings: MemoryRunSettings;
  result: MemoryRunResult;
}

/** Where the runs stand, for the widget's `data-status`. */
export type MemoryPhase = 'idle' | 'training' | 'done' | 'stopped' | 'error';

/** What {@link MemoryRuns.receive} did with a report. */
export type MemoryReceived = 'ignored' | 'progress' | 'result' | 'done' | 'error';

/** A key that is equal for equal settings. */
export function memorySettingsKey({ steps, forgetBias, seed }: MemoryRunSettings): string {
  return `${steps}|${forgetBias}|${seed}`;
}

/** A trained LSTM of the experiment as plain arrays the worker can post (copies, not views). */
export function lstmSnapshot(model: MemoryModel): LstmSnapshot {
  if (model.kind !== 'lstm') throw new Error('lstmSnapshot: the network is not an LSTM.');
  const { weights, readout } = model;
  return {
    units: weights.units,
    inputDim: weights.inputDim,
    kernel: Float64Array.from(weights.kernel),
    recurrentKernel: Float64Array.from(weights.recurrentKernel),
    bias: Float64Array.from(weights.bias),
    readoutW: Float64Array.from(readout.w),
    readoutB: readout.b[0],
  };
}

/** The weights of a snapshot in the kit's layout (the same arrays, not copies). */
export function snapshotWeights(m: LstmSnapshot): LstmWeights {
  return { inputDim: m.inputDim, units: m.units, kernel: m.kernel, recurrentKernel: m.recurrentKernel, bias: m.bias };
}

/** The latest result for each N among `records` trained under `settings`, by N ascending. */
export function latestByN(records: readonly MemoryRecord[], settings: MemoryRunSettings): MemoryRunResult[] {
  const key = memorySettingsKey(settings);
  const byN = new Map<number, MemoryRunResult>();
  for (const r of records) if (r.key === key) byN.set(r.result.distractors, r.result);
  return [...byN.values()].sort((a, b) => a.distractors - b.distractors);
}

/** A point of the accuracy-against-N plot: one network's test accuracy (in [0, 1]) at N. */
export interface MemorySweepPoint {
  n: number;
  value: number;
  model: (typeof MEMORY_MODELS)[number];
  steps: number;
  /** Seconds both networks trained for, in the worker. */
  seconds: number;
}

/** Two points per result, RNN then LSTM, in the order of `results`. */
export function sweepPoints(results: readonly MemoryRunResult[]): MemorySweepPoint[] {
  return results.flatMap((r) =>
    [r.rnn.accuracy, r.lstm.accuracy].map((value, k) => ({
      n: r.distractors,
      value,
      model: MEMORY_MODELS[k],
      steps: r.steps,
      seconds: r.seconds,
    })),
  );
}

interface Running {
  id: number;
  /** The values of N to train, in order. */
  list: number[];
  /** How many of them have a result. */
  index: number;
  settings: MemoryRunSettings;
}

/** The run state of the memory-task widget; see the file's comment. */
export class MemoryRuns {
  /** `w`: the words of its status lines, English unless the page says otherwise. */
  constructor(private readonly w = MEMORY_RUN_WORDS.en) {
    this.status = w.notTrained;
  }

  private lastId = 0;
  private current: Running | null = null;
  /** Every result so far, oldest first. */
  records: MemoryRecord[] = [];
  /** Training loss of both networks at the N in training (the last N trained, after a run). */
  loss: MemoryCurvePoint[] = [];
  /** Test accuracy of both networks at that N. */
  accuracy: MemoryCurvePoint[] = [];
  /** The N the curves belong to; 0 before any run. */
  curveN = 0;
  /** Share of the run done, in [0, 1]. */
  progress = 0;
  /** One line on where the run stands. */
  status: string;
  phase: MemoryPhase = 'idle';

  /** Whether a run is going on. */
  get running(): boolean {
    return this.current !== null;
  }

  /** Starts training at each N of `list` in turn; the request to send, or null while a run is going on. */
  start(list: number[], settings: MemoryRunSettings): MemoryRunRequest | null {
    if (this.current || list.length === 0) return null;
    const id = ++this.lastId;
    this.current = { id, list, index: 0, settings };
    this.resetCurves(list[0]);
    this.progress = 0;
    this.status = this.w.starting(list[0]);
    this.phase = 'training';
    return { type: 'train', id, distractors: list, settings };
  }

  /** Asks the run to stop; the request to send, or null when nothing runs. */
  stop(): MemoryRunRequest | null {
    if (!this.current) return null;
    this.status = this.w.stopping;
    return { type: 'stop', id: this.current.id };
  }

  /** Takes in a report of the worker; reports of an earlier run are ignored. */
  receive(report: MemoryRunReport): MemoryReceived {
    const run = this.current;
    if (!run || report.id !== run.id) return 'ignored';
    const total = run.list.length * run.settings.steps;
    switch (report.type) {
      case 'error':
        this.phase = 'error';
        this.end(this.w.failed);
        return 'error';
      case 'progress': {
        if (report.distractors !== this.curveN) this.resetCurves(report.distractors);
        const [rnn, lstm] = MEMORY_MODELS;
        this.loss.push(
          { step: report.loss.step, value: report.loss.rnn, model: rnn },
          { step: report.loss.step, value: report.loss.lstm, model: lstm },
        );
        for (const a of report.accuracy)
          this.accuracy.push({ step: a.step, value: a.rnn, model: rnn }, { step: a.step, value: a.lstm, model: lstm });
        this.progress = (run.index * run.settings.steps + report.step) / total;
        this.status = this.w.training(
          report.distractors,
          run.index + 1,
          run.list.length,
          report.step,
          run.settings.steps,
        );
        return 'progress';
      }
      case 'result': {
        const { type: _type, id: _id, ...result } = report;
        this.records.push({ key: memorySettingsKey(run.settings), settings: run.settings, result });
        run.index++;
        this.progress = (run.index * run.settings.steps) / total;
        return 'result';
      }
      case 'done': {
        if (!report.stopped) this.progress = 1;
        this.phase = report.stopped ? 'stopped' : 'done';
        const last = this.records.at(-1)?.result;
        this.end(
          report.stopped
            ? last
              ? this.w.stoppedAt(last.steps, last.distractors)
              : this.w.stopped
            : run.list.length === 1
              ? this.w.doneOne(run.list[0])
              : this.w.doneMany(run.list.length),
        );
        return 'done';
      }
    }
  }

  /** The worker itself failed (it would not start, or threw outside a run): the run ends. */
  fail(): void {
    this.phase = 'error';
    this.end(this.w.workerFailed);
  }

  /** Drops the run going on, if any, keeping the results so far (the widget left the page and ended its worker). */
  abandon(): void {
    this.current = null;
  }

  /** Forgets every run and result (a run going on is dropped: the widget ends its worker). */
  reset(): void {
    this.current = null;
    this.records = [];
    this.resetCurves(0);
    this.status = this.w.notTrained;
    this.progress = 0;
    this.phase = 'idle';
  }

  /** The latest result, if any. */
  get last(): MemoryRecord | undefined {
    return this.records.at(-1);
  }

  private end(status: string): void {
    this.current = null;
    this.status = status;
  }

  private resetCurves(n: number): void {
    this.curveN = n;
    this.loss = [];
    this.accuracy = [];
  }
}
