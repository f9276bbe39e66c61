import { describe, expect, it } from 'vitest';
import {
  archiveInfo,
  DataError,
  downloadBytes,
  loadImdb,
  describeLoadError,
  errorToMessage,
  ImdbLoader,
  memorySource,
  memoryStore,
  messageToError,
  prepareImdb,
  streamFromBytes,
  transferable,
  type DataSource,
  type ImdbLoadState,
  type PrepareArchive,
} from '../../src/data/index.ts';
import { buildImdbArchive, buildTar, FIXTURE_REVIEWS, gzip } from '../fixtures/imdb-archive.ts';

async function prepared(archive = buildImdbArchive()): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  await prepareImdb(streamFromBytes(archive, 777), async (path, data) => void files.set(path, data), {
    name: 'aclImdb_v1.tar.gz',
    shardSize: 3,
    textChunkSize: 4,
  });
  return files;
}

// The same prepareImdb the worker runs, here in-process, reporting progress the same way.
const prepareHere: PrepareArchive = async (archive, { onProgress, signal }) => {
  const files = new Map<string, Uint8Array>();
  onProgress({ step: 'reading', bytesRead: 0, bytesTotal: archive.size, reviews: 0, files: 0 });
  await prepareImdb(
    archive.stream(),
    async (path, data) => {
      signal.throwIfAborted();
      files.set(path, data);
    },
    { name: archive.name ?? 'archive' },
  );
  return { files };
};

const missingSite: DataSource = {
  locate: (path) => `site:${path}`,
  read: async (path) => {
    throw new DataError('not-found', `site:${path} was not found (404)`);
  },
};

function archiveFile(bytes: Uint8Array, name = 'aclImdb_v1.tar.gz'): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

function recorder(loader: ImdbLoader): ImdbLoadState['phase'][] {
  const phases: ImdbLoadState['phase'][] = [];
  loader.subscribe((s) => {
    if (phases.at(-1) !== s.phase) phases.push(s.phase);
  });
  return phases;
}

