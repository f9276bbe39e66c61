/**
 * Every catalogue (`src/**\/*.words.ts`, gathered by test/lib/catalogues.ts): both editions have
 * the same keys, nothing is empty, and what English says in words Chinese says in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES as catalogues, englishPhrases, leaves } from '../lib/catalogues';

describe('the widget catalogues', () => {
  it('are found, and give the end-to-end test English phrases to look for', () => {
    expect(catalogues.length).toBeGreaterThan(0);
    const phrases = englishPhrases();
    expect(phrases).toContain('Type a sentence to see it encoded');
    // Cut where arguments go: no piece holds the stand-in.
    expect(phrases.some((p) => p.includes('7'))).toBe(false);
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
