/**
 * A full storage quota, set through the DevTools protocol (`Storage.overrideQuotaForOrigin`):
 * nothing lost, nothing claimed that did not happen. tfjs's IndexedDB save resolves before the
 * browser commits, so only a save read back counts (src/lstm/sentiment/model-slots.ts).
 *
 * Sizes: the fixture's model is a few kilobytes, below what the browser's usage accounting
 * resolves: with the quota set to the origin's usage, or usage plus a little, a save went
 * through or not by chance. So the quota is set to one byte, below what the origin already uses:
 * every further write is refused, whatever its size, while reads and deletes go on. That is
 * deterministic, and it is the situation of a reader whose storage is full. Chromium checks
 * IndexedDB writes against the room left as it read it up to 30 s before, so the test waits until
 * a probe write is refused before it trains.
 *
 * Faults covered: checkpoints refused at commit (training goes on, no resume offer), the final
 * model refused (the old model, its summary and chapter 6 unchanged), model files refused, a
 * resume offer recorded for a checkpoint that is not there, a stale empty `tensorflowjs` database
 * that makes tfjs throw inside its own callbacks, and "Discard it" leaving the checkpoint.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server';
import { prepareImdb, streamFromBytes } from '../../src/data/index.ts';
import { buildImdbArchive, FIXTURE_REVIEWS } from '../fixtures/imdb-archive.ts';
import { createKitModelFixture, type KitModelFixture } from '../fixtures/kit-model';
import { overlaySite, type SiteOverlay } from '../../scripts/lib/site-overlay.ts';
import { E2E_BASE, E2E_DIR, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/05-sentiment-imdb/';
const CHAPTER_6 = 'chapters/06-inside-classifier/';
// Tiny custom settings, one review per batch: a run of 100 epochs lasts until it is stopped.
const SMALL =
  '?train.embedding=4&train.units=3&train.maxlen=12&train.batchSize=1&train.dropout=0&train.recurrentDropout=0' +
  '&train.keepBest=false';
const train = 'kit-sentiment-train';
const FULL = /needs about \d+ MB.*clearing this site's data in the browser's settings/;

let served: { overlay: SiteOverlay; server: RunningServer };
let fixture: KitModelFixture;

beforeAll(async () => {
  const files = new Map<string, Uint8Array>();
  await prepareImdb(
    streamFromBytes(buildImdbArchive('official', 'gnu', FIXTURE_REVIEWS)),
    async (path, data) => void files.set(path, data),
    { name: 'aclImdb_v1.tar.gz' },
  );
  const overlay = overlaySite(E2E_DIR, files);
  served = { overlay, server: await serveStatic({ root: overlay.root, base: E2E_BASE }) };
  fixture = await createKitModelFixture();
});

afterAll(async () => {
  await served?.server.close();
  served?.overlay.remove();
  fixture?.remove();
});

async function loadReviews(page: Page): Promise<void> {
  await widget(page, 'kit-imdb-data');
  const panel = 'kit-imdb-data [data-role="imdb-panel"]';
  const offer = 'kit-imdb-data [data-role="imdb-load-site"]:not([hidden])';
  await page.waitForSelector(`${panel}[data-phase="ready"], ${offer}`, { timeout: 60_000 });
  if (await page.locator(offer).isVisible()) await page.locator(offer).click();
  await page.waitForSelector(`${panel}[data-phase="ready"]`, { timeout: 60_000 });
}

/**
 * Fills the origin's storage: a quota of one byte, below its usage (see the file's comment).
 * The protocol's own figures are checked, not `navigator.storage.estimate()`, which in a fresh
 * browser context reports a fixed quota whatever the override.
 */
async function fillQuota(page: Page): Promise<void> {
  const origin = new URL(served.server.url).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  const now = await cdp.send('Storage.getUsageAndQuota', { origin });
  expect(now).toMatchObject({ quota: 1, overrideActive: true });
  expect(now.usage).toBeGreaterThan(1);
  // Chromium checks IndexedDB writes against the room left as it read it up to 30 s ago: wait
  // until a write of a few bytes is refused, so that the quota holds from the first epoch on.
  await expect.poll(() => probeWrite(page), { timeout: 60_000, interval: 1000 }).toBe('QuotaExceededError');
}

