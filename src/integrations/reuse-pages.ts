import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface ReusePagesOptions {
  /** Top-level folders of the output left alone when the build starts (another integration's, which it moves itself). */
  leave?: string[];
}

/** The file in the cache folder that marks a build under way; left behind, it says the build did not finish. */
export const UNFINISHED_MARK = 'parallax-build-running';

/**
 * The file in the cache folder that names the output folder of the last finished build. Builds
 * into other folders may share the cache folder; Astro's record of reusable pages then speaks of
 * pages written elsewhere, and the pages in this folder may be older than it says.
 */
export const LAST_OUTPUT = 'parallax-last-output';

/** Why the pages in `outDir` cannot be reused, or `undefined` when they can. */
export function reasonToRenderAll(cacheFiles: { mark: string; lastOutput: string; manifest: string }, outDir: string): string | undefined {
  if (existsSync(cacheFiles.mark)) return 'the last build did not finish: every page is rendered again';
  // Nothing to reuse: nothing to say.
  if (!existsSync(cacheFiles.manifest)) return undefined;
  let last: string | undefined;
  try {
    last = readFileSync(cacheFiles.lastOutput, 'utf8').trim();
  } catch {
    last = undefined;
  }
  if (last === outDir) return undefined;
  return `${last ? `the last build wrote to another folder (${last})` : 'the cache does not say which folder the last build wrote to'}: every page is rendered again`;
}

/** An HTML file of the output folder and its modification time when the build started. */
type Snapshot = Map<string, number>;

function walk(dir: string, visit: (file: string, isDirectory: boolean) => void): void {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      walk(full, visit);
      visit(full, true);
    } else {
      visit(full, false);
    }
  }
}

function removeIfEmpty(dir: string): void {
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Empties the output folder as a build starts, except its HTML pages (unless `keepPages` is false)
 * and the top-level folders in `leave`: returns the pages kept, with their modification times.
 * Everything else (assets, feeds, exports) is written again by every build.
 */
export function clearAllButPages(outDir: string, leave: readonly string[] = [], keepPages = true): Snapshot {
  const isPage = (file: string) => keepPages && file.endsWith('.html');
  const pages: Snapshot = new Map();
  if (!existsSync(outDir)) return pages;
  for (const item of readdirSync(outDir, { withFileTypes: true })) {
    const full = path.join(outDir, item.name);
    if (item.name === '.git' || leave.includes(item.name)) continue;
    if (!item.isDirectory()) {
      if (isPage(full)) pages.set(full, statSync(full).mtimeMs);
      else rmSync(full, { force: true });
      continue;
    }
    walk(full, (file, isDirectory) => {
      if (isDirectory) removeIfEmpty(file);
      else if (isPage(file)) pages.set(file, statSync(file).mtimeMs);
      else rmSync(file, { force: true });
    });
    removeIfEmpty(full);
  }
  return pages;
}

/**
 * Deletes the pages of an earlier build that this build neither wrote nor kept: a page is kept
 * when the build lists it among its output files (a reused page is listed, unchanged), and written
 * when its modification time changed since the build started. Returns the deleted files.
 */
export function removeStalePages(outDir: string, before: Snapshot, output: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const [file, mtime] of before) {
    if (output.has(file) || !existsSync(file)) continue;
    if (statSync(file).mtimeMs !== mtime) continue;
    rmSync(file, { force: true });
    removed.push(file);
    for (let dir = path.dirname(file); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
  return removed;
}

/**
 * Lets Astro's incremental build reuse pages where they are. Astro empties the output folder and
 * then copies every reused page back from its cache, one file at a time; with this integration the
 * folder is emptied of everything but its pages, a reused page stays where it is, and the pages no
 * longer built are deleted at the end. A build that did not finish leaves a mark, and a build into
 * another output folder sharing the cache folder names that folder: the next build then starts from
 * an empty folder and renders every page, rather than trust pages of unknown state.
 */
export default function reusePages(options: ReusePagesOptions = {}): AstroIntegration {
  let outDir = '';
  let mark = '';
  let manifest = '';
  let lastOutput = '';
  let before: Snapshot = new Map();
  return {
    name: 'parallax-reuse-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = path.resolve(fileURLToPath(config.outDir));
        mark = path.resolve(fileURLToPath(new URL(UNFINISHED_MARK, config.cacheDir)));
        lastOutput = path.resolve(fileURLToPath(new URL(LAST_OUTPUT, config.cacheDir)));
        // Astro's record of the last incremental build (see astro/dist/core/build/incremental.js).
        manifest = path.resolve(fileURLToPath(new URL('incremental-build.json', config.cacheDir)));
      },
      'astro:build:start': ({ logger }) => {
        const reason = reasonToRenderAll({ mark, lastOutput, manifest }, outDir);
        if (reason) {
          logger.warn(reason);
          rmSync(manifest, { force: true });
        }
        before = clearAllButPages(outDir, options.leave, !reason);
        mkdirSync(path.dirname(mark), { recursive: true });
        writeFileSync(mark, `${process.pid}\n`);
      },
      'astro:build:done': ({ assets, logger }) => {
        const output = new Set([...assets.values()].flat().map((url) => path.resolve(fileURLToPath(url))));
        const removed = removeStalePages(outDir, before, output);
        if (removed.length > 0) logger.info(`removed ${removed.length} page(s) no longer built`);
        writeFileSync(lastOutput, `${outDir}\n`);
        rmSync(mark, { force: true });
        before = new Map();
      },
    },
  };
}
