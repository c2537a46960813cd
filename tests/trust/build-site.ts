/**
 * Builds a content folder with the real `astro build`, isolated from any other build running in the
 * same checkout: its own output folder inside the project (Astro keeps its prerender chunks beside an
 * output folder inside the project, and in a shared `.astro/` otherwise) and its own content cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { BUILD_NODE_OPTIONS } from '../../src/lib/build-node-options.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Scratch space of the trust tests; inside node_modules, so it is never committed. */
export const SCRATCH = path.join(root, 'node_modules', '.cache', 'parallax-trust');

/** A new, empty folder under SCRATCH. */
export function scratchDir(prefix: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  return mkdtempSync(path.join(SCRATCH, `${prefix}-`));
}

export interface SiteBuild {
  status: number | null;
  /** Everything the build printed, stdout and stderr interleaved as far as the pipes allow. */
  output: string;
  seconds: number;
}

/** Runs `astro build` on `content` into `outDir`, with Node 24 (the runtime running the tests) and the options `npm run build` gives it; `env` adds to the environment. */
export function buildSite(content: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): SiteBuild {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [...BUILD_NODE_OPTIONS, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'tests/trust/astro.config.mjs', '--outDir', outDir],
    {
      cwd: root,
      env: { ...process.env, ...env, PARALLAX_CONTENT: content, PARALLAX_CACHE_DIR: cacheDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}
