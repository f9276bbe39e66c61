import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import {
  loadImdb,
  memorySource,
  padSequence,
  prepareImdb,
  PY_KERAS_VIEW,
  R_KERAS_VIEW,
  ranksToIds,
  reviewRanks,
  streamFromBytes,
  tokenizeReview,
  type ImdbDataset,
  type PadOptions,
  type SequenceView,
  type SplitName,
} from '../../src/data/index.ts';
import { buildImdbArchive, buildTar, gzip, type FixtureReview } from '../fixtures/imdb-archive.ts';
import { overlaySite, type SiteOverlay } from '../../scripts/lib/site-overlay.ts';
import { accessibilityViolations, E2E_BASE, E2E_DIR, startAllWidgets, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/05-sentiment-imdb/';

const words = (n: number, pool: string[]) => Array.from({ length: n }, (_, i) => pool[i % pool.length]).join(' ');
const HTML_REVIEW = '<script>document.title="hacked"</script><b>Boring</b> and <i>dull</i>.<br /><br />The end.';

// A tiny corpus with what the explorer must show: HTML in a review, a review longer than both
// maxlens, one between them, short ones for padding, and a test word the training split lacks.
const REVIEWS: FixtureReview[] = [
  { split: 'train', label: 0, id: 3, rating: 2, text: HTML_REVIEW },
  { split: 'train', label: 0, id: 8, rating: 1, text: 'Bad, boring, the end.' },
  {
    split: 'train',
    label: 1,
    id: 1,
    rating: 10,
    text: words(120, ['a', 'great', 'film', 'with', 'a', 'fine', 'cast']),
  },
  { split: 'train', label: 1, id: 4, rating: 8, text: 'A fine film.' },
  { split: 'test', label: 0, id: 0, rating: 3, text: 'Dull and boring, zyzzyva.' },
  { split: 'test', label: 1, id: 2, rating: 9, text: words(95, ['great', 'cast', 'fine', 'film']) },
];
// In the prepared order (negative then positive, each by id): train = [3, 8, 1, 4], test = [0, 2].

const ARCHIVE = buildImdbArchive('official', 'gnu', REVIEWS);
const archiveFile = (buffer: Uint8Array, name = 'aclImdb_v1.tar.gz') => ({
  name,
  mimeType: 'application/gzip',
  buffer: Buffer.from(buffer),
});

let files: Map<string, Uint8Array>;
let dataset: ImdbDataset;
let bare: { overlay: SiteOverlay; server: RunningServer };
let withData: { overlay: SiteOverlay; server: RunningServer };

beforeAll(async () => {
  files = new Map();
  await prepareImdb(streamFromBytes(ARCHIVE), async (path, data) => void files.set(path, data), {
    name: 'aclImdb_v1.tar.gz',
  });
  dataset = await loadImdb(memorySource(files));
  const serve = async (imdb: Map<string, Uint8Array> | null) => {
    const overlay = overlaySite(E2E_DIR, imdb);
    return { overlay, server: await serveStatic({ root: overlay.root, base: E2E_BASE }) };
  };
  bare = await serve(null);
  withData = await serve(files);
});

afterAll(async () => {
  for (const s of [bare, withData]) {
    await s?.server.close();
    s?.overlay.remove();
  }
});

/** The chapter on a site built without the prepared data (as in CI), or with the fixture's. */
async function openChapter(on: 'bare' | 'data', query = ''): Promise<Page> {
  const page = await site.open();
  await page.goto(`${(on === 'bare' ? bare : withData).server.url}${CHAPTER}${query}`);
  await widget(page, 'kit-imdb-data');
  return page;
}

const panel = 'kit-imdb-data [data-role="imdb-panel"]';

async function phase(page: Page, wanted: string): Promise<void> {
  await page.waitForSelector(`${panel}[data-phase="${wanted}"]`, { timeout: 60_000 });
}

function expectedRow(split: SplitName, index: number, view: SequenceView, pad: PadOptions = {}): string[] {
  const ranks = reviewRanks(dataset.splits[split]!, index);
  return [...padSequence(ranksToIds(ranks, view), { ...view, ...pad, maxlen: view.maxlen! })].map(String);
}

async function chips(page: Page, role: 'words' | 'row'): Promise<[string, string][]> {
  return page
    .locator(`kit-imdb-explorer [data-role="${role}"] .token`)
    .evaluateAll((els) =>
      els.map((e) => [e.firstChild?.textContent ?? '', e.querySelector('small')?.textContent ?? '']),
    );
}

describe('chapter 5: an archive from the reader, prepared in the browser', () => {
  it('prepares a chosen archive in a worker, then shows its reviews, words, ids, padding and lengths', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    await page.locator('kit-imdb-data input[type="file"]').setInputFiles(archiveFile(ARCHIVE));
    await phase(page, 'ready');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toMatch(
      new RegExp(
        `^4 training and 2 test reviews, ${dataset.vocabulary.words.length} words in the vocabulary, prepared in your browser from aclImdb_v1\\.tar\\.gz in \\d+\\.\\d s\\. Kept in this browser`,
      ),
    );
    const progress = page.locator(`${panel} progress`);
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
    expect(await page.locator('kit-imdb-data [data-role="splits"] tbody tr').first().innerText()).toMatch(
      /^reviews\s+4\s+2$/,
    );
    expect(await page.locator('kit-imdb-data [data-role="index"] tbody tr').nth(4).innerText()).toMatch(
      new RegExp(`^4\\s+${dataset.vocabulary.words[0]} \\(\\d+\\)\\s+${dataset.vocabulary.words[3]} \\(\\d+\\)$`),
    );

    // The first training review is full of HTML: shown as text, never run or rendered.
    const w = await widget(page, 'kit-imdb-explorer');
    await w
      .locator('[data-role="meta"]')
      .filter({ hasText: 'aclImdb/train/neg/3_2.txt · rated 2/10 · negative' })
      .waitFor();
    await page.waitForFunction(
      () => document.querySelector('kit-imdb-explorer [data-role="text"]')?.textContent !== '',
    );
    expect(await w.locator('[data-role="text"]').textContent()).toBe(HTML_REVIEW);
    expect(await w.locator('[data-role="text"] script, [data-role="text"] b, [data-role="text"] i').count()).toBe(0);
    expect(await w.locator('[data-role="text"] .imdb-br').allTextContents()).toEqual(['<br />', '<br />']);
    expect(await page.title()).not.toBe('hacked');
    const aligned = await chips(page, 'words');
    expect(aligned[0]).toEqual(['<start>', '1']);
    expect(aligned.slice(1).map(([word]) => word)).toEqual(tokenizeReview(HTML_REVIEW));
    expect(aligned.slice(1).map(([, id]) => id)).toEqual(
      [...ranksToIds(reviewRanks(dataset.splits.train!, 0), R_KERAS_VIEW)].slice(1).map(String),
    );
    expect((await chips(page, 'row')).map(([, id]) => id)).toEqual(expectedRow('train', 0, R_KERAS_VIEW));
    expect(await text(page, 'kit-imdb-explorer [data-role="summary"]')).toMatch(
      /^14 words → 15 ids \(<start> = 1 first\)\. maxlen 80: 'pre' padding puts 65 zeros before the ids\.$/,
    );

    // The long positive review: cut at the front to the last 80 ids, or the last 100.
    await w.locator('select[name="label"]').selectOption('pos');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/pos/1_10.txt' }).waitFor();
    await expect
      .poll(() => text(page, 'kit-imdb-explorer [data-role="summary"]'))
      .toBe(
        "120 words → 121 ids (<start> = 1 first). maxlen 80: 'pre' truncation cuts the first 41 ids and keeps the last 80.",
      );
    expect((await chips(page, 'row')).map(([, id]) => id)).toEqual(expectedRow('train', 2, R_KERAS_VIEW));
    expect(await w.locator('[data-role="words"] .token.cut').count()).toBe(41);
    await w.locator('select[name="view"]').selectOption('py-keras');
    await expect
      .poll(() => text(page, 'kit-imdb-explorer [data-role="summary"]'))
      .toBe("120 words → 120 ids. maxlen 100: 'pre' truncation cuts the first 20 ids and keeps the last 100.");
    expect((await chips(page, 'row')).map(([, id]) => id)).toEqual(expectedRow('train', 2, PY_KERAS_VIEW));
    await w.locator('select[name="truncating"]').selectOption('post');
    await expect
      .poll(async () => (await chips(page, 'row')).map(([, id]) => id))
      .toEqual(expectedRow('train', 2, PY_KERAS_VIEW, { truncating: 'post' }));

    // A short review with 'post' padding: the words first, then the zeros.
    await w.getByRole('button', { name: 'Next review' }).click();
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/pos/4_8.txt' }).waitFor();
    await w.locator('select[name="padding"]').selectOption('post');
    await expect
      .poll(async () => (await chips(page, 'row')).map(([, id]) => id))
      .toEqual(expectedRow('train', 3, PY_KERAS_VIEW, { padding: 'post', truncating: 'post' }));
    expect((await chips(page, 'row')).slice(0, 4).map(([word]) => word)).toEqual(['a', 'fine', 'film', '·']);

    // A test review with a word the training split never uses.
    await w.locator('select[name="split"]').selectOption('test');
    await w.locator('select[name="label"]').selectOption('neg');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/test/neg/0_3.txt' }).waitFor();
    await expect
      .poll(() => text(page, 'kit-imdb-explorer [data-role="summary"]'))
      .toMatch(/^4 words → 3 ids; 1 word missing from the training vocabulary dropped\./);
    expect(await w.locator('[data-role="words"] .token.dropped').innerText()).toMatch(/^zyzzyva\s+—$/);
    await w.locator('select[name="view"]').selectOption('r-keras');
    await expect
      .poll(() => text(page, 'kit-imdb-explorer [data-role="summary"]'))
      .toMatch(/^4 words → 5 ids \(<start> = 1 first\); 1 word out of the vocabulary became 2\./);

    // Lengths: the histogram and the share each maxlen cuts, per split.
    const lengths = await widget(page, 'kit-imdb-lengths');
    await lengths.locator('[data-role="plot"] svg').waitFor();
    const cut = async (view: string) => lengths.locator(`[data-view="${view}"]`).innerText();
    expect(await cut('r-keras')).toMatch(/^r-keras\s+80\s+1 of 4\s+25\.0%$/);
    expect(await cut('py-keras')).toMatch(/^py-keras\s+100\s+1 of 4\s+25\.0%$/);
    expect(await text(page, 'kit-imdb-lengths [data-role="stats"]')).toBe(
      '4 training reviews: median 9 words, mean 35, shortest 3, longest 120.',
    );
    expect(await lengths.locator('[data-role="plot"] svg g[aria-label="rect"] rect').count()).toBeGreaterThan(0);
    await lengths.locator('select[name="split"]').selectOption('test');
    await expect.poll(() => cut('r-keras')).toMatch(/^r-keras\s+80\s+1 of 2\s+50\.0%$/);
    expect(await cut('py-keras')).toMatch(/^py-keras\s+100\s+0 of 2\s+0\.0%$/);

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a review of 200,000 words and one of 150,000 line breaks a page at a time, without freezing', async () => {
    const giant = words(200_000, ['long', 'review', 'of', 'many', 'words']);
    const breaks = `top${'<br />'.repeat(150_000)}bottom`;
    const archive = buildImdbArchive('official', 'gnu', [
      ...REVIEWS,
      { split: 'test', label: 0, id: 9, rating: 1, text: giant },
      { split: 'test', label: 1, id: 7, rating: 8, text: breaks },
      // Longer than the reader's cap of 1 MiB: kept cut to it, and counted.
      { split: 'train', label: 1, id: 11, rating: 9, text: 'é'.repeat(600_000) },
    ]);
    const page = await openChapter('bare', '?review.split=test&review.label=neg&review.review=2');
    await phase(page, 'choose');
    await page.locator('kit-imdb-data input[type="file"]').setInputFiles(archiveFile(archive));
    await phase(page, 'ready');
    expect(await page.locator('kit-imdb-data [data-role="splits"] tbody tr').last().innerText()).toMatch(
      /^reviews longer than 1 MiB, cut to it\s+1\s+0$/,
    );
    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/test/neg/9_1.txt' }).waitFor();
    await expect
      .poll(() => text(page, 'kit-imdb-explorer [data-role="summary"]'))
      .toMatch(/^200,000 words → 200,001 ids \(<start> = 1 first\)/);
    // The first page of the text, then the next on request; the first 2,000 words as chips.
    const shown = async () => ((await w.locator('[data-role="text"]').textContent()) ?? '').length;
    const more = w.locator('[data-role="more-text"]');
    expect(await more.innerText()).toMatch(/^Show more \([\d,]+ more characters\)$/);
    const first = await shown();
    expect(first).toBeLessThan(30_000);
    await more.click();
    await expect.poll(shown).toBeGreaterThan(first + 10_000);
    expect(await w.locator('[data-role="words"] .token').count()).toBe(2000);
    expect(await text(page, 'kit-imdb-explorer [data-role="more-words"]')).toBe('… and 198,001 more words');
    expect(await chips(page, 'row')).toHaveLength(80);

    // 150,000 line breaks fold into one marker: the words after them stay in view.
    await w.locator('select[name="label"]').selectOption('pos');
    await w.getByRole('button', { name: 'Next review' }).click();
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/test/pos/7_8.txt' }).waitFor();
    await expect.poll(() => w.locator('[data-role="text"]').innerText()).toMatch(/^top<br \/> × 150,000\s*bottom$/);
    expect(await w.locator('[data-role="text"] br').count()).toBe(1);
  });

  it('takes an archive dropped on the drop zone', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    await page.locator(`${panel} [data-role="imdb-drop"]`).evaluate((zone, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'aclImdb_v1.tar.gz', { type: 'application/gzip' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, Array.from(ARCHIVE));
    await phase(page, 'ready');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toMatch(
      /prepared in your browser from aclImdb_v1\.tar\.gz/,
    );
  });

  it('explains a file that is not gzip, a truncated archive and a wrong layout, and keeps working', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    const input = page.locator('kit-imdb-data input[type="file"]');
    const error = page.locator(`${panel} [data-role="imdb-error"]`);
    const bad: [Uint8Array, string, RegExp][] = [
      [new TextEncoder().encode('These are my notes, not an archive.'), 'notes.txt', /^notes\.txt is not a gzip file/],
      [ARCHIVE.subarray(0, Math.floor(ARCHIVE.length * 0.6)), 'aclImdb_v1.tar.gz', /^aclImdb_v1\.tar\.gz is truncated/],
      [
        gzip(buildTar([{ path: 'photos/cat.txt', data: 'meow' }])),
        'photos.tar.gz',
        /^photos\.tar\.gz is not laid out like aclImdb_v1\.tar\.gz/,
      ],
    ];
    for (const [bytes, name, message] of bad) {
      await input.setInputFiles(archiveFile(bytes, name));
      await expect.poll(() => error.textContent(), { timeout: 30_000 }).toMatch(message);
      await phase(page, 'choose');
      expect(await error.isVisible()).toBe(true);
    }
    // The same input takes the right archive afterwards.
    await input.setInputFiles(archiveFile(ARCHIVE));
    await phase(page, 'ready');
    expect(await error.isVisible()).toBe(false);
    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/3_2.txt' }).waitFor();
  });

  it('keeps the reviews already loaded when a bad archive is chosen, with the error beside them', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    const input = page.locator('kit-imdb-data input[type="file"]');
    await input.setInputFiles(archiveFile(ARCHIVE));
    await phase(page, 'ready');
    const status = await text(page, `${panel} [data-role="imdb-status"]`);
    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/3_2.txt' }).waitFor();
    await input.setInputFiles(archiveFile(new TextEncoder().encode('not an archive'), 'notar.tar.gz'));
    const error = page.locator(`${panel} [data-role="imdb-error"]`);
    await expect
      .poll(() => error.textContent(), { timeout: 30_000 })
      .toMatch(/^notar\.tar\.gz is not a gzip file.* The reviews loaded before are still loaded\.$/);
    expect(await error.isVisible()).toBe(true);
    await phase(page, 'ready');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toBe(status);
    // The explorer still browses the reviews loaded before, without a reload.
    expect(await w.locator('[data-role="explorer"]').isVisible()).toBe(true);
    await w.getByRole('button', { name: 'Next review' }).click();
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/8_1.txt' }).waitFor();
  });

  it('restores the prepared data from IndexedDB after a reload, and forgets it on request', async () => {
    const page = await openChapter('bare', '?review.label=pos&review.review=2');
    await phase(page, 'choose');
    await page.locator('kit-imdb-data input[type="file"]').setInputFiles(archiveFile(ARCHIVE));
    await phase(page, 'ready');
    await page.reload();
    await widget(page, 'kit-imdb-data');
    await phase(page, 'ready');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toMatch(
      /^4 training and 2 test reviews, .* opened from this browser's storage \(prepared earlier from aclImdb_v1\.tar\.gz\)/,
    );
    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/pos/4_8.txt' }).waitFor();
    await page.locator(`${panel} [data-role="imdb-forget"]`).click();
    await phase(page, 'choose');
    expect(await w.locator('[data-role="explorer"]').isHidden()).toBe(true);
    expect(await text(page, 'kit-imdb-explorer [data-role="imdb-status"]')).toBe(
      'The reviews are not loaded yet: load them in “The reviews in this page” above.',
    );
    await page.reload();
    await widget(page, 'kit-imdb-data');
    await phase(page, 'choose');
  });

  it('is operable with the keyboard alone, from choosing the file to browsing reviews', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    // A reader's window has the focus; a fresh headless page gets it explicitly.
    await page.bringToFront();
    // From the cell's own buttons, Tab reaches the file input (the site has no data to load).
    await page.locator('#cell-data [data-role="reset"]').focus();
    const focused = async () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement;
        return `${a.localName} ${a.type} ${a.name}`;
      });
    for (let i = 0; i < 4 && (await focused()) !== 'input file archive'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('input file archive');
    // The file input is named by its drop zone's text.
    expect(await page.getByLabel(/prepare them here from aclImdb_v1\.tar\.gz/).count()).toBe(1);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(archiveFile(ARCHIVE));
    await phase(page, 'ready');

    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/3_2.txt' }).waitFor();
    await w.getByRole('spinbutton', { name: 'Review number', exact: true }).focus();
    await page.keyboard.press('ArrowUp');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/8_1.txt' }).waitFor();
    await w.getByRole('button', { name: 'Next review' }).focus();
    await page.keyboard.press('Enter');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/pos/1_10.txt' }).waitFor();
    await w.getByRole('combobox', { name: 'View', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => w.locator('select[name="view"]').inputValue()).toBe('py-keras');
    for (const name of ['Split', 'Reviews', 'View', 'padding', 'truncating'])
      expect(await w.getByRole('combobox', { name, exact: true }).count()).toBe(1);
    for (const name of ['Previous review', 'Next review', 'A random review'])
      expect(await w.getByRole('button', { name }).count()).toBe(1);
    // The review text and the word list scroll, so they take the focus too.
    expect(await w.locator('[data-role="text"]').getAttribute('tabindex')).toBe('0');
    expect(await w.getByRole('region', { name: 'The review as written' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Forget the reviews' }).focus();
    await page.keyboard.press('Enter');
    await phase(page, 'choose');
  });
});

describe('chapter 5: the prepared data on the site', () => {
  it('downloads the shards with a progress bar that completes, and loads them again after a reload', async () => {
    const page = await openChapter('data');
    await phase(page, 'choose');
    await page.evaluate((selector) => {
      const root = document.querySelector<HTMLElement>(selector)!;
      const bar = root.querySelector('progress')!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(`${root.dataset.phase} ${bar.hidden ? '-' : bar.value}`)).observe(root, {
        attributes: true,
        subtree: true,
      });
    }, panel);
    const load = page.getByRole('button', { name: 'Load the prepared reviews' });
    expect(await load.textContent()).toMatch(/^Load the prepared reviews \(\d+\.\d MB\)$/);
    await load.click();
    await phase(page, 'ready');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => s.startsWith('downloading '))).toBe(true);
    expect(seen.at(-1)).toBe('ready 1');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toMatch(
      /^4 training and 2 test reviews, \d+ words in the vocabulary, loaded from this site in \d+\.\d s\.$/,
    );
    const w = await widget(page, 'kit-imdb-explorer');
    await w.locator('[data-role="meta"]').filter({ hasText: 'aclImdb/train/neg/3_2.txt' }).waitFor();
    await expect
      .poll(async () => (await chips(page, 'row')).map(([, id]) => id))
      .toEqual(expectedRow('train', 0, R_KERAS_VIEW));
    await widget(page, 'kit-imdb-lengths');
    expect(await page.locator('kit-imdb-lengths [data-view="r-keras"]').innerText()).toMatch(/1 of 4/);

    // The reader chose the site's data once: a reload loads it again without asking.
    await page.reload();
    await widget(page, 'kit-imdb-data');
    await phase(page, 'ready');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toMatch(/loaded from this site/);
  });

  it('says at once when the site has no prepared data, offers the archive, and logs no error', async () => {
    const page = await openChapter('bare');
    await phase(page, 'choose');
    expect(await text(page, `${panel} [data-role="imdb-status"]`)).toBe(
      'This copy of the kit was built without the prepared reviews, so your browser can prepare them from the archive instead.',
    );
    expect(await page.locator(`${panel} [data-role="imdb-load-site"]`).isVisible()).toBe(false);
    expect(await page.locator('kit-imdb-data input[type="file"]').isVisible()).toBe(true);
    expect(await page.locator(`${panel} [data-role="imdb-error"]`).isVisible()).toBe(false);
    await startAllWidgets(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The harness fails the test on any console error: the manifest's 404 was asked from a worker.
  });
});
