/**
 * What widgets say, in each edition. A module's words are one catalogue: an object of English
 * strings and functions (for sentences with numbers in them), and the same object in Chinese.
 * The English object's type is the Chinese one's, so a key missing in either edition, or a
 * function that takes other arguments, does not compile; test/unit/i18n-words.test.ts checks the
 * rest (nothing empty, Chinese written in Chinese). Catalogues live beside their widget, in
 * `<name>.words.ts`.
 *
 *     export const WORDS = words({ sentence: 'Sentence', count: (n: string) => `${n} words` },
 *                                { sentence: '句子', count: (n) => `${n} 个词` });
 *     const w = WORDS.now();  // the page's edition
 */
import type { Locale } from './locales';

/** The edition of the page this runs in, from `<html lang>`; English outside a page (Node, workers). */
export function pageLocale(): Locale {
  const lang = globalThis.document?.documentElement?.lang ?? '';
  return lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A catalogue: the same words in each edition. */
export interface Words<T> {
  readonly en: T;
  readonly zh: T;
  /** The words of the page's edition. */
  now(): T;
}

/** Makes a catalogue from the English words and their Chinese counterpart. */
export function words<T extends object>(en: T, zh: NoInfer<T>): Words<T> {
  return { en, zh, now: () => (pageLocale() === 'zh' ? zh : en) };
}
