/**
 * npm run bench:widgets: input-to-redraw latency of every chapter-1 widget in headless Chromium.
 *
 * Each widget records `performance.measure('kit-update <tag>')` from the input event's timestamp
 * to the end of its redraw (numbers, formulas and Observable Plot SVG rebuilt in the DOM); the
 * browser's own paint comes after and is not included. Builds the site first if needed.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';

const DIR = process.env.E2E_DIR ?? 'dist-e2e';
const BASE = process.env.E2E_BASE ?? '/lstm-kit/';
const EVENTS = Number(process.env.EVENTS ?? 200);

if (!existsSync(`${DIR}/index.html`)) execSync('npm run build:e2e', { stdio: 'inherit' });

async function ready(page: Page, tag: string) {
  await page.locator(tag).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-ready="true"]`);
}

/** Presses a key on a focused slider `count` times, reversing at the ends so every press changes the value. */
async function sweep(page: Page, selector: string, count: number) {
  await page.locator(selector).focus();
  for (let k = 0; k < count; k++) await page.keyboard.press(Math.floor(k / 20) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
}

const scenarios: { tag: string; what: string; run(page: Page): Promise<void> }[] = [
  {
    tag: 'kit-one-hot',
    what: 'typing into the sentence',
    run: async (page) => {
      const input = page.locator('kit-one-hot input[name="text"]');
      await input.fill('');
      for (let k = 0; k < EVENTS; k++) {
        await input.press(k % 40 === 39 ? 'Backspace' : 'abcdefgh '[k % 9]!);
        if (k % 60 === 59) await input.fill('the cat sat on the mat');
      }
    },
  },
  {
    tag: 'kit-activations',
    what: 'arrow keys on the z slider',
    run: (page) => sweep(page, 'kit-activations input[name="z"]', EVENTS),
  },
  {
    tag: 'kit-rnn-step',
    what: 'arrow keys on the W_h slider',
    run: (page) => sweep(page, 'kit-rnn-step input[name="scale"]', EVENTS),
  },
  {
    tag: 'kit-vanishing',
    what: 'arrow keys on the W_h slider, T = 100',
    run: async (page) => {
      await page.locator('kit-vanishing input[name="length"]').fill('100');
      await sweep(page, 'kit-vanishing input[name="scale"]', EVENTS);
    },
  },
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const server = await serveStatic({ root: DIR, base: BASE });
const browser = await launchChromium();
try {
  console.log(`Input-to-redraw latency, headless Chromium ${browser.version()}, ${EVENTS} input events per widget`);
  console.log('| widget | input | events | p50 ms | p95 ms | max ms | p95 under 16 ms |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  let failed = false;
  for (const s of scenarios) {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.url}chapters/01-sequences/`);
    await ready(page, s.tag);
    await page.evaluate(() => performance.clearMeasures());
    await s.run(page);
    const ms = await page.evaluate(
      (tag) => performance.getEntriesByName(`kit-update ${tag}`, 'measure').map((e) => e.duration),
      s.tag,
    );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const p95 = quantile(ms, 0.95);
    failed ||= p95 >= 16;
    console.log(
      `| ${s.tag} | ${s.what} | ${ms.length} | ${quantile(ms, 0.5).toFixed(2)} | ${p95.toFixed(2)} | ${Math.max(...ms).toFixed(2)} | ${p95 < 16 ? 'yes' : 'NO'} |`,
    );
    await page.context().close();
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}
