import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import { MODEL_CHECKS, REVIEW_CHECKS } from '../../src/exercises/checks';
import { EXERCISES } from '../../src/exercises/list';
import { loadKitModel } from '../../src/lstm/sentiment/model-files';
import { settingsView } from '../../src/lstm/sentiment/presets';
import { reviewSteps } from '../../src/lstm/sentiment/review-steps';
import { classifierWeights, traceClassifier, type LayerLike } from '../../src/lstm/sentiment/trace';
import { directoryHandler } from '../../scripts/lib/model-directory';
import { createKitModelFixture, type KitModelFixture } from '../fixtures/kit-model';
import { useSite, widget } from './harness';

const site = useSite();

/** Presses a key on a widget's slider `times` times, as a reader with a keyboard does. */
async function press(page: Page, slider: string, key: string, times = 1): Promise<void> {
  await page.locator(slider).focus();
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

/** Waits until a challenge is marked solved, and returns its line on the current state. */
async function expectSolved(page: Page, id: string): Promise<string> {
  const box = page.locator(`#ex-${id}`);
  await page.waitForSelector(`#ex-${id}[data-solved="true"]`);
  expect(await box.locator('[data-role="done"]').isVisible()).toBe(true);
  return (await box.locator('[data-role="now"]').textContent()) ?? '';
}

describe('exercises', () => {
  it('chapter 1: a prediction is scored, a challenge solved with the keyboard stays solved, the home page counts both, reset clears them', async () => {
    const page = await site.open('chapters/01-sequences/');
    const predict = page.locator('#ex-tanh-slope');
    await predict.scrollIntoViewIfNeeded();
    expect(await predict.locator('[data-role="explanation"]').isVisible()).toBe(false);
    await predict.getByLabel('Your guess for tanh′(3)').fill('0.5');
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.locator('[data-role="feedback"]').textContent()).resolves.toBe(
      'Too large: the answer is 0.0099, 0.4901 from your guess of 0.5.',
    );
    expect(await predict.locator('[data-role="explanation"]').isVisible()).toBe(true);

    // The challenge follows the widget: z from 1 to 2.2 in steps of 0.05.
    const challenge = page.locator('#ex-sigmoid-ninety');
    await widget(page, 'kit-activations');
    await expect(challenge.getAttribute('data-solved')).resolves.toBe('false');
    await press(page, '#cell-act input[name="z"]', 'ArrowRight', 23);
    await page.waitForFunction(() =>
      document.querySelector('#ex-sigmoid-ninety [data-role="now"]')?.textContent?.includes('2.15'),
    );
    await expect(challenge.getAttribute('data-solved')).resolves.toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await expectSolved(page, 'sigmoid-ninety')).toBe('Now: σ(2.20) = 0.900.');
    expect(await challenge.locator('[data-role="announce"]').textContent()).toBe(
      'Solved! This challenge is marked done.',
    );

    // After a reload and a reset of the widget, the challenge is still done and the guess kept.
    await page.reload();
    await widget(page, 'kit-activations');
    await page.locator('#cell-act [data-role="reset"]').click();
    await page.waitForFunction(() =>
      document.querySelector('#ex-sigmoid-ninety [data-role="now"]')?.textContent?.includes('σ(1.00)'),
    );
    expect(await expectSolved(page, 'sigmoid-ninety')).toMatch(/σ\(1\.00\)/);
    expect(await page.locator('#ex-tanh-slope input').inputValue()).toBe('0.5');
    expect(await page.locator('#ex-tanh-slope [data-role="feedback"]').textContent()).toMatch(/^Too large/);

    // The home page counts them, and its reset clears everything.
    await page.goto(site.url);
    const line = page.locator('li:has(a[href$="chapters/01-sequences/"]) [data-progress]');
    await expect(line.textContent()).resolves.toBe('Exercises: 1 of 4 challenges solved, 1 of 2 predictions made.');
    await expect(page.locator('li:has(a[href$="chapters/02-lstm-cell/"]) [data-progress]').textContent()).resolves.toBe(
      'Exercises: 0 of 3 challenges solved, 0 of 2 predictions made.',
    );
    await page.getByRole('button', { name: 'Reset my progress' }).click();
    await expect(line.textContent()).resolves.toBe('Exercises: 0 of 4 challenges solved, 0 of 2 predictions made.');
    expect(await page.locator('[data-role="reset-status"]').textContent()).toBe('Your progress is reset.');
    await page.goto(`${site.url}chapters/01-sequences/`);
    await expect(page.locator('#ex-sigmoid-ninety').getAttribute('data-solved')).resolves.toBe('false');
    expect(await page.locator('#ex-tanh-slope [data-role="feedback"]').textContent()).toBe('');
  });

  it('chapter 2: the loudest output, set with Home/End keys on three sliders', async () => {
    const page = await site.open('chapters/02-lstm-cell/');
    await widget(page, 'kit-lstm-cell');
    await press(page, '#cell-cell input[name="cPrev"]', 'End');
    await press(page, '#cell-cell input[name="bf"]', 'End');
    await expect(page.locator('#ex-largest-h').getAttribute('data-solved')).resolves.toBe('false');
    await press(page, '#cell-cell input[name="bo"]', 'End');
    expect(await expectSolved(page, 'largest-h')).toMatch(/hₜ = 0\.9\d\d\.$/);
    await page.reload();
    await widget(page, 'kit-lstm-cell');
    await expectSolved(page, 'largest-h');
  });

  it('chapter 3: the smallest forget bias that carries the gradient over 100 steps', async () => {
    const page = await site.open('chapters/03-lstm-over-time/');
    const predict = page.locator('#ex-memory-race');
    await predict.scrollIntoViewIfNeeded();
    await predict.getByLabel('Only the vanilla RNN').check();
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.locator('[data-role="feedback"]').textContent()).resolves.toBe(
      'Not quite: the answer is “Only the LSTM”.',
    );
    await widget(page, 'kit-lstm-vanishing');
    await press(page, '#cell-reach input[name="length"]', 'End');
    // Up from Keras' default of 1 a step at a time: 2 does not carry the gradient, 2.25 does.
    await press(page, '#cell-reach input[name="bias"]', 'ArrowRight', 4);
    await page.waitForFunction(() =>
      document.querySelector('#ex-smallest-bias [data-role="now"]')?.textContent?.includes('b_f = 2.00:'),
    );
    await expect(page.locator('#ex-smallest-bias').getAttribute('data-solved')).resolves.toBe('false');
    await page.keyboard.press('ArrowRight');
    await expectSolved(page, 'smallest-bias');
    await page.reload();
    await widget(page, 'kit-lstm-vanishing');
    await expectSolved(page, 'smallest-bias');
  });

  it('chapter 4: cosine 0 off the axes, and a choice predicted right', async () => {
    const page = await site.open('chapters/04-word-embeddings/', { width: 390, height: 800 });
    const predict = page.locator('#ex-longer-vector');
    await predict.scrollIntoViewIfNeeded();
    await predict.getByLabel('It stays the same').check();
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.locator('[data-role="feedback"]').textContent()).resolves.toBe('Right: It stays the same.');
    await widget(page, 'kit-cosine');
    await press(page, '#cell-cosine input[name="bx"]', 'ArrowLeft', 20);
    expect(await expectSolved(page, 'right-angle')).toMatch(/b = \(−1\.0, 2\.0\), cosine 0\.000/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.reload();
    await widget(page, 'kit-cosine');
    await expectSolved(page, 'right-angle');
    expect(await page.locator('#ex-longer-vector [data-role="feedback"]').textContent()).toBe(
      'Right: It stays the same.',
    );
  });

  it('chapter 7: a prediction, counted on the home page', async () => {
    const page = await site.open('chapters/07-limits/');
    const predict = page.locator('#ex-same-parameters');
    await predict.scrollIntoViewIfNeeded();
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.locator('[data-role="feedback"]').textContent()).resolves.toBe('Pick one first.');
    await predict.getByLabel('Four times as many').check();
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.locator('[data-role="feedback"]').textContent()).resolves.toBe(
      'Not quite: the answer is “The same number”.',
    );
    expect(await predict.locator('[data-role="explanation"]').textContent()).toMatch(/= 49,408, whatever the length/);
    await page.goto(site.url);
    await expect(page.locator('li:has(a[href$="chapters/07-limits/"]) [data-progress]').textContent()).resolves.toBe(
      'Exercises: 0 of 3 challenges solved, 1 of 2 predictions made.',
    );
    await expect(
      page.locator('li:has(a[href$="chapters/06-inside-classifier/"]) [data-progress]').textContent(),
    ).resolves.toBe('Exercises: 0 of 3 challenges solved, 0 of 2 predictions made.');
  });

  it('a solution link sets the widget to a state that meets the challenge', async () => {
    const page = await site.open('chapters/01-sequences/');
    const challenge = page.locator('#ex-gradient-balance');
    await challenge.scrollIntoViewIfNeeded();
    await challenge.locator('summary', { hasText: 'Solution' }).click();
    await challenge.getByRole('link', { name: 'Set the widget to this solution' }).click();
    await page.waitForURL(/vanish\.scale=2\.1/);
    await widget(page, 'kit-vanishing');
    await expectSolved(page, 'gradient-balance');
  });

  it('lists every exercise on the exercises page, with links that land on them and solutions shown on request', async () => {
    const page = await site.open('exercises/');
    const items = page.locator('[data-exercise]');
    expect(await items.count()).toBe(EXERCISES.length);
    const solutions = page.locator('[data-role="solution"]');
    expect(await solutions.count()).toBe(EXERCISES.length);
    expect(await page.locator('[data-role="solution"][open]').count()).toBe(0);
    const first = solutions.first().locator('p');
    expect(await first.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show all solutions' }).click();
    expect(await page.locator('[data-role="solution"][open]').count()).toBe(EXERCISES.length);
    expect(await first.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Hide all solutions' }).click();
    expect(await page.locator('[data-role="solution"][open]').count()).toBe(0);

    // Printed, a closed solution and the links to the chapters are left out.
    await page.emulateMedia({ media: 'print' });
    expect(await solutions.first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Every link to an exercise lands on its box in the chapter.
    const links = await page.$$eval('.sheet-link a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(EXERCISES.length);
    const byPage = new Map<string, string[]>();
    for (const link of links) {
      const url = new URL(link);
      byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), url.hash.slice(1)]);
    }
    for (const [path, ids] of byPage) {
      await page.goto(new URL(path, site.url).href);
      for (const id of ids) expect(await page.locator(`#${id}`).count(), `${path}#${id}`).toBe(1);
    }
  });
});

