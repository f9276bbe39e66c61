/** Chapter 7 in both editions: what its pure modules say in Chinese, and what the English-only model makes of Chinese. */
import { describe, expect, it } from 'vitest';
import { oovReport, rankIndex } from '../../src/data/oov';
import { OOV_ID } from '../../src/data/views';
import { LIMITS_LANGUAGES_WORDS } from '../../src/widgets/limits/limits-languages.words';

const CHINESE = '一部精彩的电影，演员都很出色。故事打动了我，我很乐意再看一遍。';
// An English vocabulary, as the IMDB model's is, with a few Chinese-looking pieces that still do not match.
const index = rankIndex(['the', 'film', 'a', 'great', 'actors', '电影', '一部', '演员']);

const HAN = /\p{Script=Han}/u;

describe('a Chinese review read by the English IMDB model', () => {
  it('tokenizes to words that are all out of the vocabulary: every id is the OOV id', () => {
    const r = oovReport(CHINESE, index, { layout: 'imdb' });
    expect(r.count).toBeGreaterThan(0);
    expect(r.words.every((w) => w.id === OOV_ID && w.oov === 'unknown')).toBe(true);
    expect(r).toMatchObject({ oov: r.count, rate: 1 });
    // No spaces between Chinese words: each "word" is a whole run of characters, not a Chinese word.
    expect(r.words.every((w) => w.word.length > 2)).toBe(true);
  });

  it('keeps none of it in the tokenizer layout either (dropped, id -1)', () => {
    const r = oovReport(CHINESE, index, { layout: 'tokenizer' });
    expect(r.words.map((w) => w.id).every((id) => id === -1)).toBe(true);
    expect(r.rate).toBe(1);
  });

  it('says plainly, in both editions, that the model reads English only', () => {
    expect(LIMITS_LANGUAGES_WORDS.en.englishOnly).toMatch(/reads English only/);
    expect(LIMITS_LANGUAGES_WORDS.en.englishOnly).toMatch(/Chinese/);
    expect(LIMITS_LANGUAGES_WORDS.zh.englishOnly).toMatch(/只读得懂英语/);
    expect(LIMITS_LANGUAGES_WORDS.zh.englishOnly).toMatch(/中文/);
    expect(LIMITS_LANGUAGES_WORDS.zh.language.zh).toMatch(HAN);
  });
});
