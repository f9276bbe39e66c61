import { describe, expect, it } from 'vitest';
import {
  dataMatch,
  evaluationCaption,
  measuredOn,
  otherDataNote,
  type MeasuredOn,
} from '../../src/lstm/sentiment/measured-on.ts';
import { loadImdb, memorySource, prepareImdb, streamFromBytes } from '../../src/data/index.ts';
import { buildImdbArchive, FIXTURE_REVIEWS } from '../fixtures/imdb-archive.ts';

const small: MeasuredOn = { vocabularySha256: 'a'.repeat(64), testCount: 60 };
const large: MeasuredOn = { vocabularySha256: 'b'.repeat(64), testCount: 25000 };

describe('whether an evaluation belongs to the data loaded now', () => {
  it('reads the data a prepared dataset is from its manifest', async () => {
    const files = new Map<string, Uint8Array>();
    await prepareImdb(streamFromBytes(buildImdbArchive()), async (path, data) => void files.set(path, data), {
      name: 'aclImdb_v1.tar.gz',
    });
    const { manifest } = await loadImdb(memorySource(files));
    expect(measuredOn(manifest)).toEqual({
      vocabularySha256: manifest.vocabulary.sha256,
      testCount: FIXTURE_REVIEWS.filter((r) => r.split === 'test').length,
    });
    expect(measuredOn(manifest).vocabularySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells the same data from other data, by vocabulary and by count', () => {
    expect(dataMatch(small, 60, small)).toBe('same');
    expect(dataMatch(small, 60, large)).toBe('other');
    expect(dataMatch(small, 60, { ...small, vocabularySha256: 'c'.repeat(64) })).toBe('other');
    expect(dataMatch(small, 60, { ...small, testCount: 61 })).toBe('other');
    expect(dataMatch(small, 60, null)).toBe('unloaded');
    // Kept before the data was recorded with it: only the count tells.
    expect(dataMatch(undefined, 60, large)).toBe('other');
    expect(dataMatch(undefined, 60, small)).toBe('same');
  });

  it('captions the results with the data they were measured on', () => {
    expect(evaluationCaption(25000, 12.34, 'same', 25000)).toBe('On all 25,000 test reviews (12.3 s)');
    expect(evaluationCaption(60, 0.42, 'unloaded', 0)).toBe('On all 60 test reviews (0.4 s)');
    expect(evaluationCaption(60, 0.42, 'other', 25000)).toBe(
      'On all 60 test reviews of other data, not the 25,000 loaded now (0.4 s)',
    );
  });

  it('says what a reader can do about results measured on other data', () => {
    expect(otherDataNote(60, 25000, true)).toBe(
      'These results were measured on other data: 60 test reviews, not the 25,000 loaded now, so they say ' +
        'nothing about these. Evaluate again to score the model on the reviews loaded now.',
    );
    expect(otherDataNote(60, 25000, false)).toMatch(
      /not the 25,000 loaded now.* Load the reviews the model was trained on/,
    );
  });
});
