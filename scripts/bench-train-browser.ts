/**
 * The r-keras training benchmark in headless Chromium (the second half of `npm run
 * bench:train`; alone: npm run bench:train:browser [-- --batches N]). The same four models as
 * the Node benchmark (scripts/bench-train.ts), same seed and same batches in one run, taking
 * turns in the same way, on the WASM backend with threads (the page is cross-origin isolated).
 * Then the fastest row with one WASM thread against one per core: the same page served once
 * cross-origin isolated and once not (without isolation there are no WASM threads), the two
 * taking turns. Needs the prepared data (`npm run data`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median, R_KERAS } from '../src/lstm/sentiment/rkeras.ts';
import { launchChromium, watchedPage } from './lib/browser';
import { targetLine, trainTable, type TrainRow } from './lib/train-report.ts';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';
import { trainBenchSite } from './lib/train-bench-site.ts';
import { wholeReviewTable, type WholeReviewRow } from './lib/whole-reviews.ts';

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
    await page.close();

    // Whole reviews: the presets r-keras-400 and dlwp, every step against distinct rows.
    const whole = Math.max(5, Math.round(batches / 2));
    {
      const { page: p, problems: pp } = await watchedPage(browser);
      p.setDefaultTimeout(600_000);
      await p.goto(server.url);
      await p.waitForFunction('typeof globalThis.runWholeReviewsBench === "function"');
      const wholeRows = (await p.evaluate(`runWholeReviewsBench({ batches: ${whole} })`)) as WholeReviewRow[];
      if (pp.length > 0) throw new Error(pp.join('\n'));
      console.log(
        `\nWhole reviews in the same Chromium (WASM with ${result.threads} thread(s)): the presets r-keras-400 and dlwp, the fused ` +
          `layer with every step's input in its product and over distinct input rows (each way forced; of its own the layer takes them for r-keras-400 alone), taking turns; ${whole} timed batches each.\n`,
      );
      for (const line of wholeReviewTable(wholeRows)) console.log(line);
      await p.close();
    }

    // Threads: the fastest row in two pages, isolated (a thread per core) and not (one thread).
    const plain = await serveStatic({ root, base: '/', isolate: false });
    try {
      const runs: { threads: number; page: typeof page; times: number[] }[] = [];
      for (const url of [plain.url, server.url]) {
        const { page: p, problems: pp } = await watchedPage(browser);
        p.setDefaultTimeout(600_000);
        await p.goto(url);
        await p.waitForFunction('typeof globalThis.startFastBench === "function"');
        const info = (await p.evaluate('startFastBench()')) as { threads: number };
        if (pp.length > 0) throw new Error(pp.join('\n'));
        runs.push({ threads: info.threads, page: p, times: [] });
      }
      const rounds = Math.max(2, Math.round(batches / 5));
      for (let r = 0; r < rounds; r++) {
        for (const run of runs) {
          await run.page.evaluate('fastBatches(1)'); // back into the caches after the other's turn
          run.times.push(...((await run.page.evaluate('fastBatches(5)')) as number[]));
        }
      }
      const one = median(runs[0]!.times);
      console.log(
        `\nThreads, the last row again (fused layer, fast lookup kernels, one-pass Adam) in two pages taking turns, ` +
          `${rounds} blocks of five batches each:\n`,
      );
      console.log(
        '| WASM threads | page | ms per batch (median) | s per epoch (extrapolated) | speed-up over one thread |',
      );
      console.log('| ---: | --- | ---: | ---: | ---: |');
      for (const run of runs) {
        const ms = median(run.times);
        console.log(
          `| ${run.threads} | ${run === runs[0] ? 'not isolated' : 'cross-origin isolated'} | ${ms.toFixed(1)} | ` +
            `${((ms * epochBatches) / 1000).toFixed(1)} | ${(one / ms).toFixed(2)}x |`,
        );
      }
    } finally {
      await plain.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  site.remove();
}
