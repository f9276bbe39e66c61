import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseRows } from '../../src/embedding/cosine';
import { modelNeighbours } from '../../src/embedding/model-words';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import { loadKitModel } from '../../src/lstm/sentiment/model-files';
import { reviewSteps } from '../../src/lstm/sentiment/review-steps';
import { settingsView } from '../../src/lstm/sentiment/presets';
import { classifierWeights, notableUnits, traceClassifier, type LayerLike } from '../../src/lstm/sentiment/trace';
import { fmt } from '../../src/widgets/kit/format';
import { directoryHandler } from '../../scripts/lib/model-directory';
import { createKitModelFixture, type KitModelFixture } from '../fixtures/kit-model';
import { num, text, useSite, widget, expectAccessibleOnPhone } from './harness';

const site = useSite();
const CHAPTER = 'chapters/06-inside-classifier/';
const REVIEW = 'The film was excellent and superb, but the zebra plot was awful';

let one: KitModelFixture;
let two: KitModelFixture;

beforeAll(async () => {
  // The Node side of this file trains and reads the fixtures with tfjs on the cpu backend.
  await tf.setBackend('cpu');
  one = await createKitModelFixture();
  two = await createKitModelFixture({ lstm: [5, 4], seed: 4 });
}, 120_000);

afterAll(() => {
  one?.remove();
  two?.remove();
});

/** The fixture as Node reads it: weights in the kit's layout, vocabulary and view. */
async function inNode(fixture: KitModelFixture) {
  const { model, metadata } = await loadKitModel(directoryHandler(fixture.dir));
  const weights = classifierWeights(model.layers as unknown as LayerLike[]);
  model.dispose();
  const vocabulary = vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0));
  return { weights, vocabulary, view: settingsView(metadata.settings) };
}

/** Opens chapter 6 and loads `fixture` through the model cell's file input. */
async function openWithModel(fixture: KitModelFixture, options?: { width?: number; height?: number }): Promise<Page> {
  const page = await site.open(CHAPTER, options);
  const w = await widget(page, 'kit-classifier-model');
  await expect.poll(() => w.getAttribute('data-model')).toBe('none');
  await w.locator('input[name="model-files"]').setInputFiles([fixture.modelJson, fixture.weightsBin]);
  await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
  return page;
}

/** Types a review into the review cell and waits until tfjs's prediction is compared. */
async function readReview(page: Page, review: string): Promise<number> {
  const w = await widget(page, 'kit-classifier-review');
  await w.locator('textarea[name="review"]').fill(review);
  const check = w.locator('[data-role="check"]');
  await expect.poll(() => check.getAttribute('data-difference'), { timeout: 30_000 }).not.toBeNull();
  return Number(await check.getAttribute('data-difference'));
}

