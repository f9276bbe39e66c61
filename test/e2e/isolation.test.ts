import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import { E2E_BASE, E2E_DIR, text, useSite, widget } from './harness';

// Hosts that cannot send COOP/COEP (GitHub Pages) get cross-origin isolation from
// public/isolation-sw.js after one reload; src/widgets/kit/isolation.ts decides and says which.
const site = useSite();
const CHAPTER = 'chapters/01-sequences/';
const WORKER = 'isolation-sw.js';

/** Opens a blank page that counts its main-frame navigations from now on. */
async function countingPage(): Promise<{ page: Page; loads: () => number }> {
  const page = await site.open('about:blank');
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads++;
  });
  return { page, loads: () => loads };
}

/** The page's isolation mode once it has settled (null while a navigation replaces the page). */
function mode(page: Page): Promise<string | null> {
  return page
    .evaluate(() => (document.readyState === 'complete' ? (document.documentElement.dataset.isolation ?? '') : null))
    .catch(() => null);
}

/** The page's isolation facts: whether it is isolated, its mode, and its service workers. */
function facts(page: Page) {
  return page.evaluate(async () => ({
    isolated: crossOriginIsolated,
    mode: document.documentElement.dataset.isolation,
    controller: navigator.serviceWorker.controller?.scriptURL ?? null,
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));
}

/** Waits long enough for a reload that should not come (the worker starts within milliseconds). */
const settle = (page: Page) => page.waitForTimeout(1500);

/** Starts tfjs through chapter 1's autodiff check; resolves the badge and the note beside it. */
async function tfjsBadge(page: Page): Promise<{ label: string; note: string }> {
  const w = await widget(page, 'kit-vanishing');
  await w.getByRole('button', { name: 'Check with tfjs autodiff' }).click();
  await page.waitForSelector('kit-vanishing [data-relative-error]', { timeout: 60_000 });
  return {
    label: await text(page, '#cell-vanish [data-role="backend"]'),
    note: await text(page, '#cell-vanish [data-role="isolation"]'),
  };
}

// Variant servers, closed after the whole file, when no page can still be loading from them.
const variants: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of variants.splice(0)) await close();
});

/** The built site with some top-level files replaced (content) or removed (null), served without COOP/COEP. */
async function servedVariant(files: Record<string, string | null>): Promise<RunningServer> {
  const root = mkdtempSync(join(tmpdir(), 'kit-isolation-'));
  for (const entry of readdirSync(E2E_DIR)) {
    if (!(entry in files)) symlinkSync(resolve(E2E_DIR, entry), join(root, entry));
  }
  for (const [name, content] of Object.entries(files)) if (content !== null) writeFileSync(join(root, name), content);
  const server = await serveStatic({ root, base: E2E_BASE, isolate: false });
  variants.push(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });
  return server;
}

