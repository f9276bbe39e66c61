/**
 * "Inside the trained LSTM", the numbers behind the last part of chapter 3's memory-task widget:
 * which unit holds the answer, what its gates do before and after training, and the trained
 * network's forget gate f_t and cell state C_t on two example sequences (one starting with '+',
 * one with '−'), as `[time, units]` traces ready for heat maps.
 */
import { lstmTrace, runLstm, type LstmRun } from '../cell/sequence';
import type { LstmWeights } from '../cell/weights';
import { analyseMemoryLstm, initialMemoryLstm, memoryExamples, type MemoryLstmAnalysis } from './experiment';
import { snapshotWeights, type MemoryRunResult, type MemoryRunSettings } from './run';
import { memoryTestSet } from './task';

/** Which unit holds the answer, before and after training (measured on the held-out test set). */
export interface MemoryAnalysis {
  after: MemoryLstmAnalysis;
  before: MemoryLstmAnalysis;
  /** The untrained LSTM of the run (same seed and forget bias). */
  initial: LstmWeights;
}

/** Analyses the trained LSTM of `result` and its untrained start, trained under `settings`. */
export function analyseMemoryRun(result: MemoryRunResult, settings: MemoryRunSettings): MemoryAnalysis {
  const N = result.distractors;
  const test = memoryTestSet({ distractors: N });
  const initialModel = initialMemoryLstm({
    distractors: N,
    steps: result.steps,
    seed: settings.seed,
    forgetBias: settings.forgetBias,
  });
  if (initialModel.kind !== 'lstm') throw new Error('analyseMemoryRun: the initial model is not an LSTM.');
  const m = result.lstmModel;
  return {
    after: analyseMemoryLstm(snapshotWeights(m), m.readoutW, test),
    before: analyseMemoryLstm(initialModel.weights, initialModel.readout.w, test),
    initial: initialModel.weights,
  };
}

/** One point of a unit's line over the steps of an example. */
export interface MemoryUnitPoint {
  /** Step t, 1..T. */
  t: number;
  value: number;
  /** One of {@link MEMORY_SERIES} (a key: the page names it in its edition). */
  series: (typeof MEMORY_SERIES)[number];
  /** Which panel: 'f' for f_t of the unit, 'c' for C_t. */
  panel: 'f' | 'c';
}

/** The inside view of one run on one example sequence. */
export interface MemoryInside {
  /** The unit (0-based) that contributes most to the answer. */
  unit: number;
  /** Mean forget gate of the other units after the first sign, in (0, 1). */
  otherMeanForget: number;
  /** The example's signs (0 '+', 1 '−', 2 and up distractors), `[T]` with T = N + 1. */
  symbols: number[];
  /** The trained LSTM's P(+ came first) on the example, in (0, 1). */
  probability: number;
  /** Steps T of the example. */
  time: number;
  units: number;
  /** f_t of the trained LSTM on the example, `[time, units]`. */
  forget: Float64Array;
  /** C_t of the trained LSTM on the example, `[time, units]`. */
  cell: Float64Array;
  /** The largest |C_t| of the trained LSTM over both examples, at least 1 (the colour domain). */
  cellLimit: number;
  /** f_t and C_t of the chosen unit on both examples, trained and (f_t only) before training. */
  lines: MemoryUnitPoint[];
}

/** The series of {@link MemoryInside.lines}, in the order the legend lists them. */
export const MEMORY_SERIES = [
  'trained, + first',
  'trained, − first',
  'before training, + first',
  'before training, − first',
] as const;

/**
 * What the trained LSTM of `result` does on the example that starts with '+' (`pick` 0) or '−'
 * (`pick` 1), given its {@link analyseMemoryRun}.
 */
export function memoryInside(result: MemoryRunResult, analysis: MemoryAnalysis, pick: 0 | 1): MemoryInside {
  const { after, initial } = analysis;
  const unit = after.unit;
  const model = result.lstmModel;
  const examples = memoryExamples(result.distractors);
  const trained: LstmRun = runLstm(snapshotWeights(model), examples.xs, {
    readout: { w: model.readoutW, b: model.readoutB },
  });
  const untrained = runLstm(initial, examples.xs);
  const { units, time } = trained;
  const others = Array.from(after.meanForget).filter((_, j) => j !== unit);
  let cellLimit = 1;
  for (const s of trained.steps) for (const v of s.c) cellLimit = Math.max(cellLimit, Math.abs(v));

  const lines: MemoryUnitPoint[] = [];
  for (let b = 0; b < 2; b++) {
    const tf = lstmTrace(trained, 'f', { sequence: b });
    const tc = lstmTrace(trained, 'c', { sequence: b });
    const before = lstmTrace(untrained, 'f', { sequence: b });
    for (let t = 0; t < time; t++) {
      const at = t * units + unit;
      lines.push({ t: t + 1, value: tf[at], series: MEMORY_SERIES[b], panel: 'f' });
      lines.push({ t: t + 1, value: tc[at], series: MEMORY_SERIES[b], panel: 'c' });
      lines.push({ t: t + 1, value: before[at], series: MEMORY_SERIES[2 + b], panel: 'f' });
    }
  }
  return {
    unit,
    otherMeanForget: others.reduce((a, b) => a + b, 0) / others.length,
    symbols: examples.symbols[pick],
    probability: trained.predictions![time - 1][pick],
    time,
    units,
    forget: lstmTrace(trained, 'f', { sequence: pick }),
    cell: lstmTrace(trained, 'c', { sequence: pick }),
    cellLimit,
    lines,
  };
}
