/**
 * The messages between a page and the Web Workers that prepare an archive and load the
 * prepared files, and the conversion of errors to and from them (a {@link DataError}'s code
 * does not survive `postMessage`).
 */
import { DataError, type DataErrorCode } from './errors.ts';
import type { ImdbDataset, LoadProgress } from './load.ts';
import type { ImdbManifest } from './shards.ts';

/** How far preparing an archive has got. */
export interface PrepareProgress {
  /**
   * 'reading': decompressing and tokenizing; 'writing': ranking, compressing and checking the
   * files; 'saving': keeping them in the browser's storage.
   */
  step: 'reading' | 'writing' | 'saving';
  /** Bytes of the archive read so far. */
  bytesRead: number;
  /** The archive's size. */
  bytesTotal: number;
  /** Reviews read so far. */
  reviews: number;
  /** Prepared files written so far. */
  files: number;
}

/** Page to worker: prepare this archive. */
export interface PrepareRequest {
  type: 'prepare';
  /** The archive as the reader chose it (a File is a Blob). */
  archive: Blob;
  /** Its file name, for messages and the manifest. */
  name: string;
  /** The IndexedDB database to keep the prepared files in, or null to keep nothing. */
  store: string | null;
}

/** An error as it crosses to the page. */
export interface ErrorMessage {
  type: 'error';
  /** The {@link DataError} code, absent for other errors. */
  code?: DataErrorCode;
  message: string;
}

/** Worker to page. */
export type WorkerMessage =
  | { type: 'progress'; progress: PrepareProgress }
  /**
   * The prepared files by path (their buffers transferred, not copied), and whether they were
   * kept: `saved.error` says why not.
   */
  | { type: 'done'; files: [string, Uint8Array][]; saved: { error?: string } | null; dataset: ImdbDataset }
  | ErrorMessage;

/** Page to the loading worker: read the site's manifest, or load the site's or the stored files. */
export type LoadRequest =
  { type: 'probe'; site: string } | { type: 'load'; from: { site: string } | { store: string } };

/** The loading worker to page. */
export type LoadMessage =
  | { type: 'progress'; progress: LoadProgress }
  /** The site's manifest, null when it has none (404). */
  | { type: 'manifest'; manifest: ImdbManifest | null }
  /** The loaded dataset; its arrays' buffers are transferred. */
  | { type: 'dataset'; dataset: ImdbDataset }
  | ErrorMessage;

/** The buffers of a loaded dataset's arrays, to transfer it instead of copying it. */
export function datasetBuffers(dataset: ImdbDataset): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const split of Object.values(dataset.splits)) {
    for (const array of [split.reviewIds, split.labels, split.ratings, split.offsets, split.tokens]) {
      if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    }
  }
  return [...buffers];
}

/** Turns any thrown value into an {@link ErrorMessage}. */
export function errorToMessage(error: unknown): ErrorMessage {
  if (error instanceof DataError) return { type: 'error', code: error.code, message: error.message };
  return { type: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Turns an {@link ErrorMessage} back into a {@link DataError} (or a plain Error). */
export function messageToError(message: ErrorMessage): Error {
  return message.code ? new DataError(message.code, message.message) : new Error(message.message);
}

/** The buffers to transfer with a `done` message: each file's own, copied where it shares one. */
export function transferable(files: Map<string, Uint8Array>): {
  files: [string, Uint8Array][];
  buffers: ArrayBuffer[];
} {
  const out: [string, Uint8Array][] = [];
  const buffers: ArrayBuffer[] = [];
  const seen = new Set<ArrayBufferLike>();
  for (const [path, bytes] of files) {
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !seen.has(bytes.buffer)
        ? bytes
        : bytes.slice();
    seen.add(own.buffer);
    if (own.buffer instanceof ArrayBuffer) buffers.push(own.buffer);
    out.push([path, own]);
  }
  return { files: out, buffers };
}
