/**
 * Chapter 2's one-unit cell: the mapping from its parameters to the Keras/tfjs weight layout,
 * every term it prints, the hardSigmoid comparison and the belt gradient, each checked against
 * an independent reference (the equations by hand, tfjs's LSTM layer, the kit's backward pass).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  CELL_GATES,
  beltGradient,
  gateKeys,
  hardSigmoid,
  hardSigmoidStep,
  lstmBackward,
  mulberry32,
  oneUnitStep,
  oneUnitWeights,
  runLstm,
  type OneUnitCell,
} from '../../src/lstm';
import { DEFAULT_CELL } from '../../src/lstm/cell/cell-presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** A seeded cell; float32 values, so that tfjs sees exactly the same numbers. */
function randomCell(seed: number): OneUnitCell {
  const rand = mulberry32(seed);
  const out: Record<string, number> = {};
  for (const k of Object.keys(DEFAULT_CELL)) out[k] = Math.fround((2 * rand() - 1) * 2);
  return out as unknown as OneUnitCell;
}

/**
 * One step of a tfjs LSTM layer holding the cell's weights, written here in the Keras layout
 * (columns i, f, c, o) independently of oneUnitWeights; 'default' leaves tfjs's hardSigmoid.
 */
function tfjsStep(p: OneUnitCell, activation: 'sigmoid' | 'default'): { h: number; c: number } {
  const kernel = [
    [p.wi1, p.wf1, p.wc1, p.wo1],
    [p.wi2, p.wf2, p.wc2, p.wo2],
  ];
  const recurrentKernel = [[p.ui, p.uf, p.uc, p.uo]];
  const bias = [p.bi, p.bf, p.bc, p.bo];
  const layer = tf.layers.lstm({
    units: 1,
    returnState: true,
    recurrentInitializer: 'zeros',
    ...(activation === 'sigmoid' ? { recurrentActivation: 'sigmoid' } : {}),
  });
  return tf.tidy(() => {
    const x = tf.tensor3d([[[p.x1, p.x2]]]);
    const h0 = tf.tensor2d([[p.hPrev]]);
    const c0 = tf.tensor2d([[p.cPrev]]);
    layer.apply(x, { initialState: [h0, c0] });
    layer.setWeights([tf.tensor2d(kernel), tf.tensor2d(recurrentKernel), tf.tensor1d(bias)]);
    const [, h, c] = layer.apply(x, { initialState: [h0, c0] }) as tf.Tensor[];
    return { h: h.dataSync()[0], c: c.dataSync()[0] };
  });
}

describe('oneUnitWeights', () => {
  test('puts each gate in its Keras block: i, f, c, o', () => {
    // Only the tested gate's bias is non-zero: its pre-activation must be that bias and no other.
    for (const gate of CELL_GATES) {
      const p = { ...DEFAULT_CELL, x1: 0, x2: 0, hPrev: 0, bf: 0, bi: 0, bc: 0, bo: 0, [`b${gate}`]: 3 };
      const r = oneUnitStep(p);
      for (const g of CELL_GATES) expect(r[g].z).toBe(g === gate ? 3 : 0);
    }
    const w = oneUnitWeights(DEFAULT_CELL);
    expect([w.inputDim, w.units]).toEqual([2, 1]);
    expect(Array.from(w.kernel.slice(0, 4))).toEqual([
      DEFAULT_CELL.wi1,
      DEFAULT_CELL.wf1,
      DEFAULT_CELL.wc1,
      DEFAULT_CELL.wo1,
    ]);
    expect(Array.from(w.kernel.slice(4))).toEqual([
      DEFAULT_CELL.wi2,
      DEFAULT_CELL.wf2,
      DEFAULT_CELL.wc2,
      DEFAULT_CELL.wo2,
    ]);
    expect(Array.from(w.recurrentKernel)).toEqual([DEFAULT_CELL.ui, DEFAULT_CELL.uf, DEFAULT_CELL.uc, DEFAULT_CELL.uo]);
  });

  test('gives the same h_t and C_t as a tfjs LSTM layer with sigmoid gates', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = randomCell(seed);
      const r = oneUnitStep(p);
      const ref = tfjsStep(p, 'sigmoid');
      expect(Math.abs(r.h - ref.h)).toBeLessThan(1e-6);
      expect(Math.abs(r.cNew - ref.c)).toBeLessThan(1e-6);
    }
  });
});

