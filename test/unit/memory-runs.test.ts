/**
 * The memory-task widget's run state machine (src/lstm/memory/run.ts), driven by reports written
 * by hand, and the inside view (src/lstm/memory/inside.ts) against the cell's own step.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/lstm/cell/activations';
import { lstmStep } from '../../src/lstm/cell/cell';
import { denseLogits } from '../../src/lstm/cell/readout';
import { initialMemoryLstm, memoryExamples, trainMemoryPair } from '../../src/lstm/memory/experiment';
import { analyseMemoryRun, memoryInside, MEMORY_SERIES } from '../../src/lstm/memory/inside';
import {
  latestByN,
  lstmSnapshot,
  MemoryRuns,
  memorySettingsKey,
  snapshotWeights,
  sweepPoints,
  type MemoryRunReport,
  type MemoryRunResult,
  type MemoryRunSettings,
} from '../../src/lstm/memory/run';

const SETTINGS: MemoryRunSettings = { steps: 100, seed: 1, forgetBias: 3 };

/** A result at N with the given accuracies (the model is a stand-in: the machine never reads it). */
function result(distractors: number, rnn: number, lstm: number, steps = 100): MemoryRunResult {
  const snapshot = lstmSnapshot(initialMemoryLstm({ distractors, steps }));
  return {
    distractors,
    steps,
    ended: 'budget',
    seconds: 1.5,
    rnn: { accuracy: rnn, loss: 0.7 },
    lstm: { accuracy: lstm, loss: 0.1 },
    initial: { rnn: 0.5, lstm: 0.5 },
    lstmModel: snapshot,
  };
}

const progress = (id: number, distractors: number, step: number, accuracy = false): MemoryRunReport => ({
  type: 'progress',
  id,
  distractors,
  step,
  loss: { step, rnn: 0.69, lstm: 0.5 },
  accuracy: accuracy ? [{ step, rnn: 0.5, lstm: 0.9 }] : [],
});

describe('MemoryRuns', () => {
  it('follows one run from start to done', () => {
    const runs = new MemoryRuns();
    expect(runs.phase).toBe('idle');
    expect(runs.status).toBe('Not trained yet.');
    const request = runs.start([30], SETTINGS);
    expect(request).toEqual({ type: 'train', id: 1, distractors: [30], settings: SETTINGS });
    expect(runs.running).toBe(true);
    expect(runs.phase).toBe('training');
    expect(runs.status).toBe('Starting: N = 30…');
    // A second start while one runs does nothing.
    expect(runs.start([5], SETTINGS)).toBeNull();

    expect(runs.receive(progress(1, 30, 50, true))).toBe('progress');
    expect(runs.progress).toBe(0.5);
    expect(runs.status).toBe('Training at N = 30: step 50 of 100.');
    expect(runs.curveN).toBe(30);
    expect(runs.loss).toEqual([
      { step: 50, value: 0.69, model: 'vanilla RNN' },
      { step: 50, value: 0.5, model: 'LSTM' },
    ]);
    expect(runs.accuracy.map((p) => p.value)).toEqual([0.5, 0.9]);

    expect(runs.receive({ type: 'result', id: 1, ...result(30, 0.5, 1) })).toBe('result');
    expect(runs.progress).toBe(1);
    expect(runs.records).toHaveLength(1);
    expect(runs.records[0].key).toBe(memorySettingsKey(SETTINGS));
    expect(runs.records[0].result).not.toHaveProperty('type');
    expect(runs.receive({ type: 'done', id: 1, stopped: false })).toBe('done');
    expect(runs.running).toBe(false);
    expect(runs.phase).toBe('done');
    expect(runs.status).toBe('Done: N = 30.');
    expect(runs.last?.result.lstm.accuracy).toBe(1);
  });

  it('counts a sweep N by N, new curves for each N, and stops on request', () => {
    const runs = new MemoryRuns();
    runs.start([5, 10, 20], SETTINGS);
    runs.receive(progress(1, 5, 100));
    runs.receive({ type: 'result', id: 1, ...result(5, 0.9, 1) });
    expect(runs.progress).toBeCloseTo(1 / 3, 12);
    runs.receive(progress(1, 10, 40));
    expect(runs.curveN).toBe(10);
    expect(runs.loss).toHaveLength(2);
    expect(runs.progress).toBeCloseTo(140 / 300, 12);
    expect(runs.status).toBe('Training at N = 10 (2 of 3): step 40 of 100.');
    expect(runs.stop()).toEqual({ type: 'stop', id: 1 });
    expect(runs.status).toBe('Stopping…');
    runs.receive({ type: 'result', id: 1, ...result(10, 0.6, 0.7, 41), ended: 'stopped' });
    runs.receive({ type: 'done', id: 1, stopped: true });
    expect(runs.phase).toBe('stopped');
    expect(runs.status).toBe('Stopped at step 41 of N = 10.');
    // A stopped run leaves the progress where it was.
    expect(runs.progress).toBeCloseTo(2 / 3, 12);
    expect(runs.stop()).toBeNull();
    expect(runs.start([40], SETTINGS)?.id).toBe(2);
    runs.receive({ type: 'done', id: 2, stopped: false });
    expect(runs.status).toBe('Done: N = 40.');
  });

  it('ignores reports of other runs, and ends on an error', () => {
    const runs = new MemoryRuns();
    expect(runs.receive(progress(1, 5, 10))).toBe('ignored');
    runs.start([5, 10], SETTINGS);
    expect(runs.receive(progress(7, 5, 10))).toBe('ignored');
    expect(runs.loss).toEqual([]);
    expect(runs.receive({ type: 'error', id: 1, message: 'no' })).toBe('error');
    expect(runs.phase).toBe('error');
    expect(runs.status).toBe('Training failed.');
    expect(runs.running).toBe(false);
    runs.start([5], SETTINGS);
    runs.fail();
    expect(runs.status).toBe('The training worker failed.');
    expect(runs.running).toBe(false);
  });

  it('forgets everything on reset, and keeps results when a run is abandoned', () => {
    const runs = new MemoryRuns();
    runs.start([5], SETTINGS);
    runs.receive(progress(1, 5, 100));
    runs.receive({ type: 'result', id: 1, ...result(5, 0.9, 1) });
    runs.abandon();
    expect(runs.running).toBe(false);
    expect(runs.records).toHaveLength(1);
    runs.start([5], SETTINGS);
    runs.reset();
    expect(runs.running).toBe(false);
    expect(runs.records).toEqual([]);
    expect(runs.loss).toEqual([]);
    expect(runs.curveN).toBe(0);
    expect(runs.progress).toBe(0);
    expect(runs.phase).toBe('idle');
    expect(runs.status).toBe('Not trained yet.');
  });

  it('plots the latest result for each N under the current settings only', () => {
    const runs = new MemoryRuns();
    const other = { ...SETTINGS, seed: 2 };
    for (const [settings, n, lstm] of [
      [SETTINGS, 20, 0.8],
      [SETTINGS, 5, 1],
      [other, 10, 0.7],
      [SETTINGS, 20, 0.95],
    ] as const) {
      const id = runs.start([n], settings)!.id;
      runs.receive({ type: 'result', id, ...result(n, 0.5, lstm) });
      runs.receive({ type: 'done', id, stopped: false });
    }
    const byN = latestByN(runs.records, SETTINGS);
    expect(byN.map((r) => [r.distractors, r.lstm.accuracy])).toEqual([
      [5, 1],
      [20, 0.95],
    ]);
    expect(sweepPoints(byN).map((p) => [p.n, p.model, p.value])).toEqual([
      [5, 'vanilla RNN', 0.5],
      [5, 'LSTM', 1],
      [20, 'vanilla RNN', 0.5],
      [20, 'LSTM', 0.95],
    ]);
    expect(latestByN(runs.records, other)).toHaveLength(1);
  });
});

