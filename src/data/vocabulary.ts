/**
 * The vocabulary: words ranked by how often they occur in the training reviews, most frequent
 * first, as Keras' `Tokenizer.fit_on_texts` ranks them. Rank 1 is the most frequent word; the
 * prepared data stores every token as its rank, 0 for a word the training split never uses.
 */
import type { WordIndex } from './tokenizer.ts';

/** Words ranked by training frequency: `words[r - 1]` has rank `r`, `index` maps back. */
export type Vocabulary = WordIndex;

/** Builds a {@link Vocabulary} from words already in rank order and their counts. */
export function vocabularyFromWords(words: readonly string[], counts: readonly number[]): Vocabulary {
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i + 1));
  return { index, words: [...words], counts: [...counts] };
}

/** Looks up the rank of each word; 0 for words outside the vocabulary. */
export function wordsToRanks(words: readonly string[], vocabulary: Vocabulary): Uint32Array {
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = vocabulary.index.get(words[i]!) ?? 0;
  return out;
}

/**
 * Gives every distinct word a provisional number in order of first appearance, so that a whole
 * corpus can be held as compact integer arrays while it is still being read.
 */
export class WordInterner {
  readonly #ids = new Map<string, number>();
  /** The words, by provisional number. */
  readonly words: string[] = [];

  /** The provisional numbers of `words`, adding the new ones. */
  intern(words: readonly string[]): Uint32Array {
    const out = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let id = this.#ids.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.#ids.set(w, id);
        this.words.push(w);
      }
      out[i] = id;
    }
    return out;
  }

  /** How many distinct words have been seen. */
  get size(): number {
    return this.words.length;
  }
}

/** The outcome of {@link rankByFrequency}. */
export interface FrequencyRanking {
  /** The ids that occur, most frequent first: `order[r - 1]` gets rank `r`. */
  order: Uint32Array;
  /** The occurrence count of each id in `order`. */
  counts: Uint32Array;
  /** The rank of each id (indexed by id), 0 for ids that never occur. */
  rankOf: Uint32Array;
}

/**
 * Ranks the ids `0 .. idCount - 1` by how often they occur in `sequences`, most frequent first.
 * Ties go to the id seen first when reading the sequences in the order given, which is what
 * Keras' stable sort of its ordered word counts does; the sequences must therefore come in the
 * corpus' canonical order, whatever order the archive stored them in.
 */
export function rankByFrequency(sequences: Iterable<ArrayLike<number>>, idCount: number): FrequencyRanking {
  const counts = new Uint32Array(idCount);
  const firstSeen = new Int32Array(idCount).fill(-1);
  let seen = 0;
  for (const seq of sequences) {
    for (let i = 0; i < seq.length; i++) {
      const id = seq[i]!;
      if (counts[id]++ === 0) firstSeen[id] = seen++;
    }
  }
  const byFirstSeen = new Uint32Array(seen);
  for (let id = 0; id < idCount; id++) if (firstSeen[id]! >= 0) byFirstSeen[firstSeen[id]!] = id;
  // Array.prototype.sort is stable, so ties keep their first-seen order.
  const order = Uint32Array.from([...byFirstSeen].sort((a, b) => counts[b]! - counts[a]!));
  const rankOf = new Uint32Array(idCount);
  order.forEach((id, i) => (rankOf[id] = i + 1));
  return { order, counts: order.map((id) => counts[id]!), rankOf };
}