/** Writes a few bytes to a scratch database: 'kept', or the name of the error that refused them. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('quota-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('probe');
        open.onerror = () => resolve(open.error?.name ?? 'error');
        open.onsuccess = () => {
          const tx = open.result.transaction('probe', 'readwrite');
          tx.objectStore('probe').put(new Uint8Array(64), Math.random());
          tx.oncomplete = () => (open.result.close(), resolve('kept'));
          tx.onabort = () => (open.result.close(), resolve(tx.error?.name ?? 'aborted'));
        };
      }),
  );
}

/** The models tfjs holds in IndexedDB (the model store, not only the info entries). */
function storedModels(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create an empty one: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === 'tensorflowjs')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('tensorflowjs');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('models_store')) {
          db.close();
          resolve([]);
          return;
        }
        const keys = db.transaction('models_store').objectStore('models_store').getAllKeys();
        keys.onerror = () => reject(keys.error);
        keys.onsuccess = () => {
          db.close();
          resolve(keys.result.map(String).sort());
        };
      };
    });
  });
}

const storedCheckpoint = (page: Page) => page.evaluate(() => localStorage.getItem('lstm-kit:checkpoint'));

/** Trains 100 epochs until at least `epochs` are done, then stops; returns the status line. */
async function trainAndStop(page: Page, epochs: number): Promise<string> {
  const w = page.locator(train);
  await w.locator('[data-role="train"]').click();
  await w
    .locator('[data-role="epoch-table"] tbody tr')
    .nth(epochs - 1)
    .waitFor({ timeout: 60_000 });
  await w.locator('[data-role="stop"]').click();
  await expect
    .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 30_000 })
    .toMatch(/^Stopped after \d+ complete epoch/);
  return text(page, `${train} [data-role="status"]`);
}

