/**
 * Prepares an `aclImdb_v1.tar.gz` the reader chose, off the page's thread: the same
 * `prepareImdb` as `npm run data`, writing into memory instead of files. Reports progress as it
 * reads, keeps the files in IndexedDB, loads them, and hands files and dataset back (their
 * buffers transferred, not copied).
 */
import { countBytes } from '../../data/bytes.ts';
import { storageErrorMessage } from '../../data/errors.ts';
import { idbStore } from '../../data/idb.ts';
import { loadImdb } from '../../data/load.ts';
import { archiveInfo, type PrepareProgress } from '../../data/loader.ts';
import { memorySource } from '../../data/memory.ts';
import { prepareImdb } from '../../data/prepare.ts';
import { datasetBuffers, errorToMessage, transferable } from '../../data/transfer.ts';
import { workerPort } from '../scope.ts';
import type { PrepareMessage, PrepareRequest } from './protocol.ts';

const port = workerPort<PrepareRequest, PrepareMessage>();

// A progress message per chunk would flood the page; a few a second are enough for a bar.
const PROGRESS_INTERVAL_MS = 100;

async function prepare({ archive, name, store, locale = 'en' }: PrepareRequest): Promise<void> {
  const progress: PrepareProgress = { step: 'reading', bytesRead: 0, bytesTotal: archive.size, reviews: 0, files: 0 };
  let last = 0;
  const report = (force = false) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    port.post({ type: 'progress', progress: { ...progress } });
  };
  const files = new Map<string, Uint8Array>();
  const input = archive.stream().pipeThrough(
    countBytes((n) => {
      progress.bytesRead = n;
      report(n >= archive.size);
    }),
  );
  await prepareImdb(
    input,
    async (path, data) => {
      files.set(path, data);
      // The first file is written once every review is read and the vocabulary ranked.
      progress.step = 'writing';
      progress.files = files.size;
      report();
    },
    {
      name,
      source: { bytes: archive.size },
      onReview: (count) => {
        progress.reviews = count;
        report();
      },
    },
  );
  // Kept here rather than by the page: handing 40 MB to IndexedDB takes the thread for a while.
  let saved: { error?: string } | null = null;
  if (store !== null) {
    progress.step = 'saving';
    report(true);
    try {
      await idbStore(store).saveArchive(files, archiveInfo(name, archive.size, files));
      saved = {};
    } catch (error) {
      saved = { error: storageErrorMessage(error, archiveInfo(name, archive.size, files).storedBytes, locale) };
    }
  }
  // Decoding the shards takes a moment too: the page gets them ready to use.
  const dataset = await loadImdb(memorySource(files, name));
  const { files: list, buffers } = transferable(files);
  port.post({ type: 'done', files: list, saved, dataset }, [...buffers, ...datasetBuffers(dataset)]);
}

port.listen((request) => {
  if (request?.type !== 'prepare') return;
  prepare(request).catch((error: unknown) => port.post(errorToMessage(error)));
});