describe('the inside view of a trained LSTM', () => {
  const N = 6;
  const gen = trainMemoryPair({ distractors: N, steps: 60, seed: 1, forgetBias: 3 });
  let next = gen.next();
  while (!next.done) next = gen.next();
  const trained = next.value;
  const r: MemoryRunResult = { ...result(N, 0, 0), lstmModel: lstmSnapshot(trained.lstmModel) };

  it('snapshots the weights as copies, in the kit layout', () => {
    const m = trained.lstmModel;
    if (m.kind !== 'lstm') throw new Error('not an LSTM');
    const w = snapshotWeights(r.lstmModel);
    expect(Array.from(w.kernel)).toEqual(Array.from(m.weights.kernel));
    expect(w.kernel).not.toBe(m.weights.kernel);
    expect(r.lstmModel.readoutB).toBe(m.readout.b[0]);
  });

  it('gives the traces, lines and answer of lstmStep and denseLogits, step by step', () => {
    const analysis = analyseMemoryRun(r, SETTINGS);
    const weights = snapshotWeights(r.lstmModel);
    const { xs } = memoryExamples(N);
    for (const pick of [0, 1] as const) {
      const view = memoryInside(r, analysis, pick);
      expect(view.time).toBe(N + 1);
      expect(view.unit).toBe(analysis.after.unit);
      const units = view.units;
      let h: Float64Array = new Float64Array(2 * units);
      let c: Float64Array = new Float64Array(2 * units);
      let cMax = 1;
      for (let t = 0; t < view.time; t++) {
        const s = lstmStep(weights, xs[t], h, c);
        for (let j = 0; j < units; j++) {
          expect(view.forget[t * units + j]).toBe(s.f[pick * units + j]);
          expect(view.cell[t * units + j]).toBe(s.c[pick * units + j]);
        }
        for (const v of s.c) cMax = Math.max(cMax, Math.abs(v));
        h = s.h;
        c = s.c;
      }
      expect(view.cellLimit).toBe(cMax);
      const z = denseLogits(h, { w: r.lstmModel.readoutW, b: r.lstmModel.readoutB });
      expect(view.probability).toBe(sigmoid(z[pick]));
      // Three lines a step for each example: trained f_t and C_t, and f_t before training.
      expect(view.lines).toHaveLength(2 * 3 * view.time);
      expect(new Set(view.lines.map((d) => d.series))).toEqual(new Set(MEMORY_SERIES));
      const first = view.lines.find((d) => d.series === 'trained, + first' && d.panel.startsWith('f') && d.t === 1);
      expect(first?.value).toBe(
        lstmStep(weights, xs[0], new Float64Array(2 * units), new Float64Array(2 * units)).f[view.unit],
      );
      const others = Array.from(analysis.after.meanForget).filter((_, j) => j !== view.unit);
      expect(view.otherMeanForget).toBeCloseTo(others.reduce((a, b) => a + b) / others.length, 12);
    }
    expect(memoryInside(r, analysis, 0).symbols[0]).toBe(0);
    expect(memoryInside(r, analysis, 1).symbols[0]).toBe(1);
  });
});
