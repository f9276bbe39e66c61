/**
 * Gzip through the standard `CompressionStream` / `DecompressionStream`, which Node and every
 * current browser provide, with failures turned into {@link DataError}s that say what is wrong.
 */
import { readAllBytes, streamFromBytes } from './bytes.ts';
import { DataError } from './errors.ts';

/** True when `bytes` starts with the two gzip magic bytes (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Options of {@link gunzip}. */
export interface GunzipOptions {
  /** The name used in error messages, such as a file name. */
  name?: string;
}

/**
 * Decompresses a gzip stream as it flows. Reading the result rejects with a {@link DataError}:
 * `not-gzip` when the data does not start like gzip, `truncated` when it ends early,
 * `corrupt` when it cannot be decoded.
 */
export function gunzip(stream: ReadableStream<Uint8Array>, options: GunzipOptions = {}): ReadableStream<Uint8Array> {
  const name = options.name ?? 'the data';
  let inputEnded = false;
  let head: Uint8Array | null = new Uint8Array(0);
  // Checks the magic bytes before the decompressor sees anything, because its own error for
  // "this is not gzip at all" is the same vague one as for damaged data.
  const check = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (head === null) {
        controller.enqueue(chunk);
        return;
      }
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < 2) {
        head = joined;
        return;
      }
      if (!isGzip(joined))
        throw new DataError('not-gzip', `${name} is not a gzip file (it does not start with the gzip magic bytes)`);
      head = null;
      controller.enqueue(joined);
    },
    flush() {
      inputEnded = true;
      if (head !== null) {
        throw head.length === 0
          ? new DataError('not-gzip', `${name} is empty, not a gzip file`)
          : new DataError('not-gzip', `${name} is not a gzip file (it is ${head.length} byte long)`);
      }
    },
  });
  const reader = stream
    .pipeThrough(check)
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        throw describeGunzipError(error, name, inputEnded);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

// Decompressors report truncation and damage with different codes and messages: zlib's codes
// in Node, plain messages in browsers. Where neither says, data that failed after the whole
// input was read most likely ended too early.
function describeGunzipError(error: unknown, name: string, inputEnded: boolean): DataError {
  if (error instanceof DataError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const truncated =
    code === 'Z_BUF_ERROR' ||
    /truncat|unexpected end|incomplete/i.test(message) ||
    (code !== 'Z_DATA_ERROR' && inputEnded && !/junk|trailing/i.test(message));
  return truncated
    ? new DataError('truncated', `${name} is truncated: the gzip data ends early`, { cause: error })
    : new DataError('corrupt', `${name} is corrupt: its gzip data cannot be decoded${message ? ` (${message})` : ''}`, {
        cause: error,
      });
}

/** Compresses bytes with gzip. */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = streamFromBytes(bytes, 1 << 20).pipeThrough(
    new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  return readAllBytes(compressed);
}

/** Decompresses gzip bytes, with the errors of {@link gunzip}. */
export async function gunzipBytes(bytes: Uint8Array, options: GunzipOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return readAllBytes(gunzip(streamFromBytes(bytes, 1 << 20), options));
}
