import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';

/** Changes this close together are one edit: an editor's save is often a write and a rename. */
export const SETTLE_MS = 60;

/** Which files of a content folder a loader reads. */
export type ContentFiles = 'articles' | 'incident';

/**
 * Whether `file` (an absolute path) is one the loader of `what` reads in the content folder `dir`:
 * incident.yaml for both (an article's contribution depends on the incident's topics and actors),
 * and each article (`articles/*.md`, `.markdown`) for the articles.
 */
export function readsFile(dir: string, file: string, what: ContentFiles): boolean {
  const relative = path.relative(dir, file).split(path.sep).join('/');
  if (relative === 'incident.yaml') return true;
  return what === 'articles' && /^articles\/[^/]+\.(?:md|markdown)$/i.test(relative) && !path.basename(relative).startsWith('.');
}

/**
 * Under `astro dev`, runs `reload` again whenever a file the loader reads is added, changed or
 * deleted: an edited article shows on its next request, as Astro's own loaders do. Reloads never
 * overlap: changes made while one runs start one more after it. A reload that fails (an article
 * that no longer validates) is logged with the content's own message, and the site keeps what
 * it had. Nothing happens outside `astro dev`, where the context has no watcher.
 */
export function watchContent(context: Pick<LoaderContext, 'watcher' | 'logger'>, dir: string, what: ContentFiles, reload: () => Promise<void>): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  watcher.add(dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const changed: string[] = [];
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    const files = changed.splice(0).map((file) => path.relative(dir, file).split(path.sep).join('/'));
    running = reload().then(
      () => logger.info(`Reloaded ${what === 'incident' ? 'the incident' : 'the articles'} after a change to ${[...new Set(files)].join(', ')}`),
      (error: unknown) => logger.error(`Could not reload ${what === 'incident' ? 'the incident' : 'the articles'} after a change to ${[...new Set(files)].join(', ')}: the pages show the content as it was before.\n${error instanceof Error ? error.message : String(error)}`),
    );
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  const onChange = (file: string) => {
    if (!readsFile(dir, file, what)) return;
    changed.push(file);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  watcher.on('add', onChange);
  watcher.on('change', onChange);
  watcher.on('unlink', onChange);
}
