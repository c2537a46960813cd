/**
 * The merge of the incident, made ahead on another thread. It needs every article, so it cannot
 * start before the articles loader ends; the pages need it first thing. In between the build
 * bundles the site's code: the loader starts the merge on a worker thread then
 * (merge-ahead-thread.ts), and the pages take its result instead of merging on the build's thread.
 *
 * The two sides meet under a registered symbol, as the loader and the pages are separate module
 * graphs. The pages take the result only if it was merged from exactly the articles and incident
 * they read (`mergeSignature`); otherwise, or when the thread failed, they merge themselves.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import type { ArticleFrontmatter, IncidentFile } from '../pipeline/schema.ts';

/** What the merge reads of an article's entry in the data store (see `ArticleEntry`). */
export interface MergeArticle {
  source: string;
  frontmatter: ArticleFrontmatter;
  sentences: number;
  file: string;
  /** The article cache's folder and the key of the article's contribution in it. */
  cache: string;
  extraction: string;
}

/** Everything a merge reads: the incident, its articles' entries, and the pipeline that made them. */
export interface MergeInput {
  definition: IncidentFile;
  articles: readonly MergeArticle[];
  /** The pipeline's fingerprint, which keys the remembered timeline. */
  pipeline: string;
}

/** Where the last build's deduplicated timeline is kept, beside the article cache in `cacheFolder` (see timeline-memo.ts). */
export function timelineMemoFile(cacheFolder: string): string {
  return path.join(path.dirname(cacheFolder), 'parallax-timeline.json');
}

/**
 * A digest of what a merge reads. A contribution's key is a digest of the article and the
 * incident it was extracted for, so two inputs with the same signature merge into the same
 * incident. The order of the articles plays no part, as the merge sorts them.
 */
export function mergeSignature(input: MergeInput): string {
  const hash = createHash('sha256').update(input.pipeline).update('\0').update(JSON.stringify(input.definition));
  const articles = [...input.articles].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const article of articles) {
    hash.update('\0').update(JSON.stringify([article.source, article.cache, article.extraction, article.sentences, article.file, article.frontmatter]));
  }
  return hash.digest('base64url');
}

/** A merge under way: the signature of its input, and the incident, or `undefined` if it failed. */
export interface MergeAhead {
  signature: string;
  incident: Promise<IncidentJson | undefined>;
}

const AHEAD = Symbol.for('parallax.merge-ahead');

/** Makes `ahead` the merge the pages may take; it replaces any earlier one. */
export function offerMergeAhead(ahead: MergeAhead): void {
  (globalThis as Record<symbol, unknown>)[AHEAD] = ahead;
}

/**
 * The incident merged ahead from an input with this signature, once it is ready; `undefined` when
 * none was started, it was started from another input, or it failed. A merge is taken once.
 */
export async function takeMergeAhead(signature: string): Promise<IncidentJson | undefined> {
  const ahead = (globalThis as Record<symbol, unknown>)[AHEAD] as MergeAhead | undefined;
  if (!ahead || ahead.signature !== signature) return undefined;
  delete (globalThis as Record<symbol, unknown>)[AHEAD];
  return ahead.incident;
}
