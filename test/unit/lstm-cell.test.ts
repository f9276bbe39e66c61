/** The cell step and the sequence runner against the chapter's equations, worked by hand. */
import { describe, expect, test } from 'vitest';
import {
  checkLstmWeights,
  createLstmStep,
  initLstmWeights,
  lstmStep,
  lstmStepInto,
  lstmTrace,
  mulberry32,
  runLstm,
  splitTime,
  stackTime,
} from '../../src/lstm';
import type { LstmWeights } from '../../src/lstm';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

function uniform(n: number, seed: number, scale = 1): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (2 * rand() - 1) * scale);
}

/** One input, one unit: every weight is a single number, so each gate can be written out. */
function scalarCell(): LstmWeights {
  // Gate blocks i, f, c, o.
  return {
    inputDim: 1,
    units: 1,
    kernel: Float64Array.of(0.5, -0.3, 0.8, 1.2),
    recurrentKernel: Float64Array.of(0.1, 0.4, -0.6, 0.2),
    bias: Float64Array.of(0.05, 1, -0.1, 0.3),
  };
}

describe('lstmStep', () => {
  test('follows the equations for a one-unit cell', () => {
    const x = 0.7;
    const hPrev = -0.4;
    const cPrev = 1.5;
    const s = lstmStep(scalarCell(), Float64Array.of(x), Float64Array.of(hPrev), Float64Array.of(cPrev));
    const zI = 0.5 * x + 0.1 * hPrev + 0.05;
    const zF = -0.3 * x + 0.4 * hPrev + 1;
    const zC = 0.8 * x - 0.6 * hPrev - 0.1;
    const zO = 1.2 * x + 0.2 * hPrev + 0.3;
    const i = sigma(zI);
    const f = sigma(zF);
    const cTilde = Math.tanh(zC);
    const o = sigma(zO);
    const c = f * cPrev + i * cTilde;
    const h = o * Math.tanh(c);
    expect(s.zI[0]).toBeCloseTo(zI, 14);
    expect(s.zF[0]).toBeCloseTo(zF, 14);
    expect(s.zCTilde[0]).toBeCloseTo(zC, 14);
    expect(s.zO[0]).toBeCloseTo(zO, 14);
    expect(s.i[0]).toBeCloseTo(i, 14);
    expect(s.f[0]).toBeCloseTo(f, 14);
    expect(s.cTilde[0]).toBeCloseTo(cTilde, 14);
    expect(s.o[0]).toBeCloseTo(o, 14);
    expect(s.c[0]).toBeCloseTo(c, 14);
    expect(s.tanhC[0]).toBeCloseTo(Math.tanh(c), 14);
    expect(s.h[0]).toBeCloseTo(h, 14);
  });

  test('reads the gate blocks i, f, c, o of a wider cell from the right columns', () => {
    // Two units, one input; column gate * 2 + j of the kernel belongs to gate `gate`, unit j.
    const w: LstmWeights = {
      inputDim: 1,
      units: 2,
      kernel: new Float64Array(8),
      recurrentKernel: new Float64Array(16),
      bias: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8),
    };
    const s = lstmStep(w, Float64Array.of(0), new Float64Array(2), new Float64Array(2));
    expect(Array.from(s.zI)).toEqual([1, 2]);
    expect(Array.from(s.zF)).toEqual([3, 4]);
    expect(Array.from(s.zCTilde)).toEqual([5, 6]);
    expect(Array.from(s.zO)).toEqual([7, 8]);
  });

  test('a saturated forget gate and a closed input gate keep the cell state ("keep forever")', () => {
    const w: LstmWeights = { ...scalarCell(), bias: Float64Array.of(-30, 30, 0, 0) };
    const s = lstmStep(w, Float64Array.of(0.3), Float64Array.of(0.2), Float64Array.of(0.9));
    expect(s.c[0]).toBeCloseTo(0.9, 10);
  });

  test('rows of a batch are independent', () => {
    const w = initLstmWeights({ inputDim: 3, units: 4, seed: 3 });
    const x = uniform(6, 1);
    const h = uniform(8, 2);
    const c = uniform(8, 3);
    const both = lstmStep(w, x, h, c);
    for (const r of [0, 1]) {
      const one = lstmStep(w, x.subarray(3 * r, 3 * r + 3), h.subarray(4 * r, 4 * r + 4), c.subarray(4 * r, 4 * r + 4));
      expect(Array.from(both.h.subarray(4 * r, 4 * r + 4))).toEqual(Array.from(one.h));
      expect(Array.from(both.c.subarray(4 * r, 4 * r + 4))).toEqual(Array.from(one.c));
    }
  });

  test('lstmStepInto writes the same numbers into the arrays it is given', () => {
    const w = initLstmWeights({ inputDim: 2, units: 3, seed: 4 });
    const out = createLstmStep(1, 3);
    const h = out.h;
    const x = uniform(2, 5);
    const hPrev = uniform(3, 6);
    const cPrev = uniform(3, 7);
    expect(lstmStepInto(w, x, hPrev, cPrev, out)).toBe(out);
    expect(out.h).toBe(h);
    expect(out).toEqual(lstmStep(w, x, hPrev, cPrev));
  });

  test('rejects inputs and states of the wrong size with a clear error', () => {
    const w = initLstmWeights({ inputDim: 3, units: 2 });
    const z2 = new Float64Array(2);
    expect(() => lstmStep(w, new Float64Array(4), z2, z2)).toThrow(
      /x must have shape \[batch, inputDim=3\], got 4 numbers/,
    );
    expect(() => lstmStep(w, new Float64Array(0), z2, z2)).toThrow(/x must have shape/);
    expect(() => lstmStep(w, new Float64Array(3), new Float64Array(3), z2)).toThrow(
      /h_\{t-1\} \[batch=1, units=2\] needs 2 numbers, got 3/,
    );
    expect(() => lstmStep(w, new Float64Array(6), z2, z2)).toThrow(/h_\{t-1\} \[batch=2, units=2\] needs 4 numbers/);
    expect(() => lstmStep(w, new Float64Array(3), z2, new Float64Array(1))).toThrow(/C_\{t-1\}/);
    expect(() => lstmStepInto(w, new Float64Array(3), z2, z2, createLstmStep(2, 2))).toThrow(/out\.zI/);
  });

  test('rejects weights whose arrays do not match inputDim and units', () => {
    const w = initLstmWeights({ inputDim: 3, units: 2 });
    expect(() => checkLstmWeights({ ...w, kernel: new Float32Array(23) })).toThrow(
      /kernel \[inputDim=3, 4\*units=8\] needs 24 numbers, got 23/,
    );
    expect(() => checkLstmWeights({ ...w, recurrentKernel: new Float32Array(8) })).toThrow(
      /recurrentKernel .* needs 16 numbers/,
    );
    expect(() => checkLstmWeights({ ...w, bias: new Float32Array(4) })).toThrow(/bias \[4\*units=8\] needs 8 numbers/);
    expect(() => checkLstmWeights({ ...w, units: 0 })).toThrow(/units must be a positive integer/);
    expect(() => checkLstmWeights({ ...w, inputDim: 1.5 })).toThrow(/inputDim must be a positive integer/);
    expect(() =>
      lstmStep({ ...w, bias: new Float32Array(4) }, new Float64Array(3), new Float64Array(2), new Float64Array(2)),
    ).toThrow(/lstmStep: bias/);
  });
});

