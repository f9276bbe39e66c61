/**
 * The starting state of chapter 2's one-unit cell and the presets a teacher can click. Each
 * preset is a whole {@link OneUnitCell}, so that clicking it gives the same step whatever was
 * set before, and a link to the chapter with that preset's state shows the same numbers.
 */
import type { Locale } from '../../i18n/locales';
import { CELL_PRESET_WORDS } from './cell-presets.words';
import type { OneUnitCell } from './one-unit';

/** The cell as the chapter opens: moderate weights, every gate partly open, forget bias 1 as in Keras. */
export const DEFAULT_CELL: Readonly<OneUnitCell> = Object.freeze({
  x1: 1,
  x2: -0.5,
  hPrev: 0.3,
  cPrev: 0.8,
  wf1: 0.5,
  wf2: -0.4,
  uf: 0.6,
  bf: 1,
  wi1: 1.2,
  wi2: 0.8,
  ui: -0.5,
  bi: 0,
  wc1: 0.9,
  wc2: -1.1,
  uc: 0.4,
  bc: 0,
  wo1: 0.7,
  wo2: 0.3,
  uo: 0.8,
  bo: 0.2,
});

/** A preset: a name for its button, what it shows, and the whole cell it sets. */
export interface CellPreset {
  /** Short id, used in tests and as the button's data attribute. */
  id: 'forget' | 'keep' | 'write' | 'read' | 'saturated';
  /** The button's text (English; {@link presetText} gives each edition's). */
  label: string;
  /** One sentence on what to look at, shown after clicking (English). */
  description: string;
  /** The state it sets. */
  cell: Readonly<OneUnitCell>;
}

// A bias of ±8 with zero weights pins a sigmoid gate at σ(±8): shut or open whatever x_t and h_{t-1} are.
const SHUT = -8;
const OPEN = 8;

/** A gate held shut or open by its bias alone. */
function pinned(gate: 'f' | 'i' | 'o', bias: number): Partial<OneUnitCell> {
  return { [`w${gate}1`]: 0, [`w${gate}2`]: 0, [`u${gate}`]: 0, [`b${gate}`]: bias };
}

function preset(changes: Partial<OneUnitCell>): Readonly<OneUnitCell> {
  return Object.freeze({ ...DEFAULT_CELL, ...changes });
}

/** The presets, in the order of their buttons. */
export const CELL_PRESETS: readonly CellPreset[] = Object.freeze([
  {
    id: 'forget',
    ...CELL_PRESET_WORDS.en.forget,
    cell: preset({ cPrev: 2, ...pinned('f', SHUT), ...pinned('i', SHUT) }),
  },
  {
    id: 'keep',
    ...CELL_PRESET_WORDS.en.keep,
    cell: preset({ cPrev: 2, ...pinned('f', OPEN), ...pinned('i', SHUT), ...pinned('o', SHUT) }),
  },
  {
    id: 'write',
    ...CELL_PRESET_WORDS.en.write,
    cell: preset({ cPrev: -1.5, ...pinned('f', SHUT), ...pinned('i', OPEN), wc1: 3, wc2: 0, uc: 0, bc: 0 }),
  },
  {
    id: 'read',
    ...CELL_PRESET_WORDS.en.read,
    cell: preset({ cPrev: 1.5, ...pinned('f', OPEN), ...pinned('i', SHUT), ...pinned('o', OPEN) }),
  },
  {
    id: 'saturated',
    ...CELL_PRESET_WORDS.en.saturated,
    cell: preset({ x1: 1.5, wf1: 6 }),
  },
]);

/** The preset whose cell equals `state` in every parameter, if any. */
export function matchingPreset(state: Readonly<OneUnitCell>): CellPreset | undefined {
  const keys = Object.keys(DEFAULT_CELL) as (keyof OneUnitCell)[];
  return CELL_PRESETS.find((p) => keys.every((k) => p.cell[k] === state[k]));
}

/** A preset's button text and description in edition `locale`. */
export function presetText(p: CellPreset, locale: Locale = 'en'): { label: string; description: string } {
  return CELL_PRESET_WORDS[locale][p.id];
}
