/**
 * Every widget catalogue (`src/**\/*.words.ts`): both editions have the same keys, nothing is
 * empty, and what English says in words Chinese says in Chinese. Functions are called with a
 * stand-in that reads as 7 wherever a number or a string goes, so their sentences are checked too.
 */
import { describe, expect, it } from 'vitest';
import type { Words } from '../../src/i18n/words';

const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*.words.ts', { eager: true });

/** Reads as 7 as a primitive; any property of it, or any call, is the same stand-in. */
const standIn: unknown = new Proxy(function () {}, {
  get: (_, key) => (key === Symbol.toPrimitive ? () => 7 : key === 'length' ? 7 : standIn),
  apply: () => standIn,
});

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return leaves((value as (...a: unknown[]) => unknown)(standIn, standIn, standIn), path);
  if (Array.isArray(value)) return value.flatMap((v, k) => leaves(v, `${path}[${k}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, String(value)]];
}

const catalogues = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, v]) => v && typeof v === 'object' && 'en' in v && 'zh' in v && 'now' in v)
    .map(([name, v]) => ({ name: `${file.replace('../../', '')} ${name}`, words: v as Words<object> })),
);

describe('the widget catalogues', () => {
  it('are found', () => {
    expect(catalogues.length).toBeGreaterThan(0);
  });

  for (const { name, words } of catalogues) {
    it(`${name}: the same keys in both editions, none empty, the Chinese in Chinese`, () => {
      const en = leaves(words.en);
      const zh = leaves(words.zh);
      expect(zh.map(([k]) => k)).toEqual(en.map(([k]) => k));
      en.forEach(([key, english], k) => {
        const chinese = zh[k]![1];
        expect(english.trim(), `en ${key}`).not.toBe('');
        expect(chinese.trim(), `zh ${key}`).not.toBe('');
        // A word of three letters or more in English is a word to translate.
        if (/[A-Za-z]{3,}/.test(english)) expect(chinese, `zh ${key}: ${chinese}`).toMatch(/[\u3400-\u9fff]/);
      });
    });
  }
});
