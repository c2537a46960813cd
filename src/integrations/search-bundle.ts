import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One file of a search bundle, as the indexer gives it: a path inside the bundle and its bytes. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** Where `file` goes inside `folder`; refuses a path that would leave the folder. */
function targetOf(folder: string, file: string): string {
  const target = path.join(folder, file);
  const inside = path.relative(folder, target);
  // A path from the indexer that climbs out of the bundle is a bug there; never write outside it.
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new Error(`The search indexer returned a file outside its bundle: ${file}`);
  }
  return target;
}

function sameBytes(file: string, content: Uint8Array): boolean {
  try {
    const existing = readFileSync(file);
    return existing.length === content.length && existing.equals(content);
  } catch {
    return false;
  }
}

/**
 * Makes `folder` hold exactly `files`: a file whose bytes are already there is left alone, others
 * are written one after the other, and anything else in the folder is deleted. Most of a search
 * bundle (the fragments and index chunks, named by their content) is the same from one build to the
 * next, so only what changed is written; writing one after the other spares a disk where creating
 * a file takes the folder's lock the contention of many writers (Pagefind's own `writeFiles`).
 *
 * What `keep` accepts (a path inside the folder, with "/" between names and after a folder's
 * name) is left as it is: the parts of an index that did not change.
 */
export function syncBundle(
  folder: string,
  files: readonly BundleFile[],
  keep: (rel: string) => boolean = () => false,
): SyncCounts {
  const wanted = new Map(files.map((file) => [targetOf(folder, file.path), file.content]));
  let removed = 0;
  const prune = (dir: string): boolean => {
    let empty = true;
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      const rel = path.relative(folder, full).split(path.sep).join('/') + (item.isDirectory() ? '/' : '');
      if (keep(rel) && !wanted.has(full)) {
        empty = false;
      } else if (item.isDirectory() && !wanted.has(full)) {
        if (prune(full)) rmdirSync(full);
        else empty = false;
      } else if (!wanted.has(full) || item.isDirectory()) {
        rmSync(full, { recursive: true, force: true });
        removed++;
      } else {
        empty = false;
      }
    }
    return empty;
  };
  if (existsSync(folder)) prune(folder);
  let written = 0;
  let unchanged = 0;
  const made = new Set<string>();
  for (const [target, content] of wanted) {
    if (sameBytes(target, content)) {
      unchanged++;
      continue;
    }
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(target, content);
    written++;
  }
  return { written, unchanged, removed };
}

/**
 * Moves the bundle a previous build left in the output folder to `kept` before the build empties
 * that folder, so that the next bundle can be written over it. Returns whether it was moved; it is
 * not when there is none, or when `kept` is on another file system (the bundle is then written anew).
 */
export function setBundleAside(inOutput: string, kept: string): boolean {
  if (!existsSync(inOutput)) return false;
  rmSync(kept, { recursive: true, force: true });
  mkdirSync(path.dirname(kept), { recursive: true });
  try {
    renameSync(inOutput, kept);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw error;
  }
}

/** How many files bringing a folder up to date wrote, left as they were, and deleted. */
export interface SyncCounts {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Puts a search bundle into the output folder at `inOutput` a part at a time, so that each part is
 * written while the indexer still builds the others: brings `kept` (the last build's bundle, if it
 * was set aside) up to date, one folder of it after the other (`sync`), then moves it there
 * (`move`), or writes the whole bundle there when it cannot be moved.
 */
export class BundlePlacement {
  private readonly counts: SyncCounts = { written: 0, unchanged: 0, removed: 0 };
  private readonly kept: string;
  private readonly inOutput: string;

  constructor(kept: string, inOutput: string) {
    this.kept = kept;
    this.inOutput = inOutput;
  }

  /**
   * Makes the folder `within` of the bundle ("" for its root, else a path ending in "/") hold
   * exactly `files` (paths inside the bundle, all in that folder), but for what `keep` accepts
   * (a path inside `within`): see `syncBundle`. The rest of the bundle is left as it is. `keep`
   * must accept nothing of what the last build wrote unless `kept` was set aside from it.
   */
  sync(within: string, files: readonly BundleFile[], keep?: (rel: string) => boolean): void {
    if (within !== '' && !within.endsWith('/')) throw new Error(`A bundle folder ends with "/": ${within}`);
    const inside = files.map((file) => {
      if (!file.path.startsWith(within)) throw new Error(`The search bundle's file ${file.path} is not in its folder ${within}`);
      return { path: file.path.slice(within.length), content: file.content };
    });
    const counts = syncBundle(within === '' ? this.kept : targetOf(this.kept, within), inside, keep);
    this.counts.written += counts.written;
    this.counts.unchanged += counts.unchanged;
    this.counts.removed += counts.removed;
  }

  /**
   * Moves the bundle to the output folder, in place of whatever is there. When `kept` is on
   * another file system, `all` (every file of the bundle) is written there instead.
   */
  move(all: () => readonly BundleFile[]): SyncCounts {
    rmSync(this.inOutput, { recursive: true, force: true });
    mkdirSync(path.dirname(this.inOutput), { recursive: true });
    try {
      renameSync(this.kept, this.inOutput);
      return { ...this.counts };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      rmSync(this.kept, { recursive: true, force: true });
      return syncBundle(this.inOutput, all());
    }
  }
}
