/**
 * Merges the incident on a worker thread while the build bundles the site (see merge-ahead.ts).
 * This module is the thread's script as well: the articles loader calls `startMergeAhead`, and the
 * thread it starts reads the articles' contributions from the article cache and merges them as
 * the pages would, the deduplicated timeline remembered in the same file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { mergeSignature, offerMergeAhead, timelineMemoFile, type MergeInput } from './merge-ahead.ts';

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
    worker = new Worker(script, { workerData: { parallaxMergeAhead: input } satisfies ThreadStart });
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

/** The thread's work: the incident merged from `input`, as the pages merge it. */
export async function mergeInput(input: MergeInput): Promise<IncidentJson> {
  const [{ mergeIncident }, { readExtraction }, { timelineMemo }] = await Promise.all([
    import('../pipeline/build-incident.ts'),
    import('./article-cache.ts'),
    import('./timeline-memo.ts'),
  ]);
  const first = input.articles[0];
  return mergeIncident(
    input.definition,
    input.articles.map((article) => ({
      article: { source: article.source, frontmatter: article.frontmatter, sentences: article.sentences },
      extraction: readExtraction(article.cache, article.extraction, article.file),
    })),
    first ? { timeline: timelineMemo(timelineMemoFile(first.cache), input.pipeline) } : {},
  );
}

const start = !isMainThread ? (workerData as Partial<ThreadStart> | undefined)?.parallaxMergeAhead : undefined;
if (start) {
  try {
    parentPort!.postMessage({ incident: await mergeInput(start) } satisfies ThreadReply);
  } catch (error) {
    parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ThreadReply);
  }
}
