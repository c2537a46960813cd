// @ts-check
// Parallax's own configuration with the content layer's cache moved to the benchmark's work folder:
// builds of different corpora, and other builds running in this checkout, must not share one data store.
// Last among the integrations, the stages of the build are noted for the benchmark (build-phases.ts).
import config from '../../astro.config.mjs';
import buildPhases from './build-phases.ts';

export default {
  ...config,
  integrations: [...(config.integrations ?? []), buildPhases()],
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
};