describe('chapter 6: the model', () => {
  it('says that there is no model, links to chapter 5, and refuses files that are not a kit model', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-classifier-model');
    await expect.poll(() => w.getAttribute('data-model')).toBe('none');
    expect(await text(page, 'kit-classifier-model [data-role="model-status"]')).toMatch(
      /^No trained model in this browser yet\. Train one in chapter 5/,
    );
    expect(await w.locator('[data-role="model-status"] a').getAttribute('href')).toBe(
      '/lstm-kit/chapters/05-sentiment-imdb/#cell-train',
    );
    const review = await widget(page, 'kit-classifier-review');
    await expect.poll(() => review.getAttribute('data-model')).toBe('none');
    expect(await text(page, 'kit-classifier-review [data-role="model-note"]')).toMatch(
      /^No trained model yet: train one in chapter 5, or load model files in the first cell of this chapter/,
    );
    const input = w.locator('input[name="model-files"]');
    const error = page.locator('#cell-model [data-role="error"]');
    const weights = { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(16) };

    // Not JSON at all.
    await input.setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {') },
      weights,
    ]);
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/^These files could not be loaded: the model could not be read: .*JSON/);
    // The weights alone, then the model alone.
    await input.setInputFiles([weights]);
    await expect
      .poll(() => error.textContent())
      .toBe('These files could not be loaded: choose the model.json file together with its weights (.bin) file.');
    await input.setInputFiles([one.modelJson]);
    await expect
      .poll(() => error.textContent())
      .toBe('These files could not be loaded: choose the weights file (.bin) together with model.json.');
    // A tfjs model without the kit's metadata.
    const json = JSON.parse(readFileSync(one.modelJson, 'utf8')) as Record<string, unknown>;
    delete json['userDefinedMetadata'];
    await input.setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: readFileSync(one.weightsBin) },
    ]);
    await expect
      .poll(() => error.textContent())
      .toMatch(/^These files could not be loaded: this model has no lstm-kit metadata/);
    expect(await w.getAttribute('data-model')).toBe('none');
  });

  it('loads model files, shows the model, and keeps it for the next visit', async () => {
    const page = await openWithModel(one);
    expect(await text(page, 'kit-classifier-model [data-role="model-status"]')).toBe(
      'The trained model: custom (r-keras layout), 1 epoch on 1,280 reviews.',
    );
    expect(await text(page, 'kit-classifier-model [data-role="load-status"]')).toMatch(
      /^Loaded model\.json and weights\.bin: a model trained for 1 epoch/,
    );
    expect(await page.locator('kit-classifier-model table tr').count()).toBe(4);
    expect(await text(page, 'kit-classifier-model [data-role="model-facts"]')).toMatch(
      /^Reads 16 ids per review \(keras\.datasets\.imdb layout, 18 words in its vocabulary\)\. Not evaluated/,
    );
    await page.reload();
    const w = await widget(page, 'kit-classifier-model');
    await expect.poll(() => w.getAttribute('data-model'), { timeout: 30_000 }).toBe('ready');
  });
});

