/**
 * The Chinese edition, as a Chinese reader meets it: every page exists under zh/ with its
 * language declared, the switch leads to the same place in the other edition and is remembered,
 * and no widget on a Chinese page shows English words of its own (the IMDB reviews and the
 * example sentences a model reads are English data, marked lang="en", and are left alone).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { englishPhrases } from '../lib/catalogues';
import { E2E_BASE, startAllWidgets, useSite } from './harness';

const site = useSite();

const CHAPTERS = [
  '01-sequences',
  '02-lstm-cell',
  '03-lstm-over-time',
  '04-word-embeddings',
  '05-sentiment-imdb',
  '06-inside-classifier',
  '07-limits',
];

/**
 * What the widgets on the page say to the reader, outside English data: their text, and the
 * labels, descriptions and titles a screen reader or a tooltip gives. Code, formulas and
 * elements marked lang="en" (reviews, example sentences, vocabulary words) are left out.
 */
function widgetWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (e: Element | null) => e?.closest('[lang="en"], code, kbd, mjx-container, .katex') != null;
    const out: string[] = [];
    for (const root of document.querySelectorAll('.cell-body > [data-ready], .cell, .exercise, .predict, .challenge')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || skip(parent)) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const t = (n.textContent ?? '').trim();
        if (t) out.push(t);
      }
      for (const e of root.querySelectorAll(
        '[aria-label], [aria-description], [title], [placeholder], [aria-valuetext]',
      )) {
        if (skip(e)) continue;
        for (const a of ['aria-label', 'aria-description', 'title', 'placeholder', 'aria-valuetext']) {
          const v = e.getAttribute(a)?.trim();
          if (v) out.push(v);
        }
      }
      for (const t of root.querySelectorAll('svg title, svg desc'))
        if (!skip(t)) out.push((t.textContent ?? '').trim());
    }
    return out;
  });
}

/** Three or more English words in a row (of two letters or more): a sentence that was not translated. */
const ENGLISH_RUN = /\b[A-Za-z][a-z]+(?:[ -]+[A-Za-z][a-z]+){2,}\b/;
/**
 * What both editions write in English: names of works and of browser features, commands, and
 * English quoted in Chinese quotation marks (the example sentence a task asks about).
 */
const NAMES = /Large Movie Review Dataset|Resource Timing|npm run \w+|“[\x20-\x7e]+”/g;

