/** Chapter 4's pure modules in both editions: the skip-gram session names the pasted text and its errors in the page's words. */
import { describe, expect, it } from 'vitest';
import { SkipGramSession, type RunSettings, type SessionChange } from '../../src/embedding/skipgram-session';
import type { Locale } from '../../src/i18n/locales';

const HAN = /\p{Script=Han}/u;

const settings = (text: string): RunSettings => ({
  corpus: 'text',
  reviews: 1000,
  text,
  dim: 4,
  epochs: 1,
  textEpochs: 1,
  seed: 1,
});

function session(locale?: Locale) {
  const changes: SessionChange[] = [];
  const s = new SkipGramSession({
    loadImdb: () => Promise.reject(new Error('no IMDB here')),
    train: () => {},
    stop: () => {},
    cancel: () => {},
    ...(locale ? { locale } : {}),
  });
  s.subscribe((c) => changes.push(c));
  return { s, changes };
}

describe('the skip-gram session in each edition', () => {
  it('names the pasted text in Chinese on a Chinese page, in English by default', async () => {
    const zh = session('zh');
    await zh.s.train(settings('the film was good\nthe film was bad'));
    expect(zh.s.corpus?.label).toBe('你的文字');
    const en = session();
    await en.s.train(settings('the film was good\nthe film was bad'));
    expect(en.s.corpus?.label).toBe('your text');
  });

  it('says in Chinese why a text of one word cannot be trained on', async () => {
    const { s, changes } = session('zh');
    await s.train(settings('good good\ngood good'));
    const error = changes.filter((c) => c.type === 'error').at(-1);
    expect(error).toMatchObject({ type: 'error' });
    expect(error?.type === 'error' && error.message).toMatch(HAN);
  });

  it('wraps a trainer failure in a Chinese sentence', async () => {
    const { s, changes } = session('zh');
    await s.train(settings('the film was good\nthe film was bad'));
    s.report({ type: 'error', message: 'out of memory' });
    expect(changes.at(-1)).toEqual({ type: 'error', message: '训练失败：out of memory' });
  });
});
