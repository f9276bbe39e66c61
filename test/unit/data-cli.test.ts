import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImdbArchive, buildTar, gzip } from '../fixtures/imdb-archive.ts';
import { closedPort, startServer, type TestServer } from '../fixtures/http-server.ts';

const SCRIPT = resolve('scripts/data.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs `npm run data` as the script entry does; async, so this process's test server can answer.
function runData(args: string[], env: Record<string, string> = {}, cwd = dir): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', SCRIPT, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let dir: string;
let server: TestServer;
const archive = buildImdbArchive('official', 'gnu');
const sha256 = createHash('sha256').update(archive).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cli-'));
  writeFileSync(join(dir, 'imdb.tar.gz'), archive);
  writeFileSync(join(dir, 'not-gzip.tar.gz'), '<html>Not Found</html>');
  writeFileSync(join(dir, 'truncated.tar.gz'), archive.subarray(0, archive.length - 100));
  writeFileSync(join(dir, 'wrong.tar.gz'), gzip(buildTar([{ path: 'reviews/1.txt', data: 'hi' }])));
  server = await startServer({ 'aclImdb_v1.tar.gz': archive });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run data', () => {
  it('prepares the data from --archive into public/data/imdb', async () => {
    const run = await runData(['--archive', 'imdb.tar.gz']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^prepared 6 training and 4 test reviews, 23 words, 6 files, [\d.]+ kB in public\/data\/imdb \([\d.]+ s\)\n$/,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'public/data/imdb/manifest.json'), 'utf8'));
    expect(manifest.source).toEqual({ name: 'imdb.tar.gz', bytes: archive.length, sha256 });
    expect(readdirSync(join(dir, 'public/data'))).toEqual(['imdb']);
  });

  it('reads the archive named by IMDB_ARCHIVE, and writes where --out says', async () => {
    const run = await runData(['--out', 'elsewhere', '--quiet', '--shard-size', '2'], {
      IMDB_ARCHIVE: join(dir, 'imdb.tar.gz'),
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'elsewhere/manifest.json'), 'utf8')).splits.train.shards).toHaveLength(3);
  });

  const failures: [string, string[], RegExp][] = [
    ['a missing file', ['--archive', 'missing.tar.gz'], /^npm run data: missing\.tar\.gz does not exist\n$/],
    [
      'a file that is not gzip',
      ['--archive', 'not-gzip.tar.gz'],
      /^npm run data: not-gzip\.tar\.gz is not a gzip file \(.*\)\n$/,
    ],
    [
      'a truncated archive',
      ['--archive', 'truncated.tar.gz'],
      /^npm run data: truncated\.tar\.gz is truncated: the gzip data ends early\n$/,
    ],
    [
      'a tar with the wrong layout',
      ['--archive', 'wrong.tar.gz'],
      /^npm run data: wrong\.tar\.gz is not laid out like aclImdb_v1\.tar\.gz: .*\n$/,
    ],
  ];
  for (const [what, args, message] of failures) {
    it(`fails with one line for ${what}, and leaves earlier output alone`, async () => {
      const run = await runData([...args, '--out', 'kept']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
    });
  }

  it('keeps the previous output when a run fails', async () => {
    expect((await runData(['--archive', 'imdb.tar.gz', '--out', 'kept', '--quiet'])).code).toBe(0);
    const before = readFileSync(join(dir, 'kept/manifest.json'));
    expect((await runData(['--archive', 'truncated.tar.gz', '--out', 'kept'])).code).toBe(1);
    expect(readFileSync(join(dir, 'kept/manifest.json'))).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('kept'))).toEqual(['kept']);
  });

  it('downloads into the cache, resumes a partial download, then reuses the cache', async () => {
    const env = {
      IMDB_ARCHIVE_URL: `${server.url}aclImdb_v1.tar.gz`,
      IMDB_ARCHIVE_BYTES: String(archive.length),
      IMDB_ARCHIVE_SHA256: sha256,
    };
    const cwd = mkdtempSync(join(dir, 'download-'));
    mkdirSync(join(cwd, '.cache/imdb'), { recursive: true });
    writeFileSync(join(cwd, '.cache/imdb/aclImdb_v1.tar.gz.part'), archive.subarray(0, 500));
    server.ranges.length = 0;
    const run = await runData([], env, cwd);
    expect(run.code).toBe(0);
    expect(server.ranges).toEqual(['bytes=500-']);
    expect(run.stderr).toContain(`downloading ${env.IMDB_ARCHIVE_URL} to .cache/imdb/aclImdb_v1.tar.gz`);
    expect(existsSync(join(cwd, 'public/data/imdb/manifest.json'))).toBe(true);
    const again = await runData(['--quiet'], env, cwd);
    expect(again.code).toBe(0);
    expect(server.ranges).toHaveLength(1);
  });

  it('fails with one line on a checksum mismatch or without network', async () => {
    const cwd = mkdtempSync(join(dir, 'download-'));
    const url = `${server.url}aclImdb_v1.tar.gz`;
    const bad = await runData(['--url', url, '--size', String(archive.length), '--sha256', 'f'.repeat(64)], {}, cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').at(-2)).toBe(
      `npm run data: checksum mismatch for ${url}: SHA-256 ${sha256}, expected ${'f'.repeat(64)}; the download was removed`,
    );
    const offline = await runData(['--url', `http://127.0.0.1:${await closedPort()}/aclImdb_v1.tar.gz`], {}, cwd);
    expect(offline.code).toBe(1);
    expect(offline.stderr.split('\n').at(-2)).toMatch(
      /^npm run data: cannot download http:\/\/127\.0\.0\.1:\d+\/aclImdb_v1\.tar\.gz: ECONNREFUSED/,
    );
  });

  it('never destroys an --out it did not write: a folder of other files, a file; --force replaces them', async () => {
    const cwd = mkdtempSync(join(dir, 'out-'));
    mkdirSync(join(cwd, 'public'));
    writeFileSync(join(cwd, 'public/_headers'), 'keep me');
    writeFileSync(join(cwd, 'notes.txt'), 'keep me too');
    for (const [out, what] of [
      ['public', 'already holds files that are not a prepared dataset'],
      ['notes.txt', 'is a file'],
    ]) {
      const run = await runData(['--archive', join(dir, 'imdb.tar.gz'), '--out', out], {}, cwd);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `npm run data: ${out} ${what}, and preparing the data would replace it: choose a new or empty folder, or pass --force to replace it\n`,
      );
    }
    expect(readFileSync(join(cwd, 'public/_headers'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('keep me too');
    // A dataset it wrote before, and an empty folder, are fine; --force replaces anything.
    mkdirSync(join(cwd, 'empty'));
    expect((await runData(['--archive', join(dir, 'imdb.tar.gz'), '--out', 'empty', '--quiet'], {}, cwd)).code).toBe(0);
    expect((await runData(['--archive', join(dir, 'imdb.tar.gz'), '--out', 'empty', '--quiet'], {}, cwd)).code).toBe(0);
    const forced = await runData(
      ['--archive', join(dir, 'imdb.tar.gz'), '--out', 'notes.txt', '--force', '--quiet'],
      {},
      cwd,
    );
    expect(forced.code).toBe(0);
    expect(existsSync(join(cwd, 'notes.txt/manifest.json'))).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(['empty', 'notes.txt', 'public']);
  });

  it('refuses bad numbers in one line with exit code 2, leaving no temporary folder', async () => {
    const cwd = mkdtempSync(join(dir, 'numbers-'));
    for (const [args, message] of [
      [['--shard-size', '0'], '--shard-size must be a whole number of 1 or more, not "0"'],
      [['--text-chunk-size', 'abc'], '--text-chunk-size must be a whole number of 1 or more, not "abc"'],
      [['--size', '-5'], '--size must be a whole number of 1 or more, not "-5"'],
      [['--shard-size'], "Option '--shard-size <value>' argument missing"],
    ] as const) {
      const run = await runData(['--archive', join(dir, 'imdb.tar.gz'), '--out', 'out', ...args], {}, cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`npm run data: ${message} (see --help)\n`);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('explains its options, and rejects unknown ones', async () => {
    expect((await runData(['--help'])).stdout).toContain('usage: npm run data');
    const run = await runData(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^npm run data: Unknown option '--frobnicate'/);
  });
});
