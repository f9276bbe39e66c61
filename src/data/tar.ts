/**
 * A streaming tar reader: members come out one at a time as the bytes arrive, so an archive is
 * never unpacked to disk nor held in memory whole. It reads the POSIX ustar format, GNU tar's
 * long names (`././@LongLink`) and pax extended headers, which cover the archives GNU tar,
 * bsdtar and Python's tarfile write.
 */
import { ByteReader } from './bytes.ts';
import { DataError } from './errors.ts';

const BLOCK = 512;

/** What a tar member is. */
export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** A member's header, after long names and pax records have been applied. */
export interface TarHeader {
  /** The member's path inside the archive, such as `aclImdb/train/pos/0_9.txt`. */
  path: string;
  /** What the member is. */
  type: TarEntryType;
  /** The raw type flag character from the header ('0', '5', ...). */
  typeFlag: string;
  /** Size of the member's data in bytes. */
  size: number;
  /** Modification time in seconds since 1970. */
  mtime: number;
  /** The target of a link. */
  linkPath: string;
}

/** A member of a tar archive. */
export interface TarEntry extends TarHeader {
  /**
   * The member's data, for the files the `select` option asked for. It may share memory with
   * the stream's chunks: copy it (`slice()`) to keep it for long.
   */
  body?: Uint8Array;
}

/** Options of {@link readTar}. */
export interface ReadTarOptions {
  /** Which files' data to read; the others are skipped without being buffered. Default: all. */
  select?: (header: TarHeader) => boolean;
  /** The name used in error messages, such as a file name. */
  name?: string;
  /**
   * Read at most this many bytes of a selected file's data and skip the rest (bytes): a member
   * of hundreds of megabytes is not held in memory. Its `size` still says how long it was.
   */
  maxBody?: number;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads the members of an (uncompressed) tar stream in order. Rejects with a {@link DataError}:
 * `corrupt` for a header whose checksum does not match (the data is not tar), `truncated` when
 * the data ends inside a member or before the end-of-archive marker.
 */
export async function* readTar(
  stream: ReadableStream<Uint8Array>,
  options: ReadTarOptions = {},
): AsyncGenerator<TarEntry, void, undefined> {
  const { select = () => true, name = 'the archive', maxBody = Infinity } = options;
  const reader = new ByteReader(stream);
  // Overrides from a GNU long-name member or a pax header, for the next member only.
  let pending: Partial<Pick<TarHeader, 'path' | 'linkPath' | 'size'>> = {};
  let finished = false;
  try {
    for (;;) {
      const start = reader.position;
      const block = await reader.read(BLOCK);
      if (block.length === 0) {
        throw new DataError('truncated', `${name} is truncated: the tar data ends without its end-of-archive marker`);
      }
      if (block.length < BLOCK) throw truncated(name, 'inside a tar header');
      if (isZeroBlock(block)) {
        // The end-of-archive marker is two zero blocks; GNU tar accepts one, and so do we. The
        // rest (padding up to the record size) is drained so that the decompressor still checks
        // its trailer and a damaged end is noticed.
        while (!reader.ended) await reader.skip(1 << 20);
        finished = true;
        return;
      }
      const raw = parseHeader(block, start, name);
      const header: TarHeader = {
        ...raw,
        path: pending.path ?? raw.path,
        linkPath: pending.linkPath ?? raw.linkPath,
        size: pending.size ?? raw.size,
      };
      const padded = Math.ceil(header.size / BLOCK) * BLOCK;
      const flag = header.typeFlag;
      if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
        const data = await reader.read(header.size);
        if (data.length < header.size) throw truncated(name, `inside the member after ${header.path}`);
        await skipExactly(reader, padded - header.size, name);
        if (flag === 'L') pending = { ...pending, path: cString(data) };
        else if (flag === 'K') pending = { ...pending, linkPath: cString(data) };
        else if (flag === 'x') pending = { ...pending, ...parsePax(data, name) };
        // Global pax headers ('g') set defaults such as owners and times, which this reader
        // does not report, so they are read and dropped.
        continue;
      }
      pending = {};
      if (header.type === 'file' && select(header)) {
        const kept = Math.min(header.size, maxBody);
        const body = await reader.read(kept);
        if (body.length < kept) throw truncated(name, `inside ${header.path}`);
        await skipExactly(reader, padded - kept, name, header.path);
        yield { ...header, body };
      } else {
        // Only regular files carry data in practice, but a size is honoured whatever the type.
        const data =
          header.type === 'directory' || header.type === 'symlink' || header.type === 'hardlink' ? 0 : padded;
        await skipExactly(reader, data, name, header.path);
        yield header;
      }
    }
  } finally {
    // A consumer that stops early (or an error) must not leave the stream half read and locked.
    if (!finished) await reader.cancel().catch(() => {});
  }
}

