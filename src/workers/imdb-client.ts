/**
 * The IMDB dataset in a browser page, shared by every widget that needs it (chapters 4 to 6):
 * one {@link ImdbLoader} per page over the site's prepared files, IndexedDB, and Web Workers
 * that prepare an archive the reader chooses and decode the prepared files, so that the page
 * never waits on them. Browser-only, so it is not re-exported from `src/data/index.ts`, which
 * Node tools import.
 *
 *     const loader = imdbLoader();
 *     loader.subscribe((state) => draw(state));   // progress, choice, ready
 *     void loader.start();                        // reopens what an earlier visit kept
 *     const { dataset, texts } = await loader.whenReady();
 */
import type { ImdbDataset, LoadImdbOptions } from '../data/load.ts';
import { IMDB_DB_NAME, idbStore } from '../data/idb.ts';
import { urlSource } from '../data/load.ts';
import { ImdbLoader, type PrepareArchive } from '../data/loader.ts';
import type { ImdbManifest } from '../data/shards.ts';
import { messageToError, type ErrorMessage } from '../data/transfer.ts';
import { requestInWorker } from './client.ts';
import type { Locale } from '../i18n/locales.ts';
import { pageLocale } from '../i18n/words.ts';
import type { LoadMessage, LoadRequest } from './imdb-load/protocol.ts';
import type { PrepareMessage, PrepareRequest } from './imdb-prepare/protocol.ts';

/** Where the site serves the prepared dataset (`npm run data` puts it in public/data/imdb/). */
export function siteDataUrl(): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/imdb/`;
}

// A DataError's code survives the trip (a corrupt archive says so, not just "failed").
const toError = (report: { message: string }) => messageToError(report as ErrorMessage);
const what = 'data worker';

const loadWorker = () =>
  new Worker(new URL('./imdb-load/worker.ts', import.meta.url), { type: 'module', name: 'imdb-load' });

/**
 * A {@link PrepareArchive} that runs the same `prepareImdb` as `npm run data` in a Web Worker,
 * which also keeps the files in IndexedDB database `store` (null: keeps nothing) and decodes
 * them.
 */
export const prepareInWorker =
  (store: string | null = IMDB_DB_NAME, locale: Locale = 'en'): PrepareArchive =>
  (archive, { onProgress, signal }) => {
    const request: PrepareRequest = {
      type: 'prepare',
      archive,
      name: archive.name || 'aclImdb_v1.tar.gz',
      store,
      locale,
    };
    return requestInWorker(
      () => new Worker(new URL('./imdb-prepare/worker.ts', import.meta.url), { type: 'module', name: 'imdb-prepare' }),
      request,
      {
        signal,
        toError,
        what,
        onReport: (message: PrepareMessage) => {
          if (message.type === 'progress') onProgress(message.progress);
          if (message.type !== 'done') return undefined;
          return {
            files: new Map(message.files),
            dataset: message.dataset,
            ...(message.saved ? { saved: message.saved } : {}),
          };
        },
      },
    );
  };

/** Loads the site's files (from `site`) or the stored ones (IndexedDB `store`) in a Web Worker. */
export function loadInWorker(site: string, store: string = IMDB_DB_NAME) {
  return (from: 'site' | 'stored', { onProgress, signal = new AbortController().signal }: LoadImdbOptions) => {
    const request: LoadRequest = { type: 'load', from: from === 'site' ? { site } : { store } };
    return requestInWorker(loadWorker, request, {
      signal,
      toError,
      what,
      onReport: (message: LoadMessage): ImdbDataset | undefined => {
        if (message.type === 'progress') onProgress?.(message.progress);
        return message.type === 'dataset' ? message.dataset : undefined;
      },
    });
  };
}

/** Reads the site's manifest in a Web Worker; null when the site has none. */
export function probeInWorker(site: string) {
  return (signal: AbortSignal) => {
    const request: LoadRequest = { type: 'probe', site };
    return requestInWorker(loadWorker, request, {
      signal,
      toError,
      what,
      onReport: (message: LoadMessage): { manifest: ImdbManifest | null } | undefined =>
        message.type === 'manifest' ? { manifest: message.manifest } : undefined,
    }).then((r) => r.manifest);
  };
}

let shared: ImdbLoader | null = null;

/** The page's one loader: every widget that calls this shares the same data and progress. */
export function imdbLoader(): ImdbLoader {
  if (shared === null) {
    // Workers resolve URLs against their own script: give them the site's data as an absolute URL.
    const site = new URL(siteDataUrl(), location.href).href;
    shared = new ImdbLoader({
      site: urlSource(site),
      store: idbStore(IMDB_DB_NAME),
      prepare: prepareInWorker(IMDB_DB_NAME, pageLocale()),
      load: loadInWorker(site, IMDB_DB_NAME),
      probe: probeInWorker(site),
      locale: pageLocale(),
    });
  }
  return shared;
}
