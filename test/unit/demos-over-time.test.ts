/** The fixed models behind chapter 3's stepping and gradient widgets. */
import { describe, expect, it } from 'vitest';
import { GRADIENT_REACH, gradientReach, SENTENCE_LSTM, sentenceLstm } from '../../src/lstm/cell/demos-over-time';
import { gaussianArray, mulberry32, wordVector } from '../../src/lstm/cell/random';
import { rnnWeights, runRnn, stateJacobians, vectorJacobianProduct } from '../../src/lstm/cell/rnn';
import { lstmStep } from '../../src/lstm/cell/cell';

describe('sentenceLstm', () => {
  it('reads each word as its fixed vector, step after step', () => {
    const words = ['not', 'bad', 'not'];
    const { weights, xs, run } = sentenceLstm(words, 2);
    expect(xs[0]).toEqual(wordVector('not', SENTENCE_LSTM.inputDim, SENTENCE_LSTM.inputScale));
    expect(xs[2]).toEqual(xs[0]);
    let h: Float64Array = new Float64Array(SENTENCE_LSTM.units);
    let c: Float64Array = new Float64Array(SENTENCE_LSTM.units);
    run.steps.forEach((s, t) => {
      const ref = lstmStep(weights, xs[t], h, c);
      expect(s.h).toEqual(ref.h);
      expect(s.c).toEqual(ref.c);
      h = ref.h;
      c = ref.c;
    });
  });

  it('moves every forget gate with the forget bias, and nothing else of the first step', () => {
    const low = sentenceLstm(['the', 'film'], -2).run.steps[0];
    const high = sentenceLstm(['the', 'film'], 4).run.steps[0];
    low.f.forEach((f, j) => expect(high.f[j]).toBeGreaterThan(f));
    expect(high.i).toEqual(low.i);
    expect(high.cTilde).toEqual(low.cTilde);
  });
});

describe('gradientReach', () => {
  it("gives the RNN gradient that chapter 1's Jacobians give", () => {
    const length = 12;
    const reach = gradientReach({ length, rnnScale: 0.8, forgetBias: 1 });
    const { units, inputDim, seed, inputSeed, directionSeed } = GRADIENT_REACH;
    const w = rnnWeights({ inputSize: inputDim, units, recurrentScale: 0.8, seed });
    const rand = mulberry32(inputSeed);
    const xs = Array.from({ length }, () => gaussianArray(inputDim, rand));
    const u = gaussianArray(units, mulberry32(directionSeed));
    const norm = Math.hypot(...u);
    const J = stateJacobians(w, runRnn(w, xs));
    J.forEach((m, t) => {
      const g = vectorJacobianProduct(u, m, units);
      expect(reach.rnnH[t]).toBeCloseTo(Math.hypot(...g) / norm, 12);
    });
    expect(reach.rnnH[length]).toBeCloseTo(1, 12);
  });

  it('lets the cell-state gradient reach further as the forget gates open', () => {
    const shut = gradientReach({ length: 60, rnnScale: 1, forgetBias: 1 });
    const open = gradientReach({ length: 60, rnnScale: 1, forgetBias: 4 });
    expect(open.meanForget).toBeGreaterThan(0.95);
    expect(shut.meanForget).toBeLessThan(0.8);
    expect(open.lstmC[0]).toBeGreaterThan(1e3 * shut.lstmC[0]);
    expect(open.lstmC[0]).toBeGreaterThan(1e6 * open.rnnH[0]);
    [shut.rnnH, shut.lstmC, shut.lstmH].forEach((a) => expect(a).toHaveLength(61));
  });
});
