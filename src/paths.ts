/** Pure helpers for URLs and chapter order, kept free of Astro imports so they are unit-tested. */

/** Joins the site's base path and a path inside the site, with exactly one slash between. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A chapter's name, the same in both editions: its content id without the edition's folder. */
export function chapterSlug(id: string): string {
  return id.replace(/^zh\//, '');
}

/** The edition of a chapter, from its content id (`zh/02-lstm-cell` is Chinese). */
export function chapterLocale(id: string): 'en' | 'zh' {
  return id.startsWith('zh/') ? 'zh' : 'en';
}

/** The URL path of a chapter page inside the site, from its content id: `chapters/<name>/`, under `zh/` for Chinese. */
export function chapterPath(id: string): string {
  return `${chapterLocale(id) === 'zh' ? 'zh/' : ''}chapters/${chapterSlug(id)}/`;
}

/** Sorts chapters by their number and rejects duplicate numbers with a clear message. */
export function orderChapters<T extends { id: string; data: { number: number } }>(entries: T[]): T[] {
  const sorted = [...entries].sort((a, b) => a.data.number - b.data.number);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].data.number === sorted[k - 1].data.number)
      throw new Error(`Chapters ${sorted[k - 1].id} and ${sorted[k].id} both have number ${sorted[k].data.number}`);
  }
  return sorted;
}

/** The previous and next entries around index `k`, or undefined at either end. */
export function neighbours<T>(list: readonly T[], k: number): { previous?: T; next?: T } {
  return { previous: k > 0 ? list[k - 1] : undefined, next: k + 1 < list.length ? list[k + 1] : undefined };
}