describe('ImdbLoader', () => {
  it("reads only the site's manifest when nothing is kept, and says how much there is to load", async () => {
    const files = await prepared();
    const reads: string[] = [];
    const inner = memorySource(files, 'site');
    const site: DataSource = { locate: inner.locate, read: (path, o) => (reads.push(path), inner.read(path, o)) };
    const loader = new ImdbLoader({ site, store: memoryStore(), prepare: prepareHere });
    const phases = recorder(loader);
    await loader.start();
    await loader.start(); // a second widget on the page
    expect(phases).toEqual(['idle', 'checking', 'choose']);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    const bytes = downloadBytes(manifest);
    expect(bytes).toBe(
      manifest.vocabulary.bytes +
        [...manifest.splits.train.shards, ...manifest.splits.test.shards].reduce(
          (n: number, s: { bytes: number }) => n + s.bytes,
          0,
        ),
    );
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: false, siteBytes: bytes });
    expect(reads).toEqual(['manifest.json']);
  });

  it('offers the site all the same when its manifest cannot be read', async () => {
    const site: DataSource = {
      locate: (p) => p,
      read: async () => {
        throw new DataError('network', 'cannot fetch manifest.json: offline');
      },
    };
    const loader = new ImdbLoader({ site, store: memoryStore(), prepare: prepareHere });
    await loader.start();
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: false });
    await loader.loadFromSite();
    const state = loader.state;
    expect(state.phase === 'choose' && state.error).toBe(
      'Cannot fetch manifest.json: offline. Check the connection and try again.',
    );
  });

  it("loads the site's prepared files with progress, and loads them again on the next visit", async () => {
    const files = await prepared();
    const store = memoryStore();
    const loader = new ImdbLoader({ site: memorySource(files, 'site'), store, prepare: prepareHere });
    const phases = recorder(loader);
    const progress: number[] = [];
    loader.subscribe((s) => {
      if (s.phase === 'downloading') progress.push(s.progress.loaded);
    });
    await loader.start();
    await loader.loadFromSite();
    expect(phases).toEqual(['idle', 'checking', 'choose', 'downloading', 'ready']);
    expect(progress.at(-1)).toBeGreaterThan(0);
    const data = loader.data!;
    expect(data.origin).toBe('site');
    expect(data.dataset.splits.train!.count).toBe(FIXTURE_REVIEWS.filter((r) => r.split === 'train').length);
    expect(await data.texts.text('train', 0)).toBe('Bad, boring, the end.');
    expect(await store.info()).toEqual({ origin: 'site' });

    const again = new ImdbLoader({ site: memorySource(files, 'site'), store, prepare: prepareHere });
    await again.start();
    expect(again.data?.origin).toBe('site');
  });

  it('says when the site has no prepared data, and forgets a stale wish to load it', async () => {
    const fresh = new ImdbLoader({ site: missingSite, store: memoryStore(), prepare: prepareHere });
    await fresh.start();
    expect(fresh.state).toEqual({ phase: 'choose', siteMissing: true });
    const store = memoryStore();
    await store.rememberSite();
    const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
    await loader.start();
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: true });
    expect(await store.info()).toBeNull();
  });

  it('prepares an archive, keeps it, and reopens it on the next visit without the archive', async () => {
    const store = memoryStore();
    const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
    const phases = recorder(loader);
    await loader.start();
    const archive = buildImdbArchive('official');
    await loader.prepareArchive(archiveFile(archive));
    expect(phases).toEqual(['idle', 'checking', 'choose', 'preparing', 'ready']);
    expect(loader.data?.origin).toBe('archive');
    expect(loader.data?.storeError).toBeUndefined();
    const info = await store.info();
    expect(info).toMatchObject({ origin: 'archive', name: 'aclImdb_v1.tar.gz', bytes: archive.length });
    expect(store.files.has('manifest.json')).toBe(true);

    let prepares = 0;
    const next = new ImdbLoader({
      site: missingSite,
      store,
      prepare: async () => {
        prepares++;
        return { files: new Map() };
      },
    });
    const nextPhases = recorder(next);
    await next.start();
    expect(nextPhases).toEqual(['idle', 'checking', 'opening', 'ready']);
    expect(next.data?.origin).toBe('stored');
    expect(await next.data!.texts.text('test', 2)).toBe('Superb (truly) superb.<br />Great.');
    expect(prepares).toBe(0);
  });

  it('rejects bad archives with a clear message and keeps what was stored', async () => {
    const store = memoryStore();
    const good = await prepared();
    await store.saveArchive(good, {
      origin: 'archive',
      name: 'old.tar.gz',
      bytes: 1,
      files: good.size,
      storedBytes: 1,
      savedAt: '',
    });
    const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
    const archive = buildImdbArchive();
    const cases: [Uint8Array, string, RegExp][] = [
      [
        new TextEncoder().encode('<html>not an archive</html>'),
        'page.html',
        /^page\.html is not a gzip file.*not unpacked/,
      ],
      [
        archive.subarray(0, Math.floor(archive.length / 2)),
        'half.tar.gz',
        /^half\.tar\.gz is truncated.*download the archive again/,
      ],
      [
        gzip(buildTar([{ path: 'notes/readme.txt', data: 'hello' }])),
        'other.tar.gz',
        /^other\.tar\.gz is not laid out like aclImdb_v1\.tar\.gz/,
      ],
    ];
    for (const [bytes, name, message] of cases) {
      await loader.prepareArchive(archiveFile(bytes, name));
      const state = loader.state;
      expect(state.phase).toBe('choose');
      expect(state.phase === 'choose' && state.error).toMatch(message);
      expect(await store.info()).toMatchObject({ name: 'old.tar.gz' });
      expect(store.files.size).toBe(good.size);
    }
    // The page keeps working: a good archive after the bad ones loads.
    await loader.prepareArchive(archiveFile(archive));
    expect(loader.data?.origin).toBe('archive');
  });

  it('keeps the data already loaded when a chosen archive is bad or cancelled, with the error beside it', async () => {
    const store = memoryStore();
    let gate: Promise<void> = Promise.resolve();
    const gated: PrepareArchive = async (archive, options) => {
      await gate;
      options.signal.throwIfAborted();
      return prepareHere(archive, options);
    };
    const loader = new ImdbLoader({ site: memorySource(await prepared(), 'site'), store, prepare: gated });
    await loader.start();
    await loader.loadFromSite();
    const before = loader.data!;
    expect(before.origin).toBe('site');
    const seen: (unknown | null)[] = [];
    loader.subscribe(() => seen.push(loader.data));

    // While the archive is read, the widgets go on with the data they have.
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const bad = loader.prepareArchive(archiveFile(new TextEncoder().encode('my notes'), 'notar.tar.gz'));
    expect(loader.state.phase).toBe('preparing');
    expect(loader.data).toBe(before);
    release();
    await bad;
    const state = loader.state;
    expect(state.phase).toBe('ready');
    expect(loader.data).toBe(before);
    expect(state.phase === 'ready' && state.error).toMatch(
      /^notar\.tar\.gz is not a gzip file.*not unpacked or re-packed\. The reviews loaded before are still loaded\.$/,
    );
    expect(seen.every((data) => data === before)).toBe(true);
    expect(await store.info()).toEqual({ origin: 'site' });
    await expect(loader.whenReady()).resolves.toBe(before);

    // Cancelling a preparation goes back to the data loaded before, without an error.
    gate = new Promise<void>((resolve) => (release = resolve));
    const cancelled = loader.prepareArchive(archiveFile(buildImdbArchive()));
    loader.cancel();
    expect(loader.state).toEqual({ phase: 'ready', data: before });
    release();
    await cancelled;
    expect(loader.state).toEqual({ phase: 'ready', data: before });

    // A good archive then replaces it, and the error goes.
    await loader.prepareArchive(archiveFile(buildImdbArchive('official')));
    expect(loader.data?.origin).toBe('archive');
    expect(loader.data).not.toBe(before);
    expect(loader.state).not.toHaveProperty('error');
  });

  it('is ready even when the browser cannot keep the data, and says why in words a reader can act on', async () => {
    // Chromium's QuotaExceededError has an empty message: it must still count as not kept.
    const quota = Object.assign(new Error(''), { name: 'QuotaExceededError' });
    for (const [error, said] of [
      [
        quota,
        /^this browser's storage for the site is full \(keeping them needs about \d+ MB\): free room by clearing/,
      ],
      [new Error('the quota is exceeded'), /^this browser's storage for the site is full/],
      [new Error('the database is closing'), /^the database is closing$/],
    ] as const) {
      const store = { ...memoryStore(), saveArchive: async () => Promise.reject(error) };
      const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
      await loader.prepareArchive(archiveFile(buildImdbArchive()));
      expect(loader.data?.origin).toBe('archive');
      expect(loader.data?.storeError).toMatch(said);
    }
  });

  it('leaves the keeping to a preparer that keeps the files itself, and reports its failure', async () => {
    let saves = 0;
    const store = { ...memoryStore(), saveArchive: async () => void saves++ };
    for (const saved of [{}, { error: 'the quota is exceeded' }]) {
      const keeper: PrepareArchive = async (archive, options) => ({ ...(await prepareHere(archive, options)), saved });
      const loader = new ImdbLoader({ site: missingSite, store, prepare: keeper });
      await loader.prepareArchive(archiveFile(buildImdbArchive()));
      expect(loader.data?.origin).toBe('archive');
      expect(loader.data?.storeError).toBe(saved.error);
    }
    expect(saves).toBe(0);
  });

  it("uses the given loading and probing (a worker's, in browsers) and a dataset the preparer loaded", async () => {
    const files = await prepared();
    const dataset = await loadImdb(memorySource(files));
    const calls: string[] = [];
    const store = memoryStore();
    const deps = {
      site: missingSite,
      store,
      load: async (from: 'site' | 'stored') => (calls.push(`load ${from}`), dataset),
      probe: async () => (calls.push('probe'), null),
      prepare: (async () => ({ files, dataset, saved: {} })) satisfies PrepareArchive,
    };
    const loader = new ImdbLoader(deps);
    await loader.start();
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: true });
    await loader.loadFromSite();
    expect(loader.data?.dataset).toBe(dataset);
    await loader.prepareArchive(archiveFile(new Uint8Array(10)));
    expect(loader.data).toMatchObject({ origin: 'archive', dataset });
    await store.saveArchive(files, archiveInfo('a.tar.gz', 10, files));
    const next = new ImdbLoader(deps);
    await next.start();
    expect(next.data).toMatchObject({ origin: 'stored', dataset });
    expect(calls).toEqual(['probe', 'load site', 'load stored']);
  });

  it('cancels a preparation and ignores its late result', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let aborted = false;
    const slow: PrepareArchive = async (archive, options) => {
      options.signal.addEventListener('abort', () => (aborted = true));
      await gate;
      return prepareHere(archive, { ...options, signal: new AbortController().signal });
    };
    const loader = new ImdbLoader({ site: missingSite, store: memoryStore(), prepare: slow });
    await loader.start();
    const running = loader.prepareArchive(archiveFile(buildImdbArchive()));
    expect(loader.state.phase).toBe('preparing');
    loader.cancel();
    expect(aborted).toBe(true);
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: true });
    release();
    await running;
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: true });
  });

  it('forgets the stored data and asks again', async () => {
    const store = memoryStore();
    const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
    await loader.prepareArchive(archiveFile(buildImdbArchive()));
    const ready = loader.whenReady();
    await expect(ready).resolves.toBe(loader.data);
    await loader.forget();
    expect(loader.state).toEqual({ phase: 'choose', siteMissing: true });
    expect(await store.info()).toBeNull();
    expect(store.files.size).toBe(0);
  });

  it('resolves whenReady for a widget that asks before the data is there', async () => {
    const loader = new ImdbLoader({ site: memorySource(await prepared()), store: memoryStore(), prepare: prepareHere });
    await loader.start();
    const waiting = loader.whenReady();
    await loader.loadFromSite();
    expect((await waiting).origin).toBe('site');
  });

  it('drops stored data that no longer reads back', async () => {
    const store = memoryStore();
    const files = await prepared();
    files.set('vocabulary.json.gz', gzip(new TextEncoder().encode('{"words": [')));
    await store.saveArchive(files, { origin: 'archive', name: 'x', bytes: 1, files: 1, storedBytes: 1, savedAt: '' });
    const loader = new ImdbLoader({ site: missingSite, store, prepare: prepareHere });
    await loader.start();
    const state = loader.state;
    expect(state.phase === 'choose' && state.error).toMatch(/^The reviews kept in this browser could not be read/);
    expect(await store.info()).toBeNull();
  });
});

