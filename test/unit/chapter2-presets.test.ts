/** Chapter 2's presets: valid states for the widget's URL, and each one doing what its button says. */
import { describe, expect, test } from 'vitest';
import {
  CELL_LIMITS,
  CELL_PRESETS,
  DEFAULT_CELL,
  limitsOf,
  matchingPreset,
  oneUnitStep,
  type CellPreset,
  type OneUnitCell,
} from '../../src/lstm';
import { coerce } from '../../src/widgets/kit/state';

const KEYS = Object.keys(DEFAULT_CELL) as (keyof OneUnitCell)[];

function presetById(id: CellPreset['id']): CellPreset {
  const p = CELL_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

describe('the cell states of chapter 2', () => {
  test('the default and every preset survive the URL unchanged: in range and on the slider steps', () => {
    for (const [name, cell] of [
      ['default', DEFAULT_CELL] as const,
      ...CELL_PRESETS.map((p) => [p.id, p.cell] as const),
    ]) {
      expect(Object.keys(cell).sort(), name).toEqual([...KEYS].sort());
      for (const k of KEYS) {
        const field = { kind: 'number', default: DEFAULT_CELL[k], ...limitsOf(k) } as const;
        const { value, error } = coerce(field, String(cell[k]));
        expect(error, `${name}.${k}`).toBeUndefined();
        expect(value, `${name}.${k}`).toBe(cell[k]);
      }
    }
  });

  test('limits: inputs, states and weights each get their own range', () => {
    expect(limitsOf('x1')).toBe(CELL_LIMITS.x);
    expect(limitsOf('hPrev')).toBe(CELL_LIMITS.h);
    expect(limitsOf('cPrev')).toBe(CELL_LIMITS.c);
    expect(limitsOf('bo')).toBe(CELL_LIMITS.weight);
    expect(limitsOf('uf')).toBe(CELL_LIMITS.weight);
  });

  test('presets have distinct ids and labels, differ from the default and from each other', () => {
    expect(new Set(CELL_PRESETS.map((p) => p.id)).size).toBe(CELL_PRESETS.length);
    expect(new Set(CELL_PRESETS.map((p) => p.label)).size).toBe(CELL_PRESETS.length);
    expect(matchingPreset(DEFAULT_CELL)).toBeUndefined();
    for (const p of CELL_PRESETS) expect(matchingPreset(p.cell)).toBe(p);
  });

  test('a preset changed in one parameter no longer matches', () => {
    const p = presetById('read');
    expect(matchingPreset({ ...p.cell, bo: p.cell.bo - 0.1 })).toBeUndefined();
  });
});

describe('what each preset does', () => {
  test('forget everything: f ≈ 0 drops a large old memory, and nothing new is written', () => {
    const { cell } = presetById('forget');
    const r = oneUnitStep(cell);
    expect(Math.abs(cell.cPrev)).toBeGreaterThanOrEqual(1);
    expect(r.f.value).toBeLessThan(1e-3);
    expect(r.i.value).toBeLessThan(1e-3);
    expect(Math.abs(r.cNew - r.i.value * r.c.value)).toBeLessThan(1e-3);
    expect(Math.abs(r.cNew)).toBeLessThan(0.01);
  });

  test('keep the memory forever: C_t = C_{t-1}, and it stays over many steps; h_t hides it', () => {
    const { cell } = presetById('keep');
    let state: OneUnitCell = cell;
    const r = oneUnitStep(cell);
    expect(r.f.value).toBeGreaterThan(0.999);
    expect(r.i.value).toBeLessThan(1e-3);
    expect(Math.abs(r.cNew - cell.cPrev)).toBeLessThan(0.01);
    expect(Math.abs(r.h)).toBeLessThan(0.01);
    // Feed each step's states into the next: ten steps later the memory is still there.
    for (let t = 0; t < 10; t++) {
      const s = oneUnitStep(state);
      state = { ...state, hPrev: s.h, cPrev: s.cNew };
    }
    expect(Math.abs(state.cPrev - cell.cPrev)).toBeLessThan(0.02);
  });

  test('write a new memory: C_t becomes the candidate, of the other sign than the old memory', () => {
    const { cell } = presetById('write');
    const r = oneUnitStep(cell);
    expect(r.f.value).toBeLessThan(1e-3);
    expect(r.i.value).toBeGreaterThan(0.999);
    expect(Math.abs(r.cNew - r.c.value)).toBeLessThan(0.01);
    expect(Math.abs(r.c.value)).toBeGreaterThan(0.9);
    expect(Math.sign(r.cNew)).toBe(-Math.sign(cell.cPrev));
  });

  test('read the memory out: the memory is kept and h_t = tanh(C_t)', () => {
    const { cell } = presetById('read');
    const r = oneUnitStep(cell);
    expect(r.o.value).toBeGreaterThan(0.999);
    expect(Math.abs(r.cNew - cell.cPrev)).toBeLessThan(0.01);
    expect(Math.abs(r.h - Math.tanh(cell.cPrev))).toBeLessThan(0.01);
    // The same memory with the output gate of "keep" stays hidden.
    const hidden = oneUnitStep({ ...cell, bo: presetById('keep').cell.bo });
    expect(Math.abs(hidden.h)).toBeLessThan(0.01);
  });

  test('a saturated gate: a slider step barely moves f_t, unlike at the default', () => {
    const { cell } = presetById('saturated');
    const step = CELL_LIMITS.weight.step;
    const r = oneUnitStep(cell);
    expect(r.f.value).toBeGreaterThan(0.9999);
    expect(r.f.slope).toBeLessThan(1e-4);
    const moved = oneUnitStep({ ...cell, wf1: cell.wf1 - step }).f.value;
    expect(Math.abs(moved - r.f.value)).toBeLessThan(1e-4);
    const atDefault = oneUnitStep(DEFAULT_CELL).f.value;
    const movedAtDefault = oneUnitStep({ ...DEFAULT_CELL, wf1: DEFAULT_CELL.wf1 - step }).f.value;
    expect(Math.abs(movedAtDefault - atDefault)).toBeGreaterThan(1e-2);
  });
});
