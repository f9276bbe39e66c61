import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The chapters: one MDX file each in `chapters/`, checked against this schema at build time. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './chapters' }),
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
