import { describe, expect, it } from 'vitest';
import { gunzip, gunzipBytes, gzipBytes, isGzip, readAllBytes, streamFromBytes } from '../../src/data/index.ts';
import { gzip } from '../fixtures/imdb-archive.ts';

const bytes = new TextEncoder().encode('The quick brown fox. '.repeat(5000));

describe('gzip', () => {
  it('round-trips and reads what zlib wrote, whatever the chunking', async () => {
    expect(await gunzipBytes(await gzipBytes(bytes))).toEqual(bytes);
    const zipped = gzip(bytes);
    for (const chunk of [1, 2, 3, 1000])
      expect(await readAllBytes(gunzip(streamFromBytes(zipped, chunk)))).toEqual(bytes);
  });

  it('knows gzip by its magic bytes', async () => {
    expect(isGzip(await gzipBytes(bytes))).toBe(true);
    expect(isGzip(bytes)).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('rejects data that is not gzip, or empty, with a clear message', async () => {
    await expect(gunzipBytes(bytes, { name: 'x.tar.gz' })).rejects.toMatchObject({
      code: 'not-gzip',
      message: 'x.tar.gz is not a gzip file (it does not start with the gzip magic bytes)',
    });
    await expect(gunzipBytes(new Uint8Array(0), { name: 'x' })).rejects.toMatchObject({
      code: 'not-gzip',
      message: 'x is empty, not a gzip file',
    });
    await expect(gunzipBytes(new Uint8Array([0x1f]))).rejects.toMatchObject({ code: 'not-gzip' });
  });

  it('tells truncated data from damaged data', async () => {
    const zipped = gzip(bytes);
    await expect(gunzipBytes(zipped.subarray(0, zipped.length - 10), { name: 'x' })).rejects.toMatchObject({
      code: 'truncated',
      message: 'x is truncated: the gzip data ends early',
    });
    const damaged = zipped.slice();
    for (let i = 20; i < 60; i++) damaged[i] ^= 0x55;
    await expect(gunzipBytes(damaged)).rejects.toMatchObject({ code: 'corrupt' });
  });
});
