/**
 * From `aclImdb_v1.tar.gz` to the prepared dataset in one streaming pass: read the reviews,
 * tokenize them, rank the training vocabulary, and write token shards, text chunks, the
 * vocabulary and the manifest through a caller-supplied `write` (files in Node, anything else
 * elsewhere).
 */
import { gzipBytes } from './gzip.ts';
import { readImdbArchive, SPLITS, type SplitName } from './imdb.ts';
import { mapLimited } from './limit.ts';
import { sha256Hex } from './sha256.ts';
import {
  encodeShard,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type FileRef,
  type ImdbManifest,
  type RangeRef,
  type ShardRef,
  type SplitManifest,
} from './shards.ts';
import { KERAS_FILTERS, tokenizeReview } from './tokenizer.ts';
import { rankByFrequency, WordInterner } from './vocabulary.ts';

/** Options of {@link prepareImdb}. */
export interface PrepareOptions {
  /** The archive's name for error messages and the manifest. */
  name?: string;
  /**
   * The archive's size and checksum for the manifest, or a function that gives them once the
   * whole archive has been read (for a checksum computed on the way).
   */
  source?: SourceInfo | (() => SourceInfo);
  /** Reviews per token shard. */
  shardSize?: number;
  /** Reviews per text chunk: small enough for the browser to fetch one quickly. */
  textChunkSize?: number;
  /** How many files to compress and write at once. */
  concurrency?: number;
  /** Called now and then with the number of reviews read so far. */
  onReview?: (count: number) => void;
}

/** What the manifest records about the archive besides its name. */
export interface SourceInfo {
  /** Size in bytes. */
  bytes?: number;
  /** SHA-256. */
  sha256?: string;
}

/** Writes one file of the dataset; `path` is relative to the dataset's directory. */
export type WriteFile = (path: string, data: Uint8Array) => Promise<void>;

interface Review {
  label: 0 | 1;
  id: number;
  rating: number;
  text: string;
  /** Its length in bytes in the archive, when it was longer than the cap and cut. */
  cutFrom?: number;
  // Provisional word numbers from the interner until the vocabulary is ranked.
  tokens: Uint32Array;
}

/**
 * Prepares the dataset from a stream of `aclImdb_v1.tar.gz` bytes and returns its manifest.
 * The manifest is written last, so a reader that finds it finds every other file. Rejects with
 * the {@link DataError}s of {@link readImdbArchive}.
 */
