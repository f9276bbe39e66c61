/**
 * What chapter 5's sentiment widgets share: the worker that trains and evaluates, the copy of
 * the loaded data it needs, and the clock format. Not a widget itself.
 */
import type { ImdbData } from '../../data/loader';
import type { SentimentReport, SentimentRequest, TestData, WorkerData } from '../../workers/sentiment-protocol';

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

/** A sentiment worker with typed messages; `terminate` ends whatever it was doing at once. */
export interface SentimentWorker {
  send(request: SentimentRequest): void;
  terminate(): void;
}

/** Starts a worker; `onReport` gets every message, and worker failures as error reports. */
export function startSentimentWorker(onReport: (report: SentimentReport) => void): SentimentWorker {
  const worker = new Worker(new URL('../../workers/sentiment.ts', import.meta.url), {
    type: 'module',
    name: 'sentiment',
  });
  worker.onmessage = (event: MessageEvent<SentimentReport>) => onReport(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onReport({ type: 'error', message: `the training worker failed: ${event.message || 'it could not start'}` });
  };
  return { send: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
}

/** Minutes and seconds, "3:07", or hours "1:02:03". */
export function fmtClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}
