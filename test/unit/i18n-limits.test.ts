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

describe('chapter 7 pure modules in Chinese', async () => {
  const { describeHosts } = await import('../../src/data/hosts');
  const { describeStudy } = await import('../../src/lstm/sentiment/length-cuts');
  const { IDLE, lengthBlocker, lengthRows, lengthRunStep, lengthView } =
    await import('../../src/lstm/sentiment/length-run');
  const points = [
    { maxlen: 40, accuracy: 0.7, loss: 0.6, count: 1000, truncated: 800, seconds: 1 },
    { maxlen: 80, accuracy: 0.82, loss: 0.4, count: 1000, truncated: 400, seconds: 2 },
  ];

  it('describes the hosts contacted', () => {
    const own = {
      origin: 'http://a',
      host: 'a',
      requests: 3,
      kinds: [['script', 3]] as [string, number][],
      sameOrigin: true,
    };
    const other = { ...own, origin: 'http://b', host: 'b', requests: 1, sameOrigin: false };
    expect(describeHosts([own], 'zh')).toBe('这个页面共发出 3 次请求，全部发往 a，也就是提供本页面的主机。');
    expect(describeHosts([own, other], 'zh')).toMatch(HAN);
    expect(describeHosts([], 'zh')).toMatch(HAN);
    expect(describeHosts([own])).toBe('This page has made 3 requests, all to a, the host that served it.');
  });

  it('describes the length study, its run and its table', () => {
    expect(describeStudy(points, 80, 'zh')).toMatch(/^在 1,000 条测试影评上的准确率：/);
    expect(describeStudy(points, 80)).toMatch(/^Accuracy on 1,000 test reviews: /);
    const started = lengthRunStep(IDLE, { type: 'start', measuredOn: 1000 }, [40, 80], 'zh');
    expect(started.status).toMatch(HAN);
    const going = lengthRunStep(started, { type: 'progress', fraction: 0.5, seconds: 10 }, [40, 80], 'zh');
    expect(going.status).toContain('已完成 50%');
    expect(lengthRunStep(going, { type: 'stop', reason: '已停止' }, [40, 80], 'zh').status).toMatch(/^已停止：/);
    expect(lengthBlocker({ hasModel: false, hasData: false }, 'zh')).toMatch(HAN);
    const cuts = { total: 25000, maxlens: [40, 80], longer: [20000, 10000] };
    const view = lengthView({
      cuts,
      points,
      maxlens: [40, 80],
      trained: 80,
      measuredOn: 1000,
      saved: null,
      locale: 'zh',
    });
    for (const text of [view.summary, view.description, ...view.names]) expect(text).toMatch(HAN);
    expect(lengthRows(cuts, points, [40, 80], 80, 'zh')[1]).toMatchObject({
      heading: '80（训练长度）',
      truncated: '10,000 / 25,000',
    });
  });
});
