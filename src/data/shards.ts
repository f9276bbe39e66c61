/**
 * The prepared dataset's file format: binary token shards, chunked review texts, a vocabulary
 * file and a manifest that lists them all with sizes and SHA-256 checksums.
 *
 * Every data file is stored gzip-compressed, because static hosts do not all compress what they
 * serve. A shard holds, for a run of consecutive reviews of one split: the review ids, the
 * token counts, the labels, the ratings, and the tokens as word ranks in LEB128 varints (most
 * tokens are frequent words with small ranks, so they take one or two bytes instead of four).
 */
import { DataError } from './errors.ts';
import type { SplitName } from './imdb.ts';

/** The manifest's `format` value. */
export const MANIFEST_FORMAT = 'lstm-kit-imdb';
/** The version of the file layout this code writes and reads. */
export const MANIFEST_VERSION = 1;
/** The manifest's file name inside the dataset directory. */
export const MANIFEST_FILE = 'manifest.json';

/** A file of the dataset, as the manifest describes it. */
export interface FileRef {
  /** Path relative to the dataset directory or base URL. */
  path: string;
  /** Size of the file as stored (gzip-compressed), for progress bars. */
  bytes: number;
  /** Size of the content after decompression. */
  size: number;
  /**
   * SHA-256 of the content after decompression, so that it verifies whether or not a server
   * decompressed the file on the way (some send `.gz` files with `Content-Encoding: gzip`).
   */
  sha256: string;
}

/** A file holding a run of consecutive reviews of one split. */
export interface RangeRef extends FileRef {
  /** Index of its first review within the split. */
  first: number;
  /** How many reviews it holds. */
  count: number;
}

/** A token shard. */
export interface ShardRef extends RangeRef {
  /** How many tokens it holds. */
  tokens: number;
}

/** One split of the prepared dataset. */
export interface SplitManifest {
  /** Number of reviews. */
  count: number;
  /** Number of positive reviews; they follow the negative ones. */
  positive: number;
  /** Number of negative reviews; they come first. */
  negative: number;
  /** Number of tokens over all reviews. */
  tokens: number;
  /** Tokens of the longest review. */
  maxLength: number;
  /** Tokens that are not in the (training) vocabulary: always 0 for the training split. */
  unknownTokens: number;
  /** Reviews whose text equals an earlier review's text in the same split. */
  duplicateTexts: number;
  /** Reviews whose text also occurs in the training split (0 for the training split itself). */
  alsoInTrain: number;
  /**
   * Reviews longer than MAX_REVIEW_BYTES (src/data/imdb.ts) in the archive, kept cut to it
   * (absent in data prepared before the cap: none were cut).
   */
  cutReviews?: number;
  /** The token shards, in review order. */
  shards: ShardRef[];
  /** The text chunks (JSON arrays of strings), in review order. */
  texts: RangeRef[];
}

/** The dataset's table of contents: what was prepared, from what, how, and where it lies. */
export interface ImdbManifest {
  /** Always {@link MANIFEST_FORMAT}. */
  format: typeof MANIFEST_FORMAT;
  /** The layout version, {@link MANIFEST_VERSION}. */
  version: number;
  /** The archive the data was prepared from. */
  source: { name: string; bytes?: number; sha256?: string };
  /** How texts were tokenized: Keras `Tokenizer` options, after `<br />` became a space. */
  tokenizer: { filters: string; lower: boolean; split: string; htmlBreaks: 'space' };
  /** How reviews are ordered within a split. */
  order: 'negative then positive, each by id';
  /** Reviews per token shard and per text chunk. */
  options: { shardSize: number; textChunkSize: number };
  /** The vocabulary file (JSON `{words, counts}`), ranked over the training split only. */
  vocabulary: FileRef & { size: number; words: number };
  /** The two splits. */
  splits: Record<SplitName, SplitManifest>;
}

/** The reviews of a shard or of a whole split, as arrays. */
export interface ShardData {
  /** Each review's id (the number in its file name). */
  reviewIds: Uint32Array;
  /** 1 for positive, 0 for negative. */
  labels: Uint8Array;
  /** Ratings out of 10. */
  ratings: Uint8Array;
  /** Review `i`'s tokens are `tokens.subarray(offsets[i], offsets[i + 1])`; length count + 1. */
  offsets: Uint32Array;
  /** All tokens as word ranks (0 = not in the vocabulary), review after review. */
  tokens: Uint32Array;
}

