// @ts-check
// The baseline of the benchmark: the same Markdown as a plain Astro site, without Parallax's pipeline.
// BENCH_MARKDOWN=unified renders it with @astrojs/markdown-remark instead of the default processor.
import { defineConfig } from 'astro/config';
import buildPhases from '../build-phases.ts';

// Named through a variable: the package is optional, and the benchmark skips this baseline without it.
const markdownRemark = '@astrojs/markdown-remark';
const processor = process.env.BENCH_MARKDOWN === 'unified' ? (await import(markdownRemark)).unified() : undefined;

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // The stages of the build, for the benchmark, as Parallax's (see ../parallax.config.mjs).
  integrations: [buildPhases()],
  ...(processor ? { markdown: { processor } } : {}),
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
});
