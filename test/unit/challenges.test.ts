import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CELL } from '../../src/lstm/cell/cell-presets';
import { CHECKS, lstmReach, MODEL_CHECKS, REVIEW_CHECKS, type WidgetState } from '../../src/exercises/checks';
import { EXERCISES, exerciseLink, widgetLink, type Challenge } from '../../src/exercises/list';
import { scoreGuess } from '../../src/exercises/score';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Each checked widget's default state, as its schema gives it (the widget files hold the schemas). */
const DEFAULTS: Record<string, WidgetState> = {
  onehot: { text: 'The cat sat on the mat', vocabulary: 20000 },
  act: { z: 1, slopes: false },
  rnn: { text: 'the film was not good at all', step: 1, scale: 0.9 },
  vanish: { scale: 1, length: 40 },
  cell: { ...DEFAULT_CELL, hard: false },
  steps: {
    text: 'the plot was thin but the acting was not bad at all',
    step: 30,
    bias: 1,
    quantity: 'c',
    units: '1,2,3',
  },
  reach: { length: 60, scale: 1, bias: 1 },
  cosine: { ax: 2, ay: 1, bx: 1, by: 2 },
};

const challenges = EXERCISES.filter((e): e is Challenge => e.kind === 'challenge');
const check = (id: string, state: WidgetState) => CHECKS[id](state);
/** A widget's default state with some fields changed, as a link to it would set them. */
const at = (cell: string, fields: WidgetState): WidgetState => ({ ...DEFAULTS[cell], ...fields });
const solved = (c: Challenge) => check(c.id, at(c.cell, c.solution.state));

