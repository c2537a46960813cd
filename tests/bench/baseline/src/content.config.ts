import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const content = path.resolve(process.env['BENCH_CONTENT'] ?? '../../../content');

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: path.join(content, 'articles') }) }),
};
