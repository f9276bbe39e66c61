/**
 * The r-keras training benchmark in headless Chromium (the second half of `npm run
 * bench:train`; alone: npm run bench:train:browser [-- --batches N]). The same four models as
 * the Node benchmark (scripts/bench-train.ts), same seed and same batches in one run, taking
 * turns in the same way, on the WASM backend with threads (the page is cross-origin isolated).
 * Needs the prepared data (`npm run data`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { R_KERAS } from '../src/lstm/sentiment/rkeras.ts';
import { launchChromium, watchedPage } from './lib/browser';
import { targetLine, trainTable, type TrainRow } from './lib/train-report.ts';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';
import { trainBenchSite } from './lib/train-bench-site.ts';

// The Node half's options are accepted too: npm run bench:train passes its options to both.
const args = optionsOrExit('bench:train:browser', {
  batches: { type: 'int', min: 1, default: 20 },
  epochs: { type: 'int', min: 0 },
  data: { type: 'string' },
  backend: { type: 'choice', choices: ['wasm', 'cpu'] },
  warmup: { type: 'int', min: 0 },
});
const batches = args.batches;
const DATA = resolve(args.data ?? 'public/data/imdb');
if (args.epochs !== undefined) {
  // npm run bench:train passes its options to both halves; whole epochs are the Node half's.
  console.log('The browser benchmark times batches only: --epochs is for scripts/bench-train.ts.');
  process.exit(0);
}
if (!existsSync(join(DATA, 'manifest.json'))) {
  console.error('No prepared IMDB data in public/data/imdb: run "npm run data -- --archive PATH" first.');
  process.exit(1);
}

const site = await trainBenchSite(DATA);
try {
  const root = site.root;
  const server = await serveStatic({ root, base: '/' });
  const browser = await launchChromium();
  try {
    const { page, problems } = await watchedPage(browser);
    await page.goto(server.url);
    await page.waitForFunction('typeof globalThis.runTrainBench === "function"');
    // Sent as source text: the TypeScript runner would wrap named functions in a helper the page lacks.
    const result = (await page.evaluate(`runTrainBench({ batches: ${batches} })`)) as {
      threads: number;
      isolated: boolean;
      reviews: number;
      rows: TrainRow[];
      peak: { wasm: number; js: number };
    };
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const epochBatches = Math.ceil(result.reviews / R_KERAS.batch);
    console.log(
      `r-keras training in headless Chromium ${browser.version()}, WASM with ${result.threads} thread(s)` +
        `${result.isolated ? ' (cross-origin isolated)' : ''}: ${batches} batches of ${R_KERAS.batch} real IMDB reviews ` +
        `after 3 warm-up batches, the models taking turns (five timed batches each, after an untimed one); an epoch is ${epochBatches} batches.\n`,
    );
    for (const line of trainTable(result.rows, epochBatches)) console.log(line);
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    console.log(
      `\nPeak memory of the page over the run (all four models alive): WASM heap ${mib(result.peak.wasm)}, ` +
        `JavaScript heap ${mib(result.peak.js)}.`,
    );
    console.log(targetLine(result.rows, epochBatches));
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  site.remove();
}
