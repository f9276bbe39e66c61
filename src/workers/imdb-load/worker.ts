/**
 * Loads the prepared IMDB files off the page's thread, from the site or from IndexedDB: the
 * same `loadImdb` as everywhere, whose decompression, checksums and shard decoding would
 * otherwise hold the page for a few hundred milliseconds. Also reads the site's manifest, so
 * that the page learns whether the site has the data; a 404 here is an answer, and a fetch
 * from a worker does not print it in the page's console as an error.
 */
import { isDataError } from '../../data/errors.ts';
import { idbStore } from '../../data/idb.ts';
import { loadImdb, loadManifest, urlSource, type LoadProgress } from '../../data/load.ts';
import { datasetBuffers, errorToMessage } from '../../data/transfer.ts';
import { workerPort } from '../scope.ts';
import type { LoadMessage, LoadRequest } from './protocol.ts';

const port = workerPort<LoadRequest, LoadMessage>();

// A few progress messages a second are enough for a progress bar.
const PROGRESS_INTERVAL_MS = 50;

async function handle(request: LoadRequest): Promise<void> {
  if (request.type === 'probe') {
    try {
      port.post({ type: 'manifest', manifest: await loadManifest(urlSource(request.site)) });
    } catch (error) {
      if (!isDataError(error, 'not-found')) throw error;
      port.post({ type: 'manifest', manifest: null });
    }
    return;
  }
  const { from } = request;
  const source = 'site' in from ? urlSource(from.site) : idbStore(from.store).source();
  let last = 0;
  const dataset = await loadImdb(source, {
    onProgress: (progress: LoadProgress) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS && progress.files < progress.fileCount) return;
      last = now;
      port.post({ type: 'progress', progress });
    },
  });
  port.post({ type: 'dataset', dataset }, datasetBuffers(dataset));
}

port.listen((request) => {
  handle(request).catch((error: unknown) => port.post(errorToMessage(error)));
});