describe('messages for readers', () => {
  it('adds a hint to data errors and says nothing for a cancellation', () => {
    expect(describeLoadError(new DataError('not-gzip', 'x.zip is not a gzip file'))).toBe(
      'x.zip is not a gzip file. Choose aclImdb_v1.tar.gz as it was downloaded, not unpacked or re-packed.',
    );
    expect(describeLoadError(new DataError('format', 'manifest.json is not valid JSON'))).toBe(
      'manifest.json is not valid JSON.',
    );
    expect(describeLoadError(Object.assign(new Error('stop'), { name: 'AbortError' }))).toBeNull();
    expect(describeLoadError(new RangeError('boom'))).toBe('Something went wrong: boom.');
  });

  it("never changes the case of the reader's file name, and ends with one full stop", () => {
    const notGzip = (message: string) => new DataError('not-gzip', message);
    expect(describeLoadError(notGzip('notar.tar.gz is not a gzip file'), 'notar.tar.gz')).toMatch(
      /^notar\.tar\.gz is not a gzip file\. Choose/,
    );
    // A name without an extension reads like a word: only the name passed in tells them apart.
    expect(describeLoadError(notGzip('notar is empty, not a gzip file'), 'notar')).toMatch(/^notar is empty/);
    expect(describeLoadError(notGzip('aclImdb_v1.tar.gz is not a gzip file'))).toMatch(/^aclImdb_v1\.tar\.gz is/);
    expect(describeLoadError(new DataError('network', 'cannot fetch x.json: offline.'))).toBe(
      'Cannot fetch x.json: offline. Check the connection and try again.',
    );
    expect(describeLoadError(new DataError('format', 'bad varints: too long.'))).toBe('Bad varints: too long.');
    expect(describeLoadError(new Error('the disk is gone.'))).toBe('Something went wrong: the disk is gone.');
    expect(describeLoadError(Object.assign(new Error(''), { name: 'QuotaExceededError' }))).toBe(
      'Something went wrong: QuotaExceededError.',
    );
  });
});

