import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

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
  /** Records to add besides the built pages, read from the build's output folder. Default: none. */
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

/**
 * Builds a Pagefind search index over the built site once `astro build` has written it, into
 * `<outDir>/pagefind/`, wherever `--outDir` points. Pages are indexed from the parts marked
 * `data-pagefind-body`; `astro dev` has no index, since nothing is built.
 */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const bundle = options.bundle ?? 'pagefind';
  return {
    name: 'parallax-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = fileURLToPath(new URL(`${bundle}/`, dir));
        // An index left by an earlier build into the same folder would otherwise be indexed as pages.
        await rm(output, { recursive: true, force: true });
        const problems: string[] = [];
        try {
          const created = await pagefind.createIndex({ ...(options.excludeSelectors ? { excludeSelectors: options.excludeSelectors } : {}) });
          problems.push(...created.errors);
          const index = created.index;
          if (!index) throw new Error(problems.join('\n') || 'Pagefind did not start');
          const pages = await index.addDirectory({ path: site, ...(options.glob ? { glob: options.glob } : {}) });
          problems.push(...pages.errors);
          const records = (await options.records?.(dir)) ?? [];
          // In batches: one request at a time to the indexer is slow for many records, all at once holds them all in flight.
          for (let start = 0; start < records.length; start += RECORD_BATCH) {
            const added = await Promise.all(records.slice(start, start + RECORD_BATCH).map((record) => index.addCustomRecord(record)));
            for (const result of added) problems.push(...result.errors);
          }
          const written = await index.writeFiles({ outputPath: output });
          problems.push(...written.errors);
          if (problems.length > 0) throw new Error(`Pagefind reported:\n  ${problems.join('\n  ')}`);
          logger.info(`indexed ${pages.page_count} HTML files and ${records.length} records into ${bundle}/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
