/** Chapter 4's widgets, used as a reader would, for the latency benchmark. */
import type { Page } from 'playwright-core';
import { sweepSlider, type ChapterScenarios } from './types';

/**
 * Trains the skip-gram cell so that its neighbours, map and the word pairs have a table to work
 * on: 1,000 IMDB reviews for one epoch (5,000 words) when the prepared data is on the site, else
 * the sample text. Training itself is not measured: it runs in a worker and never calls set().
 */
async function trainFirst(page: Page): Promise<void> {
  const cell = page.locator('kit-skipgram');
  await cell.scrollIntoViewIfNeeded();
  await page.waitForSelector('kit-skipgram[data-ready="true"]');
  await page.waitForFunction(
    () => document.querySelector('kit-skipgram [data-role="data-status"]')?.getAttribute('data-kind') !== 'checking',
  );
  const imdb = cell.locator('input[name="corpus"][value="imdb"]');
  if (await imdb.isEnabled()) {
    await imdb.check();
    await cell.locator('select[name="reviews"]').selectOption('1000');
    await cell.locator('input[name="epochs"]').fill('1');
  }
  await cell.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForSelector('kit-skipgram[data-trained]', { timeout: 120_000 });
}

/** Types `events` keys into a text field, deleting now and then so that the text keeps changing. */
async function typeInto(page: Page, selector: string, words: string[], events: number): Promise<void> {
  const input = page.locator(selector);
  await input.scrollIntoViewIfNeeded();
  await input.fill('');
  let k = 0;
  while (k < events) {
    for (const ch of words[Math.floor(k / 12) % words.length]!) {
      if (k++ >= events) break;
      await input.press(ch);
    }
    await input.fill('');
  }
}

export const chapter: ChapterScenarios = {
  page: 'chapters/04-word-embeddings/',
  scenarios: [
    {
      tag: 'kit-embedding-lookup',
      what: 'typing into the sentence',
      run: async (page, events) => {
        const input = page.locator('kit-embedding-lookup input[name="text"]');
        await input.fill('');
        for (let k = 0; k < events; k++) {
          await input.press(k % 40 === 39 ? 'Backspace' : 'abcdefgh '[k % 9]!);
          if (k % 60 === 59) await input.fill('the cat sat on the mat');
        }
      },
    },
    {
      tag: 'kit-embedding-cost',
      what: 'arrow keys on the vocabulary slider (log scale)',
      run: (page, events) => sweepSlider(page, 'kit-embedding-cost input[name="vocabulary"]', events),
    },
    {
      tag: 'kit-cosine',
      what: 'dragging the tip of a around the origin',
      run: async (page, events) => {
        const tip = page.locator('kit-cosine [data-role="plot"] svg g[aria-label="dot"] circle').first();
        const box = (await tip.boundingBox())!;
        const svg = (await page.locator('kit-cosine [data-role="plot"] svg').boundingBox())!;
        const cx = svg.x + svg.width / 2;
        const cy = svg.y + svg.height / 2;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        for (let k = 0; k < events; k++) {
          const angle = (2 * Math.PI * k) / 60;
          await page.mouse.move(cx + svg.width * 0.3 * Math.cos(angle), cy - svg.height * 0.3 * Math.sin(angle));
        }
        await page.mouse.up();
      },
    },
    {
      tag: 'kit-skipgram',
      what: 'typing words to find on the map (after training)',
      run: async (page, events) => {
        await trainFirst(page);
        await page.evaluate(() => performance.clearMeasures());
        await typeInto(page, 'kit-skipgram input[name="search"]', ['excellent', 'terrible', 'actor', 'film'], events);
      },
    },
    {
      tag: 'kit-skipgram',
      what: 'typing your own probe word (after training)',
      run: async (page, events) => {
        await trainFirst(page);
        await page.evaluate(() => performance.clearMeasures());
        await typeInto(page, 'kit-skipgram input[name="probe"]', ['great', 'boring', 'director', 'plot'], events);
      },
    },
    {
      tag: 'kit-word-pairs',
      what: 'typing word pairs (after training)',
      run: async (page, events) => {
        await trainFirst(page);
        await page.locator('kit-word-pairs').scrollIntoViewIfNeeded();
        await page.waitForSelector('kit-word-pairs[data-ready="true"]');
        await page.evaluate(() => performance.clearMeasures());
        await typeInto(page, 'kit-word-pairs input[name="pairs"]', ['good bad, film movie', 'actor actress'], events);
      },
    },
  ],
};
