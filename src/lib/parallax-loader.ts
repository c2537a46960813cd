import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, type ContentProblem } from '../pipeline/content-error.ts';
import { parseIncidentFile, readContent, SKIPPED_MESSAGE, withoutStack, type FrontmatterMemo } from '../pipeline/read-content.ts';
import type { ArticleFrontmatter, IncidentFile } from '../pipeline/schema.ts';
import { analysisDir, analysisKeys, ArticleCache } from './article-cache.ts';
import type { ArticleJob, JobResult } from './article-jobs.ts';
import { watchContent } from './content-watch.ts';

// The content configuration takes the loaders and this setting from here (see `importNatively`).
export { articleThreads } from './article-threads.ts';

/** A job's result without its texts. */
type Made = Omit<Extract<JobResult, { extraction: string }>, 'job' | 'thread' | 'html' | 'analysis' | 'extraction'> & { processed: boolean };

/** An article's entry in the data store: its frontmatter, and where its HTML and its contribution to the incident are (see article-cache.ts). */
export interface ArticleEntry {
  frontmatter: ArticleFrontmatter;
  source: string;
  outlet: string;
  file: string;
  /** How many sentences the article has. */
  sentences: number;
  /** The folder of the article cache that holds the two texts below. */
  cache: string;
  /** The key of its HTML, with an anchor on every sentence. */
  html: string;
  /** The key of what it contributes to the incident (`ArticleExtraction`, as JSON). */
  extraction: string;
  /** The fingerprint of the pipeline that made it: what the merge may remember is keyed by it too. */
  pipeline: string;
}

export interface ParallaxLoaderOptions {
  /** The content folder (holds incident.yaml and articles/). */
  dir: string;
  /** Worker threads that process articles beside the build's own; by default one per other core when there are enough articles to process. */
  threads?: number;
}

/**
 * A hash of the pipeline's source. Astro keeps the data store while the content config file is
 * unchanged, so without it an article processed by an earlier version of the pipeline would be
 * served from the cache after the pipeline changed.
 */
function pipelineFingerprint(): string {
  const dir = fileURLToPath(new URL('../pipeline/', import.meta.url));
  const hash = createHash('sha256');
  try {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of files) hash.update(name).update('\0').update(readFileSync(path.join(dir, name))).update('\0');
    // How entries and their analyses are stored is part of what a cached entry means.
    for (const url of [import.meta.url, new URL('./article-cache.ts', import.meta.url).href]) hash.update(readFileSync(fileURLToPath(url))).update('\0');
  } catch {
    // Source not found (a bundled build): every build reprocesses every article, which is slow but never stale.
    return `unknown-${Date.now()}`;
  }
  return hash.digest('hex');
}

/**
 * Articles' frontmatter as the last build validated it, in the article cache, keyed by its YAML
 * and the pipeline's fingerprint (which covers the schema). The keys read or written go to `kept`.
 */
function frontmatterMemo(cache: ArticleCache, pipeline: string, kept: Set<string>): FrontmatterMemo {
  const keyOf = (yaml: string) => `${createHash('sha256').update(pipeline).update('\0').update(yaml).digest('base64url')}.frontmatter`;
  return {
    get(yaml, file) {
      const key = keyOf(yaml);
      if (!cache.has(key)) return undefined;
      kept.add(key);
      return JSON.parse(cache.read(key, file, 'frontmatter')) as ArticleFrontmatter;
    },
    set(yaml, frontmatter) {
      const key = keyOf(yaml);
      kept.add(key);
      cache.write(key, JSON.stringify(frontmatter));
    },
  };
}

/**
 * Loads `articles/*.md` of a content folder through the Parallax pipeline: each article is
 * processed once, and what it contributes to the incident extracted; the store keeps its
 * frontmatter, and its analysis, HTML and extraction go to the article cache beside the store,
 * keyed by its digest (article-cache.ts). Unchanged articles (same frontmatter, body and
 * pipeline) are taken from the cache, their frontmatter not even parsed again; when only
 * incident.yaml changed, their extraction is made again from the kept analysis. The merge, which
 * needs every article, is started on a worker thread once they are all loaded, and taken by the
 * pages (see merge-ahead.ts). Under `astro dev`, the articles are loaded again whenever one of
 * them or incident.yaml is saved (content-watch.ts).
 */
