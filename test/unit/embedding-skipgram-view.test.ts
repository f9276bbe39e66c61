/** What the training cell shows of one epoch: the probes' neighbours, and the word map with a search. */
import { describe, expect, it } from 'vitest';
import { normaliseRows, vectorTable } from '../../src/embedding/cosine';
import { neighboursOf, wordIds } from '../../src/embedding/probes';
import { mapView, probeColumns, probeWords } from '../../src/embedding/skipgram-view';
import { wordMap } from '../../src/embedding/word-map';

// Five words in 3-D: good and great point the same way, bad the other way, film and movie apart.
const words = ['good', 'great', 'bad', 'film', 'movie'];
const corpus = { words, ids: wordIds(words) };
const unit = normaliseRows(vectorTable(Float32Array.from([1, 0.1, 0, 2, 0.3, 0, -1, 0, 0.1, 0, 1, 1, 0, 1, 0.8]), 3));
// The epoch before: great and film traded places.
const before = normaliseRows(vectorTable(Float32Array.from([1, 0.1, 0, 0, 1, 1, -1, 0, 0.1, 2, 0.3, 0, 0, 1, 0.8]), 3));

describe('probe words', () => {
  it('adds the reader’s word, normalised, without blanks or repeats', () => {
    expect(probeWords(['good', 'bad'], '  Film ')).toEqual(['good', 'bad', 'film']);
    expect(probeWords(['good', 'bad'], 'BAD')).toEqual(['good', 'bad']);
    expect(probeWords(['good'], '   ')).toEqual(['good']);
  });

  it('lists each probe’s neighbours and marks those new since the previous epoch', () => {
    const [good, absent] = probeColumns(unit, before, corpus, ['good', 'zebra'], 2);
    expect(good).toMatchObject(neighboursOf(unit, words, corpus.ids, 'good', 2));
    expect(good!.neighbours.map((n) => n.word)).toEqual(['great', 'movie']);
    expect([...good!.fresh]).toEqual(['great']); // the epoch before, great was elsewhere
    expect(absent).toEqual({ word: 'zebra', id: null, neighbours: [], fresh: new Set() });
    // At the random start there is no previous epoch: nothing is new.
    expect(probeColumns(unit, null, corpus, ['good'], 2)[0]!.fresh.size).toBe(0);
  });
});

describe('map view', () => {
  it('names the probes when nothing is searched for', () => {
    const view = mapView(unit, corpus, { probes: ['good', 'Movie', 'zebra'], search: '', count: 3, near: 2 });
    expect(view).toMatchObject({ query: '', found: undefined, foundPoint: null, near: null });
    // The three most frequent words fit the map; the probes beyond them are placed on it too.
    expect(view.map.points.map((p) => p.word)).toEqual(['good', 'great', 'bad', 'movie']);
    expect(view.map.explained).toEqual(wordMap(unit, words, { count: 3 }).explained);
    expect(view.named.map((p) => p.word)).toEqual(['good', 'movie']);
  });

  it('marks a word searched for with its neighbours, which alone are named', () => {
    const view = mapView(unit, corpus, { probes: ['bad'], search: ' Good', count: 2, near: 2 });
    expect(view.query).toBe('good');
    expect(view.found).toBe(0);
    expect(view.foundPoint).toEqual(view.map.place(0));
    expect(view.near!.map((n) => n.word)).toEqual(['great', 'movie']);
    expect(view.named.map((p) => p.word)).toEqual(['great', 'movie']);
  });

  it('finds nothing for a word outside the corpus, and keeps naming the probes', () => {
    const view = mapView(unit, corpus, { probes: ['bad'], search: 'zebra', count: 5, near: 2 });
    expect(view).toMatchObject({ query: 'zebra', found: undefined, foundPoint: null, near: null });
    expect(view.named.map((p) => p.word)).toEqual(['bad']);
  });
});
