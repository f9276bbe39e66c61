/**
 * Messages between the page (src/workers/imdb-client.ts) and the worker that prepares an
 * archive the reader chose (./worker.ts). Types only.
 */
import type { ImdbDataset } from '../../data/load.ts';
import type { PrepareProgress } from '../../data/loader.ts';
import type { ErrorMessage } from '../../data/transfer.ts';
import type { Locale } from '../../i18n/locales.ts';

/** Page to worker: prepare this archive. */
export interface PrepareRequest {
  type: 'prepare';
  /** The archive as the reader chose it (a File is a Blob). */
  archive: Blob;
  /** Its file name, for messages and the manifest. */
  name: string;
  /** The IndexedDB database to keep the prepared files in, or null to keep nothing. */
  store: string | null;
  /** The page's edition, for the message that says why the files could not be kept (default English). */
  locale?: Locale;
}

/** Worker to page. */
export type PrepareMessage =
  | { type: 'progress'; progress: PrepareProgress }
  /**
   * The prepared files by path (their buffers transferred, not copied), and whether they were
   * kept: `saved.error` says why not.
   */
  | { type: 'done'; files: [string, Uint8Array][]; saved: { error?: string } | null; dataset: ImdbDataset }
  | ErrorMessage;
