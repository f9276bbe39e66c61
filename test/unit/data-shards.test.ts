import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWordIndex,
  decodeShard,
  decodeVarints,
  encodeReviews,
  encodeShard,
  encodeVarints,
  gunzipBytes,
  gzipBytes,
  loadImdb,
  loadManifest,
  prepareImdb,
  R_KERAS_VIEW,
  reviewRanks,
  reviewTexts,
  streamFromBytes,
  tokenizeReview,
  urlSource,
  type DataSource,
  type ImdbManifest,
  type LoadProgress,
} from '../../src/data/index.ts';
import { directorySource, writeDirectoryAtomically } from '../../src/data/node/index.ts';
import { buildImdbArchive, FIXTURE_REVIEWS } from '../fixtures/imdb-archive.ts';
import { startServer, type TestServer } from '../fixtures/http-server.ts';

function memorySource(files: Map<string, Uint8Array>): DataSource {
  return {
    locate: (path) => `mem:${path}`,
    read: async (path, { onProgress } = {}) => {
      const bytes = files.get(path);
      if (!bytes) throw Object.assign(new Error(`no ${path}`), { code: 'not-found' });
      onProgress?.(bytes.length, bytes.length);
      return bytes;
    },
  };
}

async function prepare(archive = buildImdbArchive(), options = { shardSize: 2, textChunkSize: 3 }) {
  const files = new Map<string, Uint8Array>();
  const manifest = await prepareImdb(streamFromBytes(archive, 1000), async (path, data) => void files.set(path, data), {
    name: '/somewhere/aclImdb_v1.tar.gz',
    ...options,
  });
  return { files, manifest };
}

// The fixture corpus in the prepared order: negative then positive, each by id.
const ordered = (split: 'train' | 'test') =>
  FIXTURE_REVIEWS.filter((r) => r.split === split).sort((a, b) => a.label - b.label || a.id - b.id);

