/**
 * Chapter 7 as a reader uses it, on a tiny fixture: the site serves prepared reviews made from a
 * small archive, and a tiny model trained in Node on their vocabulary is loaded through the
 * page's file input. The numbers the page shows are checked against the same computations run
 * here in Node (tfjs's CPU backend), independently of the page's worker and WASM backend.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import { oovReport, rankIndex } from '../../src/data/oov';
import { loadImdb, memorySource, prepareImdb, streamFromBytes, type ImdbDataset } from '../../src/data/index.ts';
import { encodeText } from '../../src/data/views';
import { describeStudy, disposeModel, lengthStudy, type LengthPoint } from '../../src/lstm/sentiment/length-study';
import { paddingTrace, stepwiseModel, summarizePadding } from '../../src/lstm/sentiment/padding-study';
import { buildImdbArchive, type FixtureReview } from '../fixtures/imdb-archive.ts';
import { CH7_SETTINGS, makeKitModelCh7, type KitModelFixture } from '../fixtures/kit-model-ch7';
import { overlaySite, type SiteOverlay } from '../../scripts/lib/site-overlay.ts';
import { accessibilityViolations, E2E_BASE, E2E_DIR, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/07-limits/';

const FILLER = ['the', 'film', 'story', 'was', 'a', 'and', 'with', 'cast', 'plot', 'it'];
const words = (n: number, extra: string) =>
  Array.from({ length: n }, (_, i) => (i === n - 2 ? extra : FILLER[(i * 7) % FILLER.length])).join(' ');

// Training reviews give the vocabulary; test reviews of 5 to 400 words make every maxlen of the
// study (20 to 320) truncate a different number of them.
const REVIEWS: FixtureReview[] = [
  { split: 'train', label: 1, id: 0, rating: 9, text: 'A great film with a wonderful cast.' },
  { split: 'train', label: 1, id: 1, rating: 10, text: 'Brilliant story, great plot, I loved it.' },
  { split: 'train', label: 1, id: 2, rating: 8, text: 'The actors were wonderful and the story moved me.' },
  { split: 'train', label: 0, id: 3, rating: 1, text: 'A boring film with a terrible cast.' },
  { split: 'train', label: 0, id: 4, rating: 2, text: 'Awful story, boring plot, I will never watch it again.' },
  { split: 'train', label: 0, id: 5, rating: 3, text: 'The actors were terrible and the story was stupid.' },
  ...[5, 30, 70, 150, 400].map((n, k): FixtureReview => ({
    split: 'test',
    label: 1,
    id: k,
    rating: 9,
    text: words(n, 'great'),
  })),
  ...[12, 45, 100, 200, 330].map((n, k): FixtureReview => ({
    split: 'test',
    label: 0,
    id: 10 + k,
    rating: 2,
    text: words(n, 'boring'),
  })),
];

const FRENCH = "Un film magnifique avec des acteurs brillants. L'histoire m'a ému et je le reverrais volontiers.";

let dataset: ImdbDataset;
let model: KitModelFixture;
let served: { overlay: SiteOverlay; server: RunningServer };

beforeAll(async () => {
  const files = new Map<string, Uint8Array>();
  await prepareImdb(
    streamFromBytes(buildImdbArchive('official', 'gnu', REVIEWS)),
    async (p, d) => void files.set(p, d),
    {
      name: 'aclImdb_v1.tar.gz',
    },
  );
  dataset = await loadImdb(memorySource(files));
  model = await makeKitModelCh7(dataset, { positive: ['great', 'wonderful'], negative: ['boring', 'terrible'] });
  const overlay = overlaySite(E2E_DIR, files);
  served = { overlay, server: await serveStatic({ root: overlay.root, base: E2E_BASE }) };
});

afterAll(async () => {
  await served?.server.close();
  served?.overlay.remove();
});

async function openChapter(): Promise<Page> {
  const page = await site.open();
  await page.goto(`${served.server.url}${CHAPTER}`);
  return page;
}

const modelPanel = (tag: string) => `${tag} [data-role="model-panel"]`;

async function loadModelFiles(page: Page): Promise<void> {
  const w = await widget(page, 'kit-limits-length');
  await w.locator('input[name="model-files"]').setInputFiles(model.files);
  await page.waitForSelector(`${modelPanel('kit-limits-length')}[data-phase="ready"]`, { timeout: 60_000 });
}

/** The study as the page runs it, here in Node. */
async function expectedStudy(): Promise<LengthPoint[]> {
  const test = dataset.splits.test!;
  return lengthStudy({
    settings: CH7_SETTINGS,
    vocabularySize: model.metadata.vocabularySize,
    weights: model.weights,
    reviews: test,
    indices: Int32Array.from({ length: test.count }, (_, i) => i),
    maxlens: [20, 40, 80, 160, 320],
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('chapter 7 without a trained model', () => {
  it('says what each cell needs, links to chapter 5, and shows the hosts contacted', async () => {
    const page = await openChapter();
    for (const tag of ['kit-limits-length', 'kit-limits-padding', 'kit-limits-languages']) {
      await widget(page, tag);
      await page.waitForSelector(`${modelPanel(tag)}[data-phase="none"]`);
      expect(await text(page, `${tag} [data-role="model-status"]`)).toMatch(
        /^This cell needs a trained sentiment model, and this browser has none yet: train one in chapter 5/,
      );
      expect(await page.locator(`${tag} [data-role="model-status"] a`).getAttribute('href')).toBe(
        `${E2E_BASE}chapters/05-sentiment-imdb/#cell-train`,
      );
      expect(await page.locator(`${tag} input[name="model-files"]`).isVisible()).toBe(true);
      expect(
        await page
          .locator(`${tag} label`)
          .filter({ has: page.locator('input[name="model-files"]') })
          .innerText(),
      ).toBe('Load model files (model.json and weights.bin)');
    }
    // Nothing to measure without a model: the cells' controls stay hidden, and tfjs is never loaded.
    expect(await page.locator('kit-limits-languages textarea').isVisible()).toBe(false);
    expect(await page.evaluate(() => 'kitTf' in globalThis)).toBe(false);
    await widget(page, 'kit-limits-privacy');
    expect(await text(page, 'kit-limits-privacy [data-role="hosts-summary"]')).toMatch(
      /^This page has made \d+ requests, all to 127\.0\.0\.1:\d+, the host that served it\.$/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('chapter 7 with a model loaded from files', () => {
  it('measures accuracy against maxlen in a worker, as Node computes it, and can be stopped', async () => {
    const page = await openChapter();
    await loadModelFiles(page);
    expect(await text(page, 'kit-limits-length [data-role="model-status"]')).toBe(
      'Using your trained model: custom (r-keras layout), maxlen 20, 1 epoch.',
    );
    // Every model cell of the page uses the model just loaded.
    for (const tag of ['kit-limits-padding', 'kit-limits-languages']) {
      await widget(page, tag);
      await page.waitForSelector(`${modelPanel(tag)}[data-phase="ready"]`);
    }
    await widget(page, 'kit-limits-length');

    const w = page.locator('kit-limits-length');
    expect(await w.getByRole('button', { name: 'Measure accuracy at each maxlen' }).isDisabled()).toBe(true);
    expect(await text(page, 'kit-limits-length [data-role="study-hint"]')).toBe(
      'It needs the reviews: load them above.',
    );
    await w.getByRole('button', { name: 'Load the prepared reviews' }).click();
    await page.waitForSelector('kit-limits-length [data-role="imdb-panel"][data-phase="ready"]', { timeout: 60_000 });

    // Truncation of the 10 test reviews (start marker included) at each maxlen, before any run.
    const test = dataset.splits.test!;
    const lengths = Array.from({ length: test.count }, (_, i) => test.offsets[i + 1]! - test.offsets[i]! + 1);
    const cut = (m: number) => lengths.filter((n) => n > m).length;
    expect([20, 40, 80, 160, 320].map(cut)).toEqual([8, 7, 5, 3, 2]);
    const row = (m: number) => w.locator(`[data-maxlen="${m}"]`).innerText();
    await expect.poll(() => row(20)).toMatch(/^20 \(trained\)\s+8 of 10\s+80\.0%\s+–\s+–$/);
    expect(await row(320)).toMatch(/^320\s+2 of 10\s+20\.0%\s+–\s+–$/);

    await w.getByRole('combobox', { name: 'Test reviews to score' }).selectOption('250');
    await w.getByRole('button', { name: 'Measure accuracy at each maxlen' }).click();
    await expect
      .poll(() => text(page, 'kit-limits-length [data-role="study-status"]'), { timeout: 60_000 })
      .toMatch(/^Done: 5 lengths, 10 test reviews each, in \d+\.\d s\.$/);
    const expected = await expectedStudy();
    expect(await text(page, 'kit-limits-length [data-role="summary"]')).toBe(
      `${describeStudy(expected, 20)} Of all 10 test reviews, maxlen 20 truncates 80.0%, maxlen 20 80.0% and maxlen 320 20.0%.`,
    );
    for (const p of expected)
      expect(await row(p.maxlen)).toMatch(new RegExp(`\\s${pct(p.accuracy)}\\s+${p.loss.toFixed(3)}$`));
    const svg = w.locator('[data-role="plot"] svg[role="img"]');
    expect(await svg.getAttribute('aria-label')).toMatch(/^Accuracy of the trained model/);
    expect(await svg.locator('g[aria-label="line"] path').count()).toBe(2);
    expect(await w.locator('[data-role="plot"] figure').innerText()).toMatch(/accuracy on 10 test reviews/);
    expect(await page.locator('#cell-length [data-role="backend"]').textContent()).toMatch(/in a Web Worker$/);
    expect(await w.locator('[data-role="study-progress"]').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);

    // Stop ends a run at once and keeps what was measured.
    await w.getByRole('combobox', { name: 'Test reviews to score' }).selectOption('all');
    await w.getByRole('button', { name: 'Measure accuracy at each maxlen' }).click();
    await w.getByRole('button', { name: 'Stop' }).click();
    expect(await text(page, 'kit-limits-length [data-role="study-status"]')).toMatch(
      /^Stopped: [0-5] of 5 lengths measured\.$/,
    );
    expect(await w.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    expect(await w.getByRole('button', { name: 'Measure accuracy at each maxlen' }).isEnabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('pads a short review both ways, counts out-of-vocabulary words, and lists only this host', async () => {
    const page = await openChapter();
    await loadModelFiles(page);
    const index = rankIndex(model.metadata.words);
    const view = { layout: 'imdb' as const };

    // Padding: the page's three answers against the stepwise model run here.
    const padding = await widget(page, 'kit-limits-padding');
    await page.waitForSelector(`${modelPanel('kit-limits-padding')}[data-phase="ready"]`);
    const review = 'A great film.';
    await padding.getByLabel('A short review').fill(review);
    const vocabulary = { ...dataset.vocabulary, index: new Map(index) };
    const stepwise = stepwiseModel(CH7_SETTINGS, model.metadata.vocabularySize, model.weights);
    const s = summarizePadding(await paddingTrace(stepwise, encodeText(review, vocabulary, view), 20));
    disposeModel(stepwise);
    const answer = async (key: string) =>
      Number((await padding.locator(`[data-padding="${key}"] td`).last().innerText()).replace('−', '-'));
    await expect
      .poll(() => text(page, 'kit-limits-padding [data-role="padding-summary"]'))
      .toMatch(/^The review gives 4 ids, so each row gets 16 zeros\./);
    expect(await answer('pre')).toBeCloseTo(s.pre, 2);
    expect(await answer('post')).toBeCloseTo(s.post, 2);
    expect(await answer('masked')).toBeCloseTo(s.masked, 2);
    expect(await padding.locator('[data-padding="pre"] td.row').innerText()).toBe(
      '<pad> × 16, <start>, a, great, film',
    );
    expect(await padding.locator('[data-padding="post"] td.row').innerText()).toBe(
      '<start>, a, great, film, <pad> × 16',
    );
    expect(await padding.locator('[data-role="plot"] svg g[aria-label="dot"] circle').count()).toBe(8);

    // Languages: the English example, then a French review typed in.
    const languages = await widget(page, 'kit-limits-languages');
    const rate = 'kit-limits-languages [data-role="rate"]';
    const english = oovReport(
      'A wonderful film with brilliant actors. The story moved me and I would gladly watch it again.',
      index,
      view,
    );
    await expect
      .poll(() => text(page, rate))
      .toMatch(
        new RegExp(
          `^${english.count} words, ${english.oov} of them out of the model’s vocabulary \\(they become id 2\\): an out-of-vocabulary rate of ${pct(english.rate).replace('.', '\\.')}\\.`,
        ),
      );
    await languages.getByLabel('Review (edit it, or write your own)').fill(FRENCH);
    const french = oovReport(FRENCH, index, view);
    expect(french.rate).toBeGreaterThan(english.rate);
    await expect
      .poll(() => text(page, rate))
      .toMatch(
        new RegExp(
          `^${french.count} words, ${french.oov} of them out of the model’s vocabulary .* rate of ${pct(french.rate).replace('.', '\\.')}\\.`,
        ),
      );
    expect(await languages.locator('select[name="example"]').inputValue()).toBe('fr-pos');
    expect(await languages.locator('[data-role="words"] .token.oov').count()).toBe(french.oov);
    expect(await languages.locator('[data-role="words"] .token').first().innerText()).toBe('un\nOOV');
    await languages.getByLabel('Review (edit it, or write your own)').fill(`${FRENCH} Great!`);
    await expect
      .poll(() => languages.locator('[data-example="own"]').innerText())
      .toMatch(new RegExp(`^your text\\s+${french.count + 1}\\s+${french.oov}\\s`));
    expect(await languages.locator('[data-example]').count()).toBe(11); // 10 examples (two per language, Chinese included) and the text typed in

    // Privacy: every request of this page went to the host that served it.
    const privacy = await widget(page, 'kit-limits-privacy');
    await privacy.getByRole('button', { name: 'Check again' }).click();
    const hosts = await privacy.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-host')));
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await text(page, 'kit-limits-privacy [data-role="hosts-summary"]')).toMatch(
      /^This page has made \d+ requests, all to 127\.0\.0\.1:\d+, the host that served it\.$/,
    );

    // The model stays in this browser: a reload finds it in IndexedDB.
    await page.reload();
    await widget(page, 'kit-limits-languages');
    await page.waitForSelector(`${modelPanel('kit-limits-languages')}[data-phase="ready"]`, { timeout: 60_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
