// @ts-check
// Parallax's own configuration with the content layer's cache moved to the benchmark's work folder:
// builds of different corpora, and other builds running in this checkout, must not share one data store.
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
};
