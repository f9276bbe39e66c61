import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, resolveArchive } from '../../src/data/node/index.ts';
import { buildImdbArchive } from '../fixtures/imdb-archive.ts';
import { closedPort, startServer, type TestServer } from '../fixtures/http-server.ts';

// Big enough to be cut in the middle: the official layout with pax headers.
const archive = buildImdbArchive('official', 'pax');
const sha256 = createHash('sha256').update(archive).digest('hex');
const size = archive.length;

let server: TestServer;
let dir: string;
let url: string;
beforeAll(async () => {
  server = await startServer({ 'aclImdb_v1.tar.gz': archive });
  url = `${server.url}aclImdb_v1.tar.gz`;
});
afterAll(() => server.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-download-'));
  server.behaviour = {};
  server.ranges.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('downloadFile', () => {
  it('downloads, verifies and names the file only when complete', async () => {
    const dest = join(dir, 'a.tar.gz');
    const seen: [number, number | undefined][] = [];
    await downloadFile({ url, dest, size, sha256, onProgress: (r, t) => seen.push([r, t]) });
    expect(new Uint8Array(readFileSync(dest))).toEqual(archive);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(seen.at(-1)).toEqual([size, size]);
    expect(server.ranges).toEqual([null]);
  });

  it('keeps a broken-off download and resumes it with a Range request', async () => {
    const dest = join(dir, 'a.tar.gz');
    server.behaviour = { cutAfter: 700 };
    await expect(downloadFile({ url, dest, size, sha256 })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(
        /^cannot download .*: .* \(700 bytes are kept in .*a\.tar\.gz\.part and the next attempt resumes there\)$/,
      ),
    });
    expect(statSync(`${dest}.part`).size).toBe(700);
    server.behaviour = {};
    await downloadFile({ url, dest, size, sha256 });
    expect(server.ranges).toEqual([null, 'bytes=700-']);
    expect(new Uint8Array(readFileSync(dest))).toEqual(archive);
  });

  it('starts over when the server ignores the range', async () => {
    const dest = join(dir, 'a.tar.gz');
    writeFileSync(`${dest}.part`, 'garbage');
    server.behaviour = { ignoreRange: true };
    await downloadFile({ url, dest, size, sha256 });
    expect(server.ranges).toEqual(['bytes=7-']);
    expect(new Uint8Array(readFileSync(dest))).toEqual(archive);
  });

  it('starts over when the partial file is longer than the archive or the server refuses the range', async () => {
    const dest = join(dir, 'a.tar.gz');
    writeFileSync(`${dest}.part`, new Uint8Array(size + 10));
    await downloadFile({ url, dest, size, sha256 });
    expect(server.ranges).toEqual([null]);
    // Without a known size, a partial file as long as the server's gets a 416, then a fresh download.
    rmSync(dest);
    writeFileSync(`${dest}.part`, new Uint8Array(size));
    await downloadFile({ url, dest, sha256 });
    expect(server.ranges).toEqual([null, `bytes=${size}-`, null]);
    expect(new Uint8Array(readFileSync(dest))).toEqual(archive);
  });

  it('only verifies a partial file that is already complete', async () => {
    const dest = join(dir, 'a.tar.gz');
    writeFileSync(`${dest}.part`, archive);
    await downloadFile({ url, dest, size, sha256 });
    expect(server.ranges).toEqual([]);
    expect(existsSync(dest)).toBe(true);
  });

  it('removes a download whose checksum does not match', async () => {
    const dest = join(dir, 'a.tar.gz');
    const wrong = '0'.repeat(64);
    await expect(downloadFile({ url, dest, size, sha256: wrong })).rejects.toMatchObject({
      code: 'checksum',
      message: `checksum mismatch for ${url}: SHA-256 ${sha256}, expected ${wrong}; the download was removed`,
    });
    expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
  });

  it('says so when the network cannot be reached or the file is missing', async () => {
    const dest = join(dir, 'a.tar.gz');
    const port = await closedPort();
    await expect(downloadFile({ url: `http://127.0.0.1:${port}/x.tar.gz`, dest })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('ECONNREFUSED'),
    });
    await expect(downloadFile({ url: `${server.url}missing.tar.gz`, dest })).rejects.toMatchObject({
      code: 'network',
      message: `cannot download ${server.url}missing.tar.gz: HTTP 404 Not Found`,
    });
  });

  it('gives up on a server that stops sending', async () => {
    const dest = join(dir, 'a.tar.gz');
    const stalled: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(10)) }), { status: 200 });
    await expect(downloadFile({ url, dest, size, fetch: stalled, idleTimeoutMs: 100 })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('no data for 0.1 s'),
    });
  });
});

describe('resolveArchive', () => {
  it('prefers the argument, then the environment', async () => {
    const cacheDir = join(dir, 'cache');
    expect(await resolveArchive({ archive: 'a.tgz', envArchive: 'b.tgz', cacheDir })).toEqual({
      path: 'a.tgz',
      origin: 'argument',
    });
    expect(await resolveArchive({ envArchive: 'b.tgz', cacheDir })).toEqual({ path: 'b.tgz', origin: 'environment' });
  });

  it('downloads into the cache once, then uses the cached copy', async () => {
    const cacheDir = join(dir, 'cache');
    const log: string[] = [];
    const first = await resolveArchive({ cacheDir, url, size, sha256, log: (l) => log.push(l) });
    expect(first).toEqual({ path: join(cacheDir, 'aclImdb_v1.tar.gz'), origin: 'download', sha256 });
    const second = await resolveArchive({ cacheDir, url, size, sha256 });
    expect(second.origin).toBe('cache');
    expect(server.ranges).toEqual([null]);
    expect(log).toEqual([`downloading ${url} to ${first.path}`]);
    // A damaged cached copy is replaced.
    writeFileSync(first.path, 'damaged');
    expect((await resolveArchive({ cacheDir, url, size, sha256 })).origin).toBe('download');
  });
});