describe('cross-origin isolation', () => {
  it('is isolated by the service worker after one reload where the host sends no COOP/COEP', async () => {
    const plain = await site.plainUrl();
    const { page, loads } = await countingPage();
    await page.goto(`${plain}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    await settle(page);
    expect(loads(), 'the first load and exactly one reload').toBe(2);
    expect(await facts(page)).toEqual({
      isolated: true,
      mode: 'service-worker',
      controller: `${plain}${WORKER}`,
      registrations: [plain],
    });
    const threads = await page.evaluate(() => navigator.hardwareConcurrency);
    const { label, note } = await tfjsBadge(page);
    expect(label).toMatch(threads > 1 ? /^tfjs · WASM \(SIMD, \d+ threads\)$/ : /^tfjs · WASM \(SIMD, 1 thread\)$/);
    expect(note).toBe('(isolated by a service worker)');
    expect(await page.locator('#cell-vanish [data-role="backend"]').getAttribute('title')).toMatch(
      /isolated by a service worker/,
    );

    // The next page is controlled from its first byte: isolated at once, no second reload.
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL(/chapters\/02-lstm-cell\/$/);
    await expect.poll(() => mode(page)).toBe('service-worker');
    await settle(page);
    expect(loads()).toBe(3);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    // A host's redirect (here: the missing trailing slash) passes through the worker untouched.
    await page.goto(`${plain}chapters/03-lstm-over-time`);
    expect(page.url()).toBe(`${plain}chapters/03-lstm-over-time/`);
    await expect.poll(() => mode(page)).toBe('service-worker');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('is isolated again after a hard reload, which bypasses the service worker', async () => {
    const plain = await site.plainUrl();
    const { page, loads } = await countingPage();
    await page.goto(`${plain}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    expect(loads()).toBe(2);
    // A reload within 3 s of the one made for the worker would count as that one (a failure).
    await page.waitForTimeout(3000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.reload', { ignoreCache: true });
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    await settle(page);
    // The hard reload, then the one reload once the worker has claimed the page again.
    expect(loads()).toBe(4);
    expect(await facts(page)).toMatchObject({ isolated: true, controller: `${plain}${WORKER}` });
  });

  it('isolates the site’s own module workers too', async () => {
    const server = await servedVariant({
      'probe-worker.js': 'postMessage(self.crossOriginIsolated);',
    });
    const page = await site.open(`${server.url}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    const workerIsolated = await page.evaluate(
      (url) =>
        new Promise((done, fail) => {
          const worker = new Worker(url, { type: 'module' });
          worker.onmessage = (e) => done(e.data);
          worker.onerror = () => fail(new Error('the worker did not start'));
        }),
      `${server.url}probe-worker.js`,
    );
    expect(workerIsolated).toBe(true);
  });

  it('stays single-threaded, without a reload or a service worker, with ?isolation=off', async () => {
    const plain = await site.plainUrl();
    const { page, loads } = await countingPage();
    await page.goto(`${plain}${CHAPTER}?isolation=off`);
    await expect.poll(() => mode(page)).toBe('off');
    await settle(page);
    expect(loads()).toBe(1);
    expect(await facts(page)).toEqual({ isolated: false, mode: 'off', controller: null, registrations: [] });
    expect(await tfjsBadge(page)).toEqual({
      label: 'tfjs · WASM (SIMD, 1 thread)',
      note: '(not isolated: turned off with ?isolation=off)',
    });

    // The choice is remembered in this browser until ?isolation=on.
    await page.goto(`${plain}${CHAPTER}`);
    await expect.poll(() => mode(page)).toBe('off');
    await settle(page);
    expect(loads()).toBe(2);
    await page.goto(`${plain}${CHAPTER}?isolation=on`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    expect(loads()).toBe(4);
  });

  it('turns the service worker off where it already isolates the site', async () => {
    const plain = await site.plainUrl();
    const page = await site.open(`${plain}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    await page.goto(`${plain}${CHAPTER}?isolation=off`);
    await expect.poll(() => mode(page)).toBe('off');
    await expect.poll(async () => (await facts(page)).registrations).toEqual([]);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  });

  it('registers no service worker where the host sends COOP/COEP', async () => {
    const { page, loads } = await countingPage();
    await page.goto(`${site.url}${CHAPTER}`);
    await expect.poll(() => mode(page)).toBe('host');
    await settle(page);
    expect(loads()).toBe(1);
    expect(await facts(page)).toEqual({ isolated: true, mode: 'host', controller: null, registrations: [] });
    expect((await tfjsBadge(page)).note).toBe('(isolated by the host)');
  });

  it('hands over to the host once it sends COOP/COEP, and removes the service worker', async () => {
    // One origin (one port) whose host starts sending the headers after the worker was installed.
    const first = await serveStatic({ root: E2E_DIR, base: E2E_BASE, isolate: false });
    const port = Number(new URL(first.url).port);
    const page = await site.open(`${first.url}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('service-worker');
    await page.goto('about:blank'); // nothing may still load from the first server
    first.server.closeAllConnections();
    await first.close();
    const second = await serveStatic({ root: E2E_DIR, base: E2E_BASE, port });
    variants.push(() => second.close());
    await page.goto(`${second.url}${CHAPTER}`);
    await expect.poll(() => mode(page)).toBe('host');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect.poll(async () => (await facts(page)).registrations).toEqual([]);
  });

  it('never reloads when the service worker cannot be registered', async () => {
    const server = await servedVariant({ [WORKER]: null });
    const { page, loads } = await countingPage();
    site.expectProblem(/bad HTTP response code \(404\) was received when fetching the script/);
    await page.goto(`${server.url}${CHAPTER}`);
    await expect.poll(() => mode(page)).toBe('failed');
    await settle(page);
    expect(loads()).toBe(1);
    expect(await facts(page)).toMatchObject({ isolated: false, controller: null, registrations: [] });
    expect(await tfjsBadge(page)).toEqual({
      label: 'tfjs · WASM (SIMD, 1 thread)',
      note: '(not isolated: the host sends no COOP/COEP and the service worker could not isolate the page)',
    });
  });

  it('reloads at most once when a worker takes control but does not isolate', async () => {
    // A worker that claims the page and answers nothing: the reload cannot help.
    const server = await servedVariant({
      [WORKER]: "self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));",
    });
    const { page, loads } = await countingPage();
    await page.goto(`${server.url}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('failed');
    await settle(page);
    expect(loads()).toBe(2);
    expect(await facts(page)).toMatchObject({ isolated: false, controller: `${server.url}${WORKER}` });
    // Later pages of the tab do not try again.
    await page.goto(`${server.url}`);
    await expect.poll(() => mode(page)).toBe('failed');
    await settle(page);
    expect(loads()).toBe(3);
  });

  it('reloads at most once where every request bypasses the worker (DevTools "Bypass for network")', async () => {
    const plain = await site.plainUrl();
    const { page, loads } = await countingPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await page.goto(`${plain}${CHAPTER}`);
    await expect.poll(() => mode(page), { timeout: 15_000 }).toBe('failed');
    await settle(page);
    const before = loads();
    expect(before).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await page.goto(plain);
    await expect.poll(() => mode(page)).toBe('failed');
    await settle(page);
    expect(loads()).toBe(before + 1);
  });
});
