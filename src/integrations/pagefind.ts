import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { listenForSearchRecords } from '../lib/search-handoff.ts';
import { placeBundle, setBundleAside } from './search-bundle.ts';

/** A record for the index that is not a page of the site. */
export interface PagefindRecord {
  url: string;
  content: string;
  language: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

export interface PagefindIntegrationOptions {
  /** CSS selectors left out of every page's index, besides elements marked `data-pagefind-ignore`. Default: none. */
  excludeSelectors?: string[];
  /**
   * Records to add besides the built pages, read from the build's output folder, when the site
   * did not give them while rendering (`offerSearchRecords`). Default: none.
   */
  records?: (outDir: URL) => PagefindRecord[] | Promise<PagefindRecord[]>;
  /**
   * Which built files to read, as a glob relative to the output folder. Default: every HTML file.
   * Naming only the pages that carry `data-pagefind-body` spares reading the others, which Pagefind
   * would leave out anyway.
   */
  glob?: string;
  /** Where the index goes inside the output folder. Default: `pagefind`. */
  bundle?: string;
}

/** How many records are sent to the indexer at once. */
const RECORD_BATCH = 200;

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Adds records in batches: one request at a time to the indexer is slow for many records, all at once holds them all in flight. */
async function addRecords(index: Index, records: readonly PagefindRecord[], problems: string[]): Promise<void> {
  for (let start = 0; start < records.length; start += RECORD_BATCH) {
    const added = await Promise.all(records.slice(start, start + RECORD_BATCH).map((record) => index.addCustomRecord(record)));
    for (const result of added) problems.push(...result.errors);
  }
}

/**
 * Builds a Pagefind search index over the built site, into `<outDir>/pagefind/`, wherever
 * `--outDir` points. The indexer starts with the build: records the site gives while its pages
 * render are indexed meanwhile, by Pagefind's own process; once the pages are written, they are
 * indexed from the parts marked `data-pagefind-body`. `astro dev` has no index, since nothing is built.
 *
 * The bundle of the last build is set aside in the cache folder before the output folder is
 * emptied, and the new one is written over it: of its thousands of files, only those that changed
 * are written, and none are deleted and created again (see `syncBundle`).
 */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const bundle = options.bundle ?? 'pagefind';
  let index: Promise<Index> | undefined;
  let given: Promise<number> | undefined;
  let stopListening = () => {};
  let kept = '';
  let inOutput = '';
  const problems: string[] = [];
  const open = async (): Promise<Index> => {
    const created = await pagefind.createIndex({ ...(options.excludeSelectors ? { excludeSelectors: options.excludeSelectors } : {}) });
    problems.push(...created.errors);
    if (!created.index) throw new Error(problems.join('\n') || 'Pagefind did not start');
    return created.index;
  };
  return {
    name: 'parallax-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        kept = path.resolve(fileURLToPath(new URL('parallax-search-bundle/', config.cacheDir)));
        inOutput = path.resolve(fileURLToPath(new URL(`${bundle}/`, config.outDir)));
      },
      'astro:build:start': () => {
        setBundleAside(inOutput, kept);
        problems.length = 0;
        given = undefined;
        index = open();
        // A failure shows when the index is used at the end of the build.
        index.catch(() => {});
        stopListening = listenForSearchRecords((records) => {
          given = (index ?? (index = open())).then(async (ready) => {
            await addRecords(ready, records, problems);
            return records.length;
          });
          given.catch(() => {});
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening();
        const site = fileURLToPath(dir);
        const output = path.resolve(fileURLToPath(new URL(`${bundle}/`, dir)));
        // An index left in the folder (when `dir` is not the configured output folder) would otherwise be indexed as pages.
        await rm(output, { recursive: true, force: true });
        try {
          const ready = await (index ?? open());
          const pages = await ready.addDirectory({ path: site, ...(options.glob ? { glob: options.glob } : {}) });
          problems.push(...pages.errors);
          let records: number;
          let when: string;
          if (given) {
            records = await given;
            when = 'given while the pages rendered';
          } else {
            const list = (await options.records?.(dir)) ?? [];
            await addRecords(ready, list, problems);
            records = list.length;
            when = 'read from the output';
          }
          const bundleFiles = await ready.getFiles();
          problems.push(...bundleFiles.errors);
          if (problems.length > 0) throw new Error(`Pagefind reported:\n  ${problems.join('\n  ')}`);
          // Whatever the folder set aside holds, the bundle placed is exactly the files just indexed.
          const counts = placeBundle(kept, output, bundleFiles.files);
          logger.info(
            `indexed ${pages.page_count} HTML files and ${records} records (${when}) into ${bundle}/: ${counts.written} files written, ${counts.unchanged} unchanged, ${counts.removed} removed`,
          );
        } finally {
          index = undefined;
          given = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
