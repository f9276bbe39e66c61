import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteReader, readTar, streamFromBytes, type TarEntry } from '../../src/data/index.ts';
import { buildTar, header, type TarFormat, type TarMember } from '../fixtures/imdb-archive.ts';

const text = (e: TarEntry) => new TextDecoder().decode(e.body);

async function entries(
  bytes: Uint8Array,
  chunkSize = 65536,
  select?: (h: { path: string }) => boolean,
): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  for await (const e of readTar(streamFromBytes(bytes, chunkSize), select ? { select } : {})) {
    out.push(e.body ? { ...e, body: e.body.slice() } : e);
  }
  return out;
}

const longDir = `aclImdb/${'very-long-directory-name/'.repeat(5)}`;
const members: TarMember[] = [
  { path: 'aclImdb/', type: 'directory' },
  { path: 'aclImdb/empty.txt', data: '' },
  { path: 'aclImdb/one-block.txt', data: 'x'.repeat(512) },
  { path: 'aclImdb/train/pos/0_9.txt', data: 'Great!<br />Loved it.' },
  { path: `${longDir}12_10.txt`, data: 'a long name that needs more than 100 bytes' },
  { path: 'aclImdb/ünïcödé_1.txt', data: 'crème brûlée' },
  { path: 'aclImdb/link', type: 'symlink', linkPath: 'README' },
  { path: 'aclImdb/big.feat', data: 'y'.repeat(3000) },
];

describe('readTar', () => {
  for (const format of ['ustar', 'gnu', 'pax'] as TarFormat[]) {
    it(`reads ${format} archives, long names included, whatever the chunking`, async () => {
      const tar = buildTar(members, format);
      for (const chunk of [1, 7, 511, 512, 513, 65536]) {
        const got = await entries(tar, chunk);
        expect(got.map((e) => [e.path, e.type])).toEqual(members.map((m) => [m.path, m.type ?? 'file']));
        expect(got.filter((e) => e.type === 'file').map(text)).toEqual(
          members.filter((m) => (m.type ?? 'file') === 'file').map((m) => m.data),
        );
        expect(got.find((e) => e.type === 'symlink')?.linkPath).toBe('README');
      }
    });
  }

  it('skips the bodies of members it is not asked for', async () => {
    const got = await entries(buildTar(members), 100, (h) => h.path.endsWith('.txt'));
    expect(got.filter((e) => e.body !== undefined).map((e) => e.path)).toEqual(
      members.filter((m) => m.path.endsWith('.txt')).map((m) => m.path),
    );
    const feat = got.find((e) => e.path === 'aclImdb/big.feat');
    expect(feat?.size).toBe(3000);
    expect(feat?.body).toBeUndefined();
  });

  it('reads sizes written in base-256, as GNU tar writes large ones', async () => {
    const body = new TextEncoder().encode('hello');
    const block = new Uint8Array(512);
    block.set(body);
    const tar = concat(
      header({ name: 'a.txt', size: 5, flag: '0', format: 'gnu', base256: true }),
      block,
      new Uint8Array(1024),
    );
    const [e] = await entries(tar);
    expect(e).toMatchObject({ path: 'a.txt', size: 5 });
    expect(text(e!)).toBe('hello');
  });

  it('accepts a single zero block at the end, as GNU tar does', async () => {
    const got = await entries(buildTar(members.slice(0, 3), 'gnu', { endBlocks: 1 }));
    expect(got).toHaveLength(3);
  });

  it('rejects data that is not tar', async () => {
    const junk = new TextEncoder().encode('this is not a tar archive at all '.repeat(40));
    await expect(entries(junk)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/not a tar archive/),
    });
  });

  it('rejects a damaged header further in', async () => {
    const tar = buildTar(members);
    tar[512 * 4 + 10] ^= 0xff; // inside the name of the fourth member's header
    await expect(entries(tar)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('rejects an archive cut inside a member, inside a header, or before its end marker', async () => {
    const tar = buildTar(members);
    for (const cut of [tar.length - 1024 - 100, 512 * 4 + 200, tar.length - 1024]) {
      await expect(entries(tar.subarray(0, cut))).rejects.toMatchObject({ code: 'truncated' });
    }
  });

  it('cancels the stream when the consumer stops early', async () => {
    let cancelled = false;
    const tar = buildTar(members);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(tar.subarray(0, 2048));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const e of readTar(stream)) {
      expect(e.path).toBe('aclImdb/');
      break;
    }
    expect(cancelled).toBe(true);
  });

  // A second, independent writer: the system's GNU tar (part of every Debian system; .ci/run
  // installs it if missing), in its three formats.
  it('reads archives written by GNU tar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-tar-'));
    try {
      for (const m of members.filter((m) => (m.type ?? 'file') === 'file')) {
        mkdirSync(dirname(join(dir, m.path)), { recursive: true });
        writeFileSync(join(dir, m.path), m.data ?? '');
      }
      for (const format of ['gnu', 'pax', 'ustar']) {
        const file = join(dir, `out-${format}.tar`);
        execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', dir, 'aclImdb']);
        const got = await entries(new Uint8Array(readFileSync(file)), 4096);
        const files = Object.fromEntries(got.filter((e) => e.type === 'file').map((e) => [e.path, text(e)]));
        for (const m of members.filter((m) => (m.type ?? 'file') === 'file')) expect(files[m.path]).toBe(m.data);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ByteReader', () => {
  it('reads exact lengths across chunk boundaries and skips', async () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const r = new ByteReader(streamFromBytes(bytes, 3));
    expect([...(await r.read(5))]).toEqual([0, 1, 2, 3, 4]);
    expect(await r.skip(10)).toBe(10);
    expect([...(await r.read(2))]).toEqual([15, 16]);
    expect(r.position).toBe(17);
    expect(await r.skip(1000)).toBe(83);
    expect((await r.read(4)).length).toBe(0);
    expect(r.ended).toBe(true);
  });
});

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
