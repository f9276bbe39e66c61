/**
 * About how long a chapter takes, for the home page: reading time from the words of its MDX
 * source, trying time from its cells. Pure, so that the unit tests can check it.
 */

/** Words a reader gets through in a minute of technical prose with formulas, read with care. */
export const WORDS_PER_MINUTE = 150;

/**
 * Chinese characters that take as long to read as one English word: readers of technical
 * Chinese get through about 300 characters a minute where English readers read 150 words.
 */
export const CHARACTERS_PER_WORD = 2;

/** Minutes a reader spends with one cell: reading its controls, trying a few settings. */
export const MINUTES_PER_CELL = 2;

/**
 * The words a reader reads in a chapter's MDX source (Chinese characters counted as words, see
 * CHARACTERS_PER_WORD): the prose and the cells' titles and
 * captions, without front matter, imports, "Under the hood" asides (closed on screen), code,
 * tags and formulas (a formula counts as one word).
 */
export function proseWords(mdx: string): number {
  const text = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/<UnderTheHood[\s\S]*?<\/UnderTheHood>/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' formula ')
    .replace(/\$[^$\n]+\$/g, ' formula ')
    .replace(/<Cell\b((?:[^>"]|"[^"]*")*)>/g, (_, attributes: string) =>
      [...attributes.matchAll(/\b(?:title|caption)="([^"]*)"/g)].map((m) => m[1]).join(' '),
    )
    .replace(/<(?:[^>"]|"[^"]*")*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[|#*_`[\]-]+/g, ' ');
  // Chinese has no spaces between words: its characters count instead, CHARACTERS_PER_WORD to
  // a word, and what is left between them (Latin words, numbers) counts as words.
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const rest = text.replace(/\p{Script=Han}+/gu, ' ');
  return Math.round(han / CHARACTERS_PER_WORD) + rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The number of interactive cells (`<Cell …>`) in a chapter's MDX source. */
export function cellCount(mdx: string): number {
  return (mdx.match(/<Cell\b/g) ?? []).length;
}

/** Minutes, rounded to the nearest 5 and at least 5: an "about" figure, not a measurement. */
export function aboutMinutes(minutes: number): number {
  return Math.max(5, Math.round(minutes / 5) * 5);
}

/** About how long a chapter takes to read and to try, in minutes (each rounded to 5). */
export function chapterTime(mdx: string, extraTryingMinutes = 0): { reading: number; trying: number } {
  return {
    reading: aboutMinutes(proseWords(mdx) / WORDS_PER_MINUTE),
    trying: aboutMinutes(cellCount(mdx) * MINUTES_PER_CELL + extraTryingMinutes),
  };
}
