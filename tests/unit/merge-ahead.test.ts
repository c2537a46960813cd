import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { ArticleCache } from '../../src/lib/article-cache.ts';
import { parallaxArticles, type ArticleEntry } from '../../src/lib/parallax-loader.ts';
import { incidentSchema } from '../../src/pipeline/schema.ts';
import { mergeAheadOnOffer, mergeSignature, offerMergeAhead, takeMergeAhead, type MergeArticle, type MergeInput } from '../../src/lib/merge-ahead.ts';
import { runJobs } from '../../src/lib/article-threads.ts';
import { startMergeAhead } from '../../src/lib/merge-ahead-thread.ts';
import { mergeFromCache } from '../../src/lib/merge-input.ts';
import { extractArticle, mergeIncident } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

const content = readContent('content');
const processed = content.articles.map(processArticle);
const extractions = processed.map((article) => extractArticle(content.incident, article));
const reference = mergeIncident(
  content.incident,
  processed.map((article, i) => ({ article: { source: article.source, frontmatter: article.frontmatter, sentences: article.sentences.length }, extraction: extractions[i]! })),
);

const root = mkdtempSync(path.join(os.tmpdir(), 'parallax-merge-ahead-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The articles' contributions in a fresh article cache, and what a merge reads of them. */
function inputIn(folder: string): MergeInput {
  const cache = new ArticleCache(path.join(root, folder, 'parallax-articles'));
  const articles: MergeArticle[] = processed.map((article, i) => {
    const key = `${article.source}.extraction`;
    cache.write(key, JSON.stringify(extractions[i]));
    return { source: article.source, frontmatter: article.frontmatter, sentences: article.sentences.length, file: article.file, cache: cache.dir, extraction: key };
  });
  cache.finish(new Set(articles.map((article) => article.extraction)));
  return { definition: content.incident, articles, pipeline: 'test-pipeline' };
}

describe('the merge made ahead', () => {
  test('merges what the pages would, from the contributions in the cache', async () => {
    expect(mergeFromCache(inputIn('direct'))).toEqual(reference);
  });

  test('on a worker thread, hands the pages the same incident once, and only for the same input', async () => {
    const input = inputIn('thread');
    startMergeAhead(input);
    const other = { ...input, articles: input.articles.slice(1) };
    expect(await takeMergeAhead(mergeSignature(other))).toBeUndefined();
    expect(await takeMergeAhead(mergeSignature(input))).toEqual(reference);
    // Taken once: a second look finds nothing and merges itself.
    expect(await takeMergeAhead(mergeSignature(input))).toBeUndefined();
  });

  test('on an article thread done with its jobs, which the jobs give back running, hands the pages the same incident and stops the thread', async () => {
    const jobs = content.articles.map((article) => ({ article }));
    const thread = await runJobs(content.incident, jobs, 1, () => {}, { here: false, keep: true });
    expect(thread).toBeDefined();
    expect(thread!.threadId).toBeGreaterThan(0);
    const stopped = new Promise<number>((resolve) => thread!.once('exit', resolve));
    const input = inputIn('kept');
    startMergeAhead(input, { thread });
    expect(await takeMergeAhead(mergeSignature(input))).toEqual(reference);
    await stopped;
    expect(thread!.threadId).toBe(-1);
  });

  test('on a new thread when the one given has stopped since', async () => {
    const thread = await runJobs(content.incident, content.articles.map((article) => ({ article })), 1, () => {}, { here: false, keep: true });
    await thread!.terminate();
    const input = inputIn('stopped');
    startMergeAhead(input, { thread });
    expect(await takeMergeAhead(mergeSignature(input))).toEqual(reference);
  });

  test('no thread is given back unless asked for, or when every job was done here', async () => {
    const jobs = content.articles.map((article) => ({ article }));
    expect(await runJobs(content.incident, jobs, 1, () => {}, { here: false })).toBeUndefined();
    expect(await runJobs(content.incident, jobs, 0, () => {}, { keep: true })).toBeUndefined();
  });

  test('gives nothing when the thread fails, and says why, so that the pages merge themselves', async () => {
    const input = inputIn('missing');
    const lost = { ...input, articles: input.articles.map((article) => ({ ...article, extraction: `${article.extraction}.gone` })) };
    startMergeAhead(lost);
    expect(mergeAheadOnOffer()).toBe(mergeSignature(lost));
    const reasons: string[] = [];
    expect(await takeMergeAhead(mergeSignature(lost), (reason) => reasons.push(reason))).toBeUndefined();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/extraction of this article is missing/);
  });

  test('a later offer stops the earlier one, which nobody will take; taking one holds the process until it is there', async () => {
    const calls: string[] = [];
    const offer = (signature: string) => ({
      signature,
      result: Promise.resolve({ incident: reference }),
      hold: () => void calls.push(`hold ${signature}`),
      cancel: () => void calls.push(`cancel ${signature}`),
    });
    offerMergeAhead(offer('first'));
    offerMergeAhead(offer('second'));
    expect(calls).toEqual(['cancel first']);
    expect(await takeMergeAhead('first')).toBeUndefined();
    expect(await takeMergeAhead('second')).toEqual(reference);
    expect(calls).toEqual(['cancel first', 'hold second']);
    expect(mergeAheadOnOffer()).toBeUndefined();
  });

  test('started by the articles loader, is taken by the pages: both sign what they read alike', async () => {
    const work = path.join(root, 'loader');
    const store = new Map<string, { id: string; data: ArticleEntry }>();
    const context = {
      store: {
        get: (id: string) => store.get(id),
        set: (entry: { id: string; data: ArticleEntry }) => void store.set(entry.id, entry),
        keys: () => [...store.keys()],
        delete: (id: string) => void store.delete(id),
      },
      logger: { info: () => undefined, warn: () => undefined },
      generateDigest: (value: unknown) => JSON.stringify(value).length.toString(36) + ':' + Buffer.from(JSON.stringify(value)).toString('base64url').slice(-24),
      parseData: async ({ data }: { data: ArticleEntry }) => data,
      config: { root: pathToFileURL(`${work}/`), cacheDir: pathToFileURL(`${work}/cache/`) },
    };
    await parallaxArticles({ dir: 'content', threads: 1 }).load(context as never);
    // As the pages read them: the incident through its collection's schema, the articles from the store.
    const entries = [...store.values()].map(({ data }) => data);
    const signature = mergeSignature({ definition: incidentSchema.parse(content.incident), articles: entries, pipeline: entries[0]!.pipeline });
    expect(mergeAheadOnOffer()).toBe(signature);
    expect(await takeMergeAhead(signature)).toEqual(reference);
  });
});

describe('mergeSignature', () => {
  const input = inputIn('signature');
  const signature = mergeSignature(input);

  test('does not depend on the order of the articles (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...input.articles], { minLength: input.articles.length, maxLength: input.articles.length }), (articles) => {
        expect(mergeSignature({ ...input, articles })).toBe(signature);
      }),
      { numRuns: 30 },
    );
  });

  test('changes with anything the merge reads (property)', () => {
    const index = fc.integer({ min: 0, max: input.articles.length - 1 });
    const change = fc.oneof(
      fc.record({ field: fc.constant('extraction' as const), value: fc.string({ minLength: 1 }) }),
      fc.record({ field: fc.constant('cache' as const), value: fc.string({ minLength: 1 }) }),
      fc.record({ field: fc.constant('source' as const), value: fc.string({ minLength: 1 }) }),
      fc.record({ field: fc.constant('sentences' as const), value: fc.integer({ min: 1000 }) }),
      fc.record({ field: fc.constant('title' as const), value: fc.string({ minLength: 1 }) }),
    );
    fc.assert(
      fc.property(index, change, (i, { field, value }) => {
        const articles = input.articles.map((article, j) => {
          if (j !== i) return article;
          if (field === 'title') return { ...article, frontmatter: { ...article.frontmatter, title: `${article.frontmatter.title}${value}` } };
          return { ...article, [field]: field === 'sentences' ? value : `${article[field]}${value}` };
        });
        expect(mergeSignature({ ...input, articles })).not.toBe(signature);
      }),
      { numRuns: 60 },
    );
    expect(mergeSignature({ ...input, articles: input.articles.slice(1) })).not.toBe(signature);
    expect(mergeSignature({ ...input, pipeline: 'another' })).not.toBe(signature);
    expect(mergeSignature({ ...input, definition: { ...input.definition, title: `${input.definition.title}!` } })).not.toBe(signature);
    expect(mergeSignature({ ...input, definition: { ...input.definition, actors: [] } })).not.toBe(signature);
  });
});
