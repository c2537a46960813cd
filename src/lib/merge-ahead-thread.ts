/**
 * Merges the incident on a worker thread while the build bundles the site (see merge-ahead.ts).
 * This module is the thread's script as well: the articles loader calls `startMergeAhead`, and the
 * thread reads the articles' contributions from the article cache and merges them as the pages
 * would, the deduplicated timeline remembered in the same file. The thread is one of the loader's
 * article threads, done with its articles, when one is left (see `runJobs`); a thread of its own
 * otherwise.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { mergeSignature, offerMergeAhead, type MergeInput } from './merge-ahead.ts';
import { workerEnv } from './worker-env.ts';

/** What a thread is started with, or sent once it runs, to merge. */
export interface MergeRequest {
  parallaxMergeAhead: MergeInput;
}

/** What the thread answers. */
export type MergeReply = { incident: IncidentJson } | { failed: string };

/** The merge of `input` as a thread answers it. The merge is loaded only then: the loader that asks for it does not load it. */
export async function mergeReply(input: MergeInput): Promise<MergeReply> {
  try {
    const { mergeFromCache } = await import('./merge-input.ts');
    return { incident: mergeFromCache(input) };
  } catch (error) {
    return { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * Starts merging `input` on a worker thread and offers the result to the pages: on `thread`, a
 * running thread that answers a `MergeRequest` (an article thread done with its jobs, whose
 * pipeline is loaded and compiled already), or on a new thread running `script`. The thread keeps
 * the process running only while the pages wait for it (see `takeMergeAhead`), and stops once it
 * has answered; a thread that cannot start or fails leaves the merge to the pages.
 */
export function startMergeAhead(input: MergeInput, { thread, script = new URL(import.meta.url) }: { thread?: Worker | undefined; script?: URL } = {}): void {
  const signature = mergeSignature(input);
  const request: MergeRequest = { parallaxMergeAhead: input };
  let worker: Worker;
  try {
    // A thread that stopped since (its id is then -1) will not answer: a new one is started.
    if (thread && thread.threadId !== -1) {
      worker = thread;
      worker.postMessage(request);
    } else {
      worker = new Worker(script, { workerData: request, env: workerEnv() });
    }
  } catch (error) {
    offerMergeAhead({ signature, result: Promise.resolve({ failed: String(error) }), hold: () => {}, cancel: () => {} });
    return;
  }
  const result = new Promise<MergeReply>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error: unknown) => resolve({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    worker.once('exit', (code) => resolve({ failed: `the thread stopped (exit code ${code})` }));
  }).finally(() => void worker.terminate());
  // After the listeners, which would hold the process otherwise.
  worker.unref();
  offerMergeAhead({ signature, result, hold: () => worker.ref(), cancel: () => void worker.terminate() });
}

const start = !isMainThread ? (workerData as Partial<MergeRequest> | undefined)?.parallaxMergeAhead : undefined;
if (start) parentPort!.postMessage(await mergeReply(start));
