/**
 * Shared set-up for the end-to-end tests: the site built for a sub-path, served on 127.0.0.1,
 * and Chromium pages that fail the test on any console error or request to another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, watchedPage } from '../../scripts/lib/browser';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';

/** Where `npm run build:e2e` writes the site, and the sub-path it is built for. */
export const E2E_DIR = process.env.E2E_DIR ?? 'dist-e2e';
export const E2E_BASE = process.env.E2E_BASE ?? '/lstm-kit/';

export interface Site {
  /** The site's root URL, ending in the base path. */
  url: string;
  browser: Browser;
  /** Opens a page; its problems are checked after each test. */
  open(path?: string, options?: { width?: number; height?: number }): Promise<Page>;
  /** A second server over the same files without cross-origin isolation headers. */
  plainUrl(): Promise<string>;
  /** Declares a problem this test expects (e.g. the 404 a missing page logs); it must occur. */
  expectProblem(pattern: RegExp): void;
}

/** Registers the hooks and returns the site once `beforeAll` has run. */
export function useSite(): Site {
  let server: RunningServer;
  let plain: RunningServer | undefined;
  let browser: Browser;
  let problems: string[][] = [];
  let expected: RegExp[] = [];
  const site = {
    url: '',
    browser: undefined as unknown as Browser,
    async open(path = '', options = {}) {
      const watched = await watchedPage(browser, options);
      problems.push(watched.problems);
      await watched.page.goto(new URL(path, site.url).href);
      return watched.page;
    },
    expectProblem(pattern: RegExp) {
      expected.push(pattern);
    },
    async plainUrl() {
      plain ??= await serveStatic({ root: E2E_DIR, base: E2E_BASE, isolate: false });
      return plain.url;
    },
  } satisfies Site;

  beforeAll(async () => {
    if (!existsSync(join(E2E_DIR, 'index.html')))
      throw new Error(`No built site in ${E2E_DIR}: run "npm run build:e2e" first`);
    server = await serveStatic({ root: E2E_DIR, base: E2E_BASE });
    browser = await launchChromium();
    site.url = server.url;
    site.browser = browser;
  });
  afterEach(async () => {
    const all = problems.flat();
    const wanted = expected;
    for (const context of browser.contexts()) await context.close();
    problems = [];
    expected = [];
    for (const pattern of wanted)
      expect(
        all.some((p) => pattern.test(p)),
        `expected problem ${pattern}`,
      ).toBe(true);
    expect(
      all.filter((p) => !wanted.some((pattern) => pattern.test(p))),
      'console errors or requests to other hosts',
    ).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await plain?.close();
  });
  return site;
}

/** Scrolls a widget into view and waits until it has started. */
export async function widget(page: Page, tag: string) {
  const el = page.locator(tag);
  await el.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-ready="true"]`);
  return el;
}

/** The text of an element, trimmed. */
export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? '').trim();
}

/** Parses the kit's number format (true minus sign) back to a number. */
export function num(s: string): number {
  return Number(s.replace('−', '-'));
}

/** Starts every widget on the page by scrolling each into view, and waits until all are ready. */
export async function startAllWidgets(page: Page): Promise<void> {
  const tags = await page.$$eval('.cell-body > *', (els) =>
    els.map((e) => e.localName).filter((n) => n.startsWith('kit-')),
  );
  for (const tag of tags) await widget(page, tag);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns one line per violation and node. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.flatMap((v) => v.targets.map((t) => `${v.id} (${v.help}): ${t}`));
}

/**
 * Checks the widgets matched by `selector` as a reader with a screen reader on a phone would:
 * every control has an accessible name, the page does not scroll sideways, and axe finds no
 * WCAG 2.1 A/AA violation in either theme.
 */
export async function expectAccessibleOnPhone(page: Page, selector: string): Promise<void> {
  const unnamed = await page.$$eval(selector, (widgets) =>
    widgets.flatMap((root) =>
      [...root.querySelectorAll('input, select, textarea, button')]
        .filter((c) => {
          const control = c as HTMLInputElement;
          const name = control.labels?.[0]?.textContent ?? control.getAttribute('aria-label') ?? control.textContent;
          return !name?.trim();
        })
        .map((c) => `${root.localName} ${c.outerHTML.slice(0, 80)}`),
    ),
  );
  expect(unnamed).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    expect(await accessibilityViolations(page), theme).toEqual([]);
  }
}
