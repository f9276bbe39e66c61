/**
 * Moving the dataset across `postMessage`: the buffers to transfer rather than copy, and errors
 * as plain messages and back (a {@link DataError}'s code does not survive `postMessage`).
 * Used by the data workers (src/workers/imdb-load, src/workers/imdb-prepare) and their client.
 */
import { DataError, type DataErrorCode } from './errors.ts';
import type { ImdbDataset } from './load.ts';

/** An error as it crosses to the page. */
export interface ErrorMessage {
  type: 'error';
  /** The {@link DataError} code, absent for other errors. */
  code?: DataErrorCode;
  message: string;
}

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
