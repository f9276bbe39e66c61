/**
 * Chapter 3's memory task: the data, the training of both networks (forward, readout,
 * cross-entropy, hand-derived backward passes, Adam), determinism, and the chapter's default run.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/lstm/cell/activations';
import {
  analyseMemoryLstm,
  MEMORY_DEFAULTS,
  memoryExamples,
  trainMemoryPair,
  type MemoryExperimentOptions,
  type MemoryExperimentResult,
} from '../../src/lstm/memory/experiment';
import { encodeMemorySequences, MEMORY_INPUT_DIM, memoryBatch, memoryTestSet } from '../../src/lstm/memory/task';
import {
  clipGlobalNorm,
  createMemoryModel,
  createMemoryTrainer,
  evaluateMemoryModel,
} from '../../src/lstm/memory/train';
import { mulberry32 } from '../../src/lstm/cell/random';
import type { LstmWeights } from '../../src/lstm/cell/weights';

function run(options: MemoryExperimentOptions): { result: MemoryExperimentResult; ticks: number } {
  const gen = trainMemoryPair(options);
  let ticks = 0;
  for (;;) {
    const next = gen.next();
    if (next.done) return { result: next.value, ticks };
    ticks++;
  }
}

describe('memory task data', () => {
  it('encodes each sign one-hot and flags only the first step', () => {
    const xs = encodeMemorySequences([
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(xs).toHaveLength(3);
    expect(Array.from(xs[0])).toEqual([1, 0, 1, 0, 1, 1]);
    expect(Array.from(xs[1])).toEqual([0, 1, 0, 1, 0, 0]);
    expect(Array.from(xs[2])).toEqual([0, 1, 0, 0, 1, 0]);
    expect(() => encodeMemorySequences([[0, 2]])).toThrow(/a sign is 0 \('\+'\) or 1/);
    expect(() => encodeMemorySequences([[0, 1], [0]])).toThrow(/sequence 1 has 1 signs, the first has 2/);
  });

  it('labels a batch by its first sign, and draws the same batch from the same seed', () => {
    const a = memoryBatch(mulberry32(5), { batch: 64, distractors: 7 });
    expect(a.xs).toHaveLength(8);
    expect(a.xs[0]).toHaveLength(64 * MEMORY_INPUT_DIM);
    a.symbols.forEach((s, b) => expect(a.labels[b]).toBe(s[0] === 0 ? 1 : 0));
    const plus = a.labels.reduce((x, y) => x + y, 0);
    expect(plus).toBeGreaterThan(16);
    expect(plus).toBeLessThan(48);
    expect(memoryBatch(mulberry32(5), { batch: 64, distractors: 7 })).toEqual(a);
    expect(memoryBatch(mulberry32(6), { batch: 64, distractors: 7 }).symbols).not.toEqual(a.symbols);
    expect(() => memoryBatch(mulberry32(1), { batch: 0, distractors: 3 })).toThrow(/batch must be a positive integer/);
    expect(() => memoryBatch(mulberry32(1), { batch: 2, distractors: -1 })).toThrow(/non-negative integer/);
  });

  it('makes example pairs that differ only in the first sign', () => {
    const { symbols, xs } = memoryExamples(12);
    expect(symbols[0][0]).toBe(0);
    expect(symbols[1][0]).toBe(1);
    expect(symbols[0].slice(1)).toEqual(symbols[1].slice(1));
    expect(xs).toHaveLength(13);
  });
});

describe('training on the memory task', () => {
  it('clips the joint gradient norm', () => {
    const g = [Float64Array.of(3, 0), Float64Array.of(4)];
    expect(clipGlobalNorm(g, 1)).toBe(5);
    expect(g[0][0]).toBeCloseTo(0.6, 14);
    expect(g[0][1]).toBe(0);
    expect(g[1][0]).toBeCloseTo(0.8, 14);
    expect(clipGlobalNorm(g, 2)).toBeCloseTo(1, 14);
    expect(g[1][0]).toBeCloseTo(0.8, 14);
  });

  it('lowers the LSTM loss from chance to near zero at N = 10', () => {
    const trainer = createMemoryTrainer({ kind: 'lstm', units: 8, seed: 1, distractors: 10 });
    const losses = Array.from({ length: 200 }, () => trainer.step().loss);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(losses.slice(0, 10))).toBeGreaterThan(0.6);
    expect(mean(losses.slice(180))).toBeLessThan(0.1);
    const test = memoryTestSet({ distractors: 10, size: 256 });
    expect(evaluateMemoryModel(trainer.model, test).accuracy).toBeGreaterThan(0.95);
  });

  it('is deterministic: the same options give the same numbers, another seed others', () => {
    const options = { distractors: 8, steps: 60, evalEvery: 20, testSize: 64, stopWhenPerfect: false };
    const a = run({ ...options, seed: 3 }).result;
    const b = run({ ...options, seed: 3 }).result;
    expect(b.rnn).toEqual(a.rnn);
    expect(b.lstm).toEqual(a.lstm);
    expect(b.lstmModel.params).toEqual(a.lstmModel.params);
    expect(b.rnnModel.params).toEqual(a.rnnModel.params);
    const c = run({ ...options, seed: 4 }).result;
    expect(c.lstmModel.params[0]).not.toEqual(a.lstmModel.params[0]);
  });

  it('starts the LSTM forget bias where asked and leaves the other gates at zero', () => {
    const m = createMemoryModel({ kind: 'lstm', units: 4, seed: 1, forgetBias: 3 });
    if (m.kind !== 'lstm') throw new Error('expected an LSTM');
    expect(Array.from(m.weights.bias)).toEqual([0, 0, 0, 0, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(m.params).toHaveLength(5);
  });

  it('stops when asked, and early once both networks are perfect', () => {
    let asked = 0;
    const stopped = run({ distractors: 3, steps: 100, shouldStop: () => ++asked > 7 });
    expect(stopped.result.ended).toBe('stopped');
    expect(stopped.result.steps).toBe(7);
    expect(stopped.ticks).toBe(7);
    const easy = run({ distractors: 2, steps: 1000, evalEvery: 25, testSize: 128 }).result;
    expect(easy.ended).toBe('perfect');
    expect(easy.steps).toBeLessThan(1000);
    expect(easy.steps % 25).toBe(0);
    expect(easy.rnn.accuracy).toBe(1);
    expect(easy.lstm.accuracy).toBe(1);
  });
});

describe("the chapter's default run", () => {
  it('N = 40: the LSTM learns the task, the vanilla RNN stays at chance', () => {
    const { result } = run({ ...MEMORY_DEFAULTS });
    expect(result.initial.rnn).toBeLessThan(0.6);
    expect(result.initial.lstm).toBeLessThan(0.6);
    expect(result.lstm.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(result.rnn.accuracy).toBeLessThan(0.6);
  });

  it("with Keras' forget bias of 1 the LSTM does not learn it within the same budget", () => {
    const { result } = run({ ...MEMORY_DEFAULTS, forgetBias: 1 });
    expect(result.lstm.accuracy).toBeLessThan(0.6);
  });
});

describe('analyseMemoryLstm', () => {
  it('finds a hand-built memory unit and reads its gates', () => {
    // Two units, gate blocks i, f, c, o of two columns each. Unit 1 writes the sign when the flag
    // is up, never forgets, always shows; unit 2 has all-zero weights.
    const units = 2;
    const g = 4 * units;
    const kernel = new Float64Array(MEMORY_INPUT_DIM * g);
    const bias = new Float64Array(g);
    const col = (gate: number) => gate * units; // unit 1's column in each block
    kernel[2 * g + col(0)] = 20; // flag opens the input gate
    bias[col(0)] = -10;
    bias[col(1)] = 10; // forget gate open
    kernel[0 * g + col(2)] = 5; // '+' writes +tanh(5)
    kernel[1 * g + col(2)] = -5; // '−' writes −tanh(5)
    bias[col(3)] = 10; // output gate open
    const weights: LstmWeights = {
      inputDim: MEMORY_INPUT_DIM,
      units,
      kernel,
      recurrentKernel: new Float64Array(units * g),
      bias,
    };
    const data = memoryTestSet({ distractors: 6, size: 64 });
    const a = analyseMemoryLstm(weights, [4, 0], data);
    expect(a.unit).toBe(0);
    expect(a.contribution[1]).toBe(0);
    // w (h_T given '+' − h_T given '−') = 4 (tanh(C) − tanh(−C)) with C ≈ tanh(5): the belt kept it.
    expect(a.contribution[0]).toBeCloseTo(4 * 2 * Math.tanh(Math.tanh(5)), 2);
    expect(a.meanForget[0]).toBeCloseTo(sigmoid(10), 9);
    expect(a.meanInput[0]).toBeCloseTo(sigmoid(-10), 9);
    expect(a.meanForget[1]).toBeCloseTo(0.5, 12);
    expect(() => analyseMemoryLstm(weights, [4, 0], memoryTestSet({ distractors: 0, size: 8 }))).toThrow(
      /at least one distractor/,
    );
  });
});