export async function prepareImdb(
  archive: ReadableStream<Uint8Array>,
  write: WriteFile,
  options: PrepareOptions = {},
): Promise<ImdbManifest> {
  const {
    name = 'aclImdb_v1.tar.gz',
    source = {},
    shardSize = 5000,
    textChunkSize = 500,
    concurrency = 4,
    onReview,
  } = options;
  const interner = new WordInterner();
  const reviews: Record<SplitName, Review[]> = { train: [], test: [] };
  let read = 0;
  for await (const r of readImdbArchive(archive, { name })) {
    reviews[r.split].push({
      label: r.label,
      id: r.id,
      rating: r.rating,
      text: r.text,
      ...(r.cutFrom === undefined ? {} : { cutFrom: r.cutFrom }),
      tokens: interner.intern(tokenizeReview(r.text)),
    });
    if (++read % 1000 === 0) onReview?.(read);
  }
  onReview?.(read);

  // Archives list members in different orders; sorting makes the output, tie-breaks in the
  // vocabulary included, the same whichever archive it came from.
  for (const split of SPLITS) reviews[split].sort((a, b) => a.label - b.label || a.id - b.id);
  const ranking = rankByFrequency(
    reviews.train.map((r) => r.tokens),
    interner.size,
  );

  const trainTexts = new Set<string>();
  const splits = {} as Record<SplitName, SplitManifest>;
  for (const split of SPLITS) {
    const list = reviews[split];
    let tokens = 0;
    let maxLength = 0;
    let unknownTokens = 0;
    for (const r of list) {
      // Provisional numbers become ranks in place; 0 marks a word the training split lacks.
      for (let i = 0; i < r.tokens.length; i++) {
        const rank = ranking.rankOf[r.tokens[i]!]!;
        r.tokens[i] = rank;
        if (rank === 0) unknownTokens++;
      }
      tokens += r.tokens.length;
      maxLength = Math.max(maxLength, r.tokens.length);
    }
    const seen = new Set<string>();
    let duplicateTexts = 0;
    let alsoInTrain = 0;
    for (const r of list) {
      if (seen.has(r.text)) duplicateTexts++;
      else seen.add(r.text);
      if (split === 'train') trainTexts.add(r.text);
      else if (trainTexts.has(r.text)) alsoInTrain++;
    }

    // Compression runs off the main thread in Node, so a few files at once use every core.
    const shards: ShardRef[] = await mapLimited(starts(list.length, shardSize), concurrency, async (first, i) => {
      const part = list.slice(first, first + shardSize);
      const ref = await writeGzipped(write, `${split}/tokens-${pad3(i)}.bin.gz`, encodeShard(toShardData(part)));
      return { ...ref, first, count: part.length, tokens: part.reduce((n, r) => n + r.tokens.length, 0) };
    });
    const texts: RangeRef[] = await mapLimited(starts(list.length, textChunkSize), concurrency, async (first, i) => {
      const part = list.slice(first, first + textChunkSize).map((r) => r.text);
      const ref = await writeGzipped(write, `${split}/texts-${pad3(i)}.json.gz`, encodeJson(part));
      return { ...ref, first, count: part.length };
    });
    const positive = list.filter((r) => r.label === 1).length;
    splits[split] = {
      count: list.length,
      positive,
      negative: list.length - positive,
      tokens,
      maxLength,
      unknownTokens,
      duplicateTexts,
      alsoInTrain,
      cutReviews: list.filter((r) => r.cutFrom !== undefined).length,
      shards,
      texts,
    };
  }

  const words = Array.from(ranking.order, (id) => interner.words[id]!);
  const vocabulary = await writeGzipped(
    write,
    'vocabulary.json.gz',
    encodeJson({ words, counts: Array.from(ranking.counts) }),
  );
  const manifest: ImdbManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    source: { name: baseName(name), ...(typeof source === 'function' ? source() : source) },
    tokenizer: { filters: KERAS_FILTERS, lower: true, split: ' ', htmlBreaks: 'space' },
    order: 'negative then positive, each by id',
    options: { shardSize, textChunkSize },
    vocabulary: { ...vocabulary, words: words.length },
    splits,
  };
  await write(MANIFEST_FILE, encodeJson(manifest, 2));
  return manifest;
}

function toShardData(part: readonly Review[]) {
  const offsets = new Uint32Array(part.length + 1);
  part.forEach((r, i) => (offsets[i + 1] = offsets[i]! + r.tokens.length));
  const tokens = new Uint32Array(offsets[part.length]!);
  part.forEach((r, i) => tokens.set(r.tokens, offsets[i]));
  return {
    reviewIds: Uint32Array.from(part, (r) => r.id),
    labels: Uint8Array.from(part, (r) => r.label),
    ratings: Uint8Array.from(part, (r) => r.rating),
    offsets,
    tokens,
  };
}

async function writeGzipped(write: WriteFile, path: string, content: Uint8Array): Promise<FileRef> {
  const [compressed, sha256] = await Promise.all([gzipBytes(content), sha256Hex(content)]);
  await write(path, compressed);
  return { path, bytes: compressed.length, size: content.length, sha256 };
}

const utf8 = new TextEncoder();

function encodeJson(value: unknown, indent?: number): Uint8Array {
  return utf8.encode(JSON.stringify(value, null, indent) + (indent ? '\n' : ''));
}

// The first index of each run of `size` items out of `count`.
function starts(count: number, size: number): number[] {
  return Array.from({ length: Math.ceil(count / size) }, (_, i) => i * size);
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
