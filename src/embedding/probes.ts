/**
 * Word-level questions to a trained table: the neighbours of a word by name, which neighbours
 * are new since the last look, and the cosine of word pairs. The table's rows are the corpus'
 * words in order (`words[id]` is row `id`).
 */
import { cosine, row, type UnitVectorTable, type VectorTable } from './cosine.ts';
import { nearestNeighbours } from './neighbours.ts';

/** A word's id by its text. */
export type WordIds = ReadonlyMap<string, number>;

/** The id of each word of `words` (the first one, should a word repeat). */
export function wordIds(words: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  words.forEach((w, i) => {
    if (!ids.has(w)) ids.set(w, i);
  });
  return ids;
}

/** A word as typed, made comparable with the corpus' words (trimmed, lower case, as the tokenizer leaves them). */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase();
}

/** One neighbour, by name. */
export interface NamedNeighbour {
  word: string;
  similarity: number;
}

/** The neighbours of one word, or `id: null` when the word is not in the table. */
export interface WordNeighbours {
  word: string;
  id: number | null;
  neighbours: NamedNeighbour[];
}

/** The `k` nearest words to `word` in `table` (unit rows, one per word of `words`). */
export function neighboursOf(
  table: UnitVectorTable,
  words: readonly string[],
  ids: WordIds,
  word: string,
  k = 5,
): WordNeighbours {
  const key = normaliseWord(word);
  const id = ids.get(key);
  if (id === undefined || id >= table.rows) return { word: key, id: null, neighbours: [] };
  const neighbours = nearestNeighbours(table, id, { k }).map((n) => ({ word: words[n.id]!, similarity: n.similarity }));
  return { word: key, id, neighbours };
}

/** The words of `current` that `previous` did not have: what changed since the last epoch. */
export function newWords(previous: readonly string[] | undefined, current: readonly string[]): Set<string> {
  if (previous === undefined) return new Set();
  const before = new Set(previous);
  return new Set(current.filter((w) => !before.has(w)));
}

/** A word pair and its cosine similarity, or the words the table does not know. */
export interface PairSimilarity {
  a: string;
  b: string;
  /** cos(a, b), or null when a word is missing. */
  similarity: number | null;
  /** The words of the pair that are not in the table. */
  missing: string[];
}

/**
 * Parses pairs written as "excellent great, awful terrible" (pairs separated by commas,
 * semicolons or new lines; the two words of a pair by spaces); malformed pieces are skipped.
 */
export function parsePairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const piece of text.split(/[,;\n]/)) {
    const words = piece.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 2) pairs.push([words[0]!, words[1]!]);
  }
  return pairs;
}

/** The cosine of each pair's rows in `table` (raw or unit rows: the cosine is the same). */
export function pairSimilarities(
  table: VectorTable,
  ids: WordIds,
  pairs: readonly (readonly [string, string])[],
): PairSimilarity[] {
  return pairs.map(([a, b]) => {
    const ia = ids.get(normaliseWord(a));
    const ib = ids.get(normaliseWord(b));
    const missing = [ia === undefined ? a : null, ib === undefined ? b : null].filter((w): w is string => w !== null);
    const similarity = ia === undefined || ib === undefined ? null : cosine(row(table, ia), row(table, ib));
    return { a, b, similarity, missing };
  });
}
