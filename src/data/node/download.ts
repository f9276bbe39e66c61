/**
 * Node-only download of the IMDB archive: resumes a partial download with an HTTP Range
 * request, checks size and SHA-256, and only then gives the file its final name.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../errors.ts';
import { IMDB_ARCHIVE_BYTES, IMDB_ARCHIVE_SHA256, IMDB_ARCHIVE_URL } from '../imdb.ts';
import { sha256File } from './files.ts';

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** What to download. */
  url: string;
  /** Where the complete, verified file goes; the partial one is kept beside it as `<dest>.part`. */
  dest: string;
  /** The expected size in bytes, when known. */
  size?: number;
  /** The expected SHA-256, when known. */
  sha256?: string;
  /** Called as bytes arrive, with the bytes on disk so far and the total when known. */
  onProgress?: (received: number, total: number | undefined) => void;
  /** Give up when no byte has arrived for this long (milliseconds). */
  idleTimeoutMs?: number;
  /** The fetch to use. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Downloads `url` to `dest`, resuming `<dest>.part` if an earlier attempt left one. Rejects
 * with a `network` {@link DataError} when the server cannot be reached or the transfer breaks
 * (the partial file stays for the next attempt) and with `checksum` when the result has the
 * wrong size or SHA-256 (the partial file is removed, so the next attempt starts afresh).
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  const { url, dest, size, sha256, onProgress, idleTimeoutMs = 60_000, fetch = globalThis.fetch } = options;
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  let have = await fileSize(part);
  if (size !== undefined && have > size) {
    await rm(part, { force: true });
    have = 0;
  }
  if (size === undefined || have < size) {
    have = await fetchInto(url, part, have, { fetch, idleTimeoutMs, onProgress, size });
  }
  if (size !== undefined && have < size) {
    throw new DataError(
      'network',
      `the download of ${url} ended early at ${have} of ${size} bytes; run the command again to resume it from ${part}`,
    );
  }
  if (size !== undefined && have > size) {
    await rm(part, { force: true });
    throw new DataError(
      'checksum',
      `the download of ${url} has ${have} bytes instead of ${size}; run the command again to download it afresh`,
    );
  }
  if (sha256 !== undefined) {
    const actual = await sha256File(part);
    if (actual !== sha256.toLowerCase()) {
      await rm(part, { force: true });
      throw new DataError(
        'checksum',
        `checksum mismatch for ${url}: SHA-256 ${actual}, expected ${sha256}; the download was removed`,
      );
    }
  }
  await rename(part, dest);
}

interface FetchIntoOptions {
  fetch: typeof globalThis.fetch;
  idleTimeoutMs: number;
  onProgress: DownloadOptions['onProgress'];
  size: number | undefined;
}

// Appends the rest of `url` to `part` from byte `have`; returns the bytes now on disk.
async function fetchInto(url: string, part: string, have: number, options: FetchIntoOptions): Promise<number> {
  const { fetch, idleTimeoutMs, onProgress, size } = options;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no data for ${idleTimeoutMs / 1000} s`)), idleTimeoutMs);
  };
  const failed = (error: unknown, kept: number) =>
    new DataError(
      'network',
      `cannot download ${url}: ${reason(error)}` +
        (kept > 0 ? ` (${kept} bytes are kept in ${part} and the next attempt resumes there)` : ''),
      { cause: error },
    );
  arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal: controller.signal });
    } catch (error) {
      throw failed(controller.signal.aborted ? controller.signal.reason : error, have);
    }
    let append = false;
    if (response.status === 206 && have > 0) {
      const range = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
      append = range !== null && Number(range[1]) === have;
      if (!append) {
        // A range other than the one asked for cannot be appended safely: start over.
        await response.body?.cancel();
        return fetchInto(url, part, await restart(part), options);
      }
    } else if (response.status === 416 && have > 0) {
      // The partial file is no prefix the server knows (the file changed, say): start over.
      await response.body?.cancel();
      return fetchInto(url, part, await restart(part), options);
    } else if (!response.ok) {
      await response.body?.cancel();
      throw failed(new Error(`HTTP ${response.status} ${response.statusText}`), have);
    }
    // A 200 answer to a range request is the whole file again, so it replaces the partial one.
    let received = append ? have : 0;
    const total =
      size ??
      (response.headers.has('content-length') ? received + Number(response.headers.get('content-length')) : undefined);
    const file = await open(part, append ? 'a' : 'w');
    try {
      onProgress?.(received, total);
      if (response.body !== null) {
        const reader = response.body.getReader();
        // Not every body stream errors on abort by itself; cancelling it ends any pending read.
        const stop = () => void reader.cancel().catch(() => {});
        controller.signal.addEventListener('abort', stop);
        for (;;) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (error) {
            throw failed(controller.signal.aborted ? controller.signal.reason : error, received);
          }
          if (controller.signal.aborted) throw failed(controller.signal.reason, received);
          if (chunk.done) break;
          arm();
          await file.write(chunk.value);
          received += chunk.value.length;
          onProgress?.(received, total);
        }
      }
    } finally {
      await file.close();
    }
    return received;
  } finally {
    clearTimeout(timer);
  }
}

async function restart(part: string): Promise<number> {
  await rm(part, { force: true });
  return 0;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

// Node's fetch says only "fetch failed"; the cause holds the useful part (ECONNREFUSED...).
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN')
    return `no network (cannot resolve the host: ${cause.code})`;
  if (cause?.code) return `${cause.code}${cause.message ? ` ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** Where the archive comes from, and how to check a download of it. */
