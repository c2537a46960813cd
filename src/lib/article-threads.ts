/**
 * Runs the articles loader's jobs (article-jobs.ts) on the build's thread and on worker threads at
 * once. This module does not load the pipeline itself: the worker threads are started first, and
 * load it while this thread does.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IncidentFile } from '../pipeline/schema.ts';
import type { ArticleJob, JobResult, Stems, WorkerInput, WorkerReply } from './article-jobs.ts';

/**
 * Below this many jobs per thread, this thread takes jobs too: a worker thread loads the whole
 * pipeline first (most of a second), while this thread is already processing articles.
 */
export const JOBS_PER_THREAD = 48;

/** How the jobs are shared: how many worker threads, and whether this thread takes jobs too. */
export interface JobPlan {
  threads: number;
  here: boolean;
}

/**
 * Worker threads worth starting for `jobs` jobs: one per core besides the build's own, at most 7,
 * each with enough jobs. Fewer jobs than that (a rebuild after a few articles changed) go to one
 * worker thread alone when there is a core for it: it loads the pipeline with Node, in about half
 * the time this thread takes to load it through the build's module loader.
 */
export function planJobs(jobs: number, cores = availableParallelism()): JobPlan {
  if (cores < 2 || jobs === 0) return { threads: 0, here: true };
  const threads = Math.min(cores - 1, 7, Math.floor(jobs / JOBS_PER_THREAD));
  return threads > 0 ? { threads, here: true } : { threads: 1, here: false };
}

/** Lets the events waiting (results from other threads) run. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs every job, on this thread and on `threads` worker threads, and gives each result to
 * `done` on this thread as it comes. Jobs are taken in turn from one shared counter, so a thread
 * that started late or took long articles takes fewer. A job that a thread took but never
 * answered, because the thread could not start or stopped, is done here. An error a job throws
 * (not a problem of the content, which is a result) stops the run with that error, whichever
 * thread ran the job.
 */
export async function runJobs(
  incident: IncidentFile,
  jobs: readonly ArticleJob[],
  threads: number,
  done: (result: JobResult) => void,
  options: {
    /** What the worker threads run (tests give another). */
    script?: URL;
    /** Whether this thread takes jobs too; when not, it loads the pipeline only for the jobs of a thread that stopped. */
    here?: boolean;
  } = {},
): Promise<void> {
  const script = options.script ?? new URL('./article-worker.ts', import.meta.url);
  const here = options.here ?? true;
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const take = () => Atomics.add(next, 0, 1);
  const answered = new Uint8Array(jobs.length);
  let count = 0;
  let failure: Error | undefined;
  let settle = () => {};
  const accept = (result: JobResult) => {
    if (answered[result.job]) return;
    answered[result.job] = 1;
    count++;
    done(result);
    if (count === jobs.length) settle();
  };
  let running = threads;
  const input: WorkerInput = { parallaxArticleJobs: true, incident, jobs, counter };
  const workers = Array.from({ length: threads }, () => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: input });
    } catch {
      running--;
      return undefined;
    }
    worker.on('message', (reply: WorkerReply) => {
      if ('result' in reply) return accept(reply.result);
      failure ??= new Error(`An article worker thread failed: ${reply.failed}`);
      settle();
    });
    worker.once('exit', () => {
      if (--running === 0) settle();
    });
    // Its jobs are done here: see the end.
    worker.on('error', () => {});
    return worker;
  });
  const stems: Stems = new Map();
  if (here || running === 0) {
    const { runJob } = await import('./article-jobs.ts');
    try {
      for (let job = take(), run = 1; job < jobs.length && !failure; job = take(), run++) {
        accept(runJob(incident, jobs, job, stems));
        if (threads > 0 && run % 8 === 0) await pause();
      }
    } catch (error) {
      failure ??= error as Error;
    }
  }
  // Past the end, the counter stops the worker threads after their current job; while this
  // thread takes none, they take every job.
  if (here) Atomics.store(next, 0, jobs.length);
  // Wait for the jobs the other threads took, not for a thread still loading the pipeline.
  if (!failure && count < jobs.length && running > 0) await new Promise<void>((resolve) => (settle = resolve));
  await Promise.all(workers.map((worker) => worker?.terminate()));
  if (failure) throw failure;
  if (count === jobs.length) return;
  const { runJob } = await import('./article-jobs.ts');
  for (let job = 0; job < jobs.length; job++) if (!answered[job]) accept(runJob(incident, jobs, job, stems));
}
