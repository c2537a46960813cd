import type { AstroIntegration } from 'astro';
import { articleThreads, prestartArticleThreads } from '../lib/article-threads.ts';

/**
 * Starts the articles loader's worker threads as soon as the configuration is read, so that they
 * load the pipeline while Astro starts its content layer (see `prestartArticleThreads`).
 * `PARALLAX_THREADS` sets how many, as it does for the loader; `astro preview` loads no content.
 */
export default function articleThreadsIntegration(): AstroIntegration {
  return {
    name: 'parallax-article-threads',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'preview') return;
        const threads = articleThreads(process.env['PARALLAX_THREADS']);
        prestartArticleThreads(...(threads === undefined ? [] : [threads]));
      },
    },
  };
}
