/**
 * The chapter 4 data worker: finds out whether the prepared IMDB data is on the server, and
 * builds a skip-gram corpus from a subset of the training reviews, off the page's thread
 * (decompressing and checking about 8 MB of shards takes a moment).
 *
 * It also keeps the page's console clean where the data was never prepared: a fetch that ends
 * in 404 on the page is logged by the browser as an error, one in a worker is not shown there.
 */
import { isDataError, loadImdb, loadManifest, urlSource, type DataSource, type ImdbDataset } from '../../data/index.ts';
import { WORKERS_WORDS } from '../workers.words.ts';
import { idbStore } from '../../data/idb.ts';
import { corpusFromRanks, evenlySpaced } from '../../embedding/corpus.ts';
import { workerPort } from '../scope.ts';
import { errorMessage } from '../../data/errors.ts';
import type { ImdbCorpusReport, ImdbCorpusRequest } from './protocol.ts';

const port = workerPort<ImdbCorpusRequest, ImdbCorpusReport>();

let loaded: Promise<ImdbDataset> | null = null;
let source: DataSource | null = null;

/**
 * The site's prepared data, else the archive the reader prepared in chapter 5, which that
 * chapter keeps in this browser's IndexedDB; throws the site's error when neither is there.
 */
async function findSource(baseUrl: string): Promise<DataSource> {
  const site = urlSource(baseUrl);
  try {
    await loadManifest(site);
    return site;
  } catch (error) {
    if (!isDataError(error, 'not-found')) throw error;
    const store = idbStore();
    if ((await store.info())?.origin === 'archive') return store.source();
    throw error;
  }
}

async function handle(request: ImdbCorpusRequest): Promise<void> {
  if (request.type === 'check') {
    try {
      source = await findSource(request.baseUrl);
      const manifest = await loadManifest(source);
      port.post({
        type: 'available',
        reviews: manifest.splits.train.count,
        words: manifest.vocabulary.words,
      });
    } catch (error) {
      const missing = isDataError(error, 'not-found');
      const w = WORKERS_WORDS.en;
      port.post({
        type: 'absent',
        message: missing ? w.dataMissing : w.dataUnreadable(errorMessage(error)),
        reason: missing ? 'missing' : 'unreadable',
        detail: errorMessage(error),
      });
    }
    return;
  }
  // Loaded once: another number of reviews is another subset of the same split.
  source ??= await findSource(request.baseUrl);
  loaded ??= loadImdb(source, {
    splits: ['train'],
    onProgress: (p) => port.post({ type: 'progress', loaded: p.loaded, total: p.total }),
  });
  loaded.catch(() => (loaded = null)); // a failed load is tried again next time
  const data = await loaded;
  const split = data.splits.train!;
  const picked = evenlySpaced(request.reviews, split.count);
  const corpus = corpusFromRanks(split, data.vocabulary.words, picked, {
    maxVocabulary: request.maxVocabulary,
    minCount: request.minCount,
  });
  port.post(
    { type: 'corpus', sequences: corpus.sequences, words: corpus.words, reviews: picked.length },
    corpus.sequences.map((s) => s.buffer),
  );
}

port.listen((request) => {
  handle(request).catch((error: unknown) => port.post({ type: 'error', message: errorMessage(error) }));
});
