/**
 * The page's side of the chapter 4 data worker (src/workers/imdb-corpus/): one worker for the
 * page's life, which keeps the IMDB split it loaded, so that another number of reviews is only
 * another subset. It asks at once whether the prepared data is there, then builds the corpora
 * asked for; the worker answers requests in the order they came, so each answer goes to the
 * oldest request waiting.
 *
 *     const data = imdbCorpusClient(
 *       () => new Worker(new URL('./imdb-corpus/worker.ts', import.meta.url), { type: 'module' }),
 *       { baseUrl, onAvailability: (a) => session.setData(a) },
 *     );
 *     const { corpus, reviews } = await data.load(3000, (loaded, total) => …);
 */
import type { Corpus } from '../embedding/corpus.ts';
import type { ImdbAvailability } from '../embedding/skipgram-session.ts';
import { startWorker } from './client.ts';
import { WORKERS_WORDS } from './workers.words.ts';
import type { ImdbCorpusReport, ImdbCorpusRequest } from './imdb-corpus/protocol.ts';

/** What {@link imdbCorpusClient} needs besides its worker. */
export interface ImdbCorpusClientOptions {
  /** The site's prepared data directory, as an absolute URL (the worker resolves URLs against its own script). */
  baseUrl: string;
  /** Most distinct words a corpus keeps. */
  maxVocabulary: number;
  /** Fewest occurrences in the chosen reviews for a word to be kept. */
  minCount: number;
  /** Told once whether the prepared data is there (or why not). */
  onAvailability: (availability: ImdbAvailability) => void;
}

/** The data worker, started. */
export interface ImdbCorpusClient {
  /**
   * A corpus from `reviews` IMDB training reviews, evenly spread over the split; `onProgress`
   * gets the shards' bytes loaded so far and in all. Resolves with the reviews actually taken.
   */
  load(
    reviews: number,
    onProgress: (loaded: number, total: number) => void,
  ): Promise<{ corpus: Corpus; reviews: number }>;
  /** Ends the worker; loads still waiting never settle. */
  terminate(): void;
}

interface Waiting {
  onProgress: (loaded: number, total: number) => void;
  resolve: (result: { corpus: Corpus; reviews: number }) => void;
  reject: (error: Error) => void;
}

/** Starts the data worker made by `create` and asks it whether the prepared data is there. */
/** Why the data is not there, in the page's edition (an older worker's report: its English message). */
function absentMessage(report: Extract<ImdbCorpusReport, { type: 'absent' }>): string {
  const w = WORKERS_WORDS.now();
  if (report.reason === 'missing') return w.dataMissing;
  if (report.reason === 'unreadable') return w.dataUnreadable(report.detail ?? report.message);
  return report.message;
}

export function imdbCorpusClient(create: () => Worker, options: ImdbCorpusClientOptions): ImdbCorpusClient {
  const { baseUrl, maxVocabulary, minCount, onAvailability } = options;
  const waiting: Waiting[] = [];
  const worker = startWorker<ImdbCorpusRequest, ImdbCorpusReport>(
    create,
    (report) => {
      if (report.type === 'available') onAvailability({ kind: 'available', reviews: report.reviews });
      else if (report.type === 'absent') onAvailability({ kind: 'absent', message: absentMessage(report) });
      else if (report.type === 'progress') waiting[0]?.onProgress(report.loaded, report.total);
      else if (report.type === 'corpus')
        waiting
          .shift()
          ?.resolve({ corpus: { sequences: report.sequences, words: report.words }, reviews: report.reviews });
      else waiting.shift()?.reject(new Error(report.message));
    },
    'data worker',
  );
  worker.send({ type: 'check', baseUrl });
  return {
    load: (reviews, onProgress) =>
      new Promise((resolve, reject) => {
        waiting.push({ onProgress, resolve, reject });
        worker.send({ type: 'load', baseUrl, reviews, maxVocabulary, minCount });
      }),
    terminate: () => worker.terminate(),
  };
}
