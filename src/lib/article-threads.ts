/**
 * Runs the articles loader's jobs (article-jobs.ts) on the build's thread and on worker threads at
 * once. This module does not load the pipeline itself: the worker threads are started first, and
 * load it while this thread does.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IncidentFile } from '../pipeline/schema.ts';
import type { ArticleJob, JobResult, Stems, WorkerInput, WorkerReply, WorkerStart } from './article-jobs.ts';
import { importNatively } from './native-import.ts';
import { workerEnv } from './worker-env.ts';

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
 * worker thread alone when there is a core for it: started with the build (see
 * `prestartArticleThreads`), it has the pipeline loaded by the time the loader finds its jobs,
 * while this thread would load it then.
 */
export function planJobs(jobs: number, cores = availableParallelism()): JobPlan {
  if (cores < 2 || jobs === 0) return { threads: 0, here: true };
  const threads = Math.min(cores - 1, 7, Math.floor(jobs / JOBS_PER_THREAD));
  return threads > 0 ? { threads, here: true } : { threads: 1, here: false };
}

/** What worker threads run unless told otherwise. */
const WORKER_SCRIPT = new URL('./article-worker.ts', import.meta.url);

/**
 * The worker threads `PARALLAX_THREADS` (its value `raw`) gives the articles loader: a whole
 * number, 0 to process every article on the build's own thread; unset, the loader decides.
 */
export function articleThreads(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/u.test(raw)) throw new Error(`PARALLAX_THREADS is "${raw}": set it to a whole number of worker threads (0 for none), or unset it to have one per other core`);
  return Number(raw);
}

/** A worker thread started before its jobs were known. */
interface Waiting {
  worker: Worker;
  script: string;
  exited: boolean;
}

/**
 * Worker threads started ahead of the loader, kept on the global object: the build's
 * configuration and its content configuration are loaded as separate module graphs.
 */
const WAITING = Symbol.for('parallax.waitingArticleThreads');
const waiting = (): Waiting[] => ((globalThis as { [WAITING]?: Waiting[] })[WAITING] ??= []);

/**
 * Starts `count` worker threads (by default one per other core, at most 7) now, so that they load
 * the pipeline while the build starts up rather than once the loader has found its jobs: about a
 * second on an idle machine, two in a busy build. `runJobs` takes them; those it does not need are
 * stopped when it ends (or by `stopWaitingArticleThreads`). They never keep the process alive.
 * Gives their thread ids.
 */
export function prestartArticleThreads(count = planJobs(Number.MAX_SAFE_INTEGER).threads, script: URL = WORKER_SCRIPT): number[] {
  const started: number[] = [];
  for (let n = waiting().length; n < count; n++) {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { parallaxArticleJobs: true } satisfies WorkerStart, env: workerEnv() });
    } catch {
      break;
    }
    const entry: Waiting = { worker, script: script.href, exited: false };
    worker.once('exit', () => {
      entry.exited = true;
    });
    // A thread that fails before it is taken is simply not taken.
    worker.on('error', () => {});
    worker.unref();
    waiting().push(entry);
    started.push(worker.threadId);
  }
  return started;
}

/** A started worker thread running `script`, if one is waiting. */
function takeWaiting(script: URL): Worker | undefined {
  const list = waiting();
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    if (entry.exited || entry.script !== script.href) continue;
    list.splice(index, 1);
    entry.worker.ref();
    return entry.worker;
  }
  return undefined;
}

/** Stops the worker threads still waiting for jobs; gives how many there were. */
export async function stopWaitingArticleThreads(): Promise<number> {
  const list = waiting().splice(0);
  await Promise.all(list.map((entry) => entry.worker.terminate()));
  return list.length;
}

type JobsModule = typeof import('./article-jobs.ts');

/**
 * The pipeline, for this thread. A build runs this module through Vite's module runner: loaded by
 * Node itself, as a worker thread loads it, the pipeline is ready in less than half the time (cold
 * build of 1 000 articles: about 0.7 s against 2 s, while the worker threads start on the jobs).
 */
export function loadJobs(): Promise<JobsModule> {
  return importNatively(new URL('./article-jobs.ts', import.meta.url), () => import('./article-jobs.ts'));
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
 *
 * The worker threads are stopped at the end, but for one with `keep`: that one is given back,
 * running and idle, for the merge (see `startMergeAhead`), which it makes without loading the
 * pipeline again. It does not keep the process alive; whoever takes it stops it.
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
    /** Whether to give back one worker thread still running, rather than stop them all. */
    keep?: boolean;
  } = {},
): Promise<Worker | undefined> {
  const script = options.script ?? WORKER_SCRIPT;
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
  const input: WorkerInput = { incident, jobs, counter };
  const exited = new Set<Worker>();
  const workers = Array.from({ length: threads }, () => {
    let worker = takeWaiting(script);
    try {
      worker ??= new Worker(script, { workerData: { parallaxArticleJobs: true } satisfies WorkerStart, env: workerEnv() });
      worker.postMessage(input);
    } catch {
      running--;
      void worker?.terminate();
      return undefined;
    }
    const listening = worker;
    listening.on('message', (reply: WorkerReply) => {
      if ('result' in reply) return accept(reply.result);
      failure ??= new Error(`An article worker thread failed: ${reply.failed}`);
      settle();
    });
    listening.once('exit', () => {
      exited.add(listening);
      if (--running === 0) settle();
    });
    // Its jobs are done here: see the end.
    listening.on('error', () => {});
    return listening;
  });
  const stems: Stems = new Map();
  if (here || running === 0) {
    const { runJob } = await loadJobs();
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
  // Every job is answered: no thread is in the middle of one.
  const kept = options.keep && !failure && count === jobs.length ? workers.find((worker) => worker && !exited.has(worker)) : undefined;
  await Promise.all([...workers.map((worker) => (worker === kept ? undefined : worker?.terminate())), stopWaitingArticleThreads()]);
  if (kept) {
    kept.removeAllListeners('message').removeAllListeners('exit');
    kept.unref();
  }
  if (failure) throw failure;
  if (count === jobs.length) return kept;
  const { runJob } = await loadJobs();
  for (let job = 0; job < jobs.length; job++) if (!answered[job]) accept(runJob(incident, jobs, job, stems));
  return undefined;
}
