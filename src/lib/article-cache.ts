/**
 * Each analysed article, kept beside the content layer's data store rather than in it: its
 * analysis (sentences and dates) and its HTML, keyed by the article's content digest, and what it
 * contributes to the incident (`ArticleExtraction`), keyed by that digest and the incident
 * definition's. Astro serialises the whole data store into the build's bundle and parses it back
 * at render time; with the analyses inside, a 5 000-article incident made a 46 MB store that
 * raised the build's peak memory by about 900 MB. The store keeps the validated frontmatter and
 * the keys: the merge reads the contributions once, a source page its own HTML, and the loader the
 * analysis of an unchanged article when only incident.yaml changed.
 *
 * The texts are appended to one pack file and found through an index (`index.json`: each key's
 * offset and length in the pack). A cold build of 1 000 articles used to create 3 000 files here,
 * and creating a file can be slow where the build runs; now it writes two. The pack only grows: a
 * text no longer used stays in it until the unused bytes outweigh the used ones, and the used ones
 * are then copied into a new pack.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ArticleExtraction } from '../pipeline/build-incident.ts';
import type { StoredArticle } from '../pipeline/stored-article.ts';

/** The folder of the article cache inside a cache folder. */
export function analysisDir(cacheDir: string): string {
  return path.join(cacheDir, 'parallax-articles');
}

/** The keys of an article's texts in the cache. */
export interface AnalysisKeys {
  analysis: string;
  html: string;
  /** The article's contribution under one incident definition. */
  extraction: string;
}

/** The keys of an article's digest, and of its extraction under a definition's digest. */
export function analysisKeys(digest: string, definitionDigest = 'none'): AnalysisKeys {
  return { analysis: `${digest}.analysis`, html: `${digest}.html`, extraction: `${digest}.${definitionDigest}.extraction` };
}

const INDEX = 'index.json';
/** Changes whenever the layout of the index or the pack changes meaning. */
const FORMAT = 'parallax-article-cache/1';
/** Unused bytes a pack may hold besides as many used ones before it is compacted. */
const SLACK = 4 * 1024 * 1024;

/** Where a text is in the pack: its offset and its length, in bytes. */
type Place = readonly [offset: number, length: number];

interface IndexFile {
  format: string;
  pack: string;
  entries: Record<string, Place>;
}

/** A name no pack of this or another build has had. */
const newPackName = () => `pack-${randomUUID()}.dat`;

function isPlace(value: unknown): value is Place {
  return Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && n >= 0);
}

/** The index of the cache in `dir`, or `undefined` when there is none or it cannot be used (another format, its pack gone). */
function readIndex(dir: string): IndexFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, INDEX), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { format, pack, entries } = parsed as Partial<IndexFile>;
  if (format !== FORMAT || typeof pack !== 'string' || path.basename(pack) !== pack || typeof entries !== 'object' || entries === null) return undefined;
  if (!Object.values(entries).every(isPlace) || !existsSync(path.join(dir, pack))) return undefined;
  return { format, pack, entries };
}