describe('the list of exercises', () => {
  it('has unique ids, a check for every challenge and no check without one', () => {
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(CHECKS).sort()).toEqual(
      challenges
        .filter((c) => !c.reads)
        .map((c) => c.id)
        .sort(),
    );
    expect(Object.keys(MODEL_CHECKS).sort()).toEqual(
      challenges
        .filter((c) => c.reads === 'model')
        .map((c) => c.id)
        .sort(),
    );
    expect(Object.keys(REVIEW_CHECKS).sort()).toEqual(
      challenges
        .filter((c) => c.reads === 'review')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('places every exercise once in its chapter, beside the cell it names, and nothing else', () => {
    const chapters = new Set(EXERCISES.map((e) => e.chapter));
    for (const chapter of chapters) {
      const mdx = readFileSync(join(root, 'chapters', `${chapter}.mdx`), 'utf8');
      const used = [...mdx.matchAll(/<(Predict|Challenge) id="([^"]+)" \/>/g)].map((m) => m[2]);
      expect(used, chapter).toEqual(EXERCISES.filter((e) => e.chapter === chapter).map((e) => e.id));
      for (const e of EXERCISES.filter((x) => x.chapter === chapter))
        expect(mdx, `${e.id} names a cell of its chapter`).toContain(`<Cell id="${e.cell}"`);
    }
  });

  it('gives two predictions to each chapter it covers, and three challenges to chapters 1 to 4 and 6', () => {
    const chapters = new Set(EXERCISES.map((e) => e.chapter));
    expect([...chapters]).toEqual([
      '01-sequences',
      '02-lstm-cell',
      '03-lstm-over-time',
      '04-word-embeddings',
      '05-sentiment-imdb',
      '06-inside-classifier',
      '07-limits',
    ]);
    for (const chapter of chapters) {
      const of = EXERCISES.filter((e) => e.chapter === chapter);
      expect(of.filter((e) => e.kind === 'prediction').length, chapter).toBeGreaterThanOrEqual(2);
      if (chapter < '05' || chapter === '06-inside-classifier')
        expect(of.filter((e) => e.kind === 'challenge').length, chapter).toBeGreaterThanOrEqual(3);
    }
  });

  it('sets only fields the widget has in its links, and links each exercise by its id', () => {
    for (const e of EXERCISES) {
      const fields = e.kind === 'challenge' ? e.solution.state : e.shows;
      if (DEFAULTS[e.cell]) for (const key of Object.keys(fields)) expect(DEFAULTS[e.cell], e.id).toHaveProperty(key);
      for (const value of Object.values(fields)) expect(Number.isNaN(value), e.id).toBe(false);
    }
    expect(widgetLink('/kit/', '04-word-embeddings', 'cosine', { ax: 2, by: -1.5 })).toBe(
      '/kit/chapters/04-word-embeddings/?cosine.ax=2&cosine.by=-1.5#cell-cosine',
    );
    expect(exerciseLink('/kit/', EXERCISES[0])).toBe(`/kit/chapters/${EXERCISES[0].chapter}/#ex-${EXERCISES[0].id}`);
  });

  it('quotes the r-keras model’s parameters as chapter 7 does, and counts its padding steps', () => {
    const share = EXERCISES.find((e) => e.id === 'embedding-share')!;
    expect(share.kind === 'prediction' && share.prompt).toMatch(/has 2,609,473 parameters/);
    expect(readFileSync(join(root, 'chapters', '07-limits.mdx'), 'utf8')).toContain('2,609,473 parameters');
    const padding = EXERCISES.find((e) => e.id === 'padding-steps')!;
    expect(padding.kind === 'prediction' && padding.answer).toMatchObject({ value: 69 });
  });

  it('makes no number in its texts NaN', () => {
    expect(JSON.stringify(EXERCISES)).not.toMatch(/NaN/);
  });

  it('gives every prediction an answer its own scoring calls right', () => {
    for (const e of EXERCISES) {
      if (e.kind !== 'prediction') continue;
      const a = e.answer;
      const right = a.kind === 'choice' ? a.correct : a.scale === 'log10' ? Math.log10(a.value) : a.value;
      expect(scoreGuess(a, right).verdict, e.id).toBe('right');
    }
  });
});

describe('every challenge on a widget’s state: its solution meets it, the widget as it opens does not', () => {
  for (const c of challenges.filter((x) => !x.reads)) {
    it(`${c.chapter} ${c.id}`, () => {
      expect(solved(c).met, solved(c).now).toBe(true);
      expect(check(c.id, DEFAULTS[c.cell]).met).toBe(false);
    });
  }
});

describe('chapter 1 challenges', () => {
  it('not-first: "not" must be the most frequent word, ties going to the first seen', () => {
    expect(check('not-first', { text: 'not good and not bad' }).met).toBe(true);
    expect(check('not-first', { text: 'not bad, just bad' }).met).toBe(false);
    expect(check('not-first', { text: 'not bad' }).met).toBe(true);
    expect(check('not-first', { text: 'bad not' })).toEqual({
      met: false,
      now: 'Now: “not” has index 2, and “bad” has index 1.',
    });
    expect(check('not-first', { text: 'great film' }).now).toBe('Now: “not” is not in your sentence.');
  });

  it('sigmoid-ninety: only z = 2.2 of the slider’s steps gives 0.9 within 0.003', () => {
    expect(check('sigmoid-ninety', { z: 2.15 }).met).toBe(false);
    expect(check('sigmoid-ninety', { z: 2.2 })).toEqual({ met: true, now: 'Now: σ(2.20) = 0.900.' });
    expect(check('sigmoid-ninety', { z: 2.25 }).met).toBe(false);
    expect(check('sigmoid-ninety', { z: -2.2 }).met).toBe(false);
  });

  it('forget-the-past: needs a repeated word and W_h at zero', () => {
    const text = 'the film was good and the acting was good';
    expect(check('forget-the-past', { text, scale: 0 }).met).toBe(true);
    expect(check('forget-the-past', { text, scale: 0.05 }).met).toBe(false);
    expect(check('forget-the-past', { text: 'one two three', scale: 0 })).toEqual({
      met: false,
      now: 'Now: no word occurs twice in your sentence.',
    });
  });

  it('gradient-balance: T = 50 and a gradient between 0.1 and 10', () => {
    expect(check('gradient-balance', { scale: 2.1, length: 50 }).met).toBe(true);
    expect(check('gradient-balance', { scale: 2.1, length: 51 }).met).toBe(false);
    expect(check('gradient-balance', { scale: 1, length: 50 }).met).toBe(false); // vanishes
    expect(check('gradient-balance', { scale: 3, length: 50 }).met).toBe(false); // explodes
  });
});

describe('chapter 2 challenges', () => {
  const cell = (fields: WidgetState) => at('cell', fields);
  const shut = (g: string) => ({ [`w${g}1`]: 0, [`w${g}2`]: 0, [`u${g}`]: 0, [`b${g}`]: -8 });
  const open = (g: string) => ({ [`w${g}1`]: 0, [`w${g}2`]: 0, [`u${g}`]: 0, [`b${g}`]: 8 });

  it('overwrite-negative: the "write" preset writes a positive memory, so it does not count', () => {
    const write = { cPrev: -1.5, ...shut('f'), ...open('i'), wc1: 3, wc2: 0, uc: 0, bc: 0 };
    expect(check('overwrite-negative', cell(write)).met).toBe(false);
    expect(check('overwrite-negative', cell({ ...write, cPrev: 2 })).met).toBe(false);
    expect(check('overwrite-negative', cell({ ...write, cPrev: 2, wc1: -3 })).met).toBe(true);
    expect(check('overwrite-negative', cell({ ...write, cPrev: 0.5, wc1: -3 })).met).toBe(false);
  });

  it('keep-hidden: the "keep" preset keeps a positive memory; a negative one meets it', () => {
    const keep = { cPrev: 2, ...open('f'), ...shut('i'), ...shut('o') };
    expect(check('keep-hidden', cell(keep)).met).toBe(false);
    expect(check('keep-hidden', cell({ ...keep, cPrev: -2 })).met).toBe(true);
    expect(check('keep-hidden', cell({ ...keep, cPrev: -2, bo: 0 })).met).toBe(false); // h shows it
  });

  it('largest-h: needs the output gate open and a large cell state', () => {
    expect(check('largest-h', cell({ cPrev: 2, ...open('f'), ...open('o') })).met).toBe(true);
    expect(check('largest-h', cell({ ...open('o') })).met).toBe(false);
    expect(check('largest-h', cell({ cPrev: 2, ...open('f') })).met).toBe(false);
  });
});

describe('chapter 3 challenges', () => {
  const sentence = 'the plot was thin but the acting was not bad at all';

  it('open-gates: a bias of 4 keeps every forget gate above 0.9 for the sentence, 3 does not', () => {
    expect(check('open-gates', at('steps', { bias: 4 })).met).toBe(true);
    expect(check('open-gates', at('steps', { bias: 3 })).met).toBe(false);
    expect(check('open-gates', at('steps', { text: '', bias: 5 })).met).toBe(false);
    expect(check('open-gates', at('steps', { text: sentence, bias: 5 })).met).toBe(true);
  });

  it('smallest-bias: 2.25 at T = 100; larger biases carry too but are not the smallest', () => {
    expect(check('smallest-bias', { length: 100, scale: 1, bias: 2.25 }).met).toBe(true);
    expect(check('smallest-bias', { length: 100, scale: 1, bias: 2 }).met).toBe(false);
    expect(check('smallest-bias', { length: 100, scale: 1, bias: 2.5 })).toMatchObject({
      met: false,
      now: expect.stringMatching(/a lower bias, 2\.25, carries it too\.$/) as unknown,
    });
    // Above a dip (3.25 and 3.5 do not carry it), 3.75 carries it again: still not the smallest.
    expect(lstmReach(100, 3.5)).toBeLessThan(0.1);
    expect(check('smallest-bias', { length: 100, scale: 1, bias: 3.75 }).met).toBe(false);
    expect(check('smallest-bias', { length: 60, scale: 1, bias: 2.25 }).met).toBe(false);
  });

  it('rnn-window: T = 100 and a gradient between 0.01 and 10', () => {
    expect(check('rnn-window', { length: 100, scale: 1.9, bias: 1 }).met).toBe(true);
    expect(check('rnn-window', { length: 100, scale: 1, bias: 1 }).met).toBe(false);
    expect(check('rnn-window', { length: 60, scale: 1.9, bias: 1 }).met).toBe(false);
  });
});

describe('chapter 4 challenges', () => {
  const v = (ax: number, ay: number, bx: number, by: number) => ({ ax, ay, bx, by });

  it('right-angle: cosine 0 off the axes only', () => {
    expect(check('right-angle', v(2, 1, -1, 2)).met).toBe(true);
    expect(check('right-angle', v(1, 0, 0, 1)).met).toBe(false);
    expect(check('right-angle', v(2, 1, -1, 2.1)).met).toBe(false);
    expect(check('right-angle', v(0, 0, 1, 1)).now).toMatch(/undefined/);
  });

  it('same-direction: cosine 1 and a length ratio of at least 3', () => {
    expect(check('same-direction', v(1, 1, 3, 3)).met).toBe(true);
    expect(check('same-direction', v(-3, 0.6, -1, 0.2)).met).toBe(true);
    expect(check('same-direction', v(1, 1, 2, 2)).met).toBe(false);
    expect(check('same-direction', v(1, 1, -3, -3)).met).toBe(false);
  });

  it('sixty-degrees: a cosine of 0.5 within 0.01', () => {
    expect(check('sixty-degrees', v(2, 0, 1, 1.7)).met).toBe(true);
    expect(check('sixty-degrees', v(2, 0, 1, 1.5)).met).toBe(false);
    expect(check('sixty-degrees', v(0, 0, 1, 1)).met).toBe(false);
  });
});

describe('chapter 6 challenges, on what the model read', () => {
  /** A reading: the words, and p after each step (padding steps first, as 'pre' padding gives them). */
  const read = (tokens: string[], p: number[]) => ({ tokens, p: [0.5, 0.5, ...p] });

  it('negation: at most six words, with “not”, called positive', () => {
    expect(REVIEW_CHECKS['negation'](read(['not', 'excellent'], [0.6, 0.4, 0.8])).met).toBe(true);
    expect(REVIEW_CHECKS['negation'](read(['not', 'excellent'], [0.6, 0.4, 0.45])).met).toBe(false);
    expect(REVIEW_CHECKS['negation'](read(['truly', 'excellent'], [0.6, 0.7, 0.8])).met).toBe(false);
    expect(REVIEW_CHECKS['negation'](read('it is not at all a great film'.split(' '), [0.9])).met).toBe(false);
  });

  it('one-word: a single word above 0.85', () => {
    expect(REVIEW_CHECKS['one-word'](read(['excellent'], [0.6, 0.885]))).toEqual({
      met: true,
      now: 'Now: 1 word; the model says p = 0.885.',
    });
    expect(REVIEW_CHECKS['one-word'](read(['perfect'], [0.6, 0.84])).met).toBe(false);
    expect(REVIEW_CHECKS['one-word'](read(['so', 'excellent'], [0.6, 0.7, 0.9])).met).toBe(false);
  });

  it('last-word-turns: eight words or more, negative before the last, positive after', () => {
    const words = 'the story was boring and slow but the ending was superb'.split(' ');
    expect(REVIEW_CHECKS['last-word-turns'](read(words, [0.231, 0.521])).met).toBe(true);
    expect(REVIEW_CHECKS['last-word-turns'](read(words, [0.6, 0.7])).met).toBe(false);
    expect(REVIEW_CHECKS['last-word-turns'](read(words, [0.2, 0.4])).met).toBe(false);
    expect(REVIEW_CHECKS['last-word-turns'](read(['boring', 'but', 'superb'], [0.2, 0.6])).met).toBe(false);
  });
});
