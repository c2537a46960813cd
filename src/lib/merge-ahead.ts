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

/** A merge under way. */
export interface MergeAhead {
  /** The signature of its input. */
  signature: string;
  /** The incident, or why it could not be merged. */
  result: Promise<{ incident: IncidentJson } | { failed: string }>;
  /** Keeps the process running until the result is there: someone waits for it. */
  hold: () => void;
  /** Stops it: nobody will take it. */
  cancel: () => void;
}

const AHEAD = Symbol.for('parallax.merge-ahead');

const offered = (): MergeAhead | undefined => (globalThis as Record<symbol, unknown>)[AHEAD] as MergeAhead | undefined;

/** Makes `ahead` the merge the pages may take; an earlier one, which nobody will take, is stopped. */
export function offerMergeAhead(ahead: MergeAhead): void {
  const earlier = offered();
  (globalThis as Record<symbol, unknown>)[AHEAD] = ahead;
  if (earlier && earlier !== ahead) earlier.cancel();
}

/** The signature of the merge on offer, if any. */
export function mergeAheadOnOffer(): string | undefined {
  return offered()?.signature;
}

/**
 * The incident merged ahead from an input with this signature, once it is ready; `undefined` when
 * none was started or it was started from another input. A merge is taken once. When it failed,
 * `failed` hears why, and the result is `undefined` too.
 */
export async function takeMergeAhead(signature: string, failed: (reason: string) => void = () => {}): Promise<IncidentJson | undefined> {
  const ahead = offered();
  if (!ahead || ahead.signature !== signature) return undefined;
  delete (globalThis as Record<symbol, unknown>)[AHEAD];
  ahead.hold();
  const result = await ahead.result;
  if ('incident' in result) return result.incident;
  failed(result.failed);
  return undefined;
}