describe('worker messages', () => {
  it('carry a data error code across postMessage', () => {
    const message = errorToMessage(new DataError('truncated', 'a.tar.gz is truncated'));
    expect(structuredClone(message)).toEqual({ type: 'error', code: 'truncated', message: 'a.tar.gz is truncated' });
    const back = messageToError(structuredClone(message));
    expect(back).toBeInstanceOf(DataError);
    expect(back).toMatchObject({ code: 'truncated', message: 'a.tar.gz is truncated' });
    const plain = messageToError(errorToMessage(new Error('out of memory')));
    expect(plain).not.toBeInstanceOf(DataError);
    expect(plain.message).toBe('out of memory');
  });

  it('transfers each file with a buffer of its own', () => {
    const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const own = new Uint8Array([7, 8]);
    const files = new Map([
      ['a', shared.subarray(0, 3)],
      ['b', shared.subarray(3)],
      ['c', own],
    ]);
    const { files: list, buffers } = transferable(files);
    expect(list.map(([p, b]) => [p, [...b]])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4, 5, 6]],
      ['c', [7, 8]],
    ]);
    expect(new Set(buffers).size).toBe(3);
    expect(list[2]![1]).toBe(own);
    // Transferring detaches the buffers without touching the original shared one.
    structuredClone(list, { transfer: buffers });
    expect(shared.byteLength).toBe(6);
  });
});
