/**
 * The browser's IndexedDB as an {@link ImdbStore}: the files prepared from an archive, kept so
 * that a reload does not ask for the archive again. Everything is replaced in one transaction,
 * so a failed save leaves the previous data as it was.
 */
import { DataError } from './errors.ts';
import type { DataSource } from './load.ts';
import type { ImdbStore, StoredImdbInfo } from './memory.ts';

/** The database's name; one per origin. */
export const IMDB_DB_NAME = 'lstm-kit-imdb';
const VERSION = 1;
const FILES = 'files';
const META = 'meta';
const INFO_KEY = 'info';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted'));
  });
}

/** An {@link ImdbStore} in IndexedDB database `name`. */
export function idbStore(name = IMDB_DB_NAME): ImdbStore {
  let opening: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('this browser offers no IndexedDB storage'));
        return;
      }
      const req = indexedDB.open(name, VERSION);
      req.onupgradeneeded = () => {
        const d = req.result;
        if (!d.objectStoreNames.contains(FILES)) d.createObjectStore(FILES);
        if (!d.objectStoreNames.contains(META)) d.createObjectStore(META);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    // A failed open is not kept, so that a later call tries again.
    opening.catch(() => (opening = null));
    return opening;
  };

  const replace = async (files: ReadonlyMap<string, Uint8Array> | null, info: StoredImdbInfo | null): Promise<void> => {
    const d = await db();
    const tx = d.transaction([FILES, META], 'readwrite');
    const finished = done(tx);
    const fileStore = tx.objectStore(FILES);
    fileStore.clear();
    // Blobs, not byte arrays: cloning 40 MB of arrays into the transaction blocks the page for
    // most of a second, while a Blob is handed over by reference and written off the page's thread.
    for (const [path, bytes] of files ?? []) fileStore.put(new Blob([bytes as Uint8Array<ArrayBuffer>]), path);
    if (info === null) tx.objectStore(META).delete(INFO_KEY);
    else tx.objectStore(META).put(info, INFO_KEY);
    await finished;
  };

  const source: DataSource = {
    locate: (path) => `${name} (this browser's storage): ${path}`,
    async read(path, { onProgress, signal } = {}) {
      signal?.throwIfAborted();
      const d = await db();
      const value: unknown = await request(d.transaction(FILES, 'readonly').objectStore(FILES).get(path));
      if (!(value instanceof Blob))
        throw new DataError('not-found', `${path} is missing from the reviews kept in this browser`);
      const bytes = new Uint8Array(await value.arrayBuffer());
      onProgress?.(bytes.length, bytes.length);
      return bytes;
    },
  };

  return {
    async info() {
      const d = await db();
      const value = (await request(d.transaction(META, 'readonly').objectStore(META).get(INFO_KEY))) as
        StoredImdbInfo | undefined;
      return value && (value.origin === 'site' || value.origin === 'archive') ? value : null;
    },
    source: () => source,
    saveArchive: (files, info) => replace(files, info),
    rememberSite: () => replace(null, { origin: 'site' }),
    clear: () => replace(null, null),
  };
}
