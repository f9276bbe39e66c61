/**
 * npx tsx scripts/bench-threads.ts: what threads give tfjs's WASM backend in the kit's pages.
 *
 * Opens chapter 1 twice, from a server that sends the cross-origin isolation headers and from
 * one that does not, starts tfjs through the page's own loader (the "Check with tfjs autodiff"
 * button), and times a 1024 x 1024 matMul with the tfjs the page exposes for the console.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';

// No options: anything given is a mistake, said in one line.
optionsOrExit('bench:threads', {});

const DIR = process.env.E2E_DIR ?? 'dist-e2e';
const BASE = process.env.E2E_BASE ?? '/lstm-kit/';
if (!existsSync(`${DIR}/index.html`)) execSync('npm run build:e2e', { stdio: 'inherit' });

/** Median of nine timed 1024 x 1024 matMuls (after a warm-up), in the page's tfjs. */
const MATMUL_TIMING = `(() => {
  const tf = globalThis.kitTf;
  const a = tf.randomNormal([1024, 1024]);
  const b = tf.randomNormal([1024, 1024]);
  const times = [];
  for (let k = 0; k < 10; k++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
    if (k > 0) times.push(performance.now() - t0);
  }
  a.dispose();
  b.dispose();
  return times.sort((x, y) => x - y)[4];
})()`;

const browser = await launchChromium();
const rows: { isolated: boolean; backend: string; ms: number }[] = [];
try {
  for (const isolate of [true, false]) {
    const server = await serveStatic({ root: DIR, base: BASE, isolate });
    const { page, problems } = await watchedPage(browser);
    // ?isolation=off keeps the service-worker fallback (src/widgets/kit/isolation.ts) from
    // isolating the page that is meant to run without headers.
    await page.goto(`${server.url}chapters/01-sequences/${isolate ? '' : '?isolation=off'}`);
    await page.locator('kit-vanishing').scrollIntoViewIfNeeded();
    await page.waitForSelector('kit-vanishing[data-ready="true"]');
    await page.getByRole('button', { name: 'Check with tfjs autodiff' }).click();
    await page.waitForSelector('kit-vanishing [data-relative-error]', { timeout: 60_000 });
    const backend = (await page.locator('#cell-vanish [data-role="backend"]').textContent()) ?? '';
    // Sent as source text: the TypeScript runner would wrap named functions in a helper the page lacks.
    const ms = (await page.evaluate(MATMUL_TIMING)) as number;
    if (problems.length > 0) throw new Error(problems.join('\n'));
    rows.push({ isolated: isolate, backend, ms });
    await page.context().close();
    await server.close();
  }
} finally {
  await browser.close();
}
console.log(`1024 x 1024 matMul in headless Chromium ${browser.version()} (median of 9)`);
console.log('| page | backend the cell shows | ms | speed-up |');
console.log('| --- | --- | ---: | ---: |');
const single = rows.find((r) => !r.isolated)!.ms;
for (const r of rows) {
  console.log(
    `| ${r.isolated ? 'cross-origin isolated' : 'not isolated'} | ${r.backend} | ${r.ms.toFixed(1)} | ${(single / r.ms).toFixed(2)}x |`,
  );
}
