/**
 * The numbers chapter 3's stepping widget shows of an LSTM run over a sentence, for one
 * sequence (batch of one): the terms of the step being read, the heat maps' values, the lines of
 * the units the reader picks, and the axis limits, as plain data. No DOM: the widget formats and
 * draws them.
 */
import type { LstmStep } from './cell';

/** The quantities the widget shows: the gates i, f, o and the states C, h. */
export type StepQuantity = 'i' | 'f' | 'o' | 'c' | 'h';

/** The units ticked in a "1,3,5" list (1-based, out of `units`), as 0-based indices, valid and in order. */
export function parseUnits(list: string, units: number): number[] {
  const picked = new Set<number>();
  for (const part of list.split(',')) {
    const u = Number(part.trim());
    if (Number.isInteger(u) && u >= 1 && u <= units) picked.add(u - 1);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * A symmetric limit for the cell state's axis that changes only in steps (1, 2, 4, 8, …): the
 * smallest power of two at least max |C_t| over every step and unit, and at least 1.
 */
export function cellStateLimit(steps: readonly LstmStep[]): number {
  let m = 1;
  for (const s of steps) for (const v of s.c) m = Math.max(m, Math.abs(v));
  return 2 ** Math.ceil(Math.log2(m));
}

/** A column of the step's table: its heading, one value per unit, and the quantity it shows (if a heat map has it). */
export interface StepColumn {
  name: string;
  values: Float64Array;
  quantity: StepQuantity | null;
}

/**
 * The terms of step `step` (1..T) of a run of one sequence: C_{t−1}, i_t, f_t, C̃_t, C_t, o_t
 * and h_t, each `[units]` (C_0 is zeros).
 */
export function stepColumns(steps: readonly LstmStep[], step: number, units: number): StepColumn[] {
  const now = steps[step - 1];
  const cPrev = step > 1 ? steps[step - 2].c : new Float64Array(units);
  return [
    { name: 'Cₜ₋₁', values: cPrev, quantity: null },
    { name: 'iₜ', values: now.i, quantity: 'i' },
    { name: 'fₜ', values: now.f, quantity: 'f' },
    { name: 'C̃ₜ', values: now.cTilde, quantity: null },
    { name: 'Cₜ', values: now.c, quantity: 'c' },
    { name: 'oₜ', values: now.o, quantity: 'o' },
    { name: 'hₜ', values: now.h, quantity: 'h' },
  ];
}

/** One point of a unit's line: quantity `q` of 0-based unit `u` at step t (1-based). */
export interface UnitPoint {
  t: number;
  value: number;
  /** "unit 3" (1-based). */
  unit: string;
}

/** Quantity `q` of each picked unit (0-based) over steps 1..`step`, unit by unit. */
export function unitLines(
  steps: readonly LstmStep[],
  picked: readonly number[],
  q: StepQuantity,
  step: number,
): UnitPoint[] {
  return picked.flatMap((u) =>
    steps.slice(0, step).map((s, t) => ({ t: t + 1, value: s[q][u], unit: `unit ${u + 1}` })),
  );
}

/** The y domain of quantity `q`'s line plot: gates in [0, 1], h_t in [−1, 1], C_t ±{@link cellStateLimit}. */
export function quantityDomain(steps: readonly LstmStep[], q: StepQuantity): [number, number] {
  if (q === 'c') {
    const m = cellStateLimit(steps);
    return [-m, m];
  }
  return q === 'h' ? [-1, 1] : [0, 1];
}

/**
 * How to label T words along an axis with `band` pixels per word: the rotation of the labels in
 * degrees (level where a word fits, then slanted, then upright) and labelling every `every`-th word.
 */
export function wordTicks(band: number): { rotate: number; every: number } {
  return { rotate: band >= 60 ? 0 : band >= 22 ? -40 : -90, every: Math.max(1, Math.ceil(12 / band)) };
}
