/**
 * A 2-D map of words: the principal components of the most frequent words' unit vectors, so
 * that words pointing in similar directions land close together. Other words are placed with
 * the same projection, so that searching for a rare word does not move the map.
 */
import { row, type UnitVectorTable } from './cosine.ts';
import { pca } from './pca.ts';

/** One word on the map. */
export interface MapPoint {
  /** The word's row in the table. */
  id: number;
  word: string;
  /** First principal component. */
  x: number;
  /** Second principal component. */
  y: number;
}

/** Options of {@link wordMap}. */
export interface WordMapOptions {
  /** How many of the first rows (the most frequent words) fit and fill the map. */
  count?: number;
  /** Further row ids to place on the map (not used to fit it). */
  include?: Iterable<number>;
}

/** The fitted map. */
export interface WordMap {
  /** The first `count` words, then the included ones. */
  points: MapPoint[];
  /** The share of the fitted words' variance along each axis, in [0, 1]. */
  explained: [number, number];
  /** Places any row of the table on the map. */
  place(id: number): MapPoint;
}

/** Fits a 2-D PCA map to the first `count` rows of `table` (`[rows, dim]`, unit rows, one per word of `words`). */
export function wordMap(table: UnitVectorTable, words: readonly string[], options: WordMapOptions = {}): WordMap {
  const { count = 300, include = [] } = options;
  const fitted = Math.min(table.rows, Math.max(1, Math.floor(count)));
  const dim = table.dim;
  const { components, explained, mean } = pca(
    { values: table.values.subarray(0, fitted * dim), rows: fitted, dim },
    { components: 2 },
  );
  const [c1, c2] = components as [Float64Array, Float64Array];
  const place = (id: number): MapPoint => {
    const v = row(table, id);
    let x = 0;
    let y = 0;
    for (let j = 0; j < dim; j++) {
      const centred = v[j]! - mean[j]!;
      x += centred * c1[j]!;
      y += centred * (c2?.[j] ?? 0);
    }
    return { id, word: words[id]!, x, y };
  };
  const ids = new Set<number>();
  for (let id = 0; id < fitted; id++) ids.add(id);
  for (const id of include) if (Number.isInteger(id) && id >= 0 && id < table.rows) ids.add(id);
  return { points: Array.from(ids, place), explained: [explained[0] ?? 0, explained[1] ?? 0], place };
}
