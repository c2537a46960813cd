import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(path.resolve('src/lib/worker-env.ts')).href;

/**
 * Runs a process that turns on the compile cache (in `cache`, or not at all), then starts a worker
 * thread with `workerEnv()` and prints, as JSON, the compile cache folder of each thread.
 */
function folders(cache: string | undefined, env: NodeJS.ProcessEnv = {}): { main: string | null; worker: string | null } {
  const script = `
    import module from 'node:module';
    import { Worker } from 'node:worker_threads';
    ${cache === undefined ? '' : `module.enableCompileCache(${JSON.stringify(cache)});`}
    const { workerEnv } = await import(${JSON.stringify(MODULE)});
    const probe = "import m from 'node:module'; import { parentPort } from 'node:worker_threads'; parentPort.postMessage(m.getCompileCacheDir() ?? null);";
    const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(probe)), { env: workerEnv() });
    const seen = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    console.log(JSON.stringify({ main: module.getCompileCacheDir() ?? null, worker: seen }));
  `;
  const clean = { ...process.env };
  delete clean['NODE_COMPILE_CACHE'];
  delete clean['NODE_DISABLE_COMPILE_CACHE'];
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...clean, ...env } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { main: string | null; worker: string | null };
}

describe('workerEnv', () => {
  const made: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-compile-cache-'));
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("gives a worker thread the build thread's compile cache, the same folder", () => {
    const { main, worker } = folders(tempDir());
    expect(main).not.toBeNull();
    expect(worker).toBe(main);
  });

  it('gives none where the build thread has none', () => {
    expect(folders(undefined)).toEqual({ main: null, worker: null });
  });

  it('leaves a compile cache set in the environment as it is', () => {
    const set = tempDir();
    const { main, worker } = folders(undefined, { NODE_COMPILE_CACHE: set });
    expect(main?.startsWith(set)).toBe(true);
    expect(worker).toBe(main);
  });
});
