/**
 * What chapter 5's sentiment widgets share: the worker that trains and evaluates, the copy of
 * the loaded data it needs, and small formatting. Not a widget itself.
 */
import type { ImdbData } from '../data/loader';
import type { SentimentReport, SentimentRequest, WorkerData } from '../workers/sentiment-protocol';

/** The reviews and vocabulary the worker needs, from the page's loaded dataset (copied when posted). */
export function workerData(data: ImdbData): WorkerData {
  const { splits, vocabulary, manifest } = data.dataset;
  const pick = (name: 'train' | 'test') => {
    const s = splits[name]!;
    return { offsets: s.offsets, tokens: s.tokens, labels: s.labels };
  };
  return {
    train: pick('train'),
    test: pick('test'),
    words: vocabulary.words,
    vocabularySha256: manifest.vocabulary.sha256,
  };
}

/** A sentiment worker with typed messages; `terminate` ends whatever it was doing at once. */
export interface SentimentWorker {
  send(request: SentimentRequest): void;
  terminate(): void;
}

/** Starts a worker; `onReport` gets every message, and worker failures as error reports. */
export function startSentimentWorker(onReport: (report: SentimentReport) => void): SentimentWorker {
  const worker = new Worker(new URL('../workers/sentiment.ts', import.meta.url), { type: 'module', name: 'sentiment' });
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

/** A share as a percentage with two decimals. */
export function fmtPercent(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}
