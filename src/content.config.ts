import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { articleThreads } from './lib/article-threads.ts';
import { parallaxArticles, parallaxIncident } from './lib/parallax-loader.ts';
import { contentDir } from './lib/content-dir.ts';
import { articleSchema, incidentSchema } from './pipeline/schema.ts';

const dir = contentDir();

/** An article as the data store keeps it: the validated frontmatter, and where its HTML and its contribution to the incident are (see `ArticleEntry`). */
const articleEntrySchema = z.object({
  frontmatter: articleSchema,
  source: z.string(),
  outlet: z.string(),
  file: z.string(),
  sentences: z.number().int().nonnegative(),
  cache: z.string(),
  html: z.string(),
  extraction: z.string(),
  pipeline: z.string(),
});

export const collections = {
  articles: defineCollection({ loader: parallaxArticles({ dir, threads: articleThreads(process.env.PARALLAX_THREADS) }), schema: articleEntrySchema }),
  incident: defineCollection({ loader: parallaxIncident({ dir }), schema: incidentSchema }),
};
