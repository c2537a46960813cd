import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILD_NODE_OPTIONS } from '../../src/lib/build-node-options.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Node options of a build', () => {
  test('are the ones `npm run build` starts Astro with, so that the benchmark and the trust tests build as users do', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build']).toBe(['node', ...BUILD_NODE_OPTIONS, 'node_modules/astro/bin/astro.mjs', 'build'].join(' '));
  });

  test('are accepted by the Node that runs the build, without a warning', () => {
    const run = spawnSync(process.execPath, [...BUILD_NODE_OPTIONS, '-e', 'process.stdout.write("ran")'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ran');
  });
});
