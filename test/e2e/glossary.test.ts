import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness';

const site = useSite();

/** The chapter pages' URLs, from the home page's table of contents. */
async function chapterUrls(page: Page): Promise<string[]> {
  await page.goto(site.url);
  return page.$$eval('.toc a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
}

/** Every link on the page that leads to a chapter, without its fragment, each once. */
async function chapterLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const chapters = hrefs.map((h) => new URL(h)).filter((u) => u.href.startsWith(`${site.url}chapters/`));
  return [...new Set(chapters.map((u) => `${u.origin}${u.pathname}`))];
}

/** What the reader sees of every "Under the hood" aside on the page. */
function asides(page: Page) {
  return page.$$eval('details[data-role="under-the-hood"]', (ds) =>
    ds.map((d) => {
      const body = d.querySelector('.under-the-hood-body') as HTMLElement;
      return {
        open: (d as HTMLDetailsElement).open,
        summaryShown: (d.querySelector('summary') as HTMLElement).checkVisibility(),
        bodyShown: body.checkVisibility() && body.getBoundingClientRect().height > 0,
      };
    }),
  );
}

describe('the glossary and the sources', () => {
  it('opens the glossary: every term has an id, the jump list reaches each, and every chapter link resolves', async () => {
    const page = await site.open('glossary/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Glossary');
    const ids = await page.$$eval('.terms > .term[id]', (els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(33);
    for (const slug of ['cell-state', 'hidden-state', 'logit', 'embedding', 'one-hot', 'oov', 'maxlen', 'epoch'])
      expect(ids).toContain(slug);
    const jumps = await page.$$eval('.jump-list a', (as) => as.map((a) => a.getAttribute('href')));
    expect(jumps).toEqual(ids.map((id) => `#${id}`));
    // Every term says where the reader first meets it.
    expect(await page.locator('.term-where').count()).toBe(ids.length);
    const links = await chapterLinks(page);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const url of links) expect((await page.request.get(url)).status(), url).toBe(200);
    // A jump-list link scrolls its term into view.
    await page.locator('.jump-list a[href="#loss"]').click();
    await expect.poll(() => page.url()).toMatch(/#loss$/);
    const top = await page.locator('#loss').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(await page.evaluate(() => innerHeight / 2));
  });

  it('opens the sources: every agreed id is there with a citation, and every chapter link resolves', async () => {
    const page = await site.open('references/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sources');
    const ids = await page.$$eval('.source[id]', (els) => els.map((e) => e.id));
    expect([...ids].sort()).toEqual(
      [
        'chollet-2017',
        'hochreiter-1997',
        'keras-imdb',
        'maas-2011',
        'mikolov-2013',
        'olah-2015',
        'source-python',
        'source-r',
      ].sort(),
    );
    await expect(page.locator('#hochreiter-1997').innerText()).resolves.toMatch(/Long Short-Term Memory/);
    await expect(page.locator('#source-r').innerText()).resolves.toMatch(/Chinese blog post/);
    const links = await chapterLinks(page);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const url of links) expect((await page.request.get(url)).status(), url).toBe(200);
  });

  it('links every page to both, and every glossary or sources link in a chapter lands on an entry', async () => {
    const page = await site.open();
    for (const [text, path] of [
      ['Glossary', 'glossary/'],
      ['Sources', 'references/'],
    ])
      await expect(page.locator('.site-head nav a', { hasText: text }).getAttribute('href')).resolves.toBe(
        new URL(path, site.url).pathname,
      );
    const defined = new Map<string, Set<string>>();
    for (const path of ['glossary/', 'references/']) {
      await page.goto(`${site.url}${path}`);
      await expect(page.locator(`.site-head nav a[aria-current="page"]`).count()).resolves.toBe(1);
      defined.set(
        `${site.url}${path}`,
        new Set(await page.$$eval('.term[id], .source[id]', (els) => els.map((e) => e.id))),
      );
    }
    const missing: string[] = [];
    for (const chapter of await chapterUrls(page)) {
      // The built HTML is enough here: no need to start the chapter's widgets.
      const html = await (await page.request.get(chapter)).text();
      for (const m of html.matchAll(/<a[^>]*\shref="([^"]*(?:glossary|references)\/[^"]*)"/g)) {
        const target = new URL(m[1]!.replaceAll('&amp;', '&'), chapter);
        const ids = defined.get(`${target.origin}${target.pathname}`);
        const id = decodeURIComponent(target.hash.slice(1));
        if (!ids) missing.push(`${chapter}: ${m[1]} (not the glossary or the sources page)`);
        else if (id && !ids.has(id)) missing.push(`${chapter}: ${m[1]} (no element #${id})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fits both pages on a phone screen without sideways scrolling', async () => {
    for (const path of ['glossary/', 'references/']) {
      const page = await site.open(path, { width: 390, height: 844 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it('keeps "Under the hood" asides closed on screen and shows them in print, on every page that has one', async () => {
    const page = await site.open();
    const pages = [`${site.url}glossary/`];
    for (const chapter of await chapterUrls(page)) {
      const html = await (await page.request.get(chapter)).text();
      if (html.includes('data-role="under-the-hood"')) pages.push(chapter);
    }
    for (const url of pages) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(url);
      const screen = await asides(page);
      expect(screen.length, url).toBeGreaterThan(0);
      for (const a of screen) expect(a, url).toEqual({ open: false, summaryShown: true, bodyShown: false });
      await page.emulateMedia({ media: 'print' });
      for (const a of await asides(page)) expect(a.bodyShown, `${url} in print`).toBe(true);
      // The reader can open one on screen too.
      await page.emulateMedia({ media: 'screen' });
      await page.locator('details[data-role="under-the-hood"] summary').first().click();
      expect((await asides(page))[0]!.bodyShown, url).toBe(true);
    }
  });
});
