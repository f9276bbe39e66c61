/**
 * The prepared dataset held in memory: a {@link DataSource} over files that were just prepared
 * (in a browser's Web Worker, or in a test), and an {@link ImdbStore} that keeps nothing on
 * disk. The browser's IndexedDB store implements the same interface.
 */
import { DataError } from './errors.ts';
import type { DataSource } from './load.ts';

/** A {@link DataSource} over files in memory, keyed by their path in the dataset. */
export function memorySource(files: ReadonlyMap<string, Uint8Array>, name = 'memory'): DataSource {
  const locate = (path: string) => `${name}:${path}`;
  return {
    locate,
    async read(path, { onProgress, signal } = {}) {
      signal?.throwIfAborted();
      const bytes = files.get(path);
      if (bytes === undefined) throw new DataError('not-found', `${locate(path)} is missing from the prepared data`);
      onProgress?.(bytes.length, bytes.length);
      return bytes;
    },
  };
}

/** What a store remembers about the reader's dataset between visits. */
export type StoredImdbInfo =
  /** The reader loaded the site's prepared data: load it again without asking. */
  | { origin: 'site' }
  /** The reader prepared an archive in the browser; the prepared files are stored. */
  | {
      origin: 'archive';
      /** The archive's file name. */
      name: string;
      /** The archive's size in bytes. */
      bytes: number;
      /** Number of prepared files stored. */
      files: number;
      /** Their total size in bytes, as stored (compressed). */
      storedBytes: number;
      /** When they were stored, as an ISO date. */
      savedAt: string;
    };

/** Where the browser keeps the dataset between visits (IndexedDB; memory in tests). */
export interface ImdbStore {
  /** What is stored, or null when nothing is. */
  info(): Promise<StoredImdbInfo | null>;
  /** Reads the stored prepared files. */
  source(): DataSource;
  /** Replaces whatever was stored with these prepared files, all or nothing. */
  saveArchive(
    files: ReadonlyMap<string, Uint8Array>,
    info: Extract<StoredImdbInfo, { origin: 'archive' }>,
  ): Promise<void>;
  /** Remembers that the site's data was loaded (and drops stored files). */
  rememberSite(): Promise<void>;
  /** Forgets everything. */
  clear(): Promise<void>;
}

/** An {@link ImdbStore} in memory, for tests and for browsers without IndexedDB. */
export function memoryStore(): ImdbStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  let info: StoredImdbInfo | null = null;
  return {
    files,
    info: async () => info,
    source: () => memorySource(files, 'stored'),
    async saveArchive(newFiles, newInfo) {
      files.clear();
      for (const [path, bytes] of newFiles) files.set(path, bytes);
      info = newInfo;
    },
    async rememberSite() {
      files.clear();
      info = { origin: 'site' };
    },
    async clear() {
      files.clear();
      info = null;
    },
  };
}