function readAt(file: string, [offset, length]: Place): string {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < length) {
      const read = readSync(fd, buffer, done, length - done, offset + done);
      if (read === 0) throw new Error(`${file} ends before byte ${offset + length}`);
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

function missing(article: string, what: string, dir: string, reason: string): Error {
  return new Error(
    `${article}: the ${what} of this article ${reason} in the cache at ${dir}. The cache folder changed during the build: build again, and the article is analysed anew.`,
  );
}

/**
 * The article cache as the loader writes it: what the last build kept, and what this build adds
 * to the end of its pack. `finish` then writes the index of the keys still in use.
 */
export class ArticleCache {
  readonly dir: string;
  #entries: Map<string, Place>;
  #pack: string;
  #fd: number | undefined;
  #size = 0;
  #changed = false;
  readonly #slack: number;

  /** `slack`: the unused bytes the pack may hold besides as many used ones before it is compacted. */
  constructor(dir: string, { slack = SLACK }: { slack?: number } = {}) {
    this.dir = dir;
    this.#slack = slack;
    const index = readIndex(dir);
    this.#entries = new Map(Object.entries(index?.entries ?? {}));
    // Without a usable index the pack, if any, is of unknown content: start another, and `finish` deletes the rest.
    this.#pack = index?.pack ?? newPackName();
    this.#changed = !index;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The text under `key`; `article` and `what` name it in the error when it is not there. */
  read(key: string, article: string, what: string): string {
    const place = this.#entries.get(key);
    if (!place) throw missing(article, what, this.dir, 'is missing');
    return readAt(path.join(this.dir, this.#pack), place);
  }

  write(key: string, text: string): void {
    if (this.#fd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      // Appending leaves what the last build wrote where its index says it is.
      this.#fd = openSync(path.join(this.dir, this.#pack), 'a');
      this.#size = fstatSync(this.#fd).size;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(this.#fd, bytes, done, bytes.length - done);
    this.#entries.set(key, [this.#size, bytes.length]);
    this.#size += bytes.length;
    this.#changed = true;
  }

  /**
   * Keeps the texts under `live` and forgets the others; copies the kept ones into a new pack when
   * the pack holds more unused bytes than used ones (and a few MB); writes the index; deletes every
   * other file of the folder. Returns how many texts are kept and whether the pack was compacted.
   */
  finish(live: ReadonlySet<string>): { kept: number; compacted: boolean } {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    const kept = new Map<string, Place>();
    for (const key of live) {
      const place = this.#entries.get(key);
      if (place) kept.set(key, place);
    }
    if (kept.size !== this.#entries.size) this.#changed = true;
    const packFile = path.join(this.dir, this.#pack);
    const used = [...kept.values()].reduce((sum, [, length]) => sum + length, 0);
    const size = existsSync(packFile) ? statSync(packFile).size : 0;
    let compacted = false;
    if (size - used > used + this.#slack) {
      const previous = packFile;
      this.#pack = newPackName();
      const fd = openSync(path.join(this.dir, this.#pack), 'w');
      try {
        let offset = 0;
        for (const [key, place] of kept) {
          const bytes = Buffer.from(readAt(previous, place), 'utf8');
          writeSync(fd, bytes);
          kept.set(key, [offset, bytes.length]);
          offset += bytes.length;
        }
      } finally {
        closeSync(fd);
      }
      compacted = true;
      this.#changed = true;
    }
    this.#entries = kept;
    if (this.#changed || !existsSync(path.join(this.dir, INDEX))) {
      mkdirSync(this.dir, { recursive: true });
      // An index names a pack that exists, even an empty one: an index whose pack is gone is not used.
      writeFileSync(path.join(this.dir, this.#pack), '', { flag: 'a' });
      const index: IndexFile = { format: FORMAT, pack: this.#pack, entries: Object.fromEntries(kept) };
      const temporary = path.join(this.dir, `${INDEX}.${process.pid}.tmp`);
      writeFileSync(temporary, JSON.stringify(index));
      // Readers see the old index or the new one, never half of one.
      renameSync(temporary, path.join(this.dir, INDEX));
    }
    for (const name of readdirSync(this.dir)) {
      if (name !== INDEX && name !== this.#pack) rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
    this.#changed = false;
    return { kept: kept.size, compacted };
  }
}

/** The index last read, with the size and time of the file it was read from. */
let loaded: { dir: string; size: number; mtimeMs: number; index: IndexFile | undefined } | undefined;

/**
 * The text under `key` in the cache at `dir`, for the pages: the index is read again only when its
 * file changed. `article` and `what` name the text in the error when it cannot be read.
 */
export function readCached(dir: string, key: string, article: string, what: string): string {
  let stat;
  try {
    stat = statSync(path.join(dir, INDEX));
  } catch {
    throw missing(article, what, dir, 'is missing (the cache has no index)');
  }
  if (!loaded || loaded.dir !== dir || loaded.size !== stat.size || loaded.mtimeMs !== stat.mtimeMs) {
    loaded = { dir, size: stat.size, mtimeMs: stat.mtimeMs, index: readIndex(dir) };
  }
  const place = loaded.index?.entries[key];
  if (!loaded.index || !place) throw missing(article, what, dir, 'is missing');
  try {
    return readAt(path.join(dir, loaded.index.pack), place);
  } catch (error) {
    throw missing(article, what, dir, `cannot be read (${String(error)})`);
  }
}

/** What `article` contributes to the incident, from the cache at `dir`. */
export function readExtraction(dir: string, key: string, article: string): ArticleExtraction {
  return JSON.parse(readCached(dir, key, article, 'extraction')) as ArticleExtraction;
}

/** The HTML of `article`, with an anchor on every sentence, from the cache at `dir`. */
export function readArticleHtml(dir: string, key: string, article: string): string {
  return readCached(dir, key, article, 'HTML');
}

/** The stored analysis of `article`. */
export function readAnalysis(cache: ArticleCache, key: string, article: string): StoredArticle {
  return JSON.parse(cache.read(key, article, 'analysis')) as StoredArticle;
}
