import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { runJob, warmUp, type ArticleJob, type JobResult } from '../../src/lib/article-jobs.ts';
import { JOBS_PER_THREAD, loadJobs, planJobs, prestartArticleThreads, runJobs, stopWaitingArticleThreads } from '../../src/lib/article-threads.ts';
import articleThreadsIntegration from '../../src/integrations/article-threads.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent, type ContentSource } from '../../src/pipeline/read-content.ts';
import { toStoredArticle } from '../../src/pipeline/stored-article.ts';

let dir: string;
let content: ContentSource;
/** Articles that cannot be rendered: an update block that matches no entry of `updated`. */
const BROKEN = ['zz-broken-a', 'zz-broken-b'];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parallax-threads-'));
  writeCorpus(dir, generateCorpus({ articles: 90, seed: 11 }));
  for (const name of BROKEN) {
    writeFileSync(
      path.join(dir, 'articles', `${name}.md`),
      `---\ntitle: ${name}\noutlet: Test Outlet\npublished: 2024-05-02\n---\n\nThe council met on Tuesday.\n\n:::update[Update:]{at=2024-05-03}\nA later line.\n:::\n`,
    );
  }
  content = readContent(dir);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Blocks this thread for `ms`, as a slow consumer of results would. */
const hold = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

async function run(jobs: readonly ArticleJob[], threads: number, options: { slow?: number; script?: URL; here?: boolean } = {}) {
  const results: JobResult[] = [];
  await runJobs(
    content.incident,
    jobs,
    threads,
    (result) => {
      results.push(result);
      if (options.slow) hold(options.slow);
    },
    { ...(options.script ? { script: options.script } : {}), ...(options.here === undefined ? {} : { here: options.here }) },
  );
  return results;
}

const byJob = (results: JobResult[]) => [...results].sort((a, b) => a.job - b.job);
const withoutThread = ({ thread: _, ...rest }: JobResult) => rest;
const fixture = (name: string) => new URL(`../fixtures/threads/${name}`, import.meta.url);