describe('exercises on a trained model', () => {
  let fixture: KitModelFixture;

  beforeAll(async () => {
    // The Node side trains the tiny fixture model and reads reviews with it on the cpu backend.
    await tf.setBackend('cpu');
    fixture = await createKitModelFixture();
  }, 120_000);

  afterAll(() => fixture?.remove());

  /** The fixture model as the page's trained classifier holds it. */
  async function readerInNode() {
    const { model, metadata } = await loadKitModel(directoryHandler(fixture.dir));
    const weights = classifierWeights(model.layers as unknown as LayerLike[]);
    model.dispose();
    const vocabulary = vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0));
    return { weights, vocabulary, view: settingsView(metadata.settings) };
  }

  /** What the fixture model makes of `text`, as the review cell reads it. */
  async function readInNode(text: string) {
    const { weights, vocabulary, view } = await readerInNode();
    const steps = reviewSteps(text, vocabulary, view);
    return { tokens: steps.tokens, p: traceClassifier(weights, steps.ids).p };
  }

  /** Opens chapter 6 and loads the fixture through its model cell: it becomes the model of every chapter. */
  async function loadFixture(): Promise<Page> {
    const page = await site.open('chapters/06-inside-classifier/');
    const model = await widget(page, 'kit-classifier-model');
    await expect.poll(() => model.getAttribute('data-model')).toBe('none');
    await model.locator('input[name="model-files"]').setInputFiles([fixture.modelJson, fixture.weightsBin]);
    await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
    return page;
  }

  it('chapter 6: a review typed into the review cell solves a challenge checked on the model’s reading', async () => {
    // Of a few negated words of praise, one that this model calls positive: the challenge's own check says which.
    const candidates = ['not excellent', 'not superb', 'not wonderful', 'not great'];
    const readings = await Promise.all(candidates.map(readInNode));
    const review = candidates.find((_, k) => REVIEW_CHECKS['negation'](readings[k]).met);
    expect(review, 'a negated word of praise the fixture calls positive').toBeDefined();

    const page = await loadFixture();
    const cell = await widget(page, 'kit-classifier-review');
    await cell.locator('textarea[name="review"]').fill('not a word of praise here at all, not one');
    await page.waitForFunction(() =>
      document.querySelector('#ex-negation [data-role="now"]')?.textContent?.startsWith('Now: 10 words'),
    );
    await expect(page.locator('#ex-negation').getAttribute('data-solved')).resolves.toBe('false');
    await cell.locator('textarea[name="review"]').fill(review!);
    await expectSolved(page, 'negation');
    await page.reload();
    await expectSolved(page, 'negation');
  });

  it('chapter 7: a review of unknown words, checked with the model the reader loaded in chapter 6', async () => {
    const page = await loadFixture();

    // The model is kept in this browser, so chapter 7 reads with it too.
    await page.goto(`${site.url}chapters/07-limits/`);
    const languages = await widget(page, 'kit-limits-languages');
    const review = languages.getByLabel('Review (edit it, or write your own)');
    await review.fill('zorp blick the quam veld trusk');
    await page.waitForFunction(() =>
      document.querySelector('#ex-all-unknown [data-role="now"]')?.textContent?.startsWith('Now: 5 of 6 words'),
    );
    await expect(page.locator('#ex-all-unknown').getAttribute('data-solved')).resolves.toBe('false');
    await review.fill('zorp blick snarf quam veld trusk');
    expect(await expectSolved(page, 'all-unknown')).toMatch(
      /^Now: 6 of 6 words out of the vocabulary; the model says p = /,
    );
  });

  it('chapter 5: praise that truncation cuts, typed into “Your own review”', async () => {
    const text = `excellent ${'awful boring '.repeat(45)}`;
    expect(MODEL_CHECKS['cut-praise']({ text }, await readerInNode()).met, 'the fixture calls it negative').toBe(true);
    const page = await loadFixture();
    await page.goto(`${site.url}chapters/05-sentiment-imdb/`);
    const review = await widget(page, 'kit-sentiment-review');
    await review.locator('textarea[name="review"]').fill('excellent awful boring');
    await page.waitForFunction(() =>
      document.querySelector('#ex-cut-praise [data-role="now"]')?.textContent?.includes('“excellent”, is read'),
    );
    await review.locator('textarea[name="review"]').fill(text);
    expect(await expectSolved(page, 'cut-praise')).toMatch(/^Now: 91 words; the first, “excellent”, is cut;/);
  });
});
