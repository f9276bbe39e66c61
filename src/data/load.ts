/**
 * Loading the prepared dataset, from a base URL in the browser or a directory in Node: the
 * manifest first, then the files it lists, each checked against its size and SHA-256.
 */
import { DataError } from './errors.ts';
import { gunzipBytes, isGzip } from './gzip.ts';
import { mapLimited } from './limit.ts';
import type { SplitName } from './imdb.ts';
import { sha256Hex } from './sha256.ts';
import {
  checkManifest,
  decodeShard,
  MANIFEST_FILE,
  type FileRef,
  type ImdbManifest,
  type ShardData,
} from './shards.ts';
import { vocabularyFromWords, type Vocabulary } from './vocabulary.ts';

/** Options of one {@link DataSource} read. */
export interface ReadOptions {
  /** Called as bytes arrive, with the bytes so far and the expected total when known. */
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** Aborts the read. */
  signal?: AbortSignal;
}

/** Where the prepared files come from: a web server, a directory, memory in tests. */
export interface DataSource {
  /** Reads one file; rejects with a `not-found` or `network` {@link DataError}. */
  read(path: string, options?: ReadOptions): Promise<Uint8Array>;
  /** Where `path` lies, for messages. */
  locate(path: string): string;
}

/** Options of {@link urlSource}. */
export interface UrlSourceOptions {
  /** The fetch to use (tests pass their own). */
  fetch?: typeof globalThis.fetch;
  /** Extra request options, such as a cache mode. */
  init?: RequestInit;
}

/**
 * Reads the dataset over HTTP from `baseUrl` (such as `/data/imdb/`, resolved against the page
 * in a browser), reporting progress as the body streams in.
 */
export function urlSource(baseUrl: string | URL, options: UrlSourceOptions = {}): DataSource {
  const { fetch = globalThis.fetch.bind(globalThis), init } = options;
  const text = String(baseUrl);
  const base = new URL(text.endsWith('/') ? text : `${text}/`, globalThis.location?.href);
  const locate = (path: string) => new URL(path, base).href;
  return {
    locate,
    async read(path, { onProgress, signal } = {}) {
      const url = locate(path);
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: signal ?? init?.signal ?? null });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new DataError(
          'network',
          `cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      if (response.status === 404)
        throw new DataError(
          'not-found',
          `${url} was not found (404): has the dataset been prepared with npm run data?`,
        );
      if (!response.ok)
        throw new DataError('network', `cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`);
      const header = response.headers.get('content-length');
      // A server that compresses on the fly reports the compressed length, so the total is a hint.
      const total = header === null || response.headers.get('content-encoding') ? undefined : Number(header);
      if (response.body === null) return new Uint8Array(await response.arrayBuffer());
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          loaded += value.length;
          onProgress?.(loaded, total);
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new DataError(
          'network',
          `the download of ${url} broke off: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
      const out = new Uint8Array(loaded);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}

/** Reads and checks the manifest. */
export async function loadManifest(source: DataSource, options: ReadOptions = {}): Promise<ImdbManifest> {
  const bytes = await source.read(MANIFEST_FILE, options);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DataError('format', `${source.locate(MANIFEST_FILE)} is not valid JSON`);
  }
  return checkManifest(value, source.locate(MANIFEST_FILE));
}

/** Options of {@link readFileRef}. */
export interface ReadFileOptions extends ReadOptions {
  /** Check the SHA-256 of what was read against the manifest (default true). */
  verify?: boolean;
}

/**
 * Reads one file the manifest lists and returns its decompressed content, checked against the
 * size and SHA-256 in the manifest; a mismatch rejects with a `checksum` {@link DataError}.
 */
export async function readFileRef(
  source: DataSource,
  ref: FileRef,
  options: ReadFileOptions = {},
): Promise<Uint8Array> {
  const { verify = true, ...readOptions } = options;
  const where = source.locate(ref.path);
  const raw = await source.read(ref.path, readOptions);
  // A server may already have undone the compression (Content-Encoding: gzip), so look first.
  const content = isGzip(raw) ? await gunzipBytes(raw, { name: where }) : raw;
  if (content.length !== ref.size) {
    throw new DataError(
      'checksum',
      `${where} has ${content.length} bytes where the manifest says ${ref.size}: prepare the data again`,
    );
  }
  if (verify && (await sha256Hex(content)) !== ref.sha256) {
    throw new DataError('checksum', `${where} does not match the SHA-256 in the manifest: prepare the data again`);
  }
  return content;
}

/** One split in memory: its reviews' labels, ratings, ids and word ranks. */
export interface ImdbSplitData extends ShardData {
  /** Which split. */
  name: SplitName;
  /** Number of reviews. */
  count: number;
}

/** The loaded dataset. */
export interface ImdbDataset {
  /** The manifest it was loaded from. */
  manifest: ImdbManifest;
  /** The training vocabulary. */
  vocabulary: Vocabulary;
  /** The splits that were asked for. */
  splits: Partial<Record<SplitName, ImdbSplitData>>;
}

/** Progress of {@link loadImdb}, over all the files it reads. */
export interface LoadProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes to receive in all (as stored, compressed). */
  total: number;
  /** Files completely read. */
  files: number;
  /** Files to read in all. */
  fileCount: number;
}

