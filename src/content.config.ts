import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The chapters: one MDX file each in `chapters/` (English) and `chapters/zh/` (Chinese, the same
 * file names), checked against this schema at build time. A Chinese chapter's id is `zh/<name>`.
 */
const chapters = defineCollection({
  loader: glob({ pattern: ['*.mdx', 'zh/*.mdx'], base: './chapters' }),
  schema: z.object({
    /** The chapter's title, as the table of contents shows it. */
    title: z.string().min(1),
    /** Its position in the kit, from 1; numbers must be unique. */
    number: z.number().int().positive(),
    /** One or two sentences for the table of contents. */
    summary: z.string().min(1),
  }),
});

export const collections = { chapters };
