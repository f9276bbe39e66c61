/**
 * The exercises in the Chinese edition: every prediction and challenge has its Chinese texts,
 * written in Chinese, with as many hints and options as the English and the same computed
 * numbers; links from Chinese pages stay in the Chinese edition; the feedback, the check lines
 * and the progress lines speak the page's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKS, REVIEW_CHECKS } from '../../src/exercises/checks';
import { EXERCISE_WORDS } from '../../src/exercises/exercises.words';
import {
  EXERCISES,
  exerciseLink,
  exerciseText,
  widgetLink,
  type Challenge,
  type Prediction,
} from '../../src/exercises/list';
import { progressText } from '../../src/exercises/progress';
import { scoreGuess, type Answer } from '../../src/exercises/score';

const HAN = /[\u3400-\u9fff]/;

/**
 * Whether text reads as Chinese: Chinese characters outnumber a third of the Latin letters once
 * quoted English (reviews, sentences a model reads) is left out.
 */
function isChinese(text: string): boolean {
  const prose = text.replace(/“[^”]*”/g, ' ');
  const han = (prose.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (prose.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han >= latin / 3;
}

/** The numbers of a text with a decimal point or four digits or more: computed values, which both editions quote. */
function computed(text: string): string[] {
  return (text.match(/\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+|\d{4,}/g) ?? []).sort();
}

const predictions = EXERCISES.filter((e): e is Prediction => e.kind === 'prediction');
const challenges = EXERCISES.filter((e): e is Challenge => e.kind === 'challenge');

describe('the exercises in Chinese', () => {
  it('gives every prediction a Chinese prompt, label and explanation, and every choice its options', () => {
    expect(predictions.length).toBeGreaterThan(10);
    for (const p of predictions) {
      for (const text of [p.zh.prompt, p.zh.label, p.zh.explanation])
        expect(isChinese(text), `${p.id}: ${text}`).toBe(true);
      if (p.answer.kind === 'choice') {
        expect(p.zh.options?.length, p.id).toBe(p.answer.options.length);
        for (const o of p.zh.options ?? []) expect(o, p.id).toMatch(HAN);
      } else expect(p.zh.options, p.id).toBeUndefined();
    }
  });

  it('gives every challenge a Chinese title, task, as many hints and a solution, in Chinese', () => {
    expect(challenges.length).toBeGreaterThan(10);
    for (const c of challenges) {
      expect(c.zh.title, c.id).toMatch(HAN);
      for (const text of [c.zh.task, c.zh.solution.why, ...c.zh.hints])
        expect(isChinese(text), `${c.id}: ${text}`).toBe(true);
      expect(c.zh.hints.length, c.id).toBe(c.hints.length);
    }
  });

  it('quotes the same computed numbers as the English', () => {
    for (const p of predictions) {
      expect(computed(p.zh.prompt), p.id).toEqual(computed(p.prompt));
      expect(computed(p.zh.explanation), p.id).toEqual(computed(p.explanation));
    }
    for (const c of challenges) {
      expect(computed(c.zh.task), c.id).toEqual(computed(c.task));
      expect(computed(c.zh.solution.why), c.id).toEqual(computed(c.solution.why));
    }
  });

  it('hands each edition its texts, with the choices in that edition and the answer unchanged', () => {
    for (const e of EXERCISES) {
      const en = exerciseText(e, 'en');
      const zh = exerciseText(e, 'zh');
      if (e.kind === 'prediction' && en.kind === 'prediction' && zh.kind === 'prediction') {
        expect(en).toMatchObject({ prompt: e.prompt, label: e.label, explanation: e.explanation, answer: e.answer });
        expect(zh).toMatchObject({ prompt: e.zh.prompt, label: e.zh.label, explanation: e.zh.explanation });
        if (e.answer.kind === 'choice' && zh.answer.kind === 'choice') {
          expect(zh.answer.correct).toBe(e.answer.correct);
          expect(zh.answer.options.map((o) => o.value)).toEqual(e.answer.options.map((o) => o.value));
          expect(zh.answer.options.map((o) => o.label)).toEqual(e.zh.options);
        } else expect(zh.answer).toEqual(e.answer);
      } else if (e.kind === 'challenge') {
        expect(en).toEqual({ kind: 'challenge', title: e.title, task: e.task, hints: e.hints, why: e.solution.why });
        expect(zh).toEqual({
          kind: 'challenge',
          title: e.zh.title,
          task: e.zh.task,
          hints: e.zh.hints,
          why: e.zh.solution.why,
        });
      }
    }
  });
});

describe('links in each edition', () => {
  it('keeps English links as they were and sends Chinese ones to /zh/', () => {
    const e = EXERCISES[0];
    expect(exerciseLink('/kit/', e)).toBe(`/kit/chapters/${e.chapter}/#ex-${e.id}`);
    expect(exerciseLink('/kit/', e, 'en')).toBe(`/kit/chapters/${e.chapter}/#ex-${e.id}`);
    expect(exerciseLink('/kit/', e, 'zh')).toBe(`/kit/zh/chapters/${e.chapter}/#ex-${e.id}`);
    expect(widgetLink('/', '04-word-embeddings', 'cosine', { ax: 2, by: -1.5 }, 'zh')).toBe(
      '/zh/chapters/04-word-embeddings/?cosine.ax=2&cosine.by=-1.5#cell-cosine',
    );
    for (const x of EXERCISES) {
      expect(exerciseLink('/', x, 'zh'), x.id).toMatch(/^\/zh\/chapters\/[^/]+\/#ex-/);
      const state = x.kind === 'prediction' ? x.shows : x.solution.state;
      expect(widgetLink('/lstm-kit/', x.chapter, x.cell, state, 'zh'), x.id).toMatch(/^\/lstm-kit\/zh\/chapters\//);
    }
  });
});

describe('what the browser says, in each edition', () => {
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document;
  });

  /** Pretends to be on a page of the given language, as `<html lang>` says. */
  function onPage(lang: string): void {
    (globalThis as { document?: unknown }).document = { documentElement: { lang } };
  }

  it('scores a guess in the edition asked for, else the page’s', () => {
    const number: Answer = { kind: 'number', value: 0.8, scale: 'linear', close: 0.1, digits: 2 };
    const log: Answer = { kind: 'number', value: 1e-25, scale: 'log10', close: 2, digits: 1 };
    const choice = exerciseText(
      predictions.find((p) => p.id === 'longer-vector')!,
      'zh',
    ).answer;
    expect(scoreGuess(number, 1).message).toMatch(/^Too large: the answer is 0\.8/);
    expect(scoreGuess(number, 1, 'zh').message).toBe('偏大：答案是 0.8，与你猜的 1 相差 0.2。');
    expect(scoreGuess(log, -10, 'zh').message).toMatch(/^大得太多：答案约为 10 的 −25 次方/);
    expect(scoreGuess(choice, 'same', 'zh').message).toBe('答对了：不变。');
    expect(scoreGuess(choice, 'up', 'zh').message).toBe('不太对：答案是“不变”。');
    expect(scoreGuess(number, 'x', 'zh').message).toBe('这不是一个数。');
    onPage('zh-Hans');
    expect(scoreGuess(number, 0.8).message).toMatch(/^完全正确：/);
    onPage('en');
    expect(scoreGuess(number, 0.8).message).toMatch(/^Spot on: /);
  });

  it('writes the check lines in the page’s language', () => {
    expect(CHECKS['sigmoid-ninety']({ z: 2.2 }).now).toBe('Now: σ(2.20) = 0.900.');
    onPage('zh-Hans');
    expect(CHECKS['sigmoid-ninety']({ z: 2.2 })).toEqual({ met: true, now: '当前：σ(2.20) = 0.900。' });
    expect(CHECKS['not-first']({ text: 'not bad and bad' }).now).toBe('当前：“not”的索引是 2，而“bad”的索引是 1。');
    expect(CHECKS['not-first']({ text: 'great film' }).now).toBe('当前：你的句子里没有“not”。');
    expect(REVIEW_CHECKS['one-word']({ tokens: ['excellent'], p: [0.5, 0.885] }).now).toBe(
      '当前：1 个词；模型给出 p = 0.885。',
    );
    expect(CHECKS['right-angle']({ ax: 0, ay: 0, bx: 1, by: 1 }).now).toMatch(/无定义/);
  });

  it('counts what is done in the page’s language', () => {
    const done = { solved: 3, answered: 1 };
    const totals = { challenges: 20, predictions: 9 };
    expect(progressText(done, totals, 'en')).toBe('Exercises: 3 of 20 challenges solved, 1 of 9 predictions made.');
    expect(progressText(done, totals, 'zh')).toBe('练习：已解决 3 个挑战（共 20 个），已作答 1 个预测（共 9 个）。');
    expect(progressText(done, { challenges: 0, predictions: 9 }, 'zh')).toBe('练习：已作答 1 个预测（共 9 个）。');
    onPage('zh');
    expect(progressText(done, totals)).toMatch(/^练习：/);
  });

  it('has the words Predict.astro and Challenge.astro render, in both editions', () => {
    expect(EXERCISE_WORDS.zh.predictFirst).toBe('先猜一猜');
    expect(EXERCISE_WORDS.zh.challenge).toBe('挑战');
    expect(EXERCISE_WORDS.zh.solution).toBe('参考答案');
    expect(EXERCISE_WORDS.zh.hint(null)).toBe('提示');
    expect(EXERCISE_WORDS.zh.hint(2)).toBe('提示 2');
    expect(EXERCISE_WORDS.en.hint(2)).toBe('Hint 2');
  });
});
