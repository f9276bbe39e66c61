/**
 * Chapter 5 as a reader uses it, timed: headless Chromium opens the built chapter with the real
 * prepared IMDB data, loads the reviews, trains the `r-keras` model in the page's worker for N
 * epochs (validating on the test set, as the R article does, so that every epoch reports the
 * test accuracy), then lets the chapter evaluate it on all 25,000 test reviews. Prints the
 * seconds and accuracies the page itself shows.
 *
 *   npm run bench:train:chapter -- [--epochs 3] [--site DIR] [--data DIR]
 *
 * DIR is a built site (default dist-e2e, from `npm run build:e2e`, served under /lstm-kit/); the
 * prepared data (default public/data/imdb, from `npm run data`) is linked into a copy of it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { overlaySite } from './lib/site-overlay.ts';
import { launchChromium, watchedPage } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';
import { optionsOrExit } from './lib/options.ts';

const args = optionsOrExit('bench:train:chapter', {
  epochs: { type: 'int', min: 1, default: 3 },
  site: { type: 'string', default: 'dist-e2e' },
  base: { type: 'string', default: '/lstm-kit/' },
  data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
});
const epochs = args.epochs;

function filesUnder(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

const overlay = overlaySite(args.site, filesUnder(args.data));
const server = await serveStatic({ root: overlay.root, base: args.base });
const browser = await launchChromium();
try {
  const { page, problems } = await watchedPage(browser);
  page.setDefaultTimeout(epochs * 600_000);
  await page.goto(`${server.url}chapters/05-sentiment-imdb/?train.epochs=${epochs}&train.validation=test`);
  await page.locator('kit-imdb-data').scrollIntoViewIfNeeded();
  await page.locator('kit-imdb-data [data-role="imdb-load-site"]:not([hidden])').click();
  await page.waitForSelector('kit-imdb-data [data-role="imdb-panel"][data-phase="ready"]');
  const train = page.locator('kit-sentiment-train');
  await train.scrollIntoViewIfNeeded();
  await page.waitForSelector('kit-sentiment-train[data-ready="true"]');
  const started = Date.now();
  await train.locator('[data-role="train"]').click();
  await page.waitForFunction(
    () => document.querySelector('kit-sentiment-train [data-role="status"]')?.textContent?.startsWith('Trained '),
    null,
    { polling: 1000 },
  );
  const wall = (Date.now() - started) / 1000;
  const backend = await page.locator('#cell-train [data-role="backend"]').textContent();
  const rows = await train
    .locator('[data-role="epoch-table"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const evaluation = page.locator('kit-sentiment-evaluate');
  await evaluation.scrollIntoViewIfNeeded();
  await evaluation.locator('[data-role="metrics"]').waitFor();
  const metrics = await evaluation.locator('[data-role="metrics"]').innerText();
  console.log(`r-keras, ${epochs} epoch(s) in the chapter's worker (${backend}), headless Chromium:`);
  console.log('| epoch | loss | accuracy | test loss | test accuracy | seconds |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nWall time from Train to trained, validation passes included: ${wall.toFixed(1)} s`);
  console.log(`\nThe chapter's evaluation:\n${metrics}`);
  if (problems.length) console.log(`\nProblems on the page: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
  overlay.remove();
}
