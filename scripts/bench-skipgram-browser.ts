/**
 * npm run bench:skipgram: chapter 4's skip-gram cell trained with its default settings (3,000
 * IMDB training reviews, d = 32, 3 epochs, seed 1) in headless Chromium, as a reader runs it.
 * Prints the words per second the widget measures while it trains, and the wall time.
 * Needs a build with the prepared data (`npm run data`, then `npm run build:e2e`).
 */
import { existsSync } from 'node:fs';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';

// No options: anything given is a mistake, said in one line.
optionsOrExit('bench:skipgram', {});

const DIR = process.env.E2E_DIR ?? 'dist-e2e';
const BASE = process.env.E2E_BASE ?? '/lstm-kit/';
if (!existsSync(`${DIR}/data/imdb/manifest.json`)) {
  console.error(`bench-skipgram: ${DIR} has no prepared IMDB data: run "npm run data" and "npm run build:e2e" first.`);
  process.exit(1);
}

const server = await serveStatic({ root: DIR, base: BASE });
const browser = await launchChromium();
try {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}chapters/04-word-embeddings/`);
  const w = page.locator('kit-skipgram');
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector('kit-skipgram[data-ready="true"]');
  await page.waitForSelector('kit-skipgram [data-role="data-status"][data-kind="available"]', { timeout: 60_000 });
  await w.locator('input[name="corpus"][value="imdb"]').check();
  const t0 = performance.now();
  await w.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForSelector('kit-skipgram[data-trained="3"]', { timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  const status = (await w.locator('[data-role="status"]').textContent()) ?? '';
  const rate = Number(await w.locator('[data-role="status"]').getAttribute('data-words-per-second'));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  console.log(
    `Skip-gram in headless Chromium ${browser.version()}, chapter 4 defaults (3,000 reviews, d = 32, 3 epochs, seed 1)`,
  );
  console.log('| words per second while training | wall seconds from Train to the third epoch |');
  console.log('| ---: | ---: |');
  console.log(`| ${Math.round(rate).toLocaleString('en-US')} | ${seconds.toFixed(1)} |`);
  console.log(`status: ${status}`);
} finally {
  await browser.close();
  await server.close();
}