describe('varints and shards', () => {
  it('round-trip varints of every size', () => {
    const values = [0, 1, 127, 128, 255, 16383, 16384, 2 ** 21, 2 ** 28 + 5, 2 ** 32 - 1];
    const bytes = encodeVarints(values);
    expect(bytes.length).toBe(1 + 1 + 1 + 2 + 2 + 2 + 3 + 4 + 5 + 5);
    expect([...decodeVarints(bytes, values.length)]).toEqual(values);
    expect(() => decodeVarints(bytes, values.length + 1)).toThrow(/end early/);
    expect(() => decodeVarints(bytes, values.length - 1)).toThrow(/left/);
  });

  it('round-trip a shard and reject malformed ones', () => {
    const data = {
      reviewIds: new Uint32Array([4, 9, 12500]),
      labels: new Uint8Array([0, 1, 1]),
      ratings: new Uint8Array([2, 7, 10]),
      offsets: new Uint32Array([0, 3, 3, 5]),
      tokens: new Uint32Array([1, 200, 88582, 0, 5]),
    };
    const bytes = encodeShard(data);
    expect(decodeShard(bytes)).toEqual(data);
    expect(() => decodeShard(bytes.subarray(0, 10), 'x')).toThrow('x is not a valid token shard: too short');
    expect(() => decodeShard(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong length/);
    const other = bytes.slice();
    other[0] = 0;
    expect(() => decodeShard(other)).toThrow(/magic/);
  });
});

describe('prepareImdb and loadImdb', () => {
  let prepared: { files: Map<string, Uint8Array>; manifest: ImdbManifest };
  beforeAll(async () => {
    prepared = await prepare();
  });

  it('writes a manifest that counts and lists everything', () => {
    const { manifest, files } = prepared;
    expect(manifest.source.name).toBe('aclImdb_v1.tar.gz');
    expect(manifest.splits.train).toMatchObject({
      count: 6,
      positive: 3,
      negative: 3,
      unknownTokens: 0,
      duplicateTexts: 1,
      alsoInTrain: 0,
    });
    expect(manifest.splits.test).toMatchObject({
      count: 4,
      positive: 2,
      negative: 2,
      duplicateTexts: 0,
      alsoInTrain: 1,
    });
    expect(manifest.splits.train.shards.map((s) => [s.first, s.count])).toEqual([
      [0, 2],
      [2, 2],
      [4, 2],
    ]);
    expect(manifest.splits.test.texts.map((s) => [s.first, s.count])).toEqual([
      [0, 3],
      [3, 1],
    ]);
    const listed = [
      manifest.vocabulary,
      ...Object.values(manifest.splits).flatMap((s) => [...s.shards, ...s.texts]),
    ].map((f) => f.path);
    expect([...files.keys()].sort()).toEqual([...listed, 'manifest.json'].sort());
    for (const path of listed) expect(files.get(path)![0]).toBe(0x1f); // gzip
  });

  it('ranks the vocabulary over the training split only, in the canonical order', async () => {
    const { manifest, files } = prepared;
    const train = ordered('train').map((r) => tokenizeReview(r.text));
    const expected = buildWordIndex(train);
    const vocab = JSON.parse(new TextDecoder().decode(await gunzipBytes(files.get('vocabulary.json.gz')!)));
    expect(vocab).toEqual({ words: expected.words, counts: expected.counts });
    expect(manifest.vocabulary.words).toBe(expected.words.length);
    expect(vocab.words).not.toContain('superb'); // a test-only word
  });

  it('loads back every review, label, rating and token, and the texts chunk by chunk', async () => {
    const { files } = prepared;
    const progress: LoadProgress[] = [];
    const source = memorySource(files);
    const data = await loadImdb(source, { onProgress: (p) => progress.push(p), concurrency: 2 });
    for (const split of ['train', 'test'] as const) {
      const s = data.splits[split]!;
      const want = ordered(split);
      expect(s.count).toBe(want.length);
      expect([...s.labels]).toEqual(want.map((r) => r.label));
      expect([...s.ratings]).toEqual(want.map((r) => r.rating));
      expect([...s.reviewIds]).toEqual(want.map((r) => r.id));
      want.forEach((r, i) => {
        const words = Array.from(reviewRanks(s, i), (rank) => (rank === 0 ? '?' : data.vocabulary.words[rank - 1]));
        expect(words).toEqual(tokenizeReview(r.text).map((w) => (data.vocabulary.index.has(w) ? w : '?')));
      });
      const texts = reviewTexts(source, data.manifest);
      expect(await texts.texts(split, 0, want.length)).toEqual(want.map((r) => r.text));
      expect(await texts.text(split, want.length - 1)).toBe(want.at(-1)!.text);
      await expect(texts.text(split, want.length)).rejects.toThrow(RangeError);
    }
    expect(progress.at(-1)).toMatchObject({ files: 6, fileCount: 6 }); // the vocabulary, 3 + 2 shards
    expect(progress.at(-1)!.loaded).toBe(progress.at(-1)!.total);
    // One view of the stored data for each model preset.
    const batch = encodeReviews(data.splits.train!, R_KERAS_VIEW);
    expect(batch.shape).toEqual([6, 80]);
  });

  it('loads one split alone', async () => {
    const data = await loadImdb(memorySource(prepared.files), { splits: ['test'] });
    expect(Object.keys(data.splits)).toEqual(['test']);
  });

  it('gives the same files from both layouts and any header format', async () => {
    const other = await prepare(buildImdbArchive('official', 'pax'));
    expect(other.manifest).toEqual(prepared.manifest);
    for (const [path, bytes] of prepared.files) expect(other.files.get(path), path).toEqual(bytes);
  });

  it('rejects a file that does not match its checksum or size', async () => {
    const files = new Map(prepared.files);
    const path = prepared.manifest.splits.train.shards[1]!.path;
    const content = await gunzipBytes(files.get(path)!);
    content[content.length - 1] ^= 1;
    files.set(path, await gzipBytes(content));
    await expect(loadImdb(memorySource(files))).rejects.toMatchObject({
      code: 'checksum',
      message: `mem:${path} does not match the SHA-256 in the manifest: prepare the data again`,
    });
    files.set(path, await gzipBytes(content.subarray(1)));
    await expect(loadImdb(memorySource(files))).rejects.toMatchObject({
      code: 'checksum',
      message: expect.stringContaining('bytes where'),
    });
  });

  it('rejects a manifest of another format or version', async () => {
    const files = new Map(prepared.files);
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    files.set('manifest.json', enc({ ...prepared.manifest, version: 99 }));
    await expect(loadManifest(memorySource(files))).rejects.toMatchObject({
      code: 'format',
      message: expect.stringContaining('version 99'),
    });
    files.set('manifest.json', enc({ hello: 1 }));
    await expect(loadManifest(memorySource(files))).rejects.toMatchObject({ code: 'format' });
    files.set('manifest.json', new TextEncoder().encode('<html>'));
    await expect(loadManifest(memorySource(files))).rejects.toMatchObject({ code: 'format' });
  });

  it('round-trips through a directory written atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-shards-'));
    try {
      const out = join(dir, 'imdb');
      await writeDirectoryAtomically(out, (write) => prepareImdb(streamFromBytes(buildImdbArchive()), write));
      const data = await loadImdb(directorySource(out));
      expect(data.splits.train!.count).toBe(6);
      // A failed run leaves the previous data in place and no temporary directory behind.
      await expect(
        writeDirectoryAtomically(out, (write) => prepareImdb(streamFromBytes(new TextEncoder().encode('nope')), write)),
      ).rejects.toMatchObject({ code: 'not-gzip' });
      expect((await loadImdb(directorySource(out))).splits.test!.count).toBe(4);
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(dir)).toEqual(['imdb']);
      await expect(loadImdb(directorySource(join(dir, 'missing')))).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringContaining('prepare the data with npm run data'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('urlSource', () => {
  let server: TestServer;
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    ({ files } = await prepare());
    server = await startServer(Object.fromEntries([...files].map(([p, b]) => [`data/imdb/${p}`, b])));
  });
  afterAll(() => server.close());

  it('loads over HTTP with progress', async () => {
    const seen: number[] = [];
    const data = await loadImdb(urlSource(`${server.url}data/imdb`), { onProgress: (p) => seen.push(p.loaded) });
    expect(data.splits.train!.count).toBe(6);
    expect(seen.length).toBeGreaterThan(7);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('accepts files a server decompressed on the way (Content-Encoding: gzip)', async () => {
    server.behaviour = { gzipEncoding: true };
    try {
      const source = urlSource(`${server.url}data/imdb/`);
      const data = await loadImdb(source);
      expect(data.splits.test!.count).toBe(4);
      expect(await reviewTexts(source, data.manifest).text('test', 0)).toBe(ordered('test')[0]!.text);
    } finally {
      server.behaviour = {};
    }
  });

  it('says what is missing, and when the server cannot be reached', async () => {
    await expect(loadImdb(urlSource(`${server.url}nothing/`))).rejects.toMatchObject({
      code: 'not-found',
      message: `${server.url}nothing/manifest.json was not found (404): has the dataset been prepared with npm run data?`,
    });
    const { closedPort } = await import('../fixtures/http-server.ts');
    await expect(loadImdb(urlSource(`http://127.0.0.1:${await closedPort()}/`))).rejects.toMatchObject({
      code: 'network',
    });
  });
});
