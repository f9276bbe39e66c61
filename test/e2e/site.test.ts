import { describe, expect, it } from 'vitest';
import { accessibilityViolations, E2E_BASE, startAllWidgets, useSite } from './harness';

const site = useSite();

describe('the site', () => {
  it('lists the chapters on the home page and links to each, under the sub-path', async () => {
    const page = await site.open();
    await expect(page.title()).resolves.toMatch(/Contents/);
    const links = page.locator('.toc a');
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    const first = await links.first().getAttribute('href');
    expect(first).toBe(`${E2E_BASE}chapters/01-sequences/`);
    await links.first().click();
    await page.waitForURL(/chapters\/01-sequences\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sequences and recurrent networks');
  });

  it('shows the path through the kit, what each chapter lets you do and about how long it takes', async () => {
    const page = await site.open();
    const chapters = await page.locator('.toc > li').count();
    expect(chapters).toBeGreaterThanOrEqual(1);
    expect(await page.locator('svg[data-role="path"] circle').count()).toBe(chapters);
    const times = await page.locator('.toc [data-role="time"]').allInnerTexts();
    expect(times).toHaveLength(chapters);
    for (const t of times) expect(t).toMatch(/^About \d+ minutes: about \d+ to read and \d+ to try\.$/);
    const text = await page.locator('article').innerText();
    expect(text).not.toMatch(/all 25,000 training reviews/);
    // The home page's own links to both pages (the header and footer of every page have theirs).
    expect(await page.locator(`article a[href="${E2E_BASE}glossary/"]`).count()).toBe(1);
    expect(await page.locator(`article a[href="${E2E_BASE}references/"]`).count()).toBe(1);
  });

  it('has working internal links on every page, and previous/next links', async () => {
    const page = await site.open();
    const seen = new Set<string>();
    const queue = [site.url];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const u = new URL(href);
        u.hash = '';
        u.search = '';
        if (u.origin === new URL(site.url).origin && !seen.has(u.href)) queue.push(u.href);
      }
    }
    expect([...seen].every((u) => u.startsWith(site.url))).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(2);
    await page.goto(`${site.url}chapters/01-sequences/`);
    expect(await page.locator('.pager a').count()).toBe(2);
  });

  it('serves a 404 page for unknown paths', async () => {
    const page = await site.open();
    site.expectProblem(/status of 404/);
    const response = await page.goto(`${site.url}no-such-chapter/`);
    expect(response?.status()).toBe(404);
    // One page for every address, so it speaks both editions, each in its own language.
    expect(await page.locator('h1').allTextContents()).toEqual(['Page not found', '页面不存在']);
    expect(await page.locator('section[lang="zh-Hans"] a').getAttribute('href')).toMatch(/\/zh\/$/);
  });

  it('typesets every formula at build time and ships no TeX engine', async () => {
    const page = await site.open('chapters/01-sequences/');
    expect(await page.locator('mjx-container svg').count()).toBeGreaterThan(10);
    const body = await page.locator('article').innerText();
    expect(body).not.toMatch(/\$\$|\\tanh|\\frac/);
    const scripts = await page.$$eval('script[src]', (ss) => ss.map((s) => (s as HTMLScriptElement).src));
    for (const src of scripts) expect(src).not.toMatch(/mathjax/i);
  });

  it('loads no widget code, Plot or tfjs before a widget is near the viewport', async () => {
    const page = await site.open('', { height: 700 });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.url}chapters/01-sequences/`);
    await page.waitForLoadState('networkidle');
    // The first widget is near the top, the last one far below the fold.
    expect(requested.some((u) => /vanishing\.[\w-]+\.js$/.test(u))).toBe(false);
    expect(requested.some((u) => /\.wasm$/.test(u))).toBe(false);
    const before = await page.evaluate(() => customElements.get('kit-vanishing') === undefined);
    expect(before).toBe(true);
    await page.locator('kit-vanishing').scrollIntoViewIfNeeded();
    await page.waitForSelector('kit-vanishing[data-ready="true"]');
  });

  it('switches between light and dark themes and remembers the choice', async () => {
    const page = await site.open('chapters/01-sequences/');
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const toggle = page.locator('[data-theme-toggle]');
    await toggle.click(); // system -> light
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await bg();
    await toggle.click(); // light -> dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('Colour theme: dark');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await site.open('chapters/01-sequences/', { width: 390, height: 800 });
    for (const tag of ['kit-one-hot', 'kit-activations', 'kit-rnn-step', 'kit-vanishing']) {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="true"]`);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('has no WCAG 2.1 A/AA violations on any page of either edition, with every widget started, in both themes', async () => {
    const page = await site.open();
    const pages = await page.$$eval('.toc a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Both editions: the Chinese pages are the English ones under zh/.
    const english = [site.url, ...pages, `${site.url}glossary/`, `${site.url}references/`, `${site.url}exercises/`];
    const all = [
      ...english,
      ...english.map((u) => `${site.url}zh/${u.slice(site.url.length)}`),
      `${site.url}no-such-page/`,
    ];
    site.expectProblem(/status of 404/);
    const found: string[] = [];
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => localStorage.setItem('kit-theme', t), theme);
      for (const url of all) {
        await page.goto(url);
        await startAllWidgets(page);
        for (const v of await accessibilityViolations(page)) found.push(`${theme} ${url}: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('prints a chapter in light colours with its current plots and without buttons', async () => {
    const page = await site.open('chapters/01-sequences/');
    await page.evaluate(() => localStorage.setItem('kit-theme', 'dark'));
    await page.reload();
    await startAllWidgets(page);
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.documentElement).backgroundColor,
      resetShown: getComputedStyle(document.querySelector('[data-role="reset"]')!).display !== 'none',
      headerShown: getComputedStyle(document.querySelector('.site-head')!).display !== 'none',
      plots: document.querySelectorAll('.cell .plot svg[role="img"]').length,
    }));
    expect(look).toEqual({ background: 'rgb(255, 255, 255)', resetShown: false, headerShown: false, plots: 4 });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
