import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cosine, normaliseRows } from '../../src/embedding/cosine';
import { modelNeighbours } from '../../src/embedding/model-words';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import { loadKitModel } from '../../src/lstm/sentiment/model-files';
import { settingsView } from '../../src/lstm/sentiment/presets';
import { classifierWeights, type LayerLike } from '../../src/lstm/sentiment/trace';
import { directoryHandler } from '../../scripts/lib/model-directory';
import { corpusFromTexts, textLines } from '../../src/embedding/corpus';
import { inputCosts } from '../../src/embedding/costs';
import { randomTable } from '../../src/embedding/lookup';
import { countTokens } from '../../src/embedding/skipgram';
import { mulberry32 } from '../../src/lstm/cell/random';
import { fmt, fmtInt } from '../../src/widgets/kit/format';
import { serveStatic } from '../../scripts/lib/static-server';
import { buildImdbArchive, type FixtureReview } from '../fixtures/imdb-archive';
import { createKitModelFixture } from '../fixtures/kit-model';
import { overlaySite } from '../../scripts/lib/site-overlay.ts';
import { E2E_BASE, E2E_DIR, num, text, useSite, widget, expectAccessibleOnPhone } from './harness';

const site = useSite();
const CHAPTER = 'chapters/04-word-embeddings/';
// Whether `npm run data` ran before the build: CI builds without the data.
const HAS_DATA = existsSync(join(E2E_DIR, 'data/imdb/manifest.json'));

// A small corpus in which "excellent" and "superb", and "awful" and "dreadful", share contexts.
const CORPUS = [
  'the film was excellent and the cast was superb',
  'the film was awful and the cast was dreadful',
  'an excellent story and a superb ending',
  'an awful story and a dreadful ending',
  'the actor was excellent the actress was superb',
  'the actor was awful the actress was dreadful',
  'what an excellent movie with a superb script',
  'what an awful movie with a dreadful script',
].join('\n');

/** The neighbour words listed for one probe word. */
async function neighbours(w: Locator, word: string): Promise<string[]> {
  return (await w.locator(`[data-role="neighbours"] [data-word="${word}"] li`).allTextContents()).map((s) => s.trim());
}

