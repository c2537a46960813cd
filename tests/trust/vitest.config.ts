import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The trust suite: hostile input at the pipeline level, one real build of the hostile corpus, and
 * properties over generated articles. Kept apart from `npm test` because the build and the 5 MB
 * article take minutes, not seconds.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/trust/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
