/**
 * `npm run data`: prepares the IMDB dataset for the site and the Node tools, from
 * `aclImdb_v1.tar.gz` to token shards, text chunks, a vocabulary and a manifest in
 * `public/data/imdb/`. The archive comes from `--archive PATH`, else `IMDB_ARCHIVE`, else a
 * verified download cached in `.cache/imdb/` (downloaded, or resumed, when missing).
 */
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { countBytes, MAX_REVIEW_BYTES, prepareImdb } from '../src/data/index.ts';
import {
  checkOutputDirectory,
  openFileStream,
  resolveArchive,
  sha256Transform,
  writeDirectoryAtomically,
} from '../src/data/node/index.ts';
import { parseOptions, runCommand, UsageError } from './lib/options.ts';

const USAGE = `usage: npm run data -- [options]

Prepares the IMDB reviews for the kit in public/data/imdb/.

  --archive PATH       read this aclImdb_v1.tar.gz (else $IMDB_ARCHIVE, else the cache,
                       else download it)
  --out DIR            where the prepared data goes (default public/data/imdb); it must be
                       new, empty, or data this command prepared before
  --force              replace whatever is at --out
  --cache-dir DIR      where the download is kept (default .cache/imdb)
  --url URL            download from here ($IMDB_ARCHIVE_URL; default the official archive)
  --size BYTES         expected size of the download ($IMDB_ARCHIVE_BYTES)
  --sha256 HEX         expected SHA-256 of the download ($IMDB_ARCHIVE_SHA256)
  --shard-size N       reviews per token shard (default 5000)
  --text-chunk-size N  reviews per text chunk (default 500)
  --quiet              print only errors
  --help               show this help`;

async function main(argv: string[]): Promise<void> {
  const args = parseOptions(argv, {
    archive: { type: 'string' },
    out: { type: 'string', default: 'public/data/imdb' },
    force: { type: 'boolean' },
    'cache-dir': { type: 'string', default: '.cache/imdb' },
    url: { type: 'string' },
    size: { type: 'int', min: 1 },
    sha256: { type: 'string' },
    'shard-size': { type: 'int', min: 1, default: 5000 },
    'text-chunk-size': { type: 'int', min: 1, default: 500 },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Before the archive is read (maybe downloaded): refuse to destroy what is at --out.
  await checkOutputDirectory(args.out, { force: args.force });
  const env = process.env;
  const quiet = args.quiet;
  const log = (line: string) => {
    if (!quiet) process.stderr.write(`${progress.active ? '\n' : ''}${line}\n`);
    progress.active = false;
  };
  const started = performance.now();

  const size = args.size ?? env.IMDB_ARCHIVE_BYTES;
  const resolved = await resolveArchive({
    archive: args.archive,
    envArchive: env.IMDB_ARCHIVE,
    cacheDir: args['cache-dir'],
    url: args.url ?? env.IMDB_ARCHIVE_URL,
    size: size === undefined ? undefined : wholeNumber('IMDB_ARCHIVE_BYTES', String(size)),
    sha256: args.sha256 ?? env.IMDB_ARCHIVE_SHA256,
    log,
    onProgress: quiet ? undefined : (received, total) => progress.show('download', received, total),
  });
  if (!quiet) progress.done();

  const { stream, bytes } = await openFileStream(resolved.path);
  const hash = sha256Transform();
  const input = stream
    .pipeThrough(hash.stream)
    .pipeThrough(countBytes((n) => (quiet ? undefined : progress.show('read', n, bytes))));
  const manifest = await writeDirectoryAtomically(args.out, (write) =>
    prepareImdb(input, write, {
      name: resolved.path,
      source: () => ({ bytes, sha256: resolved.sha256 ?? hash.digest() }),
      shardSize: args['shard-size'],
      textChunkSize: args['text-chunk-size'],
    }),
  );
  if (!quiet) progress.done();

  const { train, test } = manifest.splits;
  const files = [manifest.vocabulary, ...train.shards, ...train.texts, ...test.shards, ...test.texts];
  const outBytes = files.reduce((n, f) => n + f.bytes, 0) + (await stat(`${args.out}/manifest.json`)).size;
  const cut = (train.cutReviews ?? 0) + (test.cutReviews ?? 0);
  if (cut > 0)
    log(
      `note: ${fmt(cut)} review(s) longer than ${mb(MAX_REVIEW_BYTES)} were cut to their first ${mb(MAX_REVIEW_BYTES)}`,
    );
  log(
    `prepared ${fmt(train.count)} training and ${fmt(test.count)} test reviews, ${fmt(manifest.vocabulary.words)} words, ` +
      `${files.length + 1} files, ${mb(outBytes)} in ${relative(process.cwd(), args.out) || '.'} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/** A whole number above 0 from the environment (options are checked by parseOptions). */
function wholeNumber(name: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n <= 0) throw new UsageError(`${name} must be a whole number above 0, not "${text}"`);
  return n;
}

// One progress line on a terminal, redrawn at most ten times a second. In a log (no terminal)
// a long download still says how far it got, a line per quarter, and reading stays silent.
const progress = {
  active: false,
  last: 0,
  quarter: 0,
  show(label: string, done: number, total: number | undefined) {
    const line = `${label.padEnd(8)} ${total === undefined ? '' : `${percent(done, total).padStart(4)} `}${mb(done)}${total === undefined ? '' : ` of ${mb(total)}`}`;
    if (!process.stderr.isTTY) {
      const quarter = total === undefined ? 0 : Math.floor((4 * done) / total);
      if (label === 'download' && quarter > this.quarter) process.stderr.write(`${line}\n`);
      this.quarter = quarter;
      return;
    }
    const now = performance.now();
    if (now - this.last < 100 && done !== total) return;
    this.last = now;
    this.active = true;
    const width = 30;
    const bar = total === undefined ? '' : `[${'#'.repeat(Math.round((width * done) / total)).padEnd(width, '.')}] `;
    process.stderr.write(`\r${bar}${line}  `);
  },
  done() {
    if (this.active) process.stderr.write('\n');
    this.active = false;
    this.quarter = 0;
  },
};

function percent(done: number, total: number): string {
  return `${Math.floor((100 * done) / total)}%`;
}

function mb(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

// One line and an exit status for every failure (2: a bad option; 1: anything else).
runCommand('npm run data', async () => {
  try {
    await main(process.argv.slice(2));
  } finally {
    progress.done();
  }
});