/** Switches the training cell to a pasted corpus and trains it with the keyboard. */
async function trainOnText(page: Page, w: Locator, epochs: number): Promise<void> {
  // The cell looks for IMDB data first and picks the corpus when it knows: choose after that.
  await expect.poll(() => w.locator('[data-role="data-status"]').getAttribute('data-kind')).not.toBe('checking');
  await w.locator('input[name="corpus"][value="text"]').check();
  await w.locator('textarea[name="text"]').fill(CORPUS);
  await w.locator('input[name="epochs"]').fill(String(epochs));
  await w.locator('input[name="seed"]').fill('7');
  await w.getByRole('button', { name: 'Train', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`kit-skipgram[data-trained="${epochs}"]`, { timeout: 30_000 });
}

describe('chapter 4: one-hot rows and the embedding lookup', () => {
  it('looks up the chosen word as one row of the table, the same numbers as the one-hot product', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-embedding-lookup');
    await w.locator('input[name="text"]').fill('a dog and a cat');
    await w.locator('input[name="word"]').fill('5');
    // Vocabulary a, dog, and, cat: "cat" has index 4, so its vector is row 4 of the seeded table.
    const table = randomTable(4, 4, 4, 0.05);
    const row = Array.from(table.values.subarray(12, 16), (x) => fmt(x, 3)).join(', ');
    const readout = await text(page, 'kit-embedding-lookup [data-role="readout"]');
    expect(readout).toContain('Word 5, "cat", has index 4');
    expect(readout).toContain(`(${row})`);
    expect(readout).toContain('exactly the same 5 × 4 numbers');
    expect(await w.locator('[data-role="readout"]').getAttribute('data-same')).toBe('true');
    await w.locator('input[name="dim"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await text(page, 'kit-embedding-lookup [data-role="readout"]')).toContain('4 × 5 = 20 multiply-adds');
    // Five rows of the one-hot matrix, four columns, one 1 per row.
    expect(await w.locator('[data-role="onehot"] svg text').filter({ hasText: /^1$/ }).count()).toBe(5);
  });
});

describe('chapter 4: what one-hot costs', () => {
  it('recomputes the counts as the vocabulary slider moves', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-embedding-cost');
    const cell = (role: string) => text(page, `kit-embedding-cost [data-role="${role}"]`);
    expect(await cell('weights-dense')).toBe('20,000 × 64 + 64 = 1,280,064');
    expect(await cell('weights-embedding')).toBe('20,000 × 128 = 2,560,000');
    await w.locator('input[name="vocabulary"]').fill('5');
    const c = inputCosts({ vocabulary: 100_000, dim: 128, units: 64, length: 80 });
    expect(await cell('inputs-dense')).toBe(`80 × 100,000 = ${fmtInt(c.oneHotInputs)}`);
    expect(await cell('weights-dense')).toBe(`100,000 × 64 + 64 = ${fmtInt(c.denseWeights)}`);
    expect(await cell('weights-embedding')).toBe(`100,000 × 128 = ${fmtInt(c.embeddingWeights)}`);
    expect(await cell('work-dense')).toBe(`80 × 100,000 × 64 = ${fmtInt(c.denseMultiplyAdds)} multiply-adds`);
    expect(await cell('work-embedding')).toBe('80 rows × 128 = 10,240 numbers read');
    // Arrow keys move along the log scale: 10^4.95 is 89,125, shown to two digits.
    await page.keyboard.press('ArrowLeft');
    expect(await w.locator('label:has(input[name="vocabulary"]) output').textContent()).toBe('89,000');
    expect(await w.locator('input[name="vocabulary"]').getAttribute('aria-valuetext')).toBe('89,000 words');
    expect(await cell('weights-dense')).toBe('89,000 × 64 + 64 = 5,696,064');
    // The plot: a legend with five series, a line and a dot for each.
    expect(await w.locator('[data-role="plot"] [class$="-swatch"]').count()).toBe(5);
    expect(await w.locator('[data-role="plot"] svg g[aria-label="line"]').count()).toBe(5);
    expect(await w.locator('[data-role="plot"] svg g[aria-label="dot"] circle').count()).toBe(5);
  });
});

