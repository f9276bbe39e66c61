/**
 * The Large Movie Review Dataset as it lies in `aclImdb_v1.tar.gz`: which members are reviews,
 * and what their paths say (split, sentiment, rating).
 */
import { DataError } from './errors.ts';
import { gunzip } from './gzip.ts';
import { readTar } from './tar.ts';

/** Where the official archive can be downloaded. */
export const IMDB_ARCHIVE_URL = 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz';
/** The official archive's size in bytes. */
export const IMDB_ARCHIVE_BYTES = 84_125_825;
/** The official archive's SHA-256. */
export const IMDB_ARCHIVE_SHA256 = 'c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe';

/** The two halves of the labeled data. */
export type SplitName = 'train' | 'test';

/** Both split names, in the order the prepared data keeps them. */
export const SPLITS: readonly SplitName[] = ['train', 'test'];

/** A review's place in the archive, read from its path such as `aclImdb/train/pos/123_9.txt`. */
export interface ImdbReviewPath {
  /** Which half of the data. */
  split: SplitName;
  /** 1 for a positive review (directory `pos`), 0 for a negative one (`neg`). */
  label: 0 | 1;
  /** The number before the underscore; unique within a split and label. */
  id: number;
  /** The reviewer's rating out of 10: 7-10 for positive reviews, 1-4 for negative ones. */
  rating: number;
}

/** One labeled review. */
export interface ImdbReview extends ImdbReviewPath {
  /** The review as written, HTML line breaks included (its first {@link MAX_REVIEW_BYTES} at most). */
  text: string;
  /** The review's length in bytes when it was longer than {@link MAX_REVIEW_BYTES} and was cut. */
  cutFrom?: number;
}

/**
 * The most of one review that is read (bytes of UTF-8): 1 MiB, about 170,000 words, where the
 * longest review of the real archive has 13.7 kB. A longer member is cut here, so that a
 * crafted archive cannot fill the memory or pass V8's string limit (past it, decoding gives "").
 */
export const MAX_REVIEW_BYTES = 1 << 20;

/** The length of the longest prefix of `bytes` that ends on a whole UTF-8 character. */
export function utf8Prefix(bytes: Uint8Array): number {
  let end = bytes.length;
  let back = end - 1;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (back >= 0 && back > end - 4 && (bytes[back]! & 0xc0) === 0x80) back--;
  if (back < 0) return 0;
  const lead = bytes[back]!;
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (back + length > end) end = back;
  return end;
}

const REVIEW_DIR = /^(?:\.\/)?aclImdb\/(train|test)\/(pos|neg)\/([^/]*)$/;
const REVIEW_FILE = /^(\d+)_(\d+)\.txt$/;

/**
 * Reads split, label, id and rating from a member path; `null` for members that are not labeled
 * reviews (`train/unsup`, `*.feat`, the vocabulary, URLs, README, directories). Throws a
 * `layout` {@link DataError} for a file in a review directory with a name of the wrong form.
 */
export function parseImdbPath(path: string): ImdbReviewPath | null {
  const dir = REVIEW_DIR.exec(path);
  if (dir === null || dir[3] === '') return null;
  const file = REVIEW_FILE.exec(dir[3]!);
  const label = dir[2] === 'pos' ? 1 : 0;
  const rating = file === null ? NaN : Number(file[2]);
  const ratingOk = label === 1 ? rating >= 7 && rating <= 10 : rating >= 1 && rating <= 4;
  if (file === null || !ratingOk) {
    throw new DataError(
      'layout',
      `unexpected member ${path}: reviews in ${dir[2]}/ are named <id>_<rating>.txt with a rating of ${label === 1 ? '7-10' : '1-4'}`,
    );
  }
  return { split: dir[1] as SplitName, label, id: Number(file[1]), rating };
}

/** Options of {@link readImdbArchive}. */
export interface ReadImdbOptions {
  /** The name used in error messages, such as the archive's file name. */
  name?: string;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Streams the labeled reviews out of `aclImdb_v1.tar.gz` (gzip-compressed bytes) in archive
 * order, skipping everything else. Accepts the official archive and the labeled-only copy.
 * Rejects with a {@link DataError} for data that is not gzip, is damaged or truncated, or is
 * not laid out like aclImdb (after the last member, when a split or label has no reviews).
 */
export async function* readImdbArchive(
  stream: ReadableStream<Uint8Array>,
  options: ReadImdbOptions = {},
): AsyncGenerator<ImdbReview, void, undefined> {
  const { name = 'the archive' } = options;
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  let members = 0;
  let example = '';
  for await (const entry of readTar(gunzip(stream, { name }), {
    name,
    select: (h) => parseImdbPath(h.path) !== null,
    maxBody: MAX_REVIEW_BYTES,
  })) {
    members++;
    if (example === '' && entry.type === 'file') example = entry.path;
    if (entry.body === undefined) continue;
    const where = parseImdbPath(entry.path)!;
    const key = `${where.split}/${where.label}/${where.id}`;
    if (seen.has(key))
      throw new DataError(
        'layout',
        `${name} holds review ${where.split}/${where.label ? 'pos' : 'neg'}/${where.id} twice`,
      );
    seen.add(key);
    const group = `${where.split}/${where.label ? 'pos' : 'neg'}`;
    counts.set(group, (counts.get(group) ?? 0) + 1);
    if (entry.body.length < entry.size) {
      yield { ...where, text: utf8.decode(entry.body.subarray(0, utf8Prefix(entry.body))), cutFrom: entry.size };
    } else {
      yield { ...where, text: utf8.decode(entry.body) };
    }
  }
  const missing = ['train/pos', 'train/neg', 'test/pos', 'test/neg'].filter((g) => !counts.has(g));
  if (missing.length > 0) {
    const found =
      members === 0 ? 'it has no members' : `it has ${members} members, such as ${example || 'directories only'}`;
    throw new DataError(
      'layout',
      `${name} is not laid out like aclImdb_v1.tar.gz: no reviews in aclImdb/${missing[0]}/*.txt (${found})`,
    );
  }
}
