/**
 * npm run bench:widgets [-- chapter-01]: input-to-redraw latency of widgets in headless Chromium.
 *
 * Each widget records `performance.measure('kit-update <tag>')` from the input event's timestamp
 * to the end of its redraw (numbers, formulas and Observable Plot SVG rebuilt in the DOM); the
 * browser's own paint comes after and is not included. Every chapter lists its scenarios in
 * scripts/bench/chapter-NN.ts. Builds the site first if needed.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';
import type { ChapterScenarios } from './bench/types';
import { optionsOrExit } from './lib/options.ts';

const DIR = process.env.E2E_DIR ?? 'dist-e2e';
const BASE = process.env.E2E_BASE ?? '/lstm-kit/';
const EVENTS = Number(process.env.EVENTS ?? 200);
// Plain arguments pick chapters by the start of their file name: `chapter-04`.
const only = optionsOrExit('bench:widgets', {}, { positionals: Infinity }).positionals;

if (!existsSync(`${DIR}/index.html`)) execSync('npm run build:e2e', { stdio: 'inherit' });

const files = readdirSync(new URL('./bench/', import.meta.url))
  .filter((f) => /^chapter-\d+\.ts$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const chapters: ChapterScenarios[] = [];
for (const f of files) chapters.push(((await import(`./bench/${f}`)) as { chapter: ChapterScenarios }).chapter);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const server = await serveStatic({ root: DIR, base: BASE });
const browser = await launchChromium();
try {
  console.log(`Input-to-redraw latency, headless Chromium ${browser.version()}, ${EVENTS} input events per widget`);
  console.log('| page | widget | input | events | p50 ms | p95 ms | max ms | p95 under 16 ms |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
  let failed = false;
  for (const chapter of chapters) {
    for (const s of chapter.scenarios) {
      const { page, problems } = await watchedPage(browser);
      await page.goto(`${server.url}${chapter.page}`);
      await page.locator(s.tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${s.tag}[data-ready="true"]`);
      await page.evaluate(() => performance.clearMeasures());
      await s.run(page, EVENTS);
      const ms = await page.evaluate(
        (tag) => performance.getEntriesByName(`kit-update ${tag}`, 'measure').map((e) => e.duration),
        s.tag,
      );
      if (problems.length > 0) throw new Error(problems.join('\n'));
      if (ms.length === 0) throw new Error(`${s.tag} recorded no updates`);
      const p95 = quantile(ms, 0.95);
      failed ||= p95 >= 16;
      console.log(
        `| ${chapter.page} | ${s.tag} | ${s.what} | ${ms.length} | ${quantile(ms, 0.5).toFixed(2)} | ${p95.toFixed(2)} | ${Math.max(...ms).toFixed(2)} | ${p95 < 16 ? 'yes' : 'NO'} |`,
      );
      await page.context().close();
    }
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}
