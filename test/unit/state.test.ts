import { describe, expect, it } from 'vitest';
import { coerce, defaults, patchState, readState, writeState } from '../../src/widgets/kit/state';

const schema = {
  z: { kind: 'number', default: 1, min: -6, max: 6, step: 0.05 },
  n: { kind: 'integer', default: 40, min: 5, max: 100 },
  text: { kind: 'string', default: 'the cat', maxLength: 10 },
  mode: { kind: 'enum', default: 'a', values: ['a', 'b'] },
  on: { kind: 'boolean', default: false },
} as const;

describe('widget state in the URL', () => {
  it('reads defaults when the URL says nothing', () => {
    const { state, errors } = readState(schema, new URLSearchParams(''), 'act');
    expect(state).toEqual(defaults(schema));
    expect(errors).toEqual([]);
  });

  it('round-trips a state through URL parameters, leaving defaults out', () => {
    const state = { z: -2.35, n: 7, text: 'a b&c=d', mode: 'b', on: true };
    const params = writeState(schema, state, new URLSearchParams('other=1'), 'act');
    expect(params.get('other')).toBe('1');
    expect(params.has('act.z')).toBe(true);
    expect(readState(schema, params, 'act').state).toEqual(state);
    const minimal = writeState(schema, defaults(schema), params, 'act');
    expect(minimal.toString()).toBe('other=1');
  });

  it('keeps two widgets apart by prefix', () => {
    const params = new URLSearchParams('a.n=10&b.n=20');
    expect(readState(schema, params, 'a').state.n).toBe(10);
    expect(readState(schema, params, 'b').state.n).toBe(20);
  });

  it('clamps, rounds or replaces bad values and says why', () => {
    const { state, errors } = readState(
      schema,
      new URLSearchParams('x.z=99&x.n=abc&x.text=0123456789abc&x.mode=zzz&x.on=maybe'),
      'x',
    );
    expect(state).toEqual({ z: 6, n: 40, text: '0123456789', mode: 'a', on: false });
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^z: 99 is outside -6 to 6/);
    expect(errors[1]).toMatch(/not a number/);
  });

  it('rounds numbers to their step without float noise', () => {
    expect(coerce(schema.z, '0.30000000001').value).toBe(0.3);
    expect(coerce(schema.n, 7.6).value).toBe(8);
    expect(coerce(schema.z, '').error).toMatch(/not a number/);
  });

  it('patches only known fields, validated', () => {
    const s = patchState(schema, defaults(schema), { z: 100, text: 'x' });
    expect(s.z).toBe(6);
    expect(s.text).toBe('x');
    expect(s.n).toBe(40);
  });
});
