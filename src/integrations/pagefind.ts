import { randomUUID } from 'node:crypto';
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listenForSearchRecords } from '../lib/search-handoff.ts';
import type { IndexedIds } from '../lib/search-records.ts';
import { BundlePlacement, setBundleAside, type BundleFile } from './search-bundle.ts';
import { indexedPart, relabelIds } from './search-page-html.ts';
import { localIndexer, threadIndexer, type SearchIndex, type SearchIndexer } from './search-indexer-thread.ts';
import {
  digestOf,
  fillMainPart,
  inPart,
  keepDigests,
  MAIN_PART,
  MANIFEST,
  mergedPartFiles,
  partOf,
  takeDigests,
  unchangedParts,
  type DigestStore,
  type PartDigests,
} from './search-shards.ts';

/** A record for the index that is not a page of the site. */
export interface PagefindRecord {
  url: string;
  content: string;
  language: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** What the index holds besides the pages as written: records, and other ids for some of the pages' elements, by page address. */
export interface SearchAdditions {
  records: PagefindRecord[];
  indexedIds?: IndexedIds;
}

/** How a large index is split (see search-shards.ts). */
export interface SearchShardOptions {
  /** Into how many parts besides the main index; 1 or less keeps one index. Asked once, when a build starts. */
  count: () => number;
  /** The key of a page or record, by its address: the same key, the same part. `undefined` puts it in the main index. */
  key: (url: string) => string | undefined;
}

export interface PagefindIntegrationOptions {
  /** CSS selectors left out of every page's index, besides elements marked `data-pagefind-ignore`. Default: none. */
  excludeSelectors?: string[];
  /**
   * Records to add besides the built pages, and the ids the index records for elements of the pages
   * (see `relabelIds`), read from the build's output folder when the site did not give them while
   * rendering (`offerSearchRecords`). Default: none.
   */
  records?: (outDir: URL) => SearchAdditions | Promise<SearchAdditions>;
  /**
   * Which built files to read, as a glob relative to the output folder. Default: every HTML file.
   * Naming only the pages that carry `data-pagefind-body` spares reading the others, which Pagefind
   * would leave out anyway.
   */
  glob?: string;
  /** Where the index goes inside the output folder. Default: `pagefind`. */
  bundle?: string;
  /** Splits the index into parts indexed apart. Default: one index. */
  shards?: SearchShardOptions;
  /**
   * At most this many fragment files (a result's text and metadata) per index and part: past it,
   * Pagefind puts several fragments in one file. Default: one file per page or record.
   */
  maxFragments?: number;
}

/** How many records or pages are sent to the indexer at once. */
const BATCH = 200;

/** Changes whenever what a part's digests cover changes meaning. */
const DIGEST_FORMAT = 'parallax-search-parts/2';

/** One part of the index as this build makes it. */
interface Part {
  records: PagefindRecord[];
  /** By the address of a page of the part, the ids its index copy gives elements in place of their own. */
  ids: Map<string, ReadonlyMap<string, string>>;
  /** The digest of `records`, once asked for. */
  recordsDigest?: string | undefined;
  /** Its pages, each with what `stat` says of it, and its text once read (see `statsOf`). */
  pages: Array<{ sourcePath: string; stat: string; content?: string }>;
  /** Started as soon as the part is known to change: its records are then indexed while the pages render. */
  index?: Promise<SearchIndex>;
  recordsAdded?: Promise<void>;
}

/** Sends items in batches: one request at a time to the indexer is slow for many items, all at once holds them all in flight. */
async function inBatches<T>(items: readonly T[], add: (item: T) => Promise<{ errors: string[] }>, problems: string[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    const added = await Promise.all(items.slice(start, start + BATCH).map(add));
    for (const result of added) problems.push(...result.errors);
  }
}

/** The address Pagefind gives a page read from `sourcePath` (a path inside the output folder). */
function pageUrl(sourcePath: string): string {
  return `/${sourcePath}`.replace(/\/index\.html$/, '/');
}

/**
 * What `stat` says of each built page, by its path in `site`: its size and modification time. A page
 * whose file has the same name, size and time as when the last build digested it has the same text;
 * a page the build writes again gets a new time, whether or not its text changed. A time less than
 * the file system's tick ago says nothing, since the file could change again within that tick and
 * keep its time: such a page gets a value no later build will match, so that the next build reads
 * it. Where times are kept to the nanosecond, they move with the kernel's clock, a few milliseconds
 * at a time; where every time is a whole second, the file system is taken to keep seconds (some keep two).
 */
function statsOf(site: string, files: readonly string[]): Map<string, string> {
  const stats = files.map((file) => statSync(path.join(site, file), { bigint: true }));
  const tick = stats.some((stat) => stat.mtimeNs % 1_000_000_000n !== 0n) ? 100 : 2_000;
  const now = Date.now();
  return new Map(files.map((file, i) => [file, now - Number(stats[i]!.mtimeMs) < tick ? `recent:${randomUUID()}` : `${stats[i]!.size}:${stats[i]!.mtimeNs}`]));
}

/** The version of the indexer: another version may write another bundle from the same pages. */
function pagefindVersion(): string {
  // The package exports neither its package.json nor a CommonJS entry: look where Node would look.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const file = path.join(folder, 'pagefind', 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error('Cannot find the installed pagefind package: reinstall the dependencies (npm ci)');
}

/**
 * Builds a Pagefind search index over the built site, into `<outDir>/pagefind/`, wherever
 * `--outDir` points. The indexer starts with the build: records the site gives while its pages
 * render are indexed meanwhile, by Pagefind's own process; once the pages are written, they are
 * indexed from the parts marked `data-pagefind-body`. `astro dev` has no index, since nothing is built.
 *
 * With `shards`, the index is split into parts (search-shards.ts), built by two indexers at once
 * (this thread's and a worker thread's, see search-indexer-thread.ts). Each part's pages and records
 * are digested; a part whose digests equal the last build's is kept as that build wrote it, and
 * only the others are indexed again. A part whose records, or the keys the site gave of its pages
 * (`offerSearchPageKeys`), differ from the last build's is started while the pages render. A part
 * whose page files have the names, sizes and times the last build digested is not read again
 * (see `statsOf`). The bundle of the last build is set aside in the cache folder before the output
 * folder is emptied, and the new one is written over it: of its thousands of files, only those
 * that changed are written (see `syncBundle`).
 */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const bundle = options.bundle ?? 'pagefind';
  const problems: string[] = [];
  let kept = '';
  let inOutput = '';
  let digestFile = '';
  let previous: DigestStore | undefined;
  let count = 1;
  let settings = '';
  let parts = new Map<string, Part>();
  let given = false;
  /** The keys the site gave of the pages each part will read, by part (see `offerSearchPageKeys`). */
  let pageKeys = new Map<string, Array<readonly [string, string]>>();
  let stopListening = () => {};