describe('runLstm', () => {
  const w = initLstmWeights({ inputDim: 3, units: 4, seed: 11 });
  const xs = splitTime(uniform(2 * 5 * 3, 12), [2, 5, 3]);

  test('chains lstmStep: each step starts from the previous h and C', () => {
    const h0 = uniform(8, 13);
    const c0 = uniform(8, 14);
    const run = runLstm(w, xs, { h0, c0 });
    expect(run).toMatchObject({ batch: 2, time: 5, inputDim: 3, units: 4 });
    let h: Float64Array = h0;
    let c: Float64Array = c0;
    xs.forEach((x, t) => {
      const s = lstmStep(w, x, h, c);
      expect(run.steps[t]).toEqual(s);
      h = s.h;
      c = s.c;
    });
    expect(run.h).toEqual(h);
    expect(run.c).toEqual(c);
  });

  test('starts from zero states by default', () => {
    const run = runLstm(w, xs);
    const first = lstmStep(w, xs[0], new Float64Array(8), new Float64Array(8));
    expect(run.steps[0]).toEqual(first);
    expect(Array.from(run.h0)).toEqual(new Array(8).fill(0));
    expect(run.predictions).toBeUndefined();
  });

  test('a readout gives σ(h_t · w + b) after every step', () => {
    const readout = { w: Float64Array.of(0.5, -1, 2, 0.25), b: -0.3 };
    const run = runLstm(w, xs, { readout });
    expect(run.predictions).toHaveLength(5);
    run.steps.forEach((s, t) => {
      for (const r of [0, 1]) {
        let z = readout.b;
        for (let j = 0; j < 4; j++) z += s.h[4 * r + j] * readout.w[j];
        expect(run.logits![t][r]).toBeCloseTo(z, 14);
        expect(run.predictions![t][r]).toBeCloseTo(sigma(z), 14);
      }
    });
  });

  test('lstmTrace lays one quantity out as [time, units] for a heat map', () => {
    const run = runLstm(w, xs);
    const f = lstmTrace(run, 'f', { sequence: 1 });
    expect(f).toHaveLength(5 * 4);
    expect(f[2 * 4 + 3]).toBe(run.steps[2].f[4 + 3]);
    expect(lstmTrace(run, 'h')[4 * 4]).toBe(run.h[0]);
    expect(() => lstmTrace(run, 'c', { sequence: 2 })).toThrow(/sequence must be an integer in \[0, 1\]/);
  });

  test('batch 1 and units 1 work', () => {
    const one = initLstmWeights({ inputDim: 1, units: 1, seed: 2 });
    const run = runLstm(one, [Float64Array.of(1), Float64Array.of(-1), Float64Array.of(0.5)]);
    expect(run.batch).toBe(1);
    expect(run.h).toHaveLength(1);
    expect(Math.abs(run.h[0])).toBeLessThan(1);
  });

  test('rejects an empty sequence with a clear error', () => {
    expect(() => runLstm(w, [])).toThrow(
      'runLstm: the sequence is empty (0 steps); an LSTM needs at least one input x_t.',
    );
  });

  test('rejects mismatched shapes with a clear error', () => {
    expect(() => runLstm(w, [new Float64Array(6), new Float64Array(3)])).toThrow(
      /runLstm \(step 2 of 2\): h_\{t-1\} \[batch=1, units=4\] needs 4 numbers, got 8/,
    );
    expect(() => runLstm(w, [new Float64Array(5)])).toThrow(/x_1 must have shape \[batch, inputDim=3\], got 5 numbers/);
    expect(() => runLstm(w, xs, { h0: new Float64Array(4) })).toThrow(/h0 \[batch=2, units=4\] needs 8 numbers, got 4/);
    expect(() => runLstm(w, xs, { c0: new Float64Array(9) })).toThrow(/c0 \[batch=2, units=4\] needs 8 numbers, got 9/);
    expect(() => runLstm(w, xs, { readout: { w: new Float64Array(3), b: 0 } })).toThrow(
      /readout\.w \[units=4\] needs 4 numbers/,
    );
  });
});

describe('splitTime and stackTime', () => {
  test('convert between [batch, time, dim] and one [batch, dim] array per step', () => {
    // Entry (b, t, k) holds 100 b + 10 t + k, so any misplaced number shows.
    const x = Float64Array.from({ length: 2 * 3 * 4 }, (_, n) => {
      const b = Math.floor(n / 12);
      const t = Math.floor((n % 12) / 4);
      return 100 * b + 10 * t + (n % 4);
    });
    const steps = splitTime(x, [2, 3, 4]);
    expect(Array.from(steps[1])).toEqual([10, 11, 12, 13, 110, 111, 112, 113]);
    expect(stackTime(steps, 2)).toEqual(x);
    expect(() => splitTime(x, [2, 3, 5])).toThrow(/needs 30 numbers, got 24/);
    expect(() => stackTime([], 1)).toThrow(/no steps/);
  });
});
