import type { Loader } from 'astro/loaders';
import { processArticle } from '../pipeline/process-article.ts';
import { readContent } from '../pipeline/read-content.ts';

export interface ParallaxLoaderOptions {
  /** The content folder (holds incident.yaml and articles/). */
  dir: string;
}

/**
 * Loads `articles/*.md` of a content folder through the Parallax pipeline: each article is
 * processed once, its sentences, dates and HTML stored together. Unchanged articles (same
 * frontmatter and body) are taken from the content layer's cache.
 */
export function parallaxArticles(options: ParallaxLoaderOptions): Loader {
  return {
    name: 'parallax-articles',
    async load({ store, logger, generateDigest, parseData }) {
      const content = readContent(options.dir);
      const keep = new Set<string>();
      let processed = 0;
      for (const article of content.articles) {
        keep.add(article.id);
        const digest = generateDigest({ body: article.body, frontmatter: article.frontmatter, file: article.file, v: 1 });
        if (store.get(article.id)?.digest === digest) continue;
        const result = processArticle(article);
        processed++;
        for (const message of result.messages) {
          logger.warn(`${message.file}${message.line ? `:${message.line}` : ''}: ${message.reason} [${message.ruleId}]`);
        }
        const { html, ...entry } = result;
        const data = await parseData({ id: article.id, data: { ...entry }, filePath: article.file });
        store.set({ id: article.id, data, digest, rendered: { html }, filePath: article.file });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      logger.info(`${content.articles.length} articles (${processed} processed, ${content.articles.length - processed} unchanged)`);
    },
  };
}

/** Loads `incident.yaml` of a content folder as a single entry with the id `incident`. */
export function parallaxIncident(options: ParallaxLoaderOptions): Loader {
  return {
    name: 'parallax-incident',
    async load({ store, parseData }) {
      const { incident } = readContent(options.dir);
      store.clear();
      store.set({ id: 'incident', data: await parseData({ id: 'incident', data: { ...incident } }) });
    },
  };
}
