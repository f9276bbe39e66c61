/**
 * Byte-level helpers over Web Streams, which Node and browsers share: exact-length reads from a
 * stream of arbitrary chunks, and small conversions between streams and byte arrays.
 */

/**
 * Reads exact numbers of bytes from a stream of chunks of any size. The tar reader needs
 * 512-byte blocks and whole members, while decompression hands out chunks of its own sizes.
 */
export class ByteReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  // Chunks not yet consumed; the first one is consumed up to #offset.
  #chunks: Uint8Array[] = [];
  #offset = 0;
  #buffered = 0;
  #done = false;
  /** Bytes consumed so far. */
  position = 0;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.getReader();
  }

  /** True once the stream has ended and every buffered byte has been consumed. */
  get ended(): boolean {
    return this.#done && this.#buffered === 0;
  }

  // Pulls chunks until at least `n` bytes are buffered or the stream ends.
  async #fill(n: number): Promise<void> {
    while (this.#buffered < n && !this.#done) {
      const { done, value } = await this.#reader.read();
      if (done) this.#done = true;
      else if (value.length > 0) {
        this.#chunks.push(value);
        this.#buffered += value.length;
      }
    }
  }

  /** Reads `n` bytes; fewer only when the stream ends first. The result may share memory with the chunks. */
  async read(n: number): Promise<Uint8Array> {
    await this.#fill(n);
    const length = Math.min(n, this.#buffered);
    const first = this.#chunks[0];
    let out: Uint8Array;
    if (first !== undefined && first.length - this.#offset >= length) {
      // The common case, a read within one chunk, costs no copy.
      out = first.subarray(this.#offset, this.#offset + length);
      this.#consume(length);
    } else {
      out = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const chunk = this.#chunks[0]!;
        const take = Math.min(length - filled, chunk.length - this.#offset);
        out.set(chunk.subarray(this.#offset, this.#offset + take), filled);
        filled += take;
        this.#consume(take);
      }
    }
    return out;
  }

  /** Skips `n` bytes without keeping them; returns how many were skipped (fewer at the end). */
  async skip(n: number): Promise<number> {
    let skipped = 0;
    while (skipped < n) {
      if (this.#buffered === 0) {
        if (this.#done) break;
        await this.#fill(1);
        continue;
      }
      const chunk = this.#chunks[0]!;
      const take = Math.min(n - skipped, chunk.length - this.#offset);
      this.#consume(take);
      skipped += take;
    }
    return skipped;
  }

  // Drops `n` bytes from the front of the buffer; they lie within the first chunk.
  #consume(n: number): void {
    this.#offset += n;
    this.#buffered -= n;
    this.position += n;
    if (this.#offset === this.#chunks[0]!.length) {
      this.#chunks.shift();
      this.#offset = 0;
    }
  }

  /** Stops reading and cancels the underlying stream. */
  async cancel(reason?: unknown): Promise<void> {
    this.#chunks = [];
    this.#buffered = 0;
    this.#done = true;
    await this.#reader.cancel(reason);
  }
}

/** A stream that hands out `bytes` in chunks of `chunkSize` bytes (to test code against any chunking). */
export function streamFromBytes(bytes: Uint8Array, chunkSize = 65536): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.length, offset + chunkSize);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

/** Reads a whole stream into one byte array. */
export async function readAllBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  return concatBytes(chunks, length);
}

/** Joins byte arrays into one. */
export function concatBytes(chunks: readonly Uint8Array[], length?: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length ?? chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A pass-through stream that reports the running byte count, for progress bars. */
export function countBytes(onBytes: (total: number) => void): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.length;
      onBytes(total);
      controller.enqueue(chunk);
    },
  });
}
