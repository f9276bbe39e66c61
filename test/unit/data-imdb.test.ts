import { describe, expect, it } from 'vitest';
import {
  gzipBytes,
  MAX_REVIEW_BYTES,
  parseImdbPath,
  prepareImdb,
  readImdbArchive,
  streamFromBytes,
  utf8Prefix,
  type ImdbReview,
} from '../../src/data/index.ts';
import { buildImdbArchive, buildTar, FIXTURE_REVIEWS, gzip, imdbMembers } from '../fixtures/imdb-archive.ts';

async function read(archive: Uint8Array, chunkSize = 4096): Promise<ImdbReview[]> {
  const out: ImdbReview[] = [];
  for await (const r of readImdbArchive(streamFromBytes(archive, chunkSize), { name: 'test.tar.gz' })) out.push(r);
  return out;
}

const byKey = (rs: readonly { split: string; label: number; id: number }[]) =>
  [...rs].map((r) => `${r.split}/${r.label}/${r.id}`).sort();

describe('parseImdbPath', () => {
  it('reads split, label, id and rating from a review path', () => {
    expect(parseImdbPath('aclImdb/train/pos/123_9.txt')).toEqual({ split: 'train', label: 1, id: 123, rating: 9 });
    expect(parseImdbPath('aclImdb/test/neg/0_2.txt')).toEqual({ split: 'test', label: 0, id: 0, rating: 2 });
    expect(parseImdbPath('./aclImdb/test/neg/7_1.txt')).toEqual({ split: 'test', label: 0, id: 7, rating: 1 });
  });

  it('ignores members that are not labeled reviews', () => {
    for (const path of [
      'aclImdb/train/unsup/0_0.txt',
      'aclImdb/train/labeledBow.feat',
      'aclImdb/imdb.vocab',
      'aclImdb/train/urls_pos.txt',
      'aclImdb/train/pos/',
      'other/train/pos/1_9.txt',
    ]) {
      expect(parseImdbPath(path)).toBeNull();
    }
  });

  it('rejects badly named files in review directories', () => {
    expect(() => parseImdbPath('aclImdb/train/pos/notes.txt')).toThrow(
      /unexpected member aclImdb\/train\/pos\/notes.txt/,
    );
    expect(() => parseImdbPath('aclImdb/train/pos/1_3.txt')).toThrow(/rating of 7-10/);
    expect(() => parseImdbPath('aclImdb/test/neg/1_8.txt')).toThrow(/rating of 1-4/);
  });
});

describe('readImdbArchive', () => {
  for (const layout of ['labeled', 'official'] as const) {
    for (const format of ['gnu', 'pax', 'ustar'] as const) {
      it(`reads the ${layout} layout (${format} headers)`, async () => {
        const reviews = await read(buildImdbArchive(layout, format), 333);
        expect(byKey(reviews)).toEqual(byKey(FIXTURE_REVIEWS));
        for (const r of reviews) {
          const f = FIXTURE_REVIEWS.find((x) => x.split === r.split && x.label === r.label && x.id === r.id)!;
          expect(r).toEqual(f);
        }
      });
    }
  }

  it('cuts a review longer than the cap at a whole character, and says how long it was', async () => {
    // 'é' is two bytes: the cap falls in the middle of one, which must not become U+FFFD.
    const giant = `x${'é'.repeat(MAX_REVIEW_BYTES)}`;
    const bytes = new TextEncoder().encode(giant).length;
    const members = [...imdbMembers('labeled'), { path: 'aclImdb/test/neg/77_2.txt', data: giant }];
    const archive = gzip(buildTar(members));
    const cut = (await read(archive, 65536)).find((r) => r.id === 77)!;
    expect(cut.cutFrom).toBe(bytes);
    expect(new TextEncoder().encode(cut.text).length).toBe(MAX_REVIEW_BYTES - 1);
    expect(cut.text).toBe(giant.slice(0, (MAX_REVIEW_BYTES - 1 - 1) / 2 + 1));
    expect((await read(buildImdbArchive())).every((r) => r.cutFrom === undefined)).toBe(true);
    const files = new Map<string, Uint8Array>();
    const manifest = await prepareImdb(streamFromBytes(archive), async (path, data) => void files.set(path, data));
    expect([manifest.splits.train.cutReviews, manifest.splits.test.cutReviews]).toEqual([0, 1]);
  });

  it('finds the end of the last whole UTF-8 character', () => {
    const bytes = new TextEncoder().encode('aé€😀');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => utf8Prefix(bytes.subarray(0, n)))).toEqual([
      0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10,
    ]);
  });

  it('reads a review whose path needs a long-name header', async () => {
    const members = imdbMembers('labeled');
    const reviews = await read(
      gzip(buildTar([...members, { path: `aclImdb/train/pos/${'1'.repeat(120)}_8.txt`, data: 'long' }])),
    );
    expect(reviews.find((r) => r.text === 'long')).toMatchObject({ split: 'train', label: 1, rating: 8 });
  });

  it('rejects a tar that is not laid out like aclImdb', async () => {
    const wrong = gzip(
      buildTar([
        { path: 'imdb/train/pos/0_9.txt', data: 'x' },
        { path: 'imdb/README', data: 'y' },
      ]),
    );
    await expect(read(wrong)).rejects.toMatchObject({
      code: 'layout',
      message:
        'test.tar.gz is not laid out like aclImdb_v1.tar.gz: no reviews in aclImdb/train/pos/*.txt (it has 2 members, such as imdb/train/pos/0_9.txt)',
    });
    const noTest = gzip(
      buildTar(
        imdbMembers(
          'labeled',
          FIXTURE_REVIEWS.filter((r) => r.split === 'train'),
        ),
      ),
    );
    await expect(read(noTest)).rejects.toMatchObject({
      code: 'layout',
      message: expect.stringContaining('aclImdb/test/pos/*.txt'),
    });
    await expect(read(gzip(buildTar([])))).rejects.toMatchObject({
      code: 'layout',
      message: expect.stringContaining('no members'),
    });
  });

  it('rejects the same review twice', async () => {
    const members = imdbMembers('labeled');
    const dup = gzip(buildTar([...members, { path: 'aclImdb/train/pos/0_9.txt', data: 'again' }]));
    await expect(read(dup)).rejects.toMatchObject({ code: 'layout', message: expect.stringContaining('twice') });
  });

  it('rejects files that are not gzip, truncated archives and gzipped non-tar data', async () => {
    const archive = buildImdbArchive('official');
    await expect(read(new TextEncoder().encode('<html>404 Not Found</html>'))).rejects.toMatchObject({
      code: 'not-gzip',
    });
    await expect(read(archive.subarray(0, Math.floor(archive.length / 2)))).rejects.toMatchObject({
      code: 'truncated',
    });
    await expect(
      read(await gzipBytes(new TextEncoder().encode('plain text, gzipped '.repeat(100)))),
    ).rejects.toMatchObject({
      code: 'corrupt',
      message: 'test.tar.gz is not a tar archive (its first header has a bad checksum)',
    });
    // A tar cut short and then compressed whole: gzip is fine, tar is not.
    const tar = buildTar(imdbMembers('labeled'));
    await expect(read(gzip(tar.subarray(0, tar.length - 2048)))).rejects.toMatchObject({ code: 'truncated' });
  });
});
