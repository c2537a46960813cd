// @ts-check
/**
 * The site's own configuration with a private cache: the content layer keeps its data store in
 * `cacheDir`, and a build of the hostile corpus must neither read nor overwrite the store of a
 * build of the real content running at the same time.
 */
import config from '../../astro.config.mjs';

export default {
  ...config,
  cacheDir: process.env['PARALLAX_CACHE_DIR'] ?? config.cacheDir,
};