describe('a full storage quota', () => {
  it('says what was not kept, trains on, and leaves the model kept before intact and described', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}${SMALL}&train.epochs=2`);
    await loadReviews(page);
    const w = await widget(page, train);
    await w.locator('[data-role="train"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 120_000 })
      .toBe('Trained 2 epochs and saved in this browser. The next section evaluates it on the test reviews.');
    await (await widget(page, 'kit-sentiment-evaluate')).locator('[data-role="metrics"]').waitFor({ timeout: 60_000 });
    const model = `${train} [data-role="model"]`;
    await expect
      .poll(() => text(page, model))
      .toMatch(/^Kept in this browser: custom .*, 2 epoch\(s\), \d+\.\d\d% accuracy on the test reviews\.$/);
    const kept = await text(page, model);
    // One of the model's two slots holds it (which one depends on how often it was saved), no checkpoint.
    const slots = await storedModels(page);
    expect(slots).toEqual([expect.stringMatching(/^lstm-kit-sentiment(-b)?$/)]);

    // Storage full: a long run's checkpoints and its model cannot be kept.
    await page.goto(`${served.server.url}${CHAPTER}${SMALL}&train.epochs=100`);
    await loadReviews(page);
    await widget(page, train);
    await fillQuota(page);
    await w.locator('[data-role="train"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 60_000 })
      .toMatch(/^The checkpoint could not be saved: .*\. Training goes on, without one\.$/);
    expect(await text(page, `${train} [data-role="status"]`)).toMatch(FULL);
    // Training goes on past the epoch whose checkpoint failed.
    const failedAt = await w.locator('[data-role="epoch-table"] tbody tr').count();
    await w
      .locator('[data-role="epoch-table"] tbody tr')
      .nth(failedAt + 1)
      .waitFor({ timeout: 60_000 });
    await w.locator('[data-role="stop"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 30_000 })
      .toMatch(
        /^Stopped after \d+ complete epoch\(s\), but the model could not be kept in this browser: .*The model kept before \(if any\) stays\.$/,
      );
    expect(await text(page, `${train} [data-role="status"]`)).toMatch(FULL);
    expect(await text(page, model)).toBe(kept);
    expect(await storedModels(page)).toEqual(slots);
    expect(await storedCheckpoint(page)).toBeNull();

    // Model files that cannot be kept are not reported as kept.
    await w.locator('[data-role="model-files"]').setInputFiles([fixture.modelJson, fixture.weightsBin]);
    await expect
      .poll(() => text(page, '#cell-train [data-role="error"]'), { timeout: 30_000 })
      .toMatch(/^Load model files: the model in these files is fine, but it could not be kept in this browser: /);
    expect(await text(page, '#cell-train [data-role="error"]')).toMatch(FULL);
    expect(await text(page, model)).toBe(kept);
    expect(await storedModels(page)).toEqual(slots);

    // No resume offer for a checkpoint that is not there, even when an older page recorded one.
    await page.evaluate(() =>
      localStorage.setItem(
        'lstm-kit:checkpoint',
        JSON.stringify({ settings: {}, validation: 'split', sample: null, seed: 7, epochsDone: 2, history: [] }),
      ),
    );
    await page.reload();
    const again = await widget(page, train);
    await expect.poll(() => storedCheckpoint(page), { timeout: 30_000 }).toBeNull();
    expect(await again.locator('[data-role="resume-offer"]').isHidden()).toBe(true);
    expect(await again.locator('[data-role="resume-checkpoint"]').count()).toBe(0);
    expect(await text(page, model)).toBe(kept);

    // Chapter 6 loads the model kept before: the one its summary describes.
    await page.goto(`${served.server.url}${CHAPTER_6}`);
    await widget(page, 'kit-classifier-model');
    await page.waitForSelector('kit-classifier-model[data-model="ready"]', { timeout: 60_000 });
    expect(await text(page, 'kit-classifier-model [data-role="model-status"]')).toMatch(
      /^The trained model: custom .*, 2 epochs on \d+ reviews/,
    );
  });

  it('trains on when tfjs itself fails inside its IndexedDB callbacks, and claims nothing', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}${SMALL}&train.epochs=2`);
    // A stale, empty "tensorflowjs" database: tfjs opens it, finds no object stores, and throws
    // inside its own callback, where no try/catch of the caller sees it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tensorflowjs', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => (open.result.close(), resolve());
        }),
    );
    await loadReviews(page);
    const w = await widget(page, train);
    await w.locator('[data-role="train"]').click();
    await expect
      .poll(() => text(page, `${train} [data-role="status"]`), { timeout: 120_000 })
      .toMatch(
        /^Trained 2 epochs, but the model could not be kept in this browser: .+\. The model kept before \(if any\) stays\.$/,
      );
    expect(await w.locator('[data-role="epoch-table"] tbody tr').count()).toBe(2);
    expect(await text(page, `${train} [data-role="model"]`)).toBe('No trained model is kept in this browser yet.');
    expect(await storedCheckpoint(page)).toBeNull();
  });

  it('offers to resume a checkpoint that is kept, and "Discard it" removes it from storage', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}${SMALL}&train.epochs=100`);
    await loadReviews(page);
    await widget(page, train);
    const status = await trainAndStop(page, 2);
    const done = Number(status.match(/after (\d+)/)![1]);
    expect((await storedModels(page)).filter((m) => m.startsWith('lstm-kit-sentiment'))).toHaveLength(1);
    expect((await storedModels(page)).filter((m) => m.startsWith('lstm-kit-checkpoint'))).toHaveLength(1);

    await page.reload();
    const again = await widget(page, train);
    await again.locator('[data-role="resume-checkpoint"]').waitFor({ timeout: 30_000 });
    expect(await text(page, `${train} [data-role="resume-checkpoint"]`)).toBe(`Resume from epoch ${done + 1}`);
    await again.locator('[data-role="discard-checkpoint"]').click();
    expect(await again.locator('[data-role="resume-offer"]').isHidden()).toBe(true);
    await expect
      .poll(async () => (await storedModels(page)).filter((m) => m.startsWith('lstm-kit-checkpoint')), {
        timeout: 30_000,
      })
      .toEqual([]);
    expect((await storedModels(page)).filter((m) => m.startsWith('lstm-kit-sentiment'))).toHaveLength(1);
    expect(await storedCheckpoint(page)).toBeNull();
  });

  it('says an archive could not be kept, and keeps the one kept before for the next visit', async () => {
    const page = await site.open();
    await page.goto(`${served.server.url}${CHAPTER}`);
    await widget(page, 'kit-imdb-data');
    const panel = 'kit-imdb-data [data-role="imdb-panel"]';
    const status = `${panel} [data-role="imdb-status"]`;
    const choose = (name: string) =>
      page.locator('kit-imdb-data input[type="file"]').setInputFiles({
        name,
        mimeType: 'application/gzip',
        buffer: Buffer.from(buildImdbArchive('official', 'gnu', FIXTURE_REVIEWS)),
      });
    await choose('first.tar.gz');
    await expect
      .poll(() => text(page, status), { timeout: 60_000 })
      .toMatch(
        /prepared in your browser from first\.tar\.gz in [\d.]+ s\. Kept in this browser for your next visit\.$/,
      );

    // Storage full: the next archive is prepared and used, but not kept, and says why.
    await fillQuota(page);
    await choose('second.tar.gz');
    await expect
      .poll(() => text(page, status), { timeout: 60_000 })
      .toMatch(
        /prepared in your browser from second\.tar\.gz in [\d.]+ s\. They could not be kept for your next visit: /,
      );
    expect(await text(page, status)).toMatch(FULL);

    // The next visit opens the archive kept before, and says which it is.
    await page.reload();
    await widget(page, 'kit-imdb-data');
    await expect
      .poll(() => text(page, status), { timeout: 60_000 })
      .toMatch(/opened from this browser's storage \(prepared earlier from first\.tar\.gz\)/);
  });
});
