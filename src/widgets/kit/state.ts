/**
 * A widget's state as typed fields that live in the page's URL (`?cellId.key=value`), so that a
 * reload keeps it and a link restores it. Values from a URL are untrusted: every field is
 * validated, clamped or replaced by its default, and each rejection is reported.
 */
import { KIT_WORDS } from './kit.words';

/** The words a link's refused values are explained in (the page's edition, or English by default). */
type StateWords = Pick<
  typeof KIT_WORDS.en,
  'notANumber' | 'outside' | 'textCut' | 'notOneOf' | 'notBoolean' | 'fieldError'
>;

/** One field of a widget's state. */
export type Field =
  | { kind: 'number'; default: number; min: number; max: number; /** Rounds to multiples of this. */ step?: number }
  | { kind: 'integer'; default: number; min: number; max: number }
  | { kind: 'string'; default: string; /** Longer values are cut to this many characters. */ maxLength: number }
  | { kind: 'enum'; default: string; values: readonly string[] }
  | { kind: 'boolean'; default: boolean };

/** A widget's fields by name. */
export type Schema = Record<string, Field>;

/** The values of a schema's fields. */
export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends { kind: 'number' | 'integer' }
    ? number
    : S[K] extends { kind: 'boolean' }
      ? boolean
      : string;
};

/** The default state of a schema. */
export function defaults<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) out[k] = f.default;
  return out as StateOf<S>;
}

function roundToStep(x: number, step: number): number {
  // Round through the step's decimals so that 0.1 steps give 0.3, not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number((Math.round(x / step) * step).toFixed(decimals));
}

/** Validates one raw value for a field: the value to use, and an error message if it was rejected or changed. */
export function coerce(field: Field, raw: unknown, w: StateWords = KIT_WORDS.en): { value: unknown; error?: string } {
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const x = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(x)) return { value: field.default, error: w.notANumber(String(raw)) };
      let v = Math.min(field.max, Math.max(field.min, x));
      if (field.kind === 'integer') v = Math.round(v);
      else if (field.step) v = roundToStep(v, field.step);
      return v === x ? { value: v } : { value: v, error: w.outside(String(x), String(field.min), String(field.max)) };
    }
    case 'string': {
      const s = String(raw ?? '');
      return s.length > field.maxLength
        ? { value: s.slice(0, field.maxLength), error: w.textCut(String(field.maxLength)) }
        : { value: s };
    }
    case 'enum':
      return field.values.includes(String(raw))
        ? { value: String(raw) }
        : { value: field.default, error: w.notOneOf(String(raw), field.values.join(', ')) };
    case 'boolean':
      if (raw === true || raw === '1' || raw === 'true') return { value: true };
      if (raw === false || raw === '0' || raw === 'false') return { value: false };
      return { value: field.default, error: w.notBoolean(String(raw)) };
  }
}

/** Reads a widget's state from URL parameters named `prefix.key`; missing keys take defaults. */
export function readState<S extends Schema>(
  schema: S,
  params: URLSearchParams,
  prefix: string,
  w: StateWords = KIT_WORDS.en,
): { state: StateOf<S>; errors: string[] } {
  const state = defaults(schema) as Record<string, unknown>;
  const errors: string[] = [];
  for (const [k, f] of Object.entries(schema)) {
    const raw = params.get(`${prefix}.${k}`);
    if (raw === null) continue;
    const { value, error } = coerce(f, raw, w);
    state[k] = value;
    if (error) errors.push(w.fieldError(k, error));
  }
  return { state: state as StateOf<S>, errors };
}

/** Writes a state into URL parameters, leaving out fields at their default so links stay short. */
export function writeState<S extends Schema>(
  schema: S,
  state: StateOf<S>,
  params: URLSearchParams,
  prefix: string,
): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [k, f] of Object.entries(schema)) {
    const v = (state as Record<string, unknown>)[k];
    const name = `${prefix}.${k}`;
    if (v === f.default) out.delete(name);
    else out.set(name, f.kind === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return out;
}

/** Applies a partial change to a state, validating every changed field. */
export function patchState<S extends Schema>(schema: S, state: StateOf<S>, patch: Partial<StateOf<S>>): StateOf<S> {
  const next = { ...state } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const f = schema[k];
    if (f) next[k] = coerce(f, v).value;
  }
  return next as StateOf<S>;
}
