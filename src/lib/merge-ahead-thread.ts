/**
 * Merges the incident on a worker thread while the build bundles the site (see merge-ahead.ts).
 * This module is the thread's script as well: the articles loader calls `startMergeAhead`, and the
 * thread it starts reads the articles' contributions from the article cache and merges them as
 * the pages would, the deduplicated timeline remembered in the same file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { mergeSignature, offerMergeAhead, type MergeInput } from './merge-ahead.ts';
import { workerEnv } from './worker-env.ts';

interface ThreadStart {
  parallaxMergeAhead: MergeInput;
}

type ThreadReply = { incident: IncidentJson } | { failed: string };

/**
 * Starts merging `input` on a worker thread and offers the result to the pages. The thread keeps
 * the process running only while the pages wait for it (see `takeMergeAhead`); a thread that
 * cannot start or fails leaves the merge to the pages.
 */
export function startMergeAhead(input: MergeInput, script: URL = new URL(import.meta.url)): void {
  const signature = mergeSignature(input);
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { parallaxMergeAhead: input } satisfies ThreadStart, env: workerEnv() });
  } catch (error) {
    offerMergeAhead({ signature, result: Promise.resolve({ failed: String(error) }), hold: () => {}, cancel: () => {} });
    return;
  }
  const result = new Promise<ThreadReply>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error: unknown) => resolve({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    worker.once('exit', (code) => resolve({ failed: `the thread stopped (exit code ${code})` }));
  }).finally(() => void worker.terminate());
  // After the listeners, which would hold the process otherwise.
  worker.unref();
  offerMergeAhead({ signature, result, hold: () => worker.ref(), cancel: () => void worker.terminate() });
}

const start = !isMainThread ? (workerData as Partial<ThreadStart> | undefined)?.parallaxMergeAhead : undefined;
if (start) {
  try {
    // The merge is loaded here only: the loader that starts the thread does not load it.
    const { mergeFromCache } = await import('./merge-input.ts');
    parentPort!.postMessage({ incident: mergeFromCache(start) } satisfies ThreadReply);
  } catch (error) {
    parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ThreadReply);
  }
}
