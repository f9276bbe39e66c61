/** The chapter list of each edition in reading order, and links that respect the site's base path. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from './i18n/locales';
import { chapterLocale, chapterPath, chapterSlug, neighbours, orderChapters, withBase } from './paths';
import { LOCALES } from './i18n/locales';

export type Chapter = CollectionEntry<'chapters'>;

/** The chapters of edition `locale`, sorted by number; fails the build if two share a number. */
export async function chaptersInOrder(locale: Locale = 'en'): Promise<Chapter[]> {
  return orderChapters((await getCollection('chapters')).filter((c) => chapterLocale(c.id) === locale));
}

/**
 * The static paths of edition `locale`'s chapter pages: each chapter with its neighbours, and
 * the paths of the same chapter in every edition that has it (for the language switch).
 */
export async function chapterEditions(locale: Locale) {
  const chapters = await chaptersInOrder(locale);
  const all = await getCollection('chapters');
  return chapters.map((chapter, k) => {
    const slug = chapterSlug(chapter.id);
    const editions: Partial<Record<Locale, string>> = {};
    for (const l of LOCALES) {
      const same = all.find((c) => chapterSlug(c.id) === slug && chapterLocale(c.id) === l);
      if (same) editions[l] = chapterPath(same.id);
    }
    return { params: { id: slug }, props: { chapter, ...neighbours(chapters, k), locale, editions } };
  });
}

/** A chapter as the reference pages link to it. */
export interface ChapterLink {
  href: string;
  number: number;
  title: string;
}

/**
 * Looks up chapters of edition `locale` by content id for the page named `page` ("the glossary"):
 * an unknown id fails the build, naming the page.
 */
export async function chapterLinks(page: string, locale: Locale = 'en'): Promise<(id: string) => ChapterLink> {
  const chapters = await chaptersInOrder(locale);
  const base = import.meta.env.BASE_URL;
  return (id) => {
    const c = chapters.find((x) => chapterSlug(x.id) === id);
    if (!c) throw new Error(`${page} names chapter "${id}", which does not exist`);
    return { href: withBase(base, chapterPath(c.id)), number: c.data.number, title: c.data.title };
  };
}