const MAGIC = 0x53444d49; // "IMDS" read as a little-endian u32
const HEADER = 24;

/** Encodes a shard's reviews into the binary shard layout (before compression). */
export function encodeShard(data: ShardData): Uint8Array<ArrayBuffer> {
  const count = data.reviewIds.length;
  const tokenCount = data.offsets[count]! - data.offsets[0]!;
  const varints = encodeVarints(data.tokens.subarray(data.offsets[0], data.offsets[count]));
  const out = new Uint8Array(HEADER + count * 10 + varints.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MANIFEST_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, tokenCount, true);
  view.setUint32(16, varints.length, true);
  let at = HEADER;
  for (let i = 0; i < count; i++, at += 4) view.setUint32(at, data.reviewIds[i]!, true);
  for (let i = 0; i < count; i++, at += 4) view.setUint32(at, data.offsets[i + 1]! - data.offsets[i]!, true);
  out.set(data.labels.subarray(0, count), at);
  out.set(data.ratings.subarray(0, count), at + count);
  out.set(varints, at + 2 * count);
  return out;
}

/** Decodes a binary shard; throws a `format` {@link DataError} for anything malformed. */
export function decodeShard(bytes: Uint8Array, name = 'shard'): ShardData {
  const bad = (why: string) => new DataError('format', `${name} is not a valid token shard: ${why}`);
  if (bytes.length < HEADER) throw bad('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw bad('wrong magic number');
  if (view.getUint32(4, true) !== MANIFEST_VERSION) throw bad(`unsupported version ${view.getUint32(4, true)}`);
  const count = view.getUint32(8, true);
  const tokenCount = view.getUint32(12, true);
  const varintBytes = view.getUint32(16, true);
  if (bytes.length !== HEADER + count * 10 + varintBytes) throw bad('wrong length');
  const reviewIds = new Uint32Array(count);
  const offsets = new Uint32Array(count + 1);
  let at = HEADER;
  for (let i = 0; i < count; i++, at += 4) reviewIds[i] = view.getUint32(at, true);
  for (let i = 0; i < count; i++, at += 4) offsets[i + 1] = offsets[i]! + view.getUint32(at, true);
  if (offsets[count] !== tokenCount) throw bad('review lengths do not add up to the token count');
  const labels = bytes.slice(at, at + count);
  const ratings = bytes.slice(at + count, at + 2 * count);
  const tokens = decodeVarints(bytes.subarray(at + 2 * count), tokenCount, bad);
  return { reviewIds, labels, ratings, offsets, tokens };
}

/** Encodes unsigned integers as LEB128 varints: 7 bits a byte, high bit set on all but the last. */
export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 5);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    while (v >= 0x80) {
      out[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[n++] = v;
  }
  return out.slice(0, n);
}

/** Decodes exactly `count` LEB128 varints that fill `bytes`. */
export function decodeVarints(
  bytes: Uint8Array,
  count: number,
  bad: (why: string) => Error = (why) => new DataError('format', `bad varints: ${why}`),
): Uint32Array {
  const out = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (at >= bytes.length) throw bad('the tokens end early');
      b = bytes[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80 && shift < 35);
    out[i] = v;
  }
  if (at !== bytes.length) throw bad('bytes left after the last token');
  return out;
}

/** Checks that parsed JSON is a manifest this code can read; throws a `format` {@link DataError}. */
export function checkManifest(value: unknown, name = MANIFEST_FILE): ImdbManifest {
  const m = value as Partial<ImdbManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) {
    throw new DataError('format', `${name} is not an IMDB dataset manifest`);
  }
  if (m.version !== MANIFEST_VERSION) {
    throw new DataError(
      'format',
      `${name} has layout version ${String(m.version)}, this code reads version ${MANIFEST_VERSION}: run npm run data again`,
    );
  }
  if (!m.splits?.train || !m.splits.test || !m.vocabulary) throw new DataError('format', `${name} is incomplete`);
  return m as ImdbManifest;
}