export interface ResolveArchiveOptions {
  /** A path given on the command line: used as is. */
  archive?: string;
  /** A path from the environment (`IMDB_ARCHIVE`): used when no path was given. */
  envArchive?: string;
  /** Where downloads are kept between runs. */
  cacheDir: string;
  /** The archive's URL (default: the official one). */
  url?: string;
  /** Its size (default: the official archive's). */
  size?: number;
  /** Its SHA-256 (default: the official archive's). */
  sha256?: string;
  /** Download progress. */
  onProgress?: DownloadOptions['onProgress'];
  /** One-line notes for the user. */
  log?: (line: string) => void;
  /** The fetch to use. */
  fetch?: typeof globalThis.fetch;
}

/** The archive to read and where it came from. */
export interface ResolvedArchive {
  /** Its path. */
  path: string;
  /** How it was found. */
  origin: 'argument' | 'environment' | 'cache' | 'download';
  /** Its SHA-256 when it was verified on the way (cache and download). */
  sha256?: string;
}

/**
 * Finds the archive: the path given, else `IMDB_ARCHIVE`, else a verified copy in the cache,
 * else a download into the cache (resumed if one was interrupted).
 */
export async function resolveArchive(options: ResolveArchiveOptions): Promise<ResolvedArchive> {
  const {
    archive,
    envArchive,
    cacheDir,
    url = IMDB_ARCHIVE_URL,
    size = IMDB_ARCHIVE_BYTES,
    sha256 = IMDB_ARCHIVE_SHA256,
  } = options;
  const { log = () => {}, onProgress, fetch } = options;
  if (archive) return { path: archive, origin: 'argument' };
  if (envArchive) return { path: envArchive, origin: 'environment' };
  const cached = join(cacheDir, basename(new URL(url).pathname) || 'aclImdb_v1.tar.gz');
  if ((await fileSize(cached)) > 0) {
    if ((await fileSize(cached)) === size && (await sha256File(cached)) === sha256)
      return { path: cached, origin: 'cache', sha256 };
    log(`${cached} does not match the expected size and SHA-256; downloading it again`);
    await rm(cached, { force: true });
  }
  log(`downloading ${url} to ${cached}`);
  await downloadFile({ url, dest: cached, size, sha256, onProgress, ...(fetch ? { fetch } : {}) });
  return { path: cached, origin: 'download', sha256 };
}
