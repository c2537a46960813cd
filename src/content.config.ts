import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { parallaxArticles, parallaxIncident } from './lib/parallax-loader.ts';
import { contentDir } from './lib/content-dir.ts';
import type { ContentMessage } from './pipeline/process-article.ts';
import { articleSchema, incidentSchema } from './pipeline/schema.ts';
import type { DatedSentence, ReferenceDate } from './pipeline/types.ts';

const dir = contentDir();

/** An article as the pipeline stores it: the validated frontmatter and what was extracted from the text. */
const articleEntrySchema = z.object({
  frontmatter: articleSchema,
  source: z.string(),
  outlet: z.string(),
  file: z.string(),
  published: z.custom<ReferenceDate>(),
  sentences: z.array(z.custom<DatedSentence>()),
  messages: z.array(z.custom<ContentMessage>()),
});

export const collections = {
  articles: defineCollection({ loader: parallaxArticles({ dir }), schema: articleEntrySchema }),
  incident: defineCollection({ loader: parallaxIncident({ dir }), schema: incidentSchema }),
};
