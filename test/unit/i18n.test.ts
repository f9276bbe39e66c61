import { describe, expect, it } from 'vitest';
import { CHROME } from '../../src/i18n/chrome';
import {
  LANG_TAG,
  LOCALES,
  localeOfPath,
  localeOfUrl,
  localePrefix,
  otherLocale,
  pathInLocale,
} from '../../src/i18n/locales';
import { chosenLocale, LOCALE_KEY } from '../../src/language-switch';
import { chapterLocale, chapterPath, chapterSlug } from '../../src/paths';

/** Every leaf of a catalogue: its path and value (functions are called with 3 to compare their text). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (n: number) => string)(3))]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('the two editions', () => {
  it('live at the root and under zh/, and a path maps to the same page in the other', () => {
    expect(localePrefix('en')).toBe('');
    expect(localePrefix('zh')).toBe('zh/');
    expect(localeOfPath('chapters/02-lstm-cell/')).toBe('en');
    expect(localeOfPath('zh/chapters/02-lstm-cell/')).toBe('zh');
    expect(localeOfPath('zh')).toBe('zh');
    expect(localeOfPath('zhongwen/')).toBe('en');
    expect(pathInLocale('chapters/02-lstm-cell/', 'zh')).toBe('zh/chapters/02-lstm-cell/');
    expect(pathInLocale('/zh/glossary/', 'en')).toBe('glossary/');
    expect(pathInLocale('', 'zh')).toBe('zh/');
    expect(localeOfUrl('/lstm-kit/zh/references/', '/lstm-kit/')).toBe('zh');
    expect(localeOfUrl('/lstm-kit/references/', '/lstm-kit')).toBe('en');
    expect(otherLocale('en')).toBe('zh');
    expect(LANG_TAG.zh).toBe('zh-Hans');
  });

  it("name a Chinese chapter's page after the English one's", () => {
    expect(chapterSlug('zh/05-sentiment-imdb')).toBe('05-sentiment-imdb');
    expect(chapterLocale('zh/05-sentiment-imdb')).toBe('zh');
    expect(chapterLocale('05-sentiment-imdb')).toBe('en');
    expect(chapterPath('zh/05-sentiment-imdb')).toBe('zh/chapters/05-sentiment-imdb/');
    expect(chapterPath('05-sentiment-imdb')).toBe('chapters/05-sentiment-imdb/');
  });

  it('have every word of the page chrome, none empty, and the Chinese one in Chinese', () => {
    const en = leaves(CHROME.en);
    const zh = leaves(CHROME.zh);
    expect(zh.map(([k]) => k)).toEqual(en.map(([k]) => k));
    for (const locale of LOCALES)
      for (const [k, v] of leaves(CHROME[locale])) expect(v.trim(), `${locale} ${k}`).not.toBe('');
    for (const [k, v] of zh) expect(/[\u4e00-\u9fff]/.test(v), `zh ${k}: ${v}`).toBe(true);
  });

  it('remember the chosen edition, and ignore what is not one', () => {
    const storage = (v: string | null) => ({ getItem: (k: string) => (k === LOCALE_KEY ? v : null) });
    expect(chosenLocale(storage('zh'))).toBe('zh');
    expect(chosenLocale(storage('fr'))).toBeNull();
    expect(chosenLocale(storage(null))).toBeNull();
    expect(chosenLocale(null)).toBeNull();
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    expect(chosenLocale(blocked)).toBeNull();
  });
});
