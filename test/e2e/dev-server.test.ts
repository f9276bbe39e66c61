import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchedPage } from '../../scripts/lib/browser';

// `npm start` is the first command of the README: the development server must serve the kit
// cross-origin isolated, with widgets and tfjs's WASM backend working as in the built site.
const PORT = 4390;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  // Vitest's own variables (NODE_ENV=test, VITEST) would make Astro behave as under test.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'),
  );
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: process.env.DEBUG_DEV_SERVER ? 'inherit' : 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('astro dev did not start within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('the development server', () => {
  it('serves chapter 1 isolated, with its widgets and threaded WASM tfjs', async () => {
    const response = await fetch(`http://127.0.0.1:${PORT}/chapters/01-sequences/`);
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const { page, problems } = await watchedPage(browser);
    await page.goto(`http://127.0.0.1:${PORT}/chapters/01-sequences/`);
    for (const tag of ['kit-one-hot', 'kit-activations', 'kit-rnn-step', 'kit-vanishing']) {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="true"]`, { timeout: 60_000 });
    }
    await page.getByRole('button', { name: 'Check with tfjs autodiff' }).click();
    await page.waitForSelector('kit-vanishing [data-relative-error]', { timeout: 90_000 });
    expect(await page.locator('#cell-vanish [data-role="backend"]').textContent()).toMatch(/^tfjs · WASM \(SIMD/);
    expect(problems).toEqual([]);
  });
});
