/**
 * A model on arrival: a site that carries the kit's own model (`npm run model` writes it to
 * public/models/kit/; here a tiny fixture stands in) serves it to every page that needs one, so
 * that a fresh browser finds chapters 4 to 7 working without visiting chapter 5, and says
 * whose model it is; a model the reader loads replaces it, and "back to the kit's model" restores it.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import { overlaySite, type SiteOverlay } from '../../scripts/lib/site-overlay';
import { createKitModelFixture, type KitModelFixture } from '../fixtures/kit-model';
import { E2E_BASE, E2E_DIR, text, useSite, widget } from './harness';

const site = useSite();
let fixture: KitModelFixture;
let served: { overlay: SiteOverlay; server: RunningServer };

beforeAll(async () => {
  await tf.setBackend('cpu');
  fixture = await createKitModelFixture();
  const models = new Map<string, Uint8Array>([
    ['kit.json', new TextEncoder().encode(JSON.stringify({ model: 'kit/model.json' }))],
    ['kit/model.json', readFileSync(fixture.modelJson)],
    ['kit/weights.bin', readFileSync(fixture.weightsBin)],
  ]);
  const overlay = overlaySite(E2E_DIR, null, models);
  served = { overlay, server: await serveStatic({ root: overlay.root, base: E2E_BASE }) };
}, 120_000);

afterAll(async () => {
  await served?.server.close();
  served?.overlay.remove();
  fixture?.remove();
});

describe("the kit's model on arrival", () => {
  it('serves chapters 5, 6 and 7 at once in a fresh browser, and says it is the kit’s model', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}chapters/06-inside-classifier/`);
    await widget(page, 'kit-classifier-model');
    await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
    expect(await text(page, 'kit-classifier-model [data-role="model-status"]')).toMatch(
      /^The kit's model, trained for this site by npm run model: custom \(r-keras layout\), 1 epoch on [\d,]+ reviews\. Train your own in chapter 5 and it takes its place\.$/,
    );
    // Nothing was trained or kept in this browser: the model came from the site.
    expect(await page.evaluate(() => localStorage.getItem('lstm-kit:trained-model'))).toBeNull();

    await page.goto(`${served.server.url}chapters/07-limits/`);
    await widget(page, 'kit-limits-padding');
    await expect
      .poll(() => page.locator('kit-limits-padding').innerText(), { timeout: 60_000 })
      .toMatch(/Using the kit's model: custom \(r-keras layout\), maxlen 16, 1 epoch/);

    // Chapter 5's "your own review" judges a review at once, with the same model.
    await page.goto(`${served.server.url}chapters/05-sentiment-imdb/`);
    await widget(page, 'kit-sentiment-review');
    await expect
      .poll(() => text(page, 'kit-sentiment-review [data-role="verdict"]'), { timeout: 60_000 })
      .toMatch(/^(Positive|Negative): the model's probability that it is positive is \d+\.\d\d%/);
    await widget(page, 'kit-sentiment-train');
    await expect
      .poll(() => text(page, 'kit-sentiment-train [data-role="model"]'), { timeout: 30_000 })
      .toBe("No trained model is kept in this browser yet. Until you train one, the pages use the kit's model.");
    expect(await text(page, 'kit-sentiment-train [data-role="forget-model"]')).toBe(
      "Forget it: back to the kit's model",
    );

    // Chapter 4's comparison fills its right-hand column from the same model.
    await page.goto(`${served.server.url}chapters/04-word-embeddings/`);
    const compare = await widget(page, 'kit-embedding-compare');
    await expect.poll(() => compare.getAttribute('data-model'), { timeout: 60_000 }).toBe('ready');
    expect(await text(page, 'kit-embedding-compare [data-role="model-source"]')).toMatch(
      /^Sentiment model: the Embedding layer of the kit's model \(custom \(r-keras layout\), maxlen 16, 1 epoch\), /,
    );
    expect(await compare.locator('[data-source="classifier"] ol li').count()).toBeGreaterThan(0);
  });

  it("lets a reader's model replace the kit's everywhere, and chapters 6 and 7 bring the kit's back", async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}chapters/06-inside-classifier/`);
    const model = await widget(page, 'kit-classifier-model');
    await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
    // The kit's model is in use: there is nothing to go back to.
    expect(await model.locator('[data-role="back-to-kit"]').isHidden()).toBe(true);
    await model.locator('input[name="model-files"]').setInputFiles([fixture.modelJson, fixture.weightsBin]);
    await expect
      .poll(() => text(page, 'kit-classifier-model [data-role="model-status"]'), { timeout: 60_000 })
      .toMatch(/^The trained model: /);
    const back = model.locator('[data-role="back-to-kit"]');
    await back.waitFor({ state: 'visible' });

    // Chapter 7 uses the reader's model too, and its panel can go back as well.
    await page.goto(`${served.server.url}chapters/07-limits/`);
    const padding = await widget(page, 'kit-limits-padding');
    await expect.poll(() => padding.innerText(), { timeout: 60_000 }).toMatch(/Using your trained model: /);
    await padding.locator('[data-role="back-to-kit"]').click();
    await expect.poll(() => padding.innerText(), { timeout: 60_000 }).toMatch(/Using the kit's model: /);
    expect(await padding.locator('[data-role="back-to-kit"]').isHidden()).toBe(true);

    // And chapter 6 finds the kit's model again after a reload.
    await page.goto(`${served.server.url}chapters/06-inside-classifier/`);
    await widget(page, 'kit-classifier-model');
    await expect
      .poll(() => text(page, 'kit-classifier-model [data-role="model-status"]'), { timeout: 60_000 })
      .toMatch(/^The kit's model, trained for this site/);
  });
});