describe('oneUnitStep', () => {
  test('prints terms that are the equations written out by hand', () => {
    const p = randomCell(11);
    const r = oneUnitStep(p);
    for (const gate of CELL_GATES) {
      const [k1, k2, ku, kb] = gateKeys(gate);
      const terms = [p[k1] * p.x1, p[k2] * p.x2, p[ku] * p.hPrev, p[kb]];
      const z = terms[0] + terms[1] + terms[2] + terms[3];
      expect(r[gate].terms).toEqual(terms);
      expect(r[gate].z).toBeCloseTo(z, 14);
      expect(r[gate].value).toBeCloseTo(gate === 'c' ? Math.tanh(z) : sigma(z), 14);
      // The slope is the derivative of the activation at z: compare with a central difference.
      const act = gate === 'c' ? Math.tanh : sigma;
      const h = 1e-6;
      expect(r[gate].slope).toBeCloseTo((act(z + h) - act(z - h)) / (2 * h), 8);
    }
    expect(r.kept).toBeCloseTo(r.f.value * p.cPrev, 14);
    expect(r.written).toBeCloseTo(r.i.value * r.c.value, 14);
    expect(r.cNew).toBeCloseTo(r.kept + r.written, 14);
    expect(r.tanhC).toBeCloseTo(Math.tanh(r.cNew), 14);
    expect(r.h).toBeCloseTo(r.o.value * Math.tanh(r.cNew), 14);
  });
});

describe('hardSigmoid', () => {
  test("is tfjs's hardSigmoid activation", () => {
    const zs = [-10, -2.5, -2.4, -1, 0, 0.3, 1, 2.4, 2.5, 10];
    const ref = tf.tidy(() => {
      const out = tf.layers.activation({ activation: 'hardSigmoid' }).apply(tf.tensor1d(zs)) as tf.Tensor;
      return Array.from(out.dataSync());
    });
    zs.forEach((z, k) => expect(hardSigmoid(z)).toBeCloseTo(ref[k], 6));
    expect(hardSigmoid(-100)).toBe(0);
    expect(hardSigmoid(100)).toBe(1);
  });

  test('hardSigmoidStep is what a tfjs LSTM layer left at its defaults computes', () => {
    for (const seed of [21, 22, 23, 24]) {
      const p = randomCell(seed);
      const hard = hardSigmoidStep(p);
      const ref = tfjsStep(p, 'default');
      expect(Math.abs(hard.h - ref.h)).toBeLessThan(1e-6);
      expect(Math.abs(hard.cNew - ref.c)).toBeLessThan(1e-6);
    }
  });

  test('differs from the sigmoid cell, which is why the chapter asks for recurrentActivation: sigmoid', () => {
    const r = oneUnitStep(DEFAULT_CELL);
    const hard = hardSigmoidStep(DEFAULT_CELL, r);
    expect(hard.cTilde).toBe(r.c.value);
    expect(Math.abs(hard.h - r.h)).toBeGreaterThan(1e-3);
  });
});

describe('beltGradient', () => {
  test("is the kit's backward pass through C when no other path exists", () => {
    // With the recurrent weights at zero, h_{t-1} cannot reach the gates: dC_T/dC_0 is only the belt.
    const p = { ...randomCell(31), uf: 0, ui: 0, uc: 0, uo: 0 };
    const T = 12;
    const xs = Array.from({ length: T }, () => Float64Array.of(p.x1, p.x2));
    const weights = oneUnitWeights(p);
    const run = runLstm(weights, xs, { c0: Float64Array.of(p.cPrev) });
    const grads = lstmBackward(weights, run, { dcT: Float64Array.of(1) });
    const f = oneUnitStep(p).f.value;
    expect(grads.dc0[0]).toBeCloseTo(beltGradient(f, T), 12);
    expect(beltGradient(f)).toBe(f);
  });
});
