import module from 'node:module';
import path from 'node:path';

/**
 * The environment a worker thread starts with: this thread's, and its module compile cache.
 *
 * Node's compile cache keeps the code it compiled from each module (TypeScript included) on disk,
 * and Astro's command line turns it on. `module.enableCompileCache()` turns it on for the thread
 * that calls it only; a worker thread uses it when it starts with `NODE_COMPILE_CACHE` set. The
 * merge and search threads each load a large module graph (the pipeline alone: about 0.4 s
 * without the cache, about 0.2 s with it), so they share the cache of the build's thread: where
 * the build has none (Astro leaves it off when `CI` is set), they have none either. The article
 * threads turn it on themselves as well (article-worker.ts), after their first module.
 *
 * `getCompileCacheDir()` names the folder of this Node version inside the cache folder, which is
 * what `NODE_COMPILE_CACHE` names: its parent.
 */
export function workerEnv(): NodeJS.ProcessEnv {
  const dir = module.getCompileCacheDir?.();
  if (dir === undefined || process.env['NODE_COMPILE_CACHE'] !== undefined || process.env['NODE_DISABLE_COMPILE_CACHE'] !== undefined) return process.env;
  return { ...process.env, NODE_COMPILE_CACHE: path.dirname(dir) };
}
