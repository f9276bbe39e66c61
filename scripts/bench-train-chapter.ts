/**
 * Chapter 5 as a reader uses it, timed: headless Chromium opens the built chapter with the real
 * prepared IMDB data, loads the reviews, trains the `r-keras` model in the page's worker for N
 * epochs (validating on the test set, as the R article does, so that every epoch reports the
 * test accuracy), then lets the chapter evaluate it on all 25,000 test reviews. Prints the
 * seconds and accuracies the page itself shows.
 *
 * Beside it, in a page of its own, runs the last row of `npm run bench:train:browser` (the fused
 * layer, fast lookup kernels, one-pass Adam): every N seconds (`--every`, default 10) the chapter
 * is paused, the benchmark times one untimed and five timed batches, and the chapter resumes. A
 * change in the machine's load then falls on both alike, and the chapter's seconds per epoch
 * are given as a ratio to the benchmark's, measured in the same run. The pauses are not in the
 * chapter's seconds (its epoch timer counts batches only) nor in the wall time printed.
 *
 *   npm run bench:train:chapter -- [--epochs 3] [--every 10] [--site DIR] [--data DIR] [--preset NAME]
 *
 * --preset trains another of the chapter's presets (r-keras-400, dlwp: whole reviews), set in
 * the form as a reader would choose it; the benchmark beside it times r-keras only, so for
 * another preset the chapter runs alone and prints its own seconds, without the ratio.
 *
 * DIR is a built site (default dist-e2e, from `npm run build:e2e`, served under /lstm-kit/); the
 * prepared data (default public/data/imdb, from `npm run data`) is linked into a copy of it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { median, R_KERAS } from '../src/lstm/sentiment/rkeras.ts';
import { PRESET_NAMES } from '../src/lstm/sentiment/presets.ts';
import { presetFields } from '../src/lstm/sentiment/settings-form.ts';
import { overlaySite } from './lib/site-overlay.ts';
import type { Browser, Worker } from 'playwright-core';
import { launchChromium, watchedPage } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';
import { optionsOrExit } from './lib/options.ts';
import { trainBenchSite } from './lib/train-bench-site.ts';

const args = optionsOrExit('bench:train:chapter', {
  epochs: { type: 'int', min: 1, default: 3 },
  site: { type: 'string', default: 'dist-e2e' },
  base: { type: 'string', default: '/lstm-kit/' },
  data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
  every: { type: 'int', min: 1, default: 10 },
  'eval-batch': { type: 'int', min: 1, default: 500 },
  preset: { type: 'choice', choices: PRESET_NAMES, default: 'r-keras' },
});
const epochs = args.epochs;
const preset = args.preset;
// The preset's fields in the page's state, as choosing it in the form sets them.
const fields = { ...presetFields(preset), epochs, validation: 'test' };
const query = Object.entries(fields)
  .map(([k, v]) => `train.${k}=${encodeURIComponent(String(v))}`)
  .join('&');

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

/** The benchmark's fastest row in a page of its own, started and warmed up. */
async function openBenchmark(browser: Browser) {
  const site = await trainBenchSite(resolve(args.data));
  const server = await serveStatic({ root: site.root, base: '/' });
  const close = async () => {
    await server.close();
    site.remove();
  };
  try {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(600_000);
    await page.goto(server.url);
    await page.waitForFunction('typeof globalThis.startFastBench === "function"');
    const info = (await page.evaluate('startFastBench()')) as { threads: number; reviews: number };
    return { page, problems, info, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const overlay = overlaySite(args.site, filesUnder(args.data));
const server = await serveStatic({ root: overlay.root, base: args.base });
const browser = await launchChromium();
let bench: Awaited<ReturnType<typeof openBenchmark>> | null = null;
try {
  // The benchmark's rows are r-keras batches: only that preset has a figure to compare with, and
  // only then is the benchmark's page opened, ready before the chapter starts.
  if (preset === 'r-keras') bench = await openBenchmark(browser);

  const { page, problems } = await watchedPage(browser);
  page.setDefaultTimeout(epochs * 600_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // Seconds the page's main thread spent in tasks (scripts, style, layout), from Chromium.
  const mainThreadSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  };
  await page.goto(`${server.url}chapters/05-sentiment-imdb/?${query}`);
  await page.locator('kit-imdb-data').scrollIntoViewIfNeeded();
  await page.locator('kit-imdb-data [data-role="imdb-load-site"]:not([hidden])').click();
  await page.waitForSelector('kit-imdb-data [data-role="imdb-panel"][data-phase="ready"]');
  const train = page.locator('kit-sentiment-train');
  await train.scrollIntoViewIfNeeded();
  await page.waitForSelector('kit-sentiment-train[data-ready="true"]');
  const trained = () =>
    page.evaluate(
      () =>
        document.querySelector('kit-sentiment-train [data-role="status"]')?.textContent?.startsWith('Trained ') ??
        false,
    );
  // Clicks Pause (or Resume) when the run has it on; false when the run has ended (a run may end
  // while paused: the worker's last save does not wait for Resume).
  const togglePause = () =>
    page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('kit-sentiment-train [data-role="pause"]');
      if (!button || button.disabled) return false;
      button.click();
      return true;
    });
  // Every batch's seconds, as the worker reports them (cumulative in its epoch), read off its
  // messages to the page: the chapter's per-batch median, beside the benchmark's.
  const batchLogs: [number, number, number][] = [];
  let trainingWorker: Worker | null = null;
  page.on('worker', (worker) => {
    if (!worker.url().includes('worker')) return;
    trainingWorker = worker;
    void worker
      .evaluate(() => {
        const scope = globalThis as unknown as {
          postMessage: (message: unknown, transfer?: Transferable[]) => void;
          batchLogs: [number, number, number][];
        };
        const original = scope.postMessage.bind(scope);
        scope.batchLogs = [];
        scope.postMessage = (message, transfer) => {
          const m = message as { type?: string; logs?: { epoch: number; batch: number; seconds: number }[] };
          if (m.type === 'batch') for (const l of m.logs ?? []) scope.batchLogs.push([l.epoch, l.batch, l.seconds]);
          original(message, transfer);
        };
      })
      .catch(() => undefined);
  });
  const collectLogs = async () => {
    const worker = trainingWorker as Worker | null;
    if (!worker) return;
    const logs = await worker
      .evaluate(() => (globalThis as unknown as { batchLogs?: [number, number, number][] }).batchLogs?.splice(0) ?? [])
      .catch(() => []);
    batchLogs.push(...logs);
  };
  const mainBefore = await mainThreadSeconds();
  const started = Date.now();
  await train.locator('[data-role="train"]').click();
  // Every few seconds of training: pause the chapter, time a block of the benchmark's batches
  // (one untimed, to bring its model back into the caches, then five), resume.
  const benchTimes: number[] = [];
  let pausedMs = 0;
  for (;;) {
    await page.waitForTimeout(args.every * 1000);
    await collectLogs();
    if (await trained()) break;
    if (!bench) continue;
    if (!(await togglePause())) continue; // the worker is still starting
    await page.waitForFunction(
      () =>
        document.querySelector('kit-sentiment-train [data-role="pause"]')?.getAttribute('aria-pressed') === 'true' ||
        document.querySelector('kit-sentiment-train [data-role="status"]')?.textContent?.startsWith('Trained '),
      null,
      { polling: 50 },
    );
    if (await trained()) break;
    const pausedAt = Date.now();
    await bench.page.evaluate('fastBatches(1)');
    benchTimes.push(...((await bench.page.evaluate('fastBatches(5)')) as number[]));
    pausedMs += Date.now() - pausedAt;
    if (!(await togglePause())) break;
    await page.waitForFunction(
      () =>
        document.querySelector('kit-sentiment-train [data-role="pause"]')?.getAttribute('aria-pressed') !== 'true' ||
        document.querySelector('kit-sentiment-train [data-role="status"]')?.textContent?.startsWith('Trained '),
      null,
      { polling: 50 },
    );
  }
  await page.waitForFunction(
    () => document.querySelector('kit-sentiment-train [data-role="status"]')?.textContent?.startsWith('Trained '),
    null,
    { polling: 1000 },
  );
  const wall = (Date.now() - started - pausedMs) / 1000;
  const mainBusy = (await mainThreadSeconds()) - mainBefore;
  const backend = await page.locator('#cell-train [data-role="backend"]').textContent();
  const rows = await train
    .locator('[data-role="epoch-table"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const evaluation = page.locator('kit-sentiment-evaluate');
  await evaluation.scrollIntoViewIfNeeded();
  await evaluation.locator('[data-role="metrics"]').waitFor();
  const metrics = await evaluation.locator('[data-role="metrics"]').innerText();
  console.log(
    `${preset}, ${epochs} epoch(s) in the chapter's worker (${backend}), headless Chromium ${browser.version()}:`,
  );
  console.log('| epoch | loss | accuracy | test loss | test accuracy | seconds |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(
    `\nWall time from Train to trained, validation passes included, the benchmark's turns not: ${wall.toFixed(1)} s; ` +
      `the page's main thread was busy ${mainBusy.toFixed(1)} s of it (${((100 * mainBusy) / wall).toFixed(1)}%).`,
  );
  const epochSeconds = rows.map((r) => Number(r[r.length - 1]));
  const chapterMean = epochSeconds.reduce((a, b) => a + b, 0) / epochSeconds.length;
  if (bench) await compareWithBenchmark(bench);
  else {
    console.log(`\n${preset}: ${chapterMean.toFixed(1)} s per epoch (mean of ${epochSeconds.length}).`);
    console.log(`\nThe chapter's evaluation:\n${metrics}`);
    if (problems.length) console.log(`\nProblems on the page: ${problems.join('; ')}`);
  }
  /** The chapter against the benchmark's figure, and evaluation both ways, in the benchmark's page. */
  async function compareWithBenchmark({ page: benchPage, problems: benchProblems, info }: NonNullable<typeof bench>) {
    const epochBatches = Math.ceil(info.reviews / R_KERAS.batch);
    const benchMedian = median(benchTimes);
    const benchMean = benchTimes.reduce((a, b) => a + b, 0) / benchTimes.length;
    const reference = (benchMedian * epochBatches) / 1000;
    console.log(
      `\nThe benchmark's figure, measured in the same run (npm run bench:train:browser's last row: fused layer, ` +
        `fast lookup kernels, one-pass Adam, in a page beside the chapter, WASM with ${info.threads} thread(s)), ` +
        `${benchTimes.length} batches timed in blocks of five while the chapter was paused every ${args.every} s: ` +
        `median ${benchMedian.toFixed(1)} ms per batch (mean ${benchMean.toFixed(1)}, ` +
        `min-max ${Math.min(...benchTimes).toFixed(0)}-${Math.max(...benchTimes).toFixed(0)}), ` +
        `${reference.toFixed(1)} s per epoch of ${epochBatches} batches extrapolated from the median.`,
    );
    // Per batch: the difference of consecutive cumulative seconds within an epoch.
    const chapterTimes: number[] = [];
    for (let k = 1; k < batchLogs.length; k++) {
      const [e0, b0, s0] = batchLogs[k - 1]!;
      const [e1, b1, s1] = batchLogs[k]!;
      if (e1 === e0 && b1 === b0 + 1) chapterTimes.push((s1 - s0) * 1000);
    }
    const chapterMedian = median(chapterTimes);
    console.log(
      `The chapter's batches (${chapterTimes.length} of them, from the worker's reports; the batch's assembly included): ` +
        `median ${chapterMedian.toFixed(1)} ms per batch, ${(chapterMedian / benchMedian).toFixed(2)}x the benchmark's median.`,
    );
    const ratio = chapterMean / reference;
    console.log(
      `Chapter / benchmark: ${chapterMean.toFixed(1)} s per epoch (mean of ${epochSeconds.length}) / ${reference.toFixed(1)} s = ` +
        `${ratio.toFixed(2)}x (target: within 1.10x, ${ratio <= 1.1 ? 'met' : 'NOT met'}).`,
    );
    const evalSeconds = Number(/\(([\d.]+) s\)/.exec(metrics)?.[1] ?? NaN);
    console.log(`\nThe chapter's evaluation:\n${metrics}`);
    console.log(
      `Evaluation of the 25,000 test reviews: ${evalSeconds.toFixed(1)} s (target: under 3 s, ${evalSeconds < 3 ? 'met' : 'NOT met'}).`,
    );
    // The same evaluation both ways, in the benchmark's page, taking turns (the model there is the
    // benchmark's, barely trained: the arithmetic is the same).
    const ev = (await benchPage.evaluate(`evaluationBench({ batchSize: ${args['eval-batch']} })`)) as {
      reviews: number;
      layers: number[];
      fused: number[];
      difference: number;
    };
    const evMedian = (xs: number[]) => median(xs).toFixed(2);
    console.log(
      `\nEvaluating all ${ev.reviews} test reviews in the benchmark's page, the two ways taking turns (${ev.fused.length} rounds): ` +
        `model.predict in batches of 500 ${ev.layers.map((x) => x.toFixed(2)).join(', ')} s; ` +
        `the fused prediction in batches of ${args['eval-batch']} ${ev.fused.map((x) => x.toFixed(2)).join(', ')} s; ` +
        `${(median(ev.layers) / median(ev.fused)).toFixed(2)}x faster (medians ${evMedian(ev.layers)} and ${evMedian(ev.fused)} s), ` +
        `largest difference of a probability ${ev.difference.toExponential(1)}.`,
    );
    const all = [...problems, ...benchProblems];
    if (all.length) console.log(`\nProblems on the pages: ${all.join('; ')}`);
  }
} finally {
  await browser.close();
  await server.close();
  await bench?.close();
  overlay.remove();
}
