/**
 * The articles loader's work on one article: processing it (or taking the analysis an earlier
 * build kept) and extracting what it contributes to the incident. Pure computation, done on the
 * build's thread and on worker threads alike (article-threads.ts): a worker thread runs this
 * module, started with `workerData.parallaxArticleJobs`, loads the pipeline, waits for the jobs
 * (`WorkerInput`, one message) and takes them until there are none left. Then it may be asked to
 * merge the incident (a `MergeRequest`, see merge-ahead-thread.ts), with the pipeline it has loaded.
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { extractArticle } from '../pipeline/build-incident.ts';
import { ContentError, type ContentProblem } from '../pipeline/content-error.ts';
import { processArticle, type ContentMessage } from '../pipeline/process-article.ts';
import { parseArticleFile, type ArticleSource } from '../pipeline/read-content.ts';
import type { IncidentFile } from '../pipeline/schema.ts';
import { fromStoredArticle, toStoredArticle, type StoredArticle } from '../pipeline/stored-article.ts';
import { mergeReply, type MergeRequest } from './merge-ahead-thread.ts';

/** An article to process, or, with the analysis kept from an earlier build (`StoredArticle`, as JSON), only to extract again. */
export interface ArticleJob {
  article: ArticleSource;
  analysis?: string;
}

/** What a job made: the texts go to the article cache, the rest to the loader's messages and entry. */
export type JobResult = (
  | {
      /** Present when the article was processed. */
      html?: string;
      /** The analysis as stored (`StoredArticle`, as JSON); present when the article was processed. */
      analysis?: string;
      /** `ArticleExtraction`, as JSON. */
      extraction: string;
      messages: ContentMessage[];
      source: string;
      outlet: string;
      file: string;
      sentences: number;
    }
  | { problems: ContentProblem[] }
) & {
  job: number;
  /** The thread that did the job (0: the build's own). */
  thread: number;
};

/** Extraction memo: a word's stems, kept across the articles of one thread. */
export type Stems = Map<string, readonly string[]>;

export function runJob(incident: IncidentFile, jobs: readonly ArticleJob[], job: number, stems: Stems): JobResult {
  const { article, analysis: kept } = jobs[job]!;
  if (kept) {
    const analysis = fromStoredArticle(JSON.parse(kept) as StoredArticle);
    return {
      job,
      thread: threadId,
      extraction: JSON.stringify(extractArticle(incident, analysis, stems)),
      messages: [],
      source: analysis.source,
      outlet: analysis.outlet,
      file: analysis.file,
      sentences: analysis.sentences.length,
    };
  }
  let processed;
  try {
    processed = processArticle(article);
  } catch (error) {
    if (error instanceof ContentError) return { job, thread: threadId, problems: error.problems };
    throw error;
  }
  const { html, messages, ...analysis } = processed;
  return {
    job,
    thread: threadId,
    html,
    analysis: JSON.stringify(toStoredArticle({ ...analysis, messages })),
    extraction: JSON.stringify(extractArticle(incident, analysis, stems)),
    messages,
    source: analysis.source,
    outlet: analysis.outlet,
    file: analysis.file,
    sentences: analysis.sentences.length,
  };
}

/** What a worker thread is started with: it may start before the jobs are known (see `prestartArticleThreads`). */
export interface WorkerStart {
  parallaxArticleJobs: true;
}

/** The one message a worker thread waits for once it has loaded the pipeline. */
export interface WorkerInput {
  incident: IncidentFile;
  jobs: readonly ArticleJob[];
  /** One 32-bit counter: the next job to take. */
  counter: SharedArrayBuffer;
}

export type WorkerReply = { result: JobResult } | { failed: string };

/**
 * A made-up article and incident, processed once by a worker thread while it waits for its jobs:
 * a thread's first article takes about five times as long as the next, while its code is compiled,
 * and a rebuild's one changed article is often the only one. Its words and forms are those of
 * news: headings, a list, a link, quotations with their speakers, dates of every kind.
 */
const WARM_UP = {
  incident: {
    title: 'A made-up closure',
    summary: 'A bridge is closed for repairs.',
    topics: [{ id: 'cause', question: 'Why was it closed?', cues: ['cracks', 'closed'] }],
    actors: [{ id: 'council', name: 'Town Council', aliases: ['the council'] }],
  } as IncidentFile,
  file: `---
title: "Bridge closed after inspectors find cracks"
outlet: The Example Gazette
published: 2020-03-12T09:30+01:00
updated:
  - at: 2020-03-13
    note: Council statement added
---
The **Town Council** closed the river bridge on Tuesday after inspectors found cracks in two of its piers.

## What happened

Inspectors from the [roads agency](https://roads.example/report) reported the cracks on 9 March 2020, three days before the closure. "We will not reopen it until it is safe," said Mayor Ana Ruiz. The bridge, which opened in 1987, carries about 12,000 vehicles a day.

- Buses will use the northern crossing until the end of April.
- Repairs are due to start next week and to take two months.

Update, March 13: In a statement, the council said the repairs would cost "about €2 million". Last year, a survey had found no damage.
`,
};

/** Processes the made-up article (see `WARM_UP`) and returns what a job would, or why it could not. */
export function warmUp(): JobResult {
  const problems: ContentProblem[] = [];
  const article = parseArticleFile(WARM_UP.file, 'warm-up.md', 'warm-up.md', problems);
  if (!article) return { job: 0, thread: threadId, problems };
  return runJob(WARM_UP.incident, [{ article }], 0, new Map());
}

if (!isMainThread && (workerData as Partial<WorkerStart> | undefined)?.parallaxArticleJobs) {
  // Only while no job has come: the jobs' message waits for it, a fraction of the time it saves the first one.
  setImmediate(() => {
    try {
      warmUp();
    } catch {
      // Only the time it saves is lost.
    }
  });
  // One listener for both messages: a message sent while the jobs run waits for them.
  parentPort!.on('message', (message: WorkerInput | MergeRequest) => {
    if ('parallaxMergeAhead' in message) {
      void mergeReply(message.parallaxMergeAhead).then((reply) => parentPort!.postMessage(reply));
      return;
    }
    const { incident, jobs, counter } = message;
    const next = new Int32Array(counter);
    const stems: Stems = new Map();
    try {
      for (let job = Atomics.add(next, 0, 1); job < jobs.length; job = Atomics.add(next, 0, 1)) {
        parentPort!.postMessage({ result: runJob(incident, jobs, job, stems) } satisfies WorkerReply);
      }
    } catch (error) {
      parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    }
  });
}
