// `astro:content` re-exports this `defineCollection` (its types say so), with a check for live
// collections this file has none of. Imported from the package, it is loaded by Node itself: the
// virtual module brings Astro's whole rendering runtime, which the build's module runner would
// transform first only to define two collections.
import { defineCollection } from 'astro/content/config';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { contentDir } from './lib/content-dir.ts';
import { importNatively } from './lib/native-import.ts';
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

type Loaders = typeof import('./lib/parallax-loader.ts');

/**
 * A loader of parallax-loader.ts, which is imported by Node itself when the collection loads: the
 * build runs this file through its module runner, which would transform the loaders and every
 * module they import first (see `importNatively`).
 */
const loader = (name: string, make: (loaders: Loaders) => Loader): Loader => ({
  name,
  load: async (context: LoaderContext) => {
    const loaders = await importNatively<Loaders>(new URL('./lib/parallax-loader.ts', import.meta.url), () => import('./lib/parallax-loader.ts'));
    return make(loaders).load(context);
  },
});

export const collections = {
  articles: defineCollection({
    loader: loader('parallax-articles', ({ parallaxArticles, articleThreads }) => parallaxArticles({ dir, threads: articleThreads(process.env['PARALLAX_THREADS']) })),
    schema: articleEntrySchema,
  }),
  incident: defineCollection({ loader: loader('parallax-incident', ({ parallaxIncident }) => parallaxIncident({ dir })), schema: incidentSchema }),
};