async function skipExactly(reader: ByteReader, n: number, name: string, path?: string): Promise<void> {
  if ((await reader.skip(n)) < n) throw truncated(name, path ? `inside ${path}` : 'inside the padding of a member');
}

function truncated(name: string, where: string): DataError {
  return new DataError('truncated', `${name} is truncated: the tar data ends ${where}`);
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file', // contiguous file, read as a regular one as GNU tar does
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'directory',
};

// Field offsets and lengths of the ustar header.
function parseHeader(block: Uint8Array, start: number, name: string): TarHeader {
  const stored = parseOctal(block.subarray(148, 156));
  const [unsigned, signed] = headerSums(block);
  if (stored === null || (stored !== unsigned && stored !== signed)) {
    throw new DataError(
      'corrupt',
      start === 0
        ? `${name} is not a tar archive (its first header has a bad checksum)`
        : `${name} is corrupt: bad tar header checksum at byte ${start}`,
    );
  }
  const magic = ascii(block.subarray(257, 263));
  let path = cString(block.subarray(0, 100));
  // Only POSIX ustar has a name prefix; GNU tar keeps other fields in those bytes.
  if (magic === 'ustar\0') {
    const prefix = cString(block.subarray(345, 500));
    if (prefix) path = `${prefix}/${path}`;
  }
  const typeFlag = String.fromCharCode(block[156]!);
  let type = TYPES[typeFlag] ?? 'other';
  // Old archives mark directories only by a trailing slash.
  if (type === 'file' && path.endsWith('/')) type = 'directory';
  const size = parseNumber(block.subarray(124, 136));
  if (size === null) throw new DataError('corrupt', `${name} is corrupt: bad size in the tar header at byte ${start}`);
  return {
    path,
    type,
    typeFlag,
    size,
    mtime: parseNumber(block.subarray(136, 148)) ?? 0,
    linkPath: cString(block.subarray(157, 257)),
  };
}

// The checksum is the sum of the header's bytes with the checksum field read as spaces; some
// old tars summed signed bytes, so both sums are accepted.
function headerSums(block: Uint8Array): [number, number] {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b >= 128 ? b - 256 : b;
  }
  return [unsigned, signed];
}

// Numeric fields are octal text, or for values too large for it (GNU), big-endian base-256
// marked by the high bit of the first byte.
function parseNumber(field: Uint8Array): number | null {
  if ((field[0]! & 0x80) !== 0) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  return parseOctal(field);
}

function parseOctal(field: Uint8Array): number | null {
  const text = ascii(field)
    .replace(/[\0 ]+$/, '')
    .replace(/^[ ]+/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return null;
  return parseInt(text, 8);
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

// A NUL-terminated UTF-8 string.
function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return utf8.decode(end === -1 ? bytes : bytes.subarray(0, end));
}

// Pax records read "<length> <key>=<value>\n", the length counting the whole record in bytes.
function parsePax(data: Uint8Array, name: string): Partial<Pick<TarHeader, 'path' | 'linkPath' | 'size'>> {
  const out: Partial<Pick<TarHeader, 'path' | 'linkPath' | 'size'>> = {};
  let offset = 0;
  while (offset < data.length) {
    if (data[offset] === 0) break;
    const space = data.indexOf(0x20, offset);
    const length = space === -1 ? NaN : Number(ascii(data.subarray(offset, space)));
    if (!Number.isInteger(length) || length <= 0 || offset + length > data.length) {
      throw new DataError('corrupt', `${name} is corrupt: bad pax extended header record`);
    }
    const record = utf8.decode(data.subarray(space + 1, offset + length - 1));
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'linkpath') out.linkPath = value;
    else if (key === 'size') out.size = Number(value);
    offset += length;
  }
  return out;
}