describe('chapter 4: cosine similarity in the plane', () => {
  it('follows a dragged vector, and the cosine is that of the shown coordinates', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-cosine');
    const shown = async (role: 'a' | 'b') => {
      const [x, y] = (await text(page, `kit-cosine [data-role="${role}"]`)).replace(/[()]/g, '').split(', ');
      return [num(x!), num(y!)];
    };
    expect(await text(page, 'kit-cosine [data-role="cosine"]')).toBe('0.800');
    // Drag the tip of a from (2, 1) to the top left of the plane.
    const tip = w.locator('[data-role="plot"] svg g[aria-label="dot"] circle').first();
    const box = (await tip.boundingBox())!;
    const plot = (await w.locator('[data-role="plot"] svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height * 0.25, { steps: 6 });
    await page.mouse.up();
    const a = await shown('a');
    const b = await shown('b');
    expect(a[0]).toBeLessThan(0);
    expect(a[1]).toBeGreaterThan(1);
    expect(b).toEqual([1, 2]);
    const cos = cosine(a, b);
    expect(await text(page, 'kit-cosine [data-role="cosine"]')).toBe(fmt(cos));
    expect(await text(page, 'kit-cosine [data-role="angle"]')).toBe(`${fmt((Math.acos(cos) * 180) / Math.PI, 1)}°`);
    expect(await w.locator('input[name="ax"]').inputValue()).toBe(String(a[0]));

    // The keyboard moves b: at right angles to a = (1, 0) the cosine is 0.
    await w.locator('input[name="ax"]').fill('1');
    await w.locator('input[name="ay"]').fill('0');
    await w.locator('input[name="bx"]').fill('0.1');
    await w.locator('input[name="bx"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await text(page, 'kit-cosine [data-role="b"]')).toBe('(0.0, 2.0)');
    expect(await text(page, 'kit-cosine [data-role="cosine"]')).toBe('0.000');
    expect(await text(page, 'kit-cosine [data-role="angle"]')).toBe('90.0°');
  });
});

describe('chapter 4: skip-gram trained live', () => {
  it('trains on a pasted text: the loss falls, the neighbours change, the map finds a word', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-skipgram');
    await trainOnText(page, w, 12);
    expect(await text(page, '#cell-skipgram [data-role="backend"]')).toMatch(
      /^tfjs · WASM \(SIMD, 1 thread\) in a Web Worker$/,
    );
    expect(await text(page, 'kit-skipgram [data-role="status"]')).toMatch(
      /^Trained 12 epochs \([\d,]+ steps\) on your text in [\d.]+ s: [\d,]+ words\/s while training\.$/,
    );
    const loss = w.locator('[data-role="loss"]');
    expect(Number(await loss.getAttribute('data-points'))).toBeGreaterThan(10);
    expect(Number(await loss.getAttribute('data-last-loss'))).toBeLessThan(
      Number(await loss.getAttribute('data-first-loss')),
    );
    expect(await loss.locator('svg g[aria-label="line"] path').count()).toBe(1);

    // Epoch 0 is the random start; the last epoch has other neighbours.
    const trained = await neighbours(w, 'excellent');
    expect(trained).toHaveLength(5);
    await w.locator('input[name="view-epoch"]').fill('0');
    expect(await w.locator('[data-role="neighbours"]').getAttribute('data-epoch')).toBe('0');
    const random = await neighbours(w, 'excellent');
    expect(random).toHaveLength(5);
    expect(random).not.toEqual(trained);
    await w.locator('input[name="view-epoch"]').focus();
    await page.keyboard.press('End');
    expect(await w.locator('[data-role="neighbours"]').getAttribute('data-epoch')).toBe('12');
    expect(await neighbours(w, 'excellent')).toEqual(trained);
    // The reader's own word: "funny" is not in this text, "actor" is.
    expect(await text(page, 'kit-skipgram [data-word="funny"]')).toContain('not in this corpus');
    await w.locator('input[name="probe"]').fill('actress');
    expect(await neighbours(w, 'actress')).toHaveLength(5);

    // Find a word on the map: it is marked and named, with its neighbours.
    await w.locator('input[name="search"]').fill('Superb');
    expect(await w.locator('[data-role="map-readout"]').getAttribute('data-found')).toBe('superb');
    expect(await text(page, 'kit-skipgram [data-role="map-readout"]')).toMatch(
      /^"superb" \(word \d+ by frequency\) is at/,
    );
    expect(
      await w
        .locator('[data-role="map"] svg text')
        .filter({ hasText: /^superb$/ })
        .count(),
    ).toBe(1);
    // The word and its neighbours are named where no label covers another.
    const labelBoxes = await w
      .locator('[data-role="map"] svg g[aria-label="text"] text')
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
    expect(labelBoxes.length).toBeGreaterThan(1);
    for (const [i, a] of labelBoxes.entries())
      for (const b of labelBoxes.slice(i + 1))
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
    await w.locator('input[name="search"]').fill('zebra');
    expect(await text(page, 'kit-skipgram [data-role="map-readout"]')).toMatch(/"zebra" is not among the \d+ words/);
    // Hovering over a dot names its word.
    const dot = w.locator('[data-role="map"] svg g[aria-label="dot"]').first().locator('circle').first();
    await dot.hover();
    await expect.poll(() => w.locator('[data-role="map"] svg g[aria-label="tip"] text').count()).toBeGreaterThan(0);

    // The word pairs below use the same trained vectors.
    const pairs = await widget(page, 'kit-word-pairs');
    await pairs.locator('input[name="pairs"]').fill('excellent superb, awful zebra');
    expect(await pairs.getAttribute('data-epoch')).toBe('12');
    expect(num(await text(page, 'kit-word-pairs [data-pair="excellent superb"] td'))).toBeGreaterThan(-1);
    expect(await text(page, 'kit-word-pairs [data-pair="awful zebra"] td')).toContain('zebra not in the corpus');
  });

  it('stops a run between two steps, and a reset forgets the vectors', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-skipgram');
    // As in trainOnText: choose the corpus once the cell knows whether IMDB data is there.
    await expect.poll(() => w.locator('[data-role="data-status"]').getAttribute('data-kind')).not.toBe('checking');
    await w.locator('input[name="corpus"][value="text"]').check();
    // A text long enough that 100 epochs take far longer than the click on Stop: 300 lines
    // of 12 words from a 400-word made-up vocabulary (seeded, so every run is the same).
    const rand = mulberry32(3);
    const lines = Array.from({ length: 300 }, () =>
      Array.from({ length: 12 }, () => `w${Math.floor(rand() * 400)}`).join(' '),
    );
    await w.locator('textarea[name="text"]').fill(lines.join('\n'));
    await w.locator('input[name="epochs"]').fill('100');
    await w.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForSelector('kit-skipgram [data-role="loss"][data-points]', { timeout: 30_000 });
    await w.getByRole('button', { name: 'Stop' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text(page, 'kit-skipgram [data-role="status"]'), { timeout: 30_000 })
      .toMatch(/^Stopped after \d+ epochs? \(/);
    const epochs = Number(await w.getAttribute('data-trained'));
    expect(epochs).toBeLessThan(100);
    expect(await w.getByRole('button', { name: 'Train', exact: true }).isEnabled()).toBe(true);
    const pairs = await widget(page, 'kit-word-pairs');
    if (epochs > 0) expect(await pairs.getAttribute('data-epoch')).toBe(String(epochs));
    await page.locator('#cell-skipgram [data-role="reset"]').click();
    expect(await text(page, 'kit-skipgram [data-role="status"]')).toBe('');
    expect(await w.locator('[data-role="loss"]').textContent()).toMatch(/Press Train/);
    expect(await pairs.getAttribute('data-epoch')).toBeNull();
    expect(await pairs.locator('[data-role="plot"]').textContent()).toMatch(/Train word vectors in the cell above/);
  });

  it('downloads the vectors and the words for the Embedding Projector', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-skipgram');
    await w.locator('select[name="dim"]').selectOption('16');
    await trainOnText(page, w, 3);
    const save = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        w.getByRole('button', { name: `Download ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      return readFileSync((await download.path())!, 'utf8');
    };
    const vectors = (await save('vectors.tsv')).split('\n');
    const metadata = (await save('metadata.tsv')).split('\n');
    // One line per word, each ending in a newline; the metadata has a header line.
    expect(vectors.pop()).toBe('');
    expect(metadata.pop()).toBe('');
    expect(metadata[0]).toBe('word\tcount');
    expect(metadata).toHaveLength(vectors.length + 1);
    for (const line of vectors) {
      const cells = line.split('\t');
      expect(cells).toHaveLength(16);
      for (const c of cells) expect(Number.isFinite(Number(c)) && c !== '').toBe(true);
    }
    // The words of the corpus, most frequent first, with their counts.
    const corpus = corpusFromTexts(textLines(CORPUS));
    const counts = countTokens(corpus.sequences, corpus.words.length);
    expect(metadata.slice(1)).toEqual(corpus.words.map((word, i) => `${word}\t${counts[i]}`));
    expect(metadata[1]).toBe('the\t8');
  });

  it(
    HAS_DATA ? 'trains on the prepared IMDB reviews' : 'says that the IMDB data is missing, and how to get it',
    async () => {
      const page = await site.open(CHAPTER);
      const w = await widget(page, 'kit-skipgram');
      const status = w.locator('[data-role="data-status"]');
      await expect.poll(() => status.getAttribute('data-kind')).not.toBe('checking');
      if (HAS_DATA) {
        expect(await status.textContent()).toMatch(/^The prepared IMDB data is here: 25,000 training reviews/);
        expect(await w.locator('input[name="corpus"][value="imdb"]').isChecked()).toBe(true);
        await w.locator('select[name="reviews"]').selectOption('1000');
        await w.locator('input[name="epochs"]').fill('1');
        await w.getByRole('button', { name: 'Train', exact: true }).click();
        await page.waitForSelector('kit-skipgram[data-trained="1"]', { timeout: 45_000 });
        expect(await text(page, 'kit-skipgram [data-role="status"]')).toMatch(/on 1,000 IMDB training reviews/);
        for (const word of ['excellent', 'awful', 'actor', 'boring', 'funny']) {
          expect(await neighbours(w, word), word).toHaveLength(5);
        }
      } else {
        expect(await status.getAttribute('data-kind')).toBe('absent');
        expect(await status.textContent()).toMatch(/not on this site\. Load an IMDB archive in chapter 5/);
        expect(await status.textContent()).toMatch(/prepare the data with npm run data/);
        expect(await w.locator('input[name="corpus"][value="imdb"]').isDisabled()).toBe(true);
        expect(await w.locator('input[name="corpus"][value="text"]').isChecked()).toBe(true);
      }
    },
  );

  it('says that the IMDB data is missing when the manifest is not found, without a console error', async () => {
    const page = await site.open();
    await page.context().route('**/data/imdb/manifest.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${site.url}${CHAPTER}`);
    const w = await widget(page, 'kit-skipgram');
    const status = w.locator('[data-role="data-status"]');
    await expect.poll(() => status.getAttribute('data-kind')).toBe('absent');
    expect(await status.textContent()).toMatch(
      /^The prepared IMDB data is not on this site\. Load an IMDB archive in chapter 5 \(this browser keeps it, and this cell uses it when you come back\), or, if you host the kit, prepare the data with npm run data and build the site again\. Meanwhile this cell trains on the text below/,
    );
    expect(await w.locator('textarea[name="text"]').isVisible()).toBe(true);
  });
});

describe('chapter 4: accessibility', () => {
  it('has labelled controls and no WCAG 2.1 A/AA violations after training, in both themes, and fits a phone', async () => {
    const page = await site.open(CHAPTER, { width: 390, height: 800 });
    const w = await widget(page, 'kit-skipgram');
    await trainOnText(page, w, 2);
    for (const tag of ['kit-embedding-lookup', 'kit-embedding-cost', 'kit-cosine', 'kit-word-pairs'])
      await widget(page, tag);
    await expectAccessibleOnPhone(
      page,
      'kit-embedding-lookup, kit-embedding-cost, kit-cosine, kit-skipgram, kit-word-pairs',
    );
  });

  it('trains on the archive a reader loaded in chapter 5 when the site has no prepared data', async () => {
    // A small archive of two-topic reviews, 40 per label, built by the test.
    const rand = mulberry32(5);
    const pick = (pool: string[]) => Array.from({ length: 30 }, () => pool[Math.floor(rand() * pool.length)]).join(' ');
    const good = ['excellent', 'great', 'superb', 'wonderful', 'film', 'actor', 'story'];
    const bad = ['awful', 'boring', 'dull', 'terrible', 'film', 'actor', 'story'];
    const reviews: FixtureReview[] = Array.from({ length: 80 }, (_, i) => ({
      split: 'train' as const,
      label: (i % 2) as 0 | 1,
      id: i,
      rating: i % 2 ? 9 : 2,
      text: pick(i % 2 ? good : bad),
    }));
    reviews.push({ split: 'test', label: 1, id: 0, rating: 8, text: 'a great film' });
    reviews.push({ split: 'test', label: 0, id: 1, rating: 1, text: 'an awful film' });
    const archive = buildImdbArchive('labeled', 'ustar', reviews);
    const overlay = overlaySite(E2E_DIR, null); // the site as CI builds it: no data/imdb/
    const server = await serveStatic({ root: overlay.root, base: E2E_BASE });
    try {
      const page = await site.open();
      await page.goto(`${server.url}chapters/05-sentiment-imdb/`);
      await widget(page, 'kit-imdb-data');
      await page.locator('kit-imdb-data input[type="file"]').setInputFiles({
        name: 'aclImdb_v1.tar.gz',
        mimeType: 'application/gzip',
        buffer: Buffer.from(archive),
      });
      await page.waitForSelector('kit-imdb-data [data-role="imdb-panel"][data-phase="ready"]', { timeout: 60_000 });
      await page.goto(`${server.url}${CHAPTER}`);
      const w = await widget(page, 'kit-skipgram');
      await expect.poll(() => w.locator('[data-role="data-status"]').getAttribute('data-kind')).toBe('available');
      await w.locator('input[name="corpus"][value="imdb"]').check();
      await w.locator('input[name="epochs"]').fill('1');
      await w.getByRole('button', { name: 'Train', exact: true }).click();
      await page.waitForSelector('kit-skipgram[data-trained="1"]', { timeout: 45_000 });
      expect(await text(page, 'kit-skipgram [data-role="status"]')).toMatch(/on 80 IMDB training reviews/);
    } finally {
      await server.close();
      overlay.remove();
    }
  });
});

describe('chapter 4: skip-gram neighbours beside the sentiment model', () => {
  it('says when there is no trained classifier, and where to train one', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-embedding-compare');
    await expect.poll(() => w.getAttribute('data-model')).toBe('none');
    expect(await text(page, 'kit-embedding-compare [data-role="model-source"]')).toBe(
      'Sentiment model: none trained in this browser yet. Train it in chapter 5, and its neighbours appear here.',
    );
    expect(await w.locator('[data-role="model-source"] a').getAttribute('href')).toBe(
      `${E2E_BASE}chapters/05-sentiment-imdb/#cell-train`,
    );
    expect(await text(page, 'kit-embedding-compare [data-role="skipgram-source"]')).toMatch(/press Train/);
    expect(await text(page, 'kit-embedding-compare [data-word="excellent"] [data-source="classifier"]')).toBe(
      'sentiment modelno trained model',
    );
  });

  it("lists both embeddings' neighbours of the probe words once both are trained", async () => {
    await tf.setBackend('cpu');
    const fixture = await createKitModelFixture();
    try {
      // The reader's classifier, loaded through chapter 6's model files input, is kept by the browser.
      const page = await site.open('chapters/06-inside-classifier/');
      const model = await widget(page, 'kit-classifier-model');
      await model.locator('input[name="model-files"]').setInputFiles([fixture.modelJson, fixture.weightsBin]);
      await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
      await page.goto(`${site.url}${CHAPTER}`);
      const w = await widget(page, 'kit-embedding-compare');
      await expect.poll(() => w.getAttribute('data-model'), { timeout: 30_000 }).toBe('ready');
      expect(await text(page, 'kit-embedding-compare [data-role="model-source"]')).toMatch(
        /^Sentiment model: the Embedding layer of your trained model \(custom \(r-keras layout\), maxlen 16, 1 epoch\), 22 rows, d = 8\.$/,
      );

      // The classifier's side, against the same search in Node on the same files.
      const { model: tfModel, metadata } = await loadKitModel(directoryHandler(fixture.dir));
      const weights = classifierWeights(tfModel.layers as unknown as LayerLike[]);
      tfModel.dispose();
      const vocabulary = vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0));
      const unit = normaliseRows(weights.embedding);
      const side = (word: string, source: string) =>
        w.locator(`[data-word="${word}"] [data-source="${source}"] li`).allTextContents();
      for (const word of ['excellent', 'awful']) {
        const expected = modelNeighbours(unit, vocabulary, settingsView(metadata.settings), word, 5);
        expect(await side(word, 'classifier'), word).toEqual(
          expected.neighbours.map((n) => `${n.word} ${fmt(n.similarity)}`),
        );
      }
      expect(
        await text(page, 'kit-embedding-compare [data-word="actor"] [data-source="classifier"] [data-role="missing"]'),
      ).toBe("not in the model's vocabulary (18 words)");

      // The skip-gram side follows the training cell, epoch by epoch, with the same lists as that cell.
      expect(await side('excellent', 'skipgram')).toEqual([]);
      const skipgram = await widget(page, 'kit-skipgram');
      // Until the cell knows whether the site has the IMDB data, it shows the text corpus as chosen.
      await expect
        .poll(() => skipgram.locator('[data-role="data-status"]').getAttribute('data-kind'))
        .not.toBe('checking');
      await trainOnText(page, skipgram, 12);
      await expect.poll(() => w.getAttribute('data-skipgram')).toBe('12');
      const trained = await neighbours(skipgram, 'excellent');
      expect((await side('excellent', 'skipgram')).map((s) => s.split(' ')[0])).toEqual(
        trained.map((s) => s.split(' ')[0]),
      );
      expect(await side('excellent', 'classifier')).toHaveLength(5);
      await w.locator('input[name="word"]').fill('dreadful');
      expect(await side('dreadful', 'skipgram')).toHaveLength(5);
      expect(await text(page, 'kit-embedding-compare [data-word="dreadful"] [data-role="missing"]')).toBe(
        "not in the model's vocabulary (18 words)",
      );
    } finally {
      fixture.remove();
    }
  });
});
