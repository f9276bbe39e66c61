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
  '?train.embedding=4&train.units=3&train.maxlen=12&train.batchSize=1&train.epochs=100&train.dropout=0&train.recurrentDropout=0';

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
      .toMatch(/^(Positive|Negative): the model gives it \d+\.\d\d% of being positive/);
    await expect.poll(() => review.locator('.review-words .oov').allTextContents()).toContain('zyzzyva:2');
    expect(await text(page, 'kit-sentiment-review [data-role="review-row"]')).toMatch(/^\[0, 0, .*1, .*2\]$/);
    await review.locator('textarea').fill('   ');
    await expect
      .poll(() => text(page, 'kit-sentiment-review [data-role="verdict"]'))
      .toBe('Type a review: there are no words to judge yet.');
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