  // A split index is built by two indexers, this thread's and a worker thread's, each taking every other part.
  let thread: SearchIndexer | undefined;
  let opened = 0;
  const indexerFor = (): SearchIndexer => {
    if (count < 2 || opened++ % 2 === 0) return localIndexer;
    thread ??= threadIndexer();
    return thread;
  };
  const open = async (): Promise<SearchIndex> => {
    const created = await indexerFor().createIndex({
      ...(options.excludeSelectors ? { excludeSelectors: options.excludeSelectors } : {}),
      ...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
    });
    problems.push(...created.errors);
    if (!created.index) throw new Error(problems.join('\n') || 'Pagefind did not start');
    return created.index;
  };
  // A source's page and its claims' ids share a key: hash each key once.
  const partNames = new Map<string | undefined, string>();
  const partNameFor = (url: string): string => {
    const key = options.shards?.key(url);
    let name = partNames.get(key);
    if (name === undefined) partNames.set(key, (name = partOf(key, count)));
    return name;
  };
  const partFor = (url: string): Part => {
    const name = partNameFor(url);
    let part = parts.get(name);
    if (!part) parts.set(name, (part = { records: [], ids: new Map(), pages: [] }));
    return part;
  };
  const pageKeysDigest = (name: string): string | undefined => {
    const keys = pageKeys.get(name);
    return keys ? digestOf([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).flat()) : undefined;
  };
  const recordsDigest = (part: Part) =>
    (part.recordsDigest ??= digestOf([
      ...part.records.map((record) => JSON.stringify(record)),
      ...[...part.ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map((entry) => JSON.stringify([entry[0], [...entry[1]]])),
    ]));
  const startIndexing = (part: Part): void => {
    if (part.index) return;
    part.index = open();
    part.recordsAdded = part.index.then((index) => inBatches(part.records, (record) => index.addCustomRecord(record), problems));
    // A failure shows when the part is finished, at the end of the build.
    part.recordsAdded.catch(() => {});
  };
  const routeRecords = ({ records, indexedIds = [] }: SearchAdditions): void => {
    for (const record of records) {
      const part = partFor(record.url);
      part.records.push(record);
      part.recordsDigest = undefined;
    }
    for (const [url, ids] of indexedIds) {
      const part = partFor(url);
      part.ids.set(url, new Map([...(part.ids.get(url) ?? []), ...ids]));
      part.recordsDigest = undefined;
    }
  };

  return {
    name: 'parallax-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        kept = path.resolve(fileURLToPath(new URL('parallax-search-bundle/', config.cacheDir)));
        digestFile = path.resolve(fileURLToPath(new URL('parallax-search-parts.json', config.cacheDir)));
        inOutput = path.resolve(fileURLToPath(new URL(`${bundle}/`, config.outDir)));
      },
      'astro:build:start': () => {
        const setAside = setBundleAside(inOutput, kept);
        const store = takeDigests(digestFile);
        // Digests describe the bundle set aside; without it they describe nothing there is.
        previous = setAside ? store : undefined;
        problems.length = 0;
        parts = new Map();
        partNames.clear();
        given = false;
        count = Math.max(1, Math.floor(options.shards?.count() ?? 1));
        settings = digestOf([DIGEST_FORMAT, pagefindVersion(), JSON.stringify(options.excludeSelectors ?? []), String(options.maxFragments ?? 0), String(count)]);
        pageKeys = new Map();
        // A part is indexed again when its records, or the keys of its pages, differ from the last
        // build's: it is started then, on another core, while the pages render. Its records must all
        // be known first: indexing takes them as it starts.
        const startChanged = () => {
          if (!given) return;
          // Without records of its own, the main index will take the first part's (see fillMainPart): compare that part with it.
          const first = parts.has(MAIN_PART) ? undefined : [...parts.keys()].sort()[0];
          for (const [name, part] of parts) {
            const stored = name === first ? MAIN_PART : name;
            const before = previous?.settings === settings && previous.bundle === inOutput ? previous.parts[stored] : undefined;
            const keys = pageKeysDigest(name);
            if (before?.records !== recordsDigest(part) || (keys !== undefined && before.pageKeys !== keys)) startIndexing(part);
          }
        };
        stopListening = listenForSearchRecords((offer) => {
          if ('records' in offer) {
            given = true;
            routeRecords(offer);
          } else {
            for (const [url, key] of offer.pageKeys) {
              const name = partNameFor(url);
              let keys = pageKeys.get(name);
              if (!keys) pageKeys.set(name, (keys = []));
              keys.push([url, key]);
            }
          }
          startChanged();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Parts started while the pages rendered, for the log.
        const early = [...parts.values()].filter((part) => part.index !== undefined).length;
        stopListening();
        const site = fileURLToPath(dir);
        const output = path.resolve(fileURLToPath(new URL(`${bundle}/`, dir)));
        // An index left in the folder (when `dir` is not the configured output folder) would otherwise be indexed as pages.
        await rm(output, { recursive: true, force: true });
        try {
          let when = 'given while the pages rendered';
          if (!given) {
            routeRecords((await options.records?.(dir)) ?? { records: [] });
            when = 'read from the output';
          }
          const files = globSync(options.glob ?? '**/*.html', { cwd: site })
            .map((file) => file.split(path.sep).join('/'))
            .sort();
          const stats = statsOf(site, files);
          for (const sourcePath of files) partFor(pageUrl(sourcePath)).pages.push({ sourcePath, stat: stats.get(sourcePath)! });
          // The search page loads the main index first: it must be there, and hold something.
          if (!parts.has(MAIN_PART)) parts.set(MAIN_PART, { records: [], ids: new Map(), pages: [] });
          // The page keys were given by the parts' names before the main index may take the first one's place.
          const keyedAs = new Map([...parts].map(([name, part]) => [part, name]));
          fillMainPart(parts);
          const comparable = previous?.settings === settings && previous.bundle === inOutput ? previous : undefined;
          const readPages = (part: Part) =>
            Promise.all(part.pages.map(async (page) => (page.content ??= await readFile(path.join(site, page.sourcePath), 'utf8'))));
          const digests = new Map<string, PartDigests>();
          for (const [name, part] of parts) {
            const keys = pageKeysDigest(keyedAs.get(part) ?? name);
            const stats = digestOf(part.pages.flatMap((page) => [page.sourcePath, page.stat]));
            const before = comparable?.parts[name];
            // Pages whose files are as the last build left them (the same names, sizes and times) are
            // the pages it digested: they are not read again unless their part is indexed again.
            let pages = before?.stats === stats ? before.pages : undefined;
            if (pages === undefined) {
              await readPages(part);
              pages = digestOf(part.pages.flatMap((page) => [page.sourcePath, page.content!]));
            }
            digests.set(name, { records: recordsDigest(part), pages, stats, ...(keys === undefined ? {} : { pageKeys: keys }) });
          }
          // The bundle set aside came from `inOutput`: the last digests count only if they describe the bundle placed there.
          const same = unchangedParts(previous, { bundle: inOutput, settings }, digests);
          const reused = [...same].filter((name) => existsSync(path.join(kept, name, 'pagefind-entry.json')));
          const rebuilt = [...parts.keys()].filter((name) => !reused.includes(name)).sort();
          // Each part is written as soon as it is indexed, while the indexers build the others.
          const placement = new BundlePlacement(kept, output);
          const built = await Promise.all(
            rebuilt.map(async (name): Promise<BundleFile[]> => {
              const part = parts.get(name)!;
              startIndexing(part);
              const index = await part.index!;
              await readPages(part);
              // Records first, then pages, whenever the records were started: the bundle depends on
              // the order things are added, and a rebuild must write what a build from nothing does.
              await part.recordsAdded;
              // Only what Pagefind reads of each page is sent: the same index, a fraction of the work (see indexedPart).
              await inBatches(
                part.pages,
                (page) => {
                  const ids = part.ids.get(pageUrl(page.sourcePath));
                  const content = ids ? relabelIds(page.content!, ids) : page.content!;
                  return index.addHTMLFile({ sourcePath: page.sourcePath, content: indexedPart(content, options.excludeSelectors) });
                },
                problems,
              );
              const result = await index.getFiles();
              problems.push(...result.errors);
              const partFiles = (name === MAIN_PART ? result.files : mergedPartFiles(result.files)).map((file) => ({ path: `${name}${file.path}`, content: file.content }));
              // The main part is the bundle's root but for the other parts and their list.
              if (problems.length === 0) placement.sync(name, partFiles, name === MAIN_PART ? (rel) => !inPart(rel, MAIN_PART) : undefined);
              return partFiles;
            }),
          );
          if (problems.length > 0) throw new Error(`Pagefind reported:\n  ${problems.join('\n  ')}`);
          const merged = [...parts.keys()].filter((name) => name !== MAIN_PART).sort();
          const manifest: BundleFile = { path: MANIFEST, content: new TextEncoder().encode(`${JSON.stringify({ shards: merged })}\n`) };
          // Last, the list of parts; parts of an earlier build that this one no longer has are deleted.
          placement.sync('', [manifest], (rel) => [...parts.keys()].some((name) => inPart(rel, name)));
          const counts = placement.move(() => [...built.flat(), manifest]);
          keepDigests(digestFile, { bundle: output, settings, parts: Object.fromEntries(digests) });
          const pageCount = [...parts.values()].reduce((sum, part) => sum + part.pages.length, 0);
          const readCount = [...parts.values()].reduce((sum, part) => sum + part.pages.filter((page) => page.content !== undefined).length, 0);
          const recordCount = [...parts.values()].reduce((sum, part) => sum + part.records.length, 0);
          logger.info(
            `indexed ${pageCount} HTML files (${readCount} read) and ${recordCount} records (${when}) into ${bundle}/` +
              (parts.size > 1 ? ` in ${parts.size} parts (${rebuilt.length} indexed, ${reused.length} unchanged; ${early} started as the pages rendered)` : reused.length > 0 ? ' (unchanged)' : '') +
              `: ${counts.written} files written, ${counts.unchanged} unchanged, ${counts.removed} removed, in ${((performance.now() - started) / 1000).toFixed(1)} s after the pages`,
          );
        } finally {
          parts = new Map();
          pageKeys = new Map();
          await Promise.all([localIndexer.close(), thread?.close()]);
          thread = undefined;
          opened = 0;
        }
      },
    },
  };
}