export function parallaxArticles(options: ParallaxLoaderOptions): Loader {
  return {
    name: 'parallax-articles',
    async load(context) {
      await loadArticles(options, context);
      watchContent(context, options.dir, 'articles', () => loadArticles(options, context));
    },
  };
}

/** One load of the articles, as `parallaxArticles` describes it: at the start of a build or server, and after each change under `astro dev`. */
async function loadArticles(options: ParallaxLoaderOptions, { store, logger, generateDigest, parseData, config }: LoaderContext): Promise<void> {
  const pipeline = pipelineFingerprint();
  const cache = new ArticleCache(analysisDir(fileURLToPath(config.cacheDir)));
  const kept = new Set<string>();
  const content = readContent(options.dir, { memo: frontmatterMemo(cache, pipeline, kept) });
  for (const file of content.skipped) logger.warn(`${file}: ${SKIPPED_MESSAGE}`);
  const root = fileURLToPath(config.root);
  // What each article contributes depends on the incident's topics and actors as well.
  const definition = generateDigest({ ...content.incident });
  const keep = new Set<string>();
  // Articles to process, or only to extract again, each with its keys in the cache.
  const jobs: ArticleJob[] = [];
  const jobKeys: { keys: ReturnType<typeof analysisKeys>; entryDigest: string }[] = [];
  for (const article of content.articles) {
    keep.add(article.id);
    const digest = generateDigest({ body: article.body, frontmatter: article.frontmatter, file: article.file, pipeline });
    const keys = analysisKeys(digest, definition);
    kept.add(keys.analysis).add(keys.html).add(keys.extraction);
    const entryDigest = `${digest}.${definition}`;
    const analysed = cache.has(keys.analysis) && cache.has(keys.html);
    const stored = store.get(article.id);
    // An entry names the cache folder it was made in: a project moved with its cache folder gets its entries again.
    if (stored?.digest === entryDigest && (stored.data as Partial<ArticleEntry>).cache === cache.dir && analysed && cache.has(keys.extraction)) continue;
    // An unchanged article (incident.yaml changed, or the cache lost its contribution) keeps its analysis.
    jobs.push(analysed ? { article, analysis: cache.read(keys.analysis, article.file, 'analysis') } : { article });
    jobKeys.push({ keys, entryDigest });
  }
  // What the store and the log need of each job; its texts are in the cache as soon as they are made.
  const results: (Made | { problems: ContentProblem[] } | undefined)[] = [];
  // Whether the merge is started on another thread (see below): whenever there is a core for it.
  let mergeAhead = false;
  // An article thread done with its jobs, which can make the merge.
  let thread: Worker | undefined;
  if (jobs.length > 0) {
    // The article pipeline (remark, rehype, chrono) takes most of a second to load: a rebuild
    // that finds every article unchanged does not load it. Many articles are shared with
    // worker threads, one per other core; a few go to one worker thread (see planJobs).
    const { planJobs, runJobs } = await import('./article-threads.ts');
    const plan = options.threads === undefined ? planJobs(jobs.length) : { threads: options.threads, here: true };
    mergeAhead = plan.threads > 0;
    const running = runJobs(content.incident, jobs, plan.threads, (result) => {
      const { keys } = jobKeys[result.job]!;
      if (!('extraction' in result)) {
        results[result.job] = result;
        return;
      }
      const { job, thread: _, html, analysis, extraction, ...made } = result;
      if (html !== undefined && analysis !== undefined) {
        cache.write(keys.html, html);
        cache.write(keys.analysis, analysis);
      }
      cache.write(keys.extraction, extraction);
      results[job] = { ...made, processed: html !== undefined };
    }, { here: plan.here, keep: mergeAhead });
    thread = await running;
  } else {
    const { stopWaitingArticleThreads } = await import('./article-threads.ts');
    await stopWaitingArticleThreads();
  }
  let processed = 0;
  let extracted = 0;
  try {
    const failed: ContentProblem[] = [];
    // In the order of the articles, whichever thread made them.
    for (const [job, result] of results.entries()) {
      if (!result) continue;
      if ('problems' in result) {
        // The other articles went on, so that one build lists every article that cannot be rendered.
        failed.push(...result.problems);
        continue;
      }
      const { article } = jobs[job]!;
      const { keys, entryDigest } = jobKeys[job]!;
      if (result.processed) processed++;
      extracted++;
      for (const message of result.messages) {
        logger.warn(`${message.file}${message.line ? `:${message.line}` : ''}: ${message.reason} [${message.ruleId}]`);
      }
      // The data store takes paths relative to the project root only, and content may live anywhere.
      const filePath = path.relative(root, path.resolve(article.file));
      const entry: ArticleEntry = {
        frontmatter: article.frontmatter,
        source: result.source,
        outlet: result.outlet,
        file: result.file,
        sentences: result.sentences,
        cache: cache.dir,
        html: keys.html,
        extraction: keys.extraction,
        pipeline,
      };
      const data = await parseData({ id: article.id, data: { ...entry }, filePath });
      store.set({ id: article.id, data, digest: entryDigest, filePath });
    }
    // What was written stays findable, even when the build stops here.
    cache.finish(kept);
    if (failed.length) throw withoutStack(new ContentError(failed));
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    // The merge needs every article and runs first thing when the pages are built: started now on
    // a core of its own, it runs while the build bundles the site, after a few articles changed as
    // well as in a cold build (a rebuild of 1 000 articles after one dated sentence was added: 0.19 s
    // less on average over eight alternated pairs; when the timeline is as before and only the
    // quotations are grouped again, no difference). It runs on an article thread done with its
    // jobs, which has the pipeline loaded and compiled, when there is one.
    if (mergeAhead) {
      const articles = content.articles.flatMap((article) => {
        const data = store.get(article.id)?.data as ArticleEntry | undefined;
        return data ? [{ source: data.source, frontmatter: data.frontmatter, sentences: data.sentences, file: data.file, cache: data.cache, extraction: data.extraction }] : [];
      });
      const { startMergeAhead } = await import('./merge-ahead-thread.ts');
      startMergeAhead({ definition: content.incident, articles, pipeline }, { thread });
      // It is the merge's now, which stops it once it has answered.
      thread = undefined;
    }
  } finally {
    // Not handed to the merge: the content could not be loaded.
    void thread?.terminate();
  }
  const again = extracted - processed;
  logger.info(
    `${content.articles.length} articles (${processed} processed, ${content.articles.length - processed} unchanged${again > 0 ? `; contributions extracted again for ${again} of them` : ''})`,
  );
}

/**
 * `incident.yaml` of a content folder. Only that file is read when it is valid: reading the whole
 * folder again would parse every article a second time. When it is not, the whole folder is read
 * so that the error lists every problem of the content, as the articles' loader does.
 */
function readIncident(dir: string): IncidentFile {
  const file = path.join(dir, 'incident.yaml');
  const problems: ContentProblem[] = [];
  let incident: IncidentFile | undefined;
  try {
    incident = parseIncidentFile(readFileSync(file, 'utf8'), file, problems);
  } catch {
    incident = undefined;
  }
  return incident && problems.length === 0 ? incident : readContent(dir).incident;
}

/** Loads `incident.yaml` of a content folder as a single entry with the id `incident`. */
export function parallaxIncident(options: ParallaxLoaderOptions): Loader {
  return {
    name: 'parallax-incident',
    async load(context) {
      const load = async () => {
        const incident = readIncident(options.dir);
        const data = await context.parseData({ id: 'incident', data: { ...incident } });
        context.store.clear();
        context.store.set({ id: 'incident', data });
      };
      await load();
      watchContent(context, options.dir, 'incident', load);
    },
  };
}