describe('the Chinese edition', () => {
  it('has a contents page in Chinese that declares its language and links to the Chinese chapters', async () => {
    const page = await site.open('zh/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.title()).toMatch(/目录/);
    const hrefs = await page.$$eval('.toc > li > a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(CHAPTERS.map((c) => `${E2E_BASE}zh/chapters/${c}/`));
    const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (ls) =>
      ls.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!, location.href).pathname}`),
    );
    expect(alternates).toEqual([`en ${E2E_BASE}`, `zh-Hans ${E2E_BASE}zh/`, `x-default ${E2E_BASE}`]);
    // The header's reference pages are the Chinese ones.
    const nav = await page.$$eval('.site-head .site-nav a', (as) => as.map((a) => a.getAttribute('href')));
    expect(nav).toEqual(['glossary/', 'references/', 'exercises/'].map((p) => `${E2E_BASE}zh/${p}`));
    expect(await page.locator('.toc [data-role="time"]').first().innerText()).toMatch(/^约 \d+ 分钟/);
  });

  it('has every reference page in Chinese: glossary with term pairs, sources, exercises', async () => {
    const page = await site.open('zh/glossary/');
    expect(await page.locator('h1').innerText()).toBe('术语表');
    const forget = page.locator('#forget-gate dt');
    expect(await forget.innerText()).toMatch(/遗忘门[\s\S]*forget gate/i);
    // Its chapter links stay in the Chinese edition.
    const chapterLinks = await page.$$eval('.term-where a', (as) => as.map((a) => a.getAttribute('href')));
    expect(chapterLinks.length).toBeGreaterThan(10);
    for (const href of chapterLinks) expect(href).toMatch(new RegExp(`^${E2E_BASE}zh/chapters/`));
    await page.goto(`${site.url}zh/references/`);
    expect(await page.locator('h1').innerText()).toBe('参考资料');
    await page.goto(`${site.url}zh/exercises/`);
    expect(await page.locator('h1').innerText()).toBe('练习');
    const toggle = page.locator('[data-role="toggle-solutions"]');
    await toggle.click();
    expect(await toggle.innerText()).toBe('隐藏全部参考答案');
    const links = await page.$$eval('.sheet-link a', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) expect(href).toMatch(new RegExp(`^${E2E_BASE}zh/chapters/`));
  });

  it('switches to the same section of the same chapter with the widgets as they were, and remembers the choice', async () => {
    const page = await site.open('chapters/02-lstm-cell/?cell.cPrev=1.5');
    // The reader reads section 3, scrolling down (the header slides away)...
    await page
      .locator('article.chapter h2')
      .nth(2)
      .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 100));
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.locator('.site-head').getAttribute('data-hidden')).toBe('');
    // ...and scrolls up a little: the header is back, with the switch, in the same section.
    await page.mouse.wheel(0, -120);
    // (Once it has slid all the way in: a click on a moving header would scroll the page to it.)
    await expect.poll(() => page.locator('.site-head').evaluate((h) => h.getBoundingClientRect().top)).toBe(0);
    // The section read: the last heading above the top third of the window.
    const reading = await page.$$eval(
      'article.chapter h2',
      (hs) => hs.filter((h) => h.getBoundingClientRect().top <= window.innerHeight / 3).length,
    );
    expect(reading).toBeGreaterThanOrEqual(3);
    await page.locator('.language-switch a[data-locale="zh"]').click();
    await page.waitForURL(/\/zh\/chapters\/02-lstm-cell\//);
    const url = new URL(page.url());
    expect(url.search).toBe('?cell.cPrev=1.5');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    // The same section of the Chinese chapter: the page names it by its heading's id.
    const same = await page
      .locator('article.chapter h2')
      .nth(reading - 1)
      .getAttribute('id');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe(`#${same}`);
    // ...scrolled to, so the reader goes on where they were.
    await expect
      .poll(() =>
        page
          .locator('article.chapter h2')
          .nth(reading - 1)
          .evaluate((h) => Math.abs(h.getBoundingClientRect().top) < window.innerHeight / 2),
      )
      .toBe(true);
    // The chosen edition opens from the English contents page next time...
    await page.goto(site.url);
    await page.waitForURL(new RegExp(`${E2E_BASE}zh/$`));
    // ...until the reader switches back.
    await page.locator('.language-switch a[data-locale="en"]').click();
    await page.waitForURL(new RegExp(`${E2E_BASE}$`));
    await page.goto(`${site.url}`);
    expect(new URL(page.url()).pathname).toBe(E2E_BASE);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('opens the Chinese edition on a first visit from a browser set to Chinese', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForURL(new RegExp(`${E2E_BASE}zh/$`));
    expect(await page.locator('h1').innerText()).toMatch(/循环神经网络/);
  });

  for (const chapter of CHAPTERS) {
    it(`chapter ${chapter}: the widgets speak Chinese, with no English of their own`, async () => {
      const page = await site.open(`zh/chapters/${chapter}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
      await startAllWidgets(page);
      // Use each widget as a reader would, so that what it says after a change is checked too:
      // its first slider one step up with the keyboard; what the widget shows must change.
      const widgets = await page.$$eval('.cell-body > [data-ready]', (els) => els.map((e) => e.localName));
      let moved = 0;
      for (const tag of widgets) {
        const slider = page.locator(`${tag} input[type="range"]:not([disabled])`).first();
        if ((await slider.count()) === 0) continue;
        const before = await page.locator(tag).innerHTML();
        await slider.focus();
        // One step up, or down where the slider starts at its end.
        const end = await slider.evaluate((e) => (e as HTMLInputElement).value === (e as HTMLInputElement).max);
        await page.keyboard.press(end ? 'ArrowLeft' : 'ArrowRight');
        await expect.poll(() => page.locator(tag).innerHTML(), { message: `${tag} reacts` }).not.toBe(before);
        moved++;
      }
      if (chapter === '02-lstm-cell') expect(moved).toBeGreaterThan(0);
      const seen = await widgetWords(page);
      expect(seen.length).toBeGreaterThan(0);
      // Chinese is what the widgets say...
      expect(seen.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      const phrases = englishPhrases();
      // ...with no phrase from an English catalogue...
      const fromCatalogues = seen.flatMap((t) => phrases.filter((p) => t.includes(p)).map((p) => `"${p}" in "${t}"`));
      // (Joined, so that a failure lists them all.)
      expect(fromCatalogues.join('\n')).toBe('');
      // ...and no English sentence that never went into one.
      expect(seen.filter((s) => ENGLISH_RUN.test(s.replace(NAMES, ''))).join('\n')).toBe('');
    });
  }
});
