/**
 * What chapter 5's sentiment widgets share: the worker that trains and evaluates, and the copy
 * of the loaded data it needs. Not a widget itself.
 */
import type { ImdbData } from '../../data/loader';
import type { TestData, WorkerData } from '../../workers/sentiment/protocol';

function reviews(data: ImdbData, name: 'train' | 'test') {
  const s = data.dataset.splits[name]!;
  return { offsets: s.offsets, tokens: s.tokens, labels: s.labels };
}

/** What evaluation needs from the page's loaded dataset (copied when posted): the test split only. */
export function testData(data: ImdbData): TestData {
  return { test: reviews(data, 'test'), vocabularySha256: data.dataset.manifest.vocabulary.sha256 };
}

/** What training needs: both splits and the vocabulary. */
export function workerData(data: ImdbData): WorkerData {
  return { ...testData(data), train: reviews(data, 'train'), words: data.dataset.vocabulary.words };
}

/**
 * Starts a sentiment worker (src/workers/sentiment/worker.ts): the factory that
 * `startWorker` from src/workers/client.ts takes. Written out here because Vite bundles a
 * worker only where its `new Worker(new URL(…))` is literal.
 */
export const sentimentWorker = () =>
  new Worker(new URL('../../workers/sentiment/worker.ts', import.meta.url), { type: 'module', name: 'sentiment' });
