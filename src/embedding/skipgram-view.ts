/**
 * What the chapter 4 training cell shows of one epoch's table, computed without a DOM: the
 * probe words' neighbours with those new since the previous epoch, and the word map with the
 * words it names and the word the reader searched for.
 */
import type { UnitVectorTable } from './cosine.ts';
import {
  neighboursOf,
  newWords,
  normaliseWord,
  type NamedNeighbour,
  type WordIds,
  type WordNeighbours,
} from './probes.ts';
import { wordMap, type MapPoint, type WordMap } from './word-map.ts';

/** The words of a corpus and each word's row. */
export interface CorpusWords {
  words: readonly string[];
  ids: WordIds;
}

/** The probe words followed, then the reader's own (normalised), without blanks or repeats. */
export function probeWords(probes: readonly string[], own: string): string[] {
  return [...probes, normaliseWord(own)].filter((w, i, all) => w !== '' && all.indexOf(w) === i);
}

/** One probe word's neighbours, and which of them entered since the previous epoch. */
export interface ProbeColumn extends WordNeighbours {
  /** The neighbours that the previous epoch did not have (none at epoch 0). */
  fresh: Set<string>;
}

/**
 * The `k` nearest words to each probe in `unit` (`[words, dim]`, unit rows), marking those
 * that `before` (the previous epoch's table, null at the start) did not have.
 */
export function probeColumns(
  unit: UnitVectorTable,
  before: UnitVectorTable | null,
  corpus: CorpusWords,
  probes: readonly string[],
  k: number,
): ProbeColumn[] {
  return probes.map((word) => {
    const now = neighboursOf(unit, corpus.words, corpus.ids, word, k);
    const previous = before ? neighboursOf(before, corpus.words, corpus.ids, word, k) : undefined;
    const fresh = newWords(
      previous?.neighbours.map((n) => n.word),
      now.neighbours.map((n) => n.word),
    );
    return { ...now, fresh };
  });
}

/** Options of {@link mapView}. */
export interface MapViewOptions {
  /** Probe words, named on the map when nothing is searched for. */
  probes: readonly string[];
  /** The word searched for, as typed ('' for none). */
  search: string;
  /** The most frequent words that fit and fill the map. */
  count: number;
  /** Neighbours marked around the word found. */
  near: number;
}

/** The word map of one epoch, with what it names. */
export interface MapView {
  map: WordMap;
  /** The word searched for, normalised ('' for none). */
  query: string;
  /** Its row, undefined when it is not in the corpus (or nothing is searched for). */
  found: number | undefined;
  /** Its place on the map. */
  foundPoint: MapPoint | null;
  /** Its nearest neighbours by cosine, null when not found. */
  near: NamedNeighbour[] | null;
  /** The points named on the map: the probes, or while searching the word's neighbours. */
  named: MapPoint[];
}

/**
 * The 2-D PCA map of the `count` most frequent words of `unit` (`[words, dim]`, unit rows),
 * with the probes, the word searched for and its neighbours placed on it.
 */
export function mapView(unit: UnitVectorTable, corpus: CorpusWords, options: MapViewOptions): MapView {
  const query = normaliseWord(options.search);
  const probeIds = options.probes
    .map((w) => corpus.ids.get(normaliseWord(w)))
    .filter((id): id is number => id !== undefined);
  const found = query === '' ? undefined : corpus.ids.get(query);
  const near =
    found === undefined ? null : neighboursOf(unit, corpus.words, corpus.ids, query, options.near).neighbours;
  const nearIds = near ? near.map((n) => corpus.ids.get(n.word)!) : [];
  const map = wordMap(unit, corpus.words, {
    count: options.count,
    include: [...probeIds, ...(found === undefined ? [] : [found]), ...nearIds],
  });
  // While searching, only the found word and its neighbours are named, or the labels pile up.
  const labelled = new Set(found === undefined ? probeIds : nearIds);
  const named = map.points.filter((p) => labelled.has(p.id) && p.id !== found);
  return { map, query, found, foundPoint: found === undefined ? null : map.place(found), near, named };
}