describe('article jobs on several threads', () => {
  test('give every job one result, the same whichever thread did it, and a content problem as a result', async () => {
    const jobs = content.articles.map((article) => ({ article }));
    const alone = await run(jobs, 0);
    // Slow to take results, this thread leaves the worker threads time to load the pipeline and take jobs.
    const shared = await run(jobs, 2, { slow: 15 });
    expect(alone.map((result) => result.job)).toEqual(jobs.map((_, job) => job));
    expect(byJob(shared).map((result) => result.job)).toEqual(jobs.map((_, job) => job));
    expect(new Set(shared.map((result) => result.thread)).size).toBeGreaterThan(1);
    expect(byJob(shared).map(withoutThread)).toEqual(alone.map(withoutThread));
    // What the loader writes to the cache is what the pipeline makes.
    const article = content.articles[5]!;
    const result = alone[5]!;
    const { html, messages, ...analysis } = processArticle(article);
    expect(result).toMatchObject({ html, analysis: JSON.stringify(toStoredArticle({ ...analysis, messages })), sentences: analysis.sentences.length, source: analysis.source });
    // The two articles that cannot be rendered are named, with their lines, and the others made.
    const problems = shared.filter((r) => 'problems' in r);
    expect(problems.map((r) => content.articles[r.job]!.id).sort()).toEqual(BROKEN);
    for (const r of problems) expect('problems' in r && r.problems[0]).toMatchObject({ file: expect.stringContaining('zz-broken'), line: expect.any(Number), message: expect.stringMatching(/matches no entry of `updated`/) });
  }, 120_000);

  test('extract again from a kept analysis, on any thread, what processing extracted', async () => {
    const jobs = content.articles.map((article) => ({ article }));
    const processed = await run(jobs, 0);
    const kept: ArticleJob[] = processed.flatMap((result) => ('analysis' in result && result.analysis ? [{ article: jobs[result.job]!.article, analysis: result.analysis }] : []));
    const again = byJob(await run(kept, 1, { slow: 15 }));
    expect(again).toHaveLength(content.articles.length - BROKEN.length);
    const madeBefore = processed.filter((result) => 'extraction' in result);
    expect(again.map((result) => 'extraction' in result && result.extraction)).toEqual(madeBefore.map((result) => 'extraction' in result && result.extraction));
    expect(again.every((result) => 'extraction' in result && result.html === undefined && result.analysis === undefined)).toBe(true);
  }, 120_000);

  test('do here the jobs a thread took before it stopped, and the jobs of a thread that cannot start', async () => {
    const jobs = content.articles.slice(0, 12).map((article) => ({ article }));
    const expected = jobs.map((_, job) => runJob(content.incident, jobs, job, new Map()));
    for (const script of [fixture('stops-after-taking-jobs.mjs'), fixture('does-not-exist.mjs')]) {
      const results = await run(jobs, 1, { script, slow: 40 });
      expect(byJob(results).map(withoutThread)).toEqual(expected.map(withoutThread));
      expect(results.every((result) => result.thread === 0)).toBe(true);
    }
  }, 60_000);

  test('stop with the error of a job that failed on another thread, naming it', async () => {
    const jobs = content.articles.slice(0, 12).map((article) => ({ article }));
    await expect(run(jobs, 1, { script: fixture('reports-failure.mjs'), slow: 40 })).rejects.toThrow(/An article worker thread failed: Error: the worker ran out of memory/);
  }, 60_000);

  test('leave a few jobs to one worker thread alone, and take them here when it stops', async () => {
    const jobs = content.articles.slice(0, 6).map((article) => ({ article }));
    const expected = jobs.map((_, job) => runJob(content.incident, jobs, job, new Map()));
    const alone = await run(jobs, 1, { here: false });
    expect(byJob(alone).map(withoutThread)).toEqual(expected.map(withoutThread));
    expect(alone.every((result) => result.thread !== 0)).toBe(true);
    for (const script of [fixture('stops-after-taking-jobs.mjs'), fixture('does-not-exist.mjs')]) {
      const results = await run(jobs, 1, { script, here: false });
      expect(byJob(results).map(withoutThread)).toEqual(expected.map(withoutThread));
      expect(results.every((result) => result.thread === 0)).toBe(true);
    }
  }, 60_000);

  test('warm a waiting thread up on an article that goes through every stage a real one does', () => {
    const result = warmUp();
    if ('problems' in result) throw new Error(`the warm-up article cannot be read: ${JSON.stringify(result.problems)}`);
    const extraction = JSON.parse(result.extraction) as Record<'mentions' | 'claims' | 'quotes' | 'citations', unknown[]>;
    expect(result.sentences).toBeGreaterThan(5);
    for (const part of ['mentions', 'claims', 'quotes', 'citations'] as const) expect(extraction[part].length, part).toBeGreaterThan(0);
  });

  test('take worker threads started ahead of the jobs, skip those that stopped, and stop those not needed', async () => {
    const jobs = content.articles.slice(0, 6).map((article) => ({ article }));
    const expected = jobs.map((_, job) => runJob(content.incident, jobs, job, new Map()));
    expect(prestartArticleThreads(0)).toEqual([]);
    const started = prestartArticleThreads(2);
    expect(started).toHaveLength(2);
    // Asked again, it starts only what is missing.
    expect(prestartArticleThreads(2)).toEqual([]);
    const results = await run(jobs, 1, { here: false });
    expect(byJob(results).map(withoutThread)).toEqual(expected.map(withoutThread));
    expect(results.every((result) => result.thread === started[0])).toBe(true);
    // The one not taken was stopped when the jobs were done.
    expect(await stopWaitingArticleThreads()).toBe(0);
    // A thread that stopped while it waited is not waited for: the jobs are done here.
    const missing = fixture('does-not-exist.mjs');
    expect(prestartArticleThreads(1, missing)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fallback = await run(jobs, 1, { script: missing, here: false });
    expect(byJob(fallback).map(withoutThread)).toEqual(expected.map(withoutThread));
    expect(fallback.every((result) => result.thread === 0)).toBe(true);
  }, 60_000);

  test('start the worker threads with the build, as PARALLAX_THREADS says, and none to preview a site', async () => {
    const setup = articleThreadsIntegration().hooks['astro:config:setup'] as (options: { command: string }) => void;
    const before = process.env['PARALLAX_THREADS'];
    try {
      process.env['PARALLAX_THREADS'] = '2';
      setup({ command: 'preview' });
      expect(await stopWaitingArticleThreads()).toBe(0);
      setup({ command: 'build' });
      expect(await stopWaitingArticleThreads()).toBe(2);
      process.env['PARALLAX_THREADS'] = '0';
      setup({ command: 'build' });
      expect(await stopWaitingArticleThreads()).toBe(0);
      process.env['PARALLAX_THREADS'] = 'two';
      expect(() => setup({ command: 'build' })).toThrow(/PARALLAX_THREADS is "two"/);
    } finally {
      if (before === undefined) delete process.env['PARALLAX_THREADS'];
      else process.env['PARALLAX_THREADS'] = before;
    }
  });

  test('load the pipeline for this thread, by Node itself or, where Node cannot (as under this test runner), as this module was loaded', async () => {
    const loaded = await loadJobs();
    const jobs = content.articles.slice(0, 3).map((article) => ({ article }));
    expect(jobs.map((_, job) => withoutThread(loaded.runJob(content.incident, jobs, job, new Map())))).toEqual(jobs.map((_, job) => withoutThread(runJob(content.incident, jobs, job, new Map()))));
  });

  test('plan worker threads for enough jobs, one per other core, and one alone for a few jobs', () => {
    expect(planJobs(1000, 1)).toEqual({ threads: 0, here: true });
    expect(planJobs(1000, 2)).toEqual({ threads: 1, here: true });
    expect(planJobs(1000, 64)).toEqual({ threads: 7, here: true });
    expect(planJobs(3 * JOBS_PER_THREAD, 8)).toEqual({ threads: 3, here: true });
    expect(planJobs(JOBS_PER_THREAD, 8)).toEqual({ threads: 1, here: true });
    expect(planJobs(JOBS_PER_THREAD - 1, 8)).toEqual({ threads: 1, here: false });
    expect(planJobs(1, 2)).toEqual({ threads: 1, here: false });
    expect(planJobs(1, 1)).toEqual({ threads: 0, here: true });
    expect(planJobs(0, 8)).toEqual({ threads: 0, here: true });
  });
});
