/** The chapter list in reading order, and links that respect the site's base path. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { orderChapters } from './paths';

export type Chapter = CollectionEntry<'chapters'>;

/** All chapters sorted by number; fails the build if two share a number. */
export async function chaptersInOrder(): Promise<Chapter[]> {
  return orderChapters(await getCollection('chapters'));
}