describe('chapter 6: a review, read word by word', () => {
  for (const [name, fixture] of [
    ['one LSTM layer', () => one],
    ['two stacked LSTM layers', () => two],
  ] as const) {
    it(`${name}: predictions after each word as the kit computes them, and tfjs agrees`, async () => {
      const f = fixture();
      const page = await openWithModel(f);
      const difference = await readReview(page, REVIEW);
      expect(difference).toBeLessThan(1e-4);
      expect(await text(page, 'kit-classifier-review [data-role="difference"]')).toMatch(
        /^(0|\d\.\d\d×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/,
      );
      expect(await text(page, 'kit-classifier-review [data-role="check"] p')).toMatch(
        /^The two agree to better than 10⁻⁴/,
      );

      const { weights, vocabulary, view } = await inNode(f);
      const steps = reviewSteps(REVIEW, vocabulary, view);
      const trace = traceClassifier(weights, steps.ids);
      const L = steps.ids.length;
      expect(num(await text(page, 'kit-classifier-review [data-role="ours"]'))).toBeCloseTo(trace.p[L - 1]!, 6);
      expect(await text(page, 'kit-classifier-review [data-role="final"]')).toBe(`p = ${fmt(trace.p[L - 1]!)}`);
      // Every word read has its move; "but" and "zebra" are out of the vocabulary and read as <oov>.
      const chips = page.locator('kit-classifier-review [data-role="words"] .token[data-delta]');
      const shown = await chips.evaluateAll((els) =>
        els.map((e) => ({
          step: Number((e as HTMLElement).dataset.step),
          delta: Number((e as HTMLElement).dataset.delta),
        })),
      );
      expect(shown.length).toBe(L - steps.padding);
      for (const { step, delta } of shown) expect(delta).toBeCloseTo(trace.delta[step - 1]!, 6);
      expect(await page.locator('kit-classifier-review .token.oov[data-word="zebra → <oov>"]').count()).toBe(1);
      expect(await text(page, 'kit-classifier-review [data-role="summary"]')).toMatch(
        /^The model reads 16 steps: \d+ padding steps?, the start marker, 12 words \(2 of them out of the vocabulary, read as <oov>\)/,
      );
      expect(await text(page, 'kit-classifier-review [data-role="up"]')).toMatch(/^Raised the prediction most: /);
      // The legend and the plot, with its text alternative.
      expect(await page.locator('kit-classifier-review [data-role="legend"] svg').count()).toBe(1);
      const plot = page.locator('kit-classifier-review [data-role="prediction"] svg[role="img"]');
      expect(await plot.getAttribute('aria-description')).toMatch(/after the last step p = /);
      // The padding steps, shown on request.
      const prediction = page.locator('kit-classifier-review [data-role="prediction"]');
      expect(await prediction.getAttribute('data-steps')).toBe(String(L - steps.padding));
      await page.locator('kit-classifier-review input[name="padding"]').check();
      expect(await prediction.getAttribute('data-steps')).toBe(String(L));
    });
  }

  it('reads the examples, and a review longer than maxlen loses its beginning', async () => {
    const page = await openWithModel(one);
    const w = await widget(page, 'kit-classifier-review');
    await w.locator('select[name="example"]').selectOption('awful');
    expect(await w.locator('textarea[name="review"]').inputValue()).toMatch(/^Awful\. Just awful\./);
    const long = Array.from({ length: 30 }, (_, k) => (k % 2 ? 'great' : 'film')).join(' ');
    expect(await readReview(page, `excellent ${long}`)).toBeLessThan(1e-4);
    expect(await text(page, 'kit-classifier-review [data-role="summary"]')).toMatch(
      /The model reads 16 steps: 0 padding steps, 16 words\. The first 15 words were cut: only the last 16 ids are read\./,
    );
    expect(await page.locator('kit-classifier-review .token.cut').count()).toBe(16); // 15 words and the start marker
    expect(await w.locator('select[name="example"]').inputValue()).toBe('own');
    // Reset goes back to the first example, and the cell still follows the model.
    await page.locator('#cell-review [data-role="reset"]').click();
    expect(await w.locator('select[name="example"]').inputValue()).toBe('mixed');
    await expect
      .poll(() => text(page, 'kit-classifier-review [data-role="summary"]'))
      .toMatch(/^The model reads 16 steps/);
  });
});

describe('chapter 6: gates and states over the review', () => {
  it('follows the units that matter most, then the units the reader types', async () => {
    const page = await openWithModel(two);
    await readReview(page, REVIEW);
    const w = await widget(page, 'kit-classifier-gates');
    const { weights, vocabulary, view } = await inNode(two);
    const steps = reviewSteps(REVIEW, vocabulary, view);
    const trace = traceClassifier(weights, steps.ids);
    // Layer 1 of 2 by default: the units whose h_t ranges most over the review.
    const first = notableUnits(trace, weights.readout, 0, 3, steps.padding).map((u) => u + 1);
    await expect.poll(() => w.getAttribute('data-units')).toBe(first.join(','));
    expect(await w.locator('select[name="layer"] option').count()).toBe(2);
    await w.locator('select[name="layer"]').selectOption('2');
    const last = notableUnits(trace, weights.readout, 1, 3, steps.padding).map((u) => u + 1);
    expect(await w.getAttribute('data-units')).toBe(last.join(','));
    expect(await text(page, 'kit-classifier-gates [data-role="units-note"]')).toMatch(
      /the three whose final h_T adds most to the output/,
    );
    // Six plots with axes, and one legend of the units.
    for (const q of ['i', 'f', 'cTilde', 'o', 'c', 'h']) {
      expect(await w.locator(`[data-role="trace-${q}"] svg[role="img"]`).count(), q).toBe(1);
      expect(await w.locator(`[data-role="trace-${q}"] svg g[aria-label="line"] path`).count(), q).toBe(3);
    }
    expect(await w.locator('[data-role="unit-legend"] [class$="-swatch"]').count()).toBe(3);
    const description = () => w.locator('[data-role="trace-h"] svg').getAttribute('aria-description');
    const before = await description();

    // The keyboard: type another unit.
    const other = [1, 2, 3, 4].find((u) => !last.includes(u))!;
    await w.locator('input[name="units"]').focus();
    await page.keyboard.type(String(other));
    await expect.poll(() => w.getAttribute('data-units')).toBe(String(other));
    expect(await description()).not.toBe(before);
    const run = trace.layers[1]!;
    const L = steps.ids.length;
    expect(await description()).toBe(`After the last step: unit ${other} ${fmt(run.steps[L - 1]!.h[other - 1]!, 2)}.`);
    const row = await w.locator(`[data-role="final-table"] tr[data-unit="${other}"] td`).allTextContents();
    const s = run.steps[L - 1]!;
    const u = other - 1;
    expect(row).toEqual(
      [
        s.i[u]!,
        s.f[u]!,
        s.cTilde[u]!,
        s.o[u]!,
        s.c[u]!,
        s.h[u]!,
        weights.readout.w[u]!,
        weights.readout.w[u]! * s.h[u]!,
      ].map((v) => fmt(v)),
    );
    expect(await w.locator('[data-role="trace-f"] svg g[aria-label="line"] path').count()).toBe(1);
    // A unit the layer does not have is named, and the button goes back to the three that matter most.
    await w.locator('input[name="units"]').fill(`${other}, 9`);
    expect(await text(page, 'kit-classifier-gates [data-role="units-note"]')).toMatch(
      /Not units of this layer \(1 to 4\): 9\./,
    );
    await w.getByRole('button', { name: 'The three that matter most' }).click();
    expect(await w.getAttribute('data-units')).toBe(last.join(','));
    expect(await w.locator('input[name="units"]').inputValue()).toBe('');
  });
});

describe("chapter 6: the trained embedding's neighbours", () => {
  it('lists the nearest words of a typed word by cosine, and says when a word has no vector', async () => {
    const page = await openWithModel(one);
    const w = await widget(page, 'kit-classifier-neighbours');
    await expect.poll(() => w.getAttribute('data-model')).toBe('ready');
    const { weights, vocabulary, view } = await inNode(one);
    const unit = normaliseRows(weights.embedding);
    await w.locator('input[name="word"]').fill('Superb');
    const listed = (word: string) => w.locator(`[data-role="neighbours"] [data-word="${word}"] li`).allTextContents();
    const expected = modelNeighbours(unit, vocabulary, view, 'superb', 8);
    expect(expected.neighbours).toHaveLength(8);
    expect(await listed('superb')).toEqual(expected.neighbours.map((n) => `${n.word} ${fmt(n.similarity)}`));
    const awful = modelNeighbours(unit, vocabulary, view, 'awful', 8);
    expect(await listed('awful')).toEqual(awful.neighbours.map((n) => `${n.word} ${fmt(n.similarity)}`));
    // "actor" is not one of the fixture's 18 words; nor is "zebra".
    expect(await text(page, 'kit-classifier-neighbours [data-word="actor"] [data-role="missing"]')).toBe(
      "not in the model's vocabulary (18 words)",
    );
    await w.locator('input[name="word"]').fill('zebra');
    expect(await w.locator('[data-word="zebra"]').getAttribute('data-status')).toBe('unknown');
  });
});

describe('chapter 6: accessibility', () => {
  it('has no WCAG 2.1 A/AA violations with a model loaded, in both themes, and fits a phone', async () => {
    const page = await openWithModel(two, { width: 390, height: 800 });
    await readReview(page, REVIEW);
    await widget(page, 'kit-classifier-gates');
    await widget(page, 'kit-classifier-neighbours');
    await page.waitForSelector('kit-classifier-gates[data-units]');
    await page.locator('kit-classifier-review summary').click();
    await page.waitForSelector('kit-classifier-review [data-role="imdb-panel"]');
    await expectAccessibleOnPhone(
      page,
      'kit-classifier-model, kit-classifier-review, kit-classifier-gates, kit-classifier-neighbours',
    );
  });
});
