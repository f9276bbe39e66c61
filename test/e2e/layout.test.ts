import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_DIR, startAllWidgets, useSite } from './harness';

const site = useSite();

/**
 * Every page of the built site, as absolute URLs: the home page, every chapter, and any other
 * page (glossary, references) that the build holds.
 */
function allPages(): string[] {
  const folders = (dir: string): string[] =>
    readdirSync(join(E2E_DIR, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('_') && d.name !== 'data')
      .flatMap((d) => [`${dir}${d.name}/`, ...folders(`${dir}${d.name}/`)]);
  return ['', ...folders('')]
    .filter((dir) => existsSync(join(E2E_DIR, dir, 'index.html')))
    .sort()
    .map((path) => `${site.url}${path}`);
}

/** The deepest elements that reach past the window's right edge, for the failure message. */
function spilling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // A part of a box that scrolls (or clips) is not what widens the page: that box would be.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const wide = new Set(
      [...document.body.querySelectorAll('*')].filter(
        (e) => e.getBoundingClientRect().right > width + 0.5 && !clipped(e),
      ),
    );
    // Only elements whose own children all fit: the ones to fix, not every ancestor.
    return [...wide]
      .filter((e) => ![...e.children].some((c) => wide.has(c)))
      .slice(0, 8)
      .map((e) => {
        const box = e.getBoundingClientRect();
        const cls =
          typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
        const role = e.getAttribute('data-role');
        return `${e.localName}${cls}${role ? `[data-role="${role}"]` : ''} ends at ${Math.round(box.right)} px`;
      });
  });
}

/** Text in the widgets' plots and legends printed smaller than 12 CSS pixels, as drawn on screen. */
function smallPlotText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const where = (e: Element) =>
      `${e.closest('[data-cell]')?.getAttribute('data-cell') ?? '?'}: "${(e.textContent ?? '').trim().slice(0, 20)}"`;
    for (const svg of document.querySelectorAll<SVGSVGElement>('.cell svg[class^="plot-"]')) {
      // A plot drawn wider than its box is scaled down, and its text with it.
      const drawn = svg.width.baseVal.value;
      const scale = drawn > 0 ? svg.getBoundingClientRect().width / drawn : 1;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent?.trim() || t.getBoundingClientRect().width === 0) continue;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (size < 11.5) small.push(`${where(t)} ${size.toFixed(1)} px`);
      }
    }
    for (const legend of document.querySelectorAll('.cell [class^="plot-"][class*="-swatches"]')) {
      const size = parseFloat(getComputedStyle(legend).fontSize);
      if (size < 11.5) small.push(`${where(legend)} legend ${size.toFixed(1)} px`);
    }
    return small;
  });
}

/** Boxes that scroll sideways but cannot be reached with the keyboard to scroll them. */
function unreachableScrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => {
        if (e.scrollWidth <= e.clientWidth + 1) return false;
        const overflow = getComputedStyle(e).overflowX;
        if (overflow !== 'auto' && overflow !== 'scroll') return false;
        const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
        return !e.matches('[tabindex]:not([tabindex="-1"])') && !e.querySelector(focusable);
      })
      .map((e) => `${e.localName}.${[...e.classList].join('.')}`),
  );
}

