/**
 * npm run screenshots [-- --dir dist-e2e --base /lstm-kit/ --out bench-out/screenshots]:
 * full-page screenshots of the home page and every chapter at 1280 and 390 pixels wide, in
 * headless Chromium against the built site, so that a change to the pages can be looked at
 * before it lands. Prints the files written and, per page and width, whether anything is wider
 * than the window (a phone layout that spills over) and any console error.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';

const values = optionsOrExit('screenshots', {
  dir: { type: 'string', default: 'dist-e2e' },
  base: { type: 'string', default: '/lstm-kit/' },
  out: { type: 'string', default: 'bench-out/screenshots' },
  only: { type: 'string' },
});
if (!existsSync(values.dir)) {
  console.error(`No build in ${values.dir}: run "npm run build:e2e" first.`);
  process.exit(1);
}
const WIDTHS = [1280, 390];
const chapters = readdirSync(join(values.dir, 'chapters'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `chapters/${d.name}/`)
  .sort();
// The reference pages too: glossary, sources, exercises.
const others = ['glossary/', 'references/', 'exercises/'].filter((p) => existsSync(join(values.dir, p, 'index.html')));
const english = ['', ...chapters, ...others];
// The Chinese edition, where the build has it: the same pages under zh/.
const chinese = english.map((p) => `zh/${p}`).filter((p) => existsSync(join(values.dir, p, 'index.html')));
const pages = [...english, ...chinese].filter((p) => !values.only || p.includes(values.only));

mkdirSync(values.out, { recursive: true });
const site = await serveStatic({ root: values.dir, base: values.base });
const browser = await launchChromium();
let failed = false;
try {
  for (const path of pages) {
    for (const width of WIDTHS) {
      const { page, problems } = await watchedPage(browser, { width, height: 900 });
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      // Widgets start as they scroll into view: scroll through the page so that all draw.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(800);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const name = `${
        path
          .replace(/(^|\/)chapters\//, '$1')
          .replace(/\/$/, '')
          .replace('/', '-') || 'home'
      }-${width}.png`;
      await page.screenshot({ path: join(values.out, name), fullPage: true, timeout: 120_000 });
      const notes = [overflow > 0 ? `spills ${overflow} px past the window` : 'fits', ...problems];
      if (overflow > 0 || problems.length) failed = true;
      console.log(`${join(values.out, name)}: ${notes.join('; ')}`);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
process.exit(failed ? 1 : 0);
