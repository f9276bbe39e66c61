/**
 * Node-only file helpers for the data tools: archive streams, a directory as a data source,
 * streaming SHA-256, and writing a directory so that it appears only when complete.
 */
import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { DataError } from '../errors.ts';
import type { DataSource } from '../load.ts';
import type { WriteFile } from '../prepare.ts';

/** Opens a file as a Web stream of bytes, with its size in bytes; rejects with `not-found` when it does not exist. */
export async function openFileStream(path: string): Promise<{ stream: ReadableStream<Uint8Array>; bytes: number }> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DataError('not-found', `${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError('not-found', `${path} does not exist`, { cause: error });
  }
  // Large reads keep the number of chunks (and of awaits downstream) small.
  const stream = Readable.toWeb(
    createReadStream(path, { highWaterMark: 1 << 20 }),
  ) as unknown as ReadableStream<Uint8Array>;
  return { stream, bytes: size };
}

/** A SHA-256 computed over bytes as they flow through a stream. */
export function sha256Transform(): { stream: TransformStream<Uint8Array, Uint8Array>; digest: () => string } {
  const hash = createHash('sha256');
  let hex: string | undefined;
  return {
    stream: new TransformStream({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
    digest: () => (hex ??= hash.digest('hex')),
  };
}

/** The SHA-256 of a file, read in a stream. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The prepared dataset in a directory, as a {@link DataSource}. */
export function directorySource(dir: string): DataSource {
  const locate = (path: string) => join(dir, path);
  return {
    locate,
    async read(path, { onProgress } = {}) {
      try {
        const bytes = await readFile(locate(path));
        onProgress?.(bytes.length, bytes.length);
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new DataError('not-found', `${locate(path)} does not exist: prepare the data with npm run data`, {
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}

/** The `format` of the manifest.json that `prepareImdb` writes: how a folder it made is known. */
const DATASET_FORMAT = 'lstm-kit-imdb';

/**
 * Refuses an output folder that `npm run data` would destroy: `target` may be missing, an empty
 * folder, or a dataset it prepared before (a manifest.json of its format); anything else (a
 * file, `public/`, a folder of other files) throws `exists`, unless `force` is set.
 */
export async function checkOutputDirectory(target: string, { force = false } = {}): Promise<void> {
  if (force) return;
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return;
  const refuse = (what: string) =>
    new DataError(
      'exists',
      `${target} ${what}, and preparing the data would replace it: choose a new or empty folder, or pass --force to replace it`,
    );
  if (!info.isDirectory()) throw refuse('is a file');
  if ((await readdir(target)).length === 0) return;
  let format: unknown;
  try {
    format = (JSON.parse(await readFile(join(target, 'manifest.json'), 'utf8')) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (format !== DATASET_FORMAT) throw refuse('already holds files that are not a prepared dataset');
}

/**
 * Fills a fresh directory through `fill` and only then puts it at `target`, replacing what was
 * there: an interrupted run leaves the previous data intact instead of a half-written mix.
 */
export async function writeDirectoryAtomically<T>(target: string, fill: (write: WriteFile) => Promise<T>): Promise<T> {
  const final = resolve(target);
  // A sibling, so that the rename stays on one file system.
  const temp = `${final}.tmp-${process.pid}-${Date.now().toString(36)}`;
  const old = `${final}.old-${process.pid}-${Date.now().toString(36)}`;
  await mkdir(temp, { recursive: true });
  // Ctrl-C or a kill while filling: remove the half-written folder before the process ends.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(temp, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const made = new Set<string>();
    const result = await fill(async (path, data) => {
      const file = join(temp, path);
      const dir = dirname(file);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(file, data);
    });
    let hadOld = true;
    try {
      await rename(final, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOld = false;
    }
    try {
      await rename(temp, final);
    } catch (error) {
      if (hadOld) await rename(old, final).catch(() => {});
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
