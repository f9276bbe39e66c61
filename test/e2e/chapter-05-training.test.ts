/**
 * Chapter 5's classifier, used like a reader: train a tiny setting on the fixture reviews in the
 * worker, watch the curves and the progress bar move, pause, stop, reload, resume from the
 * checkpoint, see the evaluation on the test reviews, and judge a typed review.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import { prepareImdb, streamFromBytes } from '../../src/data/index.ts';
import { buildImdbArchive, FIXTURE_REVIEWS } from '../fixtures/imdb-archive.ts';
import { overlaySite, type SiteOverlay } from '../../scripts/lib/site-overlay.ts';
import { E2E_BASE, E2E_DIR, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/05-sentiment-imdb/';
// A tiny custom setting: one review per batch, many epochs, so that there is time to pause and stop.
const QUERY =
  '?train.embedding=4&train.units=3&train.maxlen=12&train.batchSize=1&train.epochs=100&train.dropout=0&train.recurrentDropout=0' +
  '&train.keepBest=false';

const TEST_COUNT = FIXTURE_REVIEWS.filter((r) => r.split === 'test').length;

let served: { overlay: SiteOverlay; server: RunningServer };

beforeAll(async () => {
  const files = new Map<string, Uint8Array>();
  await prepareImdb(
    streamFromBytes(buildImdbArchive('official', 'gnu', FIXTURE_REVIEWS)),
    async (path, data) => void files.set(path, data),
    {
      name: 'aclImdb_v1.tar.gz',
    },
  );
  const overlay = overlaySite(E2E_DIR, files);
  served = { overlay, server: await serveStatic({ root: overlay.root, base: E2E_BASE }) };
});

afterAll(async () => {
  await served?.server.close();
  served?.overlay.remove();
});

const train = 'kit-sentiment-train';

async function loadReviews(page: Page): Promise<void> {
  await widget(page, 'kit-imdb-data');
  // A first visit offers the site's reviews; a reload reopens them by itself.
  const panel = 'kit-imdb-data [data-role="imdb-panel"]';
  const offer = 'kit-imdb-data [data-role="imdb-load-site"]:not([hidden])';
  await page.waitForSelector(`${panel}[data-phase="ready"], ${offer}`, { timeout: 60_000 });
  if (await page.locator(offer).isVisible()) await page.locator(offer).click();
  await page.waitForSelector(`${panel}[data-phase="ready"]`, { timeout: 60_000 });
}

describe('chapter 5: training, evaluation and your own review', () => {
  it('trains in a worker with live curves, pauses, stops, resumes after a reload, evaluates and predicts', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}${QUERY}`);
    await loadReviews(page);
    const w = await widget(page, train);
    expect(await text(page, `${train} [data-role="custom"]`)).toMatch(/^Custom settings/);
    // The summary counts the parameters of the setting in the URL: LSTM(3) on 4-dimensional vectors.
    expect(await w.locator('[data-role="summary-table"] tbody tr').nth(1).locator('td').allTextContents()).toEqual([
      'LSTM',
      '(None, 3)',
      '96',
    ]);
    expect(await w.locator('[data-role="code"]').textContent()).toContain('model.add(tf.layers.lstm({ units: 3');

    await w.locator('[data-role="train"]').click();
    await w.locator('[data-role="epoch-table"] tbody tr').nth(1).waitFor({ timeout: 60_000 });
    await w.locator('[data-role="batch-plot"] svg[role="img"]').waitFor();
    await w.locator('[data-role="epoch-plot"] svg[role="img"]').waitFor();
    const progress = () => w.locator('[data-role="progress"]').evaluate((p: HTMLProgressElement) => p.value);
    const before = await progress();
    expect(before).toBeGreaterThan(0);
    expect(await text(page, `${train} [data-role="progress-text"]`)).toMatch(
      /^Epoch \d+ of 100, batch \d of 4: .* batches\/s, .* left/,
    );
    expect(await text(page, '#cell-train [data-role="backend"]')).toMatch(
      /^tfjs · WASM \(SIMD, 2 threads\) in a Web Worker$/,
    );

    await w.locator('[data-role="pause"]').click();
    await expect.poll(() => text(page, `${train} [data-role="pause"]`)).toBe('Resume');
    const paused = await progress();
    await page.waitForTimeout(300);
    expect(await progress()).toBe(paused);
    await w.locator('[data-role="pause"]').click(); // resume
    await expect.poll(progress).toBeGreaterThan(paused);
    await w.locator('[data-role="stop"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 30_000 })
      .toMatch(/^Stopped after \d+ complete epoch/);
    const done = Number((await text(page, `${train} [data-role="status"]`)).match(/after (\d+)/)![1]);
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(100);

    // A reload offers the checkpoint; resuming starts at the next epoch and keeps the history.
    await page.reload();
    await loadReviews(page);
    const again = await widget(page, train);
    await again.locator('[data-role="resume-checkpoint"]').waitFor();
    expect(await text(page, `${train} [data-role="resume-checkpoint"]`)).toBe(`Resume from epoch ${done + 1}`);
    await expect.poll(() => again.locator('[data-role="epoch-table"] tbody tr').count()).toBe(done);
    await again.locator('[data-role="resume-checkpoint"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="progress-text"]`), { timeout: 30_000 })
      .toMatch(new RegExp(`^Epoch (${done + 1}|[1-9]\\d+) of 100`));
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 120_000 })
      .toBe('Trained 100 epochs and saved in this browser. The next section evaluates it on the test reviews.');
    await expect.poll(() => again.locator('[data-role="epoch-table"] tbody tr').count()).toBe(100);
    expect(await again.locator('[data-role="resume-offer"]').isHidden()).toBe(true);

    // The evaluation starts by itself and scores every test review of the fixture.
    const evaluation = await widget(page, 'kit-sentiment-evaluate');
    await evaluation.locator('[data-role="metrics"]').waitFor({ timeout: 60_000 });
    expect(await text(page, 'kit-sentiment-evaluate [data-role="metrics"] caption')).toMatch(
      new RegExp(`^On all ${TEST_COUNT} test reviews`),
    );
    const cells = await evaluation.locator('[data-role="confusion"] tbody td').allTextContents();
    expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(TEST_COUNT);
    expect(await text(page, `${train} [data-role="model"]`)).toMatch(
      /^Kept in this browser: custom .*, 100 epoch\(s\), \d+\.\d\d% accuracy on the test reviews\.$/,
    );

    // The results table of the baselines lists the evaluated LSTM.
    const baselines = await widget(page, 'kit-imdb-baselines');
    await baselines.locator('[data-role="results"] tr[data-model="lstm"][data-accuracy]').waitFor();

    // Your own review: words, ids and a verdict; an unknown word is marked.
    const review = await widget(page, 'kit-sentiment-review');
    await review.locator('textarea').fill('A fine film with a great cast, zyzzyva!');
    await expect
      .poll(() => text(page, 'kit-sentiment-review [data-role="verdict"]'), { timeout: 30_000 })
      .toMatch(/^(Positive|Negative): the model's probability that it is positive is \d+\.\d\d%/);
    await expect.poll(() => review.locator('.review-words .oov').allTextContents()).toContain('zyzzyva:2');
    expect(await text(page, 'kit-sentiment-review [data-role="review-row"]')).toMatch(/^\[0, 0, .*1, .*2\]$/);
    await review.locator('textarea').fill('   ');
    await expect
      .poll(() => text(page, 'kit-sentiment-review [data-role="verdict"]'))
      .toBe('Type a review: there are no words to judge yet.');

    // Chapter 6 names the same model with the scores chapter 5's evaluation kept.
    await page.goto(`${served.server.url}chapters/06-inside-classifier/`);
    await widget(page, 'kit-classifier-model');
    await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
    expect(await text(page, 'kit-classifier-model [data-role="model-facts"]')).toMatch(
      new RegExp(`On the ${TEST_COUNT} test reviews: accuracy \\d`),
    );
  });

  it("says, before training, what the short default run and the article's full run cost on this machine", async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}`);
    await loadReviews(page);
    const w = await widget(page, train);
    expect(await w.locator('input[name="epochs"]').inputValue()).toBe('2');
    expect(await w.locator('input[name="keepBest"]').isChecked()).toBe(true);
    expect(await text(page, `${train} [data-role="custom"]`)).toBe(
      'The r-keras model and training, for 2 of its 15 epochs.',
    );
    const cost = () => text(page, `${train} [data-role="cost"]`);
    await expect
      .poll(cost, { timeout: 60_000 })
      .toMatch(
        /^On this machine \(a few batches timed just now\): about .+ an epoch, so this run of 2 epochs takes about .+; the full 15 epochs of r-keras would take about .+\.$/,
      );
    // Only the epochs changed: the same timing answers at once, for the new count.
    await w.locator('input[name="epochs"]').fill('4');
    await w.locator('input[name="epochs"]').press('Tab');
    await expect.poll(cost).toMatch(/so this run of 4 epochs takes about/);
    // The article's own count is the preset itself, with nothing more to compare.
    await w.locator('input[name="epochs"]').fill('15');
    await w.locator('input[name="epochs"]').press('Tab');
    expect(await text(page, `${train} [data-role="custom"]`)).toBe('These are the r-keras settings.');
    await expect.poll(cost).toMatch(/so this run of 15 epochs takes about [^;]+\.$/);
    // A preset that reads whole reviews: the book's model, its fields, and its own full run.
    await w.locator('select[name="preset"]').selectOption('dlwp');
    const field = (name: string) => w.locator(`[name="${name}"]`).inputValue();
    expect([await field('maxlen'), await field('numWords'), await field('units'), await field('optimizer')]).toEqual([
      '500',
      '10000',
      '32',
      'rmsprop',
    ]);
    expect(await field('batchSize')).toBe('128');
    expect(await text(page, `${train} [data-role="custom"]`)).toBe(
      'The dlwp model and training, for 2 of its 10 epochs.',
    );
    await expect
      .poll(cost, { timeout: 60_000 })
      .toMatch(/so this run of 2 epochs takes about .+; the full 10 epochs of dlwp would take about .+\.$/);
  });

  it('refuses model files that are not a kit model, with a clear message, and keeps nothing', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}`);
    const w = await widget(page, train);
    await w.locator('[data-role="model-files"]').setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "a model"') },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([1, 2, 3]) },
    ]);
    await expect
      .poll(() => text(page, '#cell-train [data-role="error"]'), { timeout: 15_000 })
      .toMatch(/^Load model files: the model could not be read/);
    expect(await text(page, `${train} [data-role="model"]`)).toBe('No trained model is kept in this browser yet.');
  });

  it('says what was typed in the LSTM units field and what it takes, never "got null"', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}`);
    const w = await widget(page, train);
    const units = w.locator('input[name="units"]');
    await units.fill('abc');
    await units.press('Tab');
    await expect
      .poll(() => text(page, '#cell-train [data-role="error"]'))
      .toBe(
        'LSTM units per layer: "abc" is not a number. Type the units of each LSTM layer (1 to 3 layers), ' +
          'whole numbers from 1 to 512 separated by commas, like 64 or 128,128.',
      );
    expect(await w.locator('[data-role="train"]').isDisabled()).toBe(true);
    await units.fill('600');
    await units.press('Tab');
    await expect
      .poll(() => text(page, '#cell-train [data-role="error"]'))
      .toMatch(/^LSTM units per layer: "600" is not a whole number from 1 to 512\. Type/);
    await units.fill('32');
    await units.press('Tab');
    await expect.poll(() => page.locator('#cell-train [data-role="error"]').isHidden()).toBe(true);
  });

  it('says that Resume needs the reviews when they are not loaded, and resumes once they are', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}${QUERY}`);
    await loadReviews(page);
    const w = await widget(page, train);
    await w.locator('[data-role="train"]').click();
    await w.locator('[data-role="epoch-table"] tbody tr').nth(0).waitFor({ timeout: 60_000 });
    await w.locator('[data-role="stop"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 30_000 })
      .toMatch(/^Stopped after \d+ complete epoch/);
    const stopped = await text(page, `${train} [data-role="status"]`);
    await w.locator('[data-role="resume-checkpoint"]').waitFor();
    // The reviews go; the checkpoint's offer stays, and pressing it says what it needs.
    await page.locator('kit-imdb-data [data-role="imdb-forget"]').click();
    await page.waitForSelector('kit-imdb-data [data-role="imdb-panel"][data-phase="choose"]');
    await w.locator('[data-role="resume-checkpoint"]').click();
    await expect
      .poll(() => text(page, '#cell-train [data-role="error"]'))
      .toBe('Load the reviews first, in “The reviews in this page” above: resuming needs them.');
    expect(await text(page, `${train} [data-role="status"]`)).toBe(stopped);
    expect(await w.locator('[data-role="pause"]').isDisabled()).toBe(true);
    await loadReviews(page);
    await w.locator('[data-role="resume-checkpoint"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="progress-text"]`), { timeout: 30_000 })
      .toMatch(/^Epoch \d+ of 100/);
    await w.locator('[data-role="stop"]').click();
  });

  it('says when the evaluation shown was measured on other data than the reviews loaded now', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}`);
    // Results kept from an evaluation of 60 test reviews of other prepared data (another vocabulary).
    await page.evaluate(() => {
      const savedAt = '2026-01-01T00:00:00.000Z';
      const scores = { loss: 0.01, accuracy: 1, precision: 1, recall: 1, f1: 1 };
      const metrics = { ...scores, count: 60, tp: 30, fp: 0, tn: 30, fn: 0 };
      const summary = { label: 'r-keras', preset: 'r-keras', epochs: 2, test: scores, savedAt };
      localStorage.setItem('lstm-kit:trained-model', JSON.stringify(summary));
      localStorage.setItem(
        'lstm-kit:evaluation',
        JSON.stringify({
          savedAt,
          metrics,
          mostWrong: [{ index: 1, probability: 0.4, label: 1 }],
          seconds: 0.5,
          data: { vocabularySha256: '0'.repeat(64), testCount: 60 },
        }),
      );
    });
    await page.reload();
    const evaluation = await widget(page, 'kit-sentiment-evaluate');
    const caption = 'kit-sentiment-evaluate [data-role="metrics"] caption';
    // With no reviews loaded, the results are the model's, on the data they name.
    await expect.poll(() => text(page, caption)).toBe('On all 60 test reviews (0.5 s)');
    await loadReviews(page);
    await expect
      .poll(() => text(page, caption))
      .toBe(`On all 60 test reviews of other data, not the ${TEST_COUNT} loaded now (0.5 s)`);
    expect(await text(page, 'kit-sentiment-evaluate [data-role="eval-other-data"]')).toBe(
      `These results were measured on other data: 60 test reviews, not the ${TEST_COUNT} loaded now, so they ` +
        'say nothing about these. Load the reviews the model was trained on to see them again, or train a model on these.',
    );
    // The reviews it got most wrong are in that other data: no text of the loaded reviews stands for them.
    expect(await evaluation.locator('[data-role="wrong-list"] blockquote').allTextContents()).toEqual([
      'Its text is in the data this was measured on, not loaded now.',
    ]);
  });

  it('fits the two baselines in a worker, says which wins, and keeps the results', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}?baselines.trees=10`);
    await loadReviews(page);
    const w = await widget(page, 'kit-imdb-baselines');
    await w.locator('[data-role="fit"]').click();
    const row = (model: string) => w.locator(`[data-role="results"] tr[data-model="${model}"]`);
    await row('bag-of-words').waitFor({ timeout: 60_000 });
    await row('forest').waitFor({ timeout: 60_000 });
    const accuracy = async (model: string) => Number(await row(model).getAttribute('data-accuracy'));
    for (const model of ['forest', 'bag-of-words']) {
      expect(await accuracy(model)).toBeGreaterThanOrEqual(0);
      expect(await accuracy(model)).toBeLessThanOrEqual(1);
    }
    await expect.poll(() => text(page, 'kit-imdb-baselines [data-role="verdict"]')).toMatch(/ wins/);
    expect(await w.locator('[data-role="results"] tr[data-best="true"]').count()).toBe(1);
    // A reload keeps the results for this dataset.
    await page.reload();
    await loadReviews(page);
    const again = await widget(page, 'kit-imdb-baselines');
    await again.locator('[data-role="results"] tr[data-model="forest"]').waitFor();
  });
});
