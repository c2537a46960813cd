// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import articleThreads from './src/integrations/article-threads.ts';
import incidentFile, { incidentFileWritten } from './src/integrations/incident-file.ts';
import pagefind from './src/integrations/pagefind.ts';
import reusePages from './src/integrations/reuse-pages.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { countArticleFiles, incidentSearchRecords, searchMaxFragments, searchPartCount, searchPartKey, searchPartSize } from './src/lib/search-records.ts';

export default defineConfig({
  site: process.env.PARALLAX_SITE ?? 'https://parallax.example',
  trailingSlash: 'always',
  // Rendering a page takes less time than writing it (and its copy for the incremental build) to
  // disk: eight pages in flight keep the disk busy. Cold build at 1 000 sources, three alternated
  // runs each: 7.6-9.3 s to write the pages one at a time, 6.0-6.9 s with eight at once.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths gives a `cacheKey` (source pages, a split comparison's question pages
  // and timeline entries' own pages: see src/lib/page-key.ts) are reused from the last build when
  // neither their data nor their code changed.
  experimental: { incrementalBuild: true },
  // Scripts must be files: the Content-Security-Policy (script-src 'self') refuses inline ones,
  // and Vite inlines any script under this many bytes.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    // The articles loader's worker threads load the pipeline while the build starts up.
    articleThreads(),
    sitemap(),
    // Reused pages stay in the output folder rather than being copied back from the cache. Before
    // the search index, which must read the output only once pages no longer built are deleted;
    // the index's own folder is moved by the search integration.
    reusePages({ leave: ['pagefind'] }),
    // Sentence permalinks ("#") and the labels of a source's details ("Published", "Sentences")
    // are on every source page alike: indexed, they would match every page.
    // Only source pages carry `data-pagefind-body`: the others are not read at all.
    // A large site's index is split by source (a source page and its claims go together), so
    // that a rebuild indexes again only the parts whose sources changed.
    pagefind({
      excludeSelectors: ['.s-link', '.meta dt'],
      glob: 'sources/*/index.html',
      // Only when the pages did not give them: from incident.json, once it is written.
      records: async (outDir) => {
        await incidentFileWritten();
        return incidentSearchRecords(outDir);
      },
      maxFragments: searchMaxFragments(process.env.PARALLAX_SEARCH_MAX_FRAGMENTS),
      shards: {
        count: () => searchPartCount(countArticleFiles(contentDir()), searchPartSize(process.env.PARALLAX_SEARCH_SHARD_SIZE)),
        key: searchPartKey,
      },
    }),
    // incident.json is written once the pages are, while the search index is written by Pagefind's
    // process: after the search index here, so that the build waits for it only once the index is done.
    incidentFile(),
  ],
});