/** Options of {@link loadImdb}. */
export interface LoadImdbOptions {
  /** Which splits to load (default both). */
  splits?: readonly SplitName[];
  /** Called as bytes arrive. */
  onProgress?: (progress: LoadProgress) => void;
  /** Aborts loading. */
  signal?: AbortSignal;
  /** Check every file's SHA-256 (default true). */
  verify?: boolean;
  /** How many files to fetch at once. */
  concurrency?: number;
}

/** Loads the vocabulary and the token shards of the chosen splits (texts load separately). */
export async function loadImdb(source: DataSource, options: LoadImdbOptions = {}): Promise<ImdbDataset> {
  const { splits: names = ['train', 'test'], onProgress, signal, verify = true, concurrency = 4 } = options;
  const manifest = await loadManifest(source, { signal });
  const refs: FileRef[] = [manifest.vocabulary, ...names.flatMap((s) => manifest.splits[s].shards)];
  const loadedBy = new Array<number>(refs.length).fill(0);
  const progress: LoadProgress = {
    loaded: 0,
    total: refs.reduce((n, r) => n + r.bytes, 0),
    files: 0,
    fileCount: refs.length,
  };
  const report = () => onProgress?.({ ...progress, loaded: Math.min(progress.total, progress.loaded) });
  report();
  const contents = await mapLimited(refs, concurrency, async (ref, i) => {
    const content = await readFileRef(source, ref, {
      verify,
      signal,
      onProgress: (loaded) => {
        progress.loaded += loaded - loadedBy[i]!;
        loadedBy[i] = loaded;
        report();
      },
    });
    progress.loaded += ref.bytes - loadedBy[i]!;
    loadedBy[i] = ref.bytes;
    progress.files++;
    report();
    return content;
  });

  const vocabularyJson = parseJson(contents[0]!, source.locate(manifest.vocabulary.path)) as {
    words: string[];
    counts: number[];
  };
  const vocabulary = vocabularyFromWords(vocabularyJson.words, vocabularyJson.counts);
  const splits: Partial<Record<SplitName, ImdbSplitData>> = {};
  let next = 1;
  for (const name of names) {
    const shards = manifest.splits[name].shards.map((ref) => decodeShard(contents[next++]!, source.locate(ref.path)));
    splits[name] = { name, ...joinShards(shards) };
  }
  return { manifest, vocabulary, splits };
}

// Concatenates shards into one split, shifting each shard's offsets past the tokens before it.
function joinShards(shards: readonly ShardData[]): ShardData & { count: number } {
  const count = shards.reduce((n, s) => n + s.reviewIds.length, 0);
  const tokenCount = shards.reduce((n, s) => n + s.tokens.length, 0);
  const out = {
    count,
    reviewIds: new Uint32Array(count),
    labels: new Uint8Array(count),
    ratings: new Uint8Array(count),
    offsets: new Uint32Array(count + 1),
    tokens: new Uint32Array(tokenCount),
  };
  let reviews = 0;
  let tokens = 0;
  for (const s of shards) {
    const n = s.reviewIds.length;
    out.reviewIds.set(s.reviewIds, reviews);
    out.labels.set(s.labels, reviews);
    out.ratings.set(s.ratings, reviews);
    for (let i = 1; i <= n; i++) out.offsets[reviews + i] = tokens + s.offsets[i]!;
    out.tokens.set(s.tokens, tokens);
    reviews += n;
    tokens += s.tokens.length;
  }
  return out;
}

/** Review texts fetched chunk by chunk as they are asked for, and kept once fetched. */
export interface ReviewTexts {
  /** The text of review `index` of `split`, as written (with its `<br />` breaks). */
  text(split: SplitName, index: number): Promise<string>;
  /** The texts of `count` consecutive reviews from `first`. */
  texts(split: SplitName, first: number, count: number): Promise<string[]>;
}

/** A {@link ReviewTexts} over the dataset's text chunks. */
export function reviewTexts(source: DataSource, manifest: ImdbManifest, options: ReadFileOptions = {}): ReviewTexts {
  const chunks = new Map<string, Promise<string[]>>();
  const chunk = (split: SplitName, index: number): { first: number; texts: Promise<string[]> } => {
    const refs = manifest.splits[split].texts;
    const ref = refs.find((r) => index >= r.first && index < r.first + r.count);
    if (ref === undefined)
      throw new RangeError(`${split} has no review ${index} (it has ${manifest.splits[split].count})`);
    let texts = chunks.get(ref.path);
    if (texts === undefined) {
      texts = readFileRef(source, ref, options).then((bytes) => parseJson(bytes, source.locate(ref.path)) as string[]);
      // A failed fetch is forgotten so that asking again tries again.
      texts.catch(() => chunks.delete(ref.path));
      chunks.set(ref.path, texts);
    }
    return { first: ref.first, texts };
  };
  const text = async (split: SplitName, index: number) => {
    const { first, texts } = chunk(split, index);
    return (await texts)[index - first]!;
  };
  return {
    text,
    texts: (split, first, count) => Promise.all(Array.from({ length: count }, (_, i) => text(split, first + i))),
  };
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DataError('format', `${where} is not valid JSON`);
  }
}
