/**
 * The numbers chapters 2 and 3 show beside their cells: the gates' curves and operating points
 * (src/lstm/cell/gate-curves.ts) against oneUnitStep and the activations, and the stepping
 * widget's terms, lines and limits (src/lstm/cell/steps-view.ts) against lstmStep.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/lstm/cell/activations';
import { lstmStep } from '../../src/lstm/cell/cell';
import { DEFAULT_CELL } from '../../src/lstm/cell/cell-presets';
import { SENTENCE_LSTM, sentenceLstm } from '../../src/lstm/cell/demos-over-time';
import {
  clampZ,
  CURVE_NAMES,
  gateCurves,
  hardSigmoidCurves,
  hardSigmoidPoints,
  isSaturated,
  operatingPoints,
  Z_MAX,
} from '../../src/lstm/cell/gate-curves';
import { hardSigmoid, oneUnitStep } from '../../src/lstm/cell/one-unit';
import {
  cellStateLimit,
  parseUnits,
  quantityDomain,
  stepColumns,
  unitLines,
  wordTicks,
} from '../../src/lstm/cell/steps-view';

describe('gate curves', () => {
  it('samples σ for f, i, o and tanh for the candidate over [−Z_MAX, Z_MAX]', () => {
    const curves = gateCurves();
    expect(curves).toHaveLength(4 * 161);
    for (const p of curves) {
      expect(p.y).toBe(p.gate === 'c' ? Math.tanh(p.z) : sigmoid(p.z));
      expect(p.curve).toBe(p.gate === 'c' ? CURVE_NAMES[1] : CURVE_NAMES[0]);
    }
    expect(curves[0].z).toBe(-Z_MAX);
    expect(curves[160].z).toBe(Z_MAX);
    const hard = hardSigmoidCurves();
    expect(hard).toHaveLength(3 * 81);
    expect(new Set(hard.map((p) => p.gate))).toEqual(new Set(['f', 'i', 'o']));
    for (const p of hard) expect(p.y).toBe(hardSigmoid(p.z));
  });

  it("puts each gate's point at its reading, clamped into the plot, label inwards", () => {
    const r = oneUnitStep(DEFAULT_CELL);
    const points = operatingPoints(r);
    expect(points.map((p) => p.gate)).toEqual(['f', 'i', 'c', 'o']);
    for (const p of points) {
      expect(p.y).toBe(r[p.gate].value);
      expect(p.beyond).toBe(false);
      expect(p.z).toBe(r[p.gate].z);
      expect(Math.abs(p.labelZ)).toBeLessThanOrEqual(4.5);
    }
    const far = operatingPoints(oneUnitStep({ ...DEFAULT_CELL, bf: 10, uf: 10, hPrev: 1 }))[0];
    expect(far.beyond).toBe(true);
    expect(far.z).toBe(Z_MAX);
    expect(far.labelZ).toBe(2.25);
    expect(clampZ(-20)).toBe(-Z_MAX);
    const hard = hardSigmoidPoints(r);
    expect(hard.map((p) => [p.gate, p.y])).toEqual((['f', 'i', 'o'] as const).map((g) => [g, hardSigmoid(r[g].z)]));
  });

  it('calls a gate saturated below its slope threshold', () => {
    expect(isSaturated('f', 0.009)).toBe(true);
    expect(isSaturated('f', 0.02)).toBe(false);
    expect(isSaturated('c', 0.02)).toBe(true);
    expect(isSaturated('c', 0.05)).toBe(false);
  });
});

describe('the stepping widget’s numbers', () => {
  const words = ['the', 'plot', 'was', 'thin'];
  const { weights, xs, run } = sentenceLstm(words, 1);
  const units = SENTENCE_LSTM.units;

  it('reads a "1,3,5" list of units, valid and in order', () => {
    expect(parseUnits('3, 1,3,x,7,0,2.5,6', 6)).toEqual([0, 2, 5]);
    expect(parseUnits('', 6)).toEqual([]);
  });

  it("gives the step's terms as lstmStep computes them", () => {
    const cols = stepColumns(run.steps, 3, units);
    expect(cols.map((c) => c.name)).toEqual(['Cₜ₋₁', 'iₜ', 'fₜ', 'C̃ₜ', 'Cₜ', 'oₜ', 'hₜ']);
    expect(cols.map((c) => c.quantity)).toEqual([null, 'i', 'f', null, 'c', 'o', 'h']);
    const s = lstmStep(weights, xs[2], run.steps[1].h, run.steps[1].c);
    expect(Array.from(cols[0].values)).toEqual(Array.from(run.steps[1].c));
    expect(Array.from(cols[3].values)).toEqual(Array.from(s.cTilde));
    expect(Array.from(cols[4].values)).toEqual(Array.from(s.c));
    expect(Array.from(stepColumns(run.steps, 1, units)[0].values)).toEqual(new Array(units).fill(0));
  });

  it('draws the picked units up to the step read', () => {
    const lines = unitLines(run.steps, [0, 4], 'f', 3);
    expect(lines).toHaveLength(6);
    expect(lines[4]).toEqual({ t: 2, value: run.steps[1].f[4], unit: 'unit 5' });
  });

  it('gives axis limits that move only in powers of two', () => {
    let m = 0;
    for (const s of run.steps) for (const v of s.c) m = Math.max(m, Math.abs(v));
    const limit = cellStateLimit(run.steps);
    expect(limit).toBeGreaterThanOrEqual(Math.max(1, m));
    expect(Math.log2(limit) % 1).toBe(0);
    expect(limit / 2 < Math.max(1, m) || limit === 1).toBe(true);
    expect(quantityDomain(run.steps, 'c')).toEqual([-limit, limit]);
    expect(quantityDomain(run.steps, 'h')).toEqual([-1, 1]);
    expect(quantityDomain(run.steps, 'i')).toEqual([0, 1]);
  });

  it('turns and thins the word labels as the columns narrow', () => {
    expect(wordTicks(80)).toEqual({ rotate: 0, every: 1 });
    expect(wordTicks(30)).toEqual({ rotate: -40, every: 1 });
    expect(wordTicks(5)).toEqual({ rotate: -90, every: 3 });
  });
});