describe('layouts that fit', () => {
  it('shows no page wider than a 390-pixel phone, with every widget started', async () => {
    const page = await site.open('', { width: 390, height: 844 });
    const urls = allPages();
    expect(urls.filter((u) => u.includes('/chapters/')).length).toBeGreaterThanOrEqual(7);
    const found: string[] = [];
    for (const url of urls) {
      await page.goto(url);
      await startAllWidgets(page);
      // Widgets that draw after a frame (plots sized by a ResizeObserver) have drawn by now.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) found.push(`${url}: ${scrollWidth} px wide; ${(await spilling(page)).join('; ')}`);
      // What scrolls inside its own box instead can be scrolled with the keyboard too.
      await page.waitForTimeout(300);
      for (const box of await unreachableScrollBoxes(page)) found.push(`${url}: ${box} scrolls but takes no focus`);
    }
    expect(found).toEqual([]);
  });

  it('prints every plot tick label and legend at 12 pixels or more, on a wide and a narrow screen', async () => {
    const found: string[] = [];
    for (const width of [1280, 390]) {
      const page = await site.open('', { width, height: 900 });
      for (const url of allPages()) {
        await page.goto(url);
        await startAllWidgets(page);
        for (const small of await smallPlotText(page)) found.push(`${width} px, ${url} ${small}`);
      }
      await page.context().close();
    }
    expect(found).toEqual([]);
  });

  it('keeps the LSTM cell diagram in view while its gate sliders move: beside them when wide, stuck above them when narrow', async () => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ]) {
      const page = await site.open('chapters/02-lstm-cell/', { width, height });
      await page.locator('kit-lstm-cell').scrollIntoViewIfNeeded();
      await page.waitForSelector('kit-lstm-cell[data-ready="true"]');
      // The output gate's bias is the last gate slider.
      const last = page.locator('kit-lstm-cell input[name="bo"]');
      await last.scrollIntoViewIfNeeded();
      await last.focus();
      await page.keyboard.press('ArrowRight');
      const diagram = (await page.locator('kit-lstm-cell [data-role="diagram"]').boundingBox())!;
      const slider = (await last.boundingBox())!;
      const where = `${width} px: diagram ${JSON.stringify(diagram)}, slider ${JSON.stringify(slider)}`;
      expect(diagram.y, where).toBeGreaterThanOrEqual(-1);
      expect(diagram.y + diagram.height, where).toBeLessThanOrEqual(height + 1);
      expect(slider.y, where).toBeGreaterThanOrEqual(0);
      expect(slider.y + slider.height, where).toBeLessThanOrEqual(height);
      if (width >= 1100) expect(slider.x, where).toBeGreaterThanOrEqual(diagram.x + diagram.width);
      else expect(slider.y, where).toBeGreaterThanOrEqual(diagram.y + diagram.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it('gives every chapter a table of contents: a side column that follows the reader when wide, a list at the top when narrow', async () => {
    // Both editions: seven chapters each.
    const chapters = allPages().filter((url) => url.includes('/chapters/'));
    expect(chapters).toHaveLength(14);
    for (const url of chapters) {
      const page = await site.open(url, { width: 1280, height: 900 });
      const side = page.locator('nav.chapter-toc');
      const links = side.locator('a');
      const count = await links.count();
      expect(count, url).toBeGreaterThanOrEqual(5);
      // Every link leads to a heading of the chapter.
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        expect(await page.locator(`h2${href}`).count(), `${url} ${href}`).toBe(1);
      // Far down the chapter, the column is still in view, clear of every cell, and marks the section read.
      const last = page.locator('article h2').nth(count - 2);
      await last.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 100));
      await expect.poll(() => side.locator('a[aria-current="location"]').count()).toBe(1);
      const box = (await side.boundingBox())!;
      expect(box.y, url).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, url).toBeLessThanOrEqual(900);
      const cellLefts = await page
        .locator('.cell')
        .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().left));
      for (const left of cellLefts) expect(box.x + box.width, url).toBeLessThan(left);
      expect(await side.locator('a[aria-current="location"]').getAttribute('href')).toBe(
        `#${await last.getAttribute('id')}`,
      );
      await page.context().close();

      // On a phone: no side column, a closed list at the top that opens to the same links.
      const phone = await site.open(url, { width: 390, height: 844 });
      expect(await phone.locator('nav.chapter-toc').isVisible()).toBe(false);
      const top = phone.locator('details.chapter-toc-top');
      await top.locator('summary').click();
      expect(await top.locator('a').count()).toBe(count);
      await phone.context().close();
    }
  });
});
