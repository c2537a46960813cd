import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { BundleFile } from './search-bundle.ts';

/**
 * A large site's search index is split into parts, so that a rebuild indexes again only the parts
 * whose pages or records changed. The main index sits at the root of the bundle; the other parts
 * sit in `shards/<n>/` and are merged into it by the search page (Pagefind's `mergeIndex`), which
 * reads their list from `shards.json`. A page or record goes to the part its key (say, the source
 * a page and its claims belong to) hashes to; what has no key goes to the main index.
 */

/** The list of merged parts, at the root of the bundle: `{ "shards": ["shards/1/", …] }`. */
export const MANIFEST = 'shards.json';

/** The main index: the root of the bundle. */
export const MAIN_PART = '';

/** The part a page or record with this key goes to, with the index split into `count` parts besides the main one. */
export function partOf(key: string | undefined, count: number): string {
  if (count <= 1 || key === undefined) return MAIN_PART;
  const n = createHash('sha256').update(key).digest().readUInt32BE(0) % count;
  return `shards/${n + 1}/`;
}

/**
 * The files of a merged part that a search reads. The search page loads the script and the
 * WebAssembly once, from the main index; each merged part adds its entry, metadata, word index,
 * fragments and filters.
 */
export function mergedPartFiles(files: readonly BundleFile[]): BundleFile[] {
  return files.filter((file) => file.path === 'pagefind-entry.json' || file.path.endsWith('.pf_meta') || /^(?:index|fragment|filter)\//.test(file.path));
}

/**
 * Gives the main index the first part's pages and records when it has none of its own: an empty
 * Pagefind index has no language, and the search page, which loads the main index first, would
 * then find nothing at all. The same content always gives the same parts.
 */
export function fillMainPart<T extends { pages: readonly unknown[]; records: readonly unknown[] }>(parts: Map<string, T>): void {
  const main = parts.get(MAIN_PART);
  if (main && (main.pages.length > 0 || main.records.length > 0)) return;
  const first = [...parts.keys()].filter((name) => name !== MAIN_PART).sort()[0];
  if (first === undefined) return;
  parts.set(MAIN_PART, parts.get(first)!);
  parts.delete(first);
}

/** Whether `rel` (a path inside the bundle; a folder ends with "/") belongs to the part at `part`. */
export function inPart(rel: string, part: string): boolean {
  if (part !== MAIN_PART) return rel.startsWith(part);
  return !rel.startsWith('shards/') && rel !== MANIFEST;
}

/** What one part is built from, as two digests: its records are known while pages render, its pages only once written. */
export interface PartDigests {
  records: string;
  pages: string;
  /**
   * The keys the site gave of the part's pages while they rendered, when it gave them: a part whose
   * keys differ is started before its pages are written. Only a hint: `pages` decides what is reused.
   */
  pageKeys?: string;
  /** The names, sizes and modification times of its page files: while they are the same, `pages` is taken as it was, unread. */
  stats?: string;
}

/**
 * The digests of the last build's parts, with a digest of what applies to all of them (indexer
 * version, options, number of parts) and the folder the bundle was placed in: builds into other
 * output folders may share the cache folder, and their digests say nothing of this bundle.
 */
export interface DigestStore {
  bundle: string;
  settings: string;
  parts: Record<string, PartDigests>;
}

/** A digest of a sequence of texts: each is length-prefixed, so that no two sequences give the same bytes. */
export function digestOf(texts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const text of texts) {
    hash.update(`${Buffer.byteLength(text)}:`);
    hash.update(text);
  }
  return hash.digest('hex');
}

/**
 * Reads the digests a finished build left, and deletes them: until this build has placed its own
 * bundle, the bundle set aside may be half brought up to date, and nothing in it can be trusted.
 */
export function takeDigests(file: string): DigestStore | undefined {
  let store: DigestStore | undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DigestStore>;
    if (typeof parsed.bundle === 'string' && typeof parsed.settings === 'string' && parsed.parts && typeof parsed.parts === 'object') store = parsed as DigestStore;
  } catch {
    store = undefined;
  }
  rmSync(file, { force: true });
  return store;
}

export function keepDigests(file: string, store: DigestStore): void {
  writeFileSync(file, `${JSON.stringify(store)}\n`);
}

/** The parts whose digests equal the last build's, among `current`, given the same settings and bundle folder. */
export function unchangedParts(
  previous: DigestStore | undefined,
  now: Omit<DigestStore, 'parts'>,
  current: ReadonlyMap<string, PartDigests>,
): Set<string> {
  const same = new Set<string>();
  if (!previous || previous.settings !== now.settings || previous.bundle !== now.bundle) return same;
  for (const [part, digests] of current) {
    const before = previous.parts[part];
    if (before && before.records === digests.records && before.pages === digests.pages) same.add(part);
  }
  return same;
}
