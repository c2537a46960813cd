/**
 * `astro dev` serves what a build writes. A build writes incident.json itself and keys the
 * timeline's files for reuse (src/integrations/incident-file.ts, src/lib/exports/timeline-route.ts);
 * the development server must still answer at the addresses the pages link to, with the same text,
 * and show an article as it is edited, without a restart (src/lib/content-watch.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { slugify } from '../../src/pipeline/read-content.ts';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { buildSite, scratchDir, type SiteBuild } from './build-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The same build time for both: the calendar's stamp and the feed's date are then equal too. */
const SAME_TIME = { SOURCE_DATE_EPOCH: '1767225600' };
const FILES = ['incident.json', 'timeline.csv', 'timeline.ics', 'timeline.timelinejs.json', 'feed.xml', 'robots.txt'];

let work: string;
let content = '';
let built: SiteBuild;
let server: ChildProcess | undefined;
let origin = '';
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  work = scratchDir('dev-server');
  // Outside node_modules (where the scratch folders are), which the development server does not watch.
  content = mkdtempSync(path.join(os.tmpdir(), 'parallax-dev-content-'));
  writeCorpus(content, generateCorpus({ articles: 12, seed: 'dev-server' }));
  built = buildSite(content, path.join(work, 'dist'), path.join(work, 'cache'), SAME_TIME);
  if (built.status !== 0) return;
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--config', 'tests/trust/astro.config.mjs', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // Without the test runner's own variables (NODE_ENV=test, VITEST…), which the server would take as its mode.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST')), ...SAME_TIME, PARALLAX_CONTENT: content, PARALLAX_CACHE_DIR: path.join(work, 'dev-cache'), FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.on('exit', (code, signal) => (log += `\n[exit] ${code} ${signal}`));
  // The first page it serves waits for Vite to prepare the dependencies: slow on a busy machine.
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/about/`, { signal: AbortSignal.timeout(120_000) })).ok) return;
    } catch (error) {
      // Not listening yet.
      log += `\n[fetch] ${origin} ${String((error as { cause?: unknown }).cause ?? error)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro dev did not answer in four minutes:\n${log.slice(-3000)}`);
}, 600_000);

afterAll(() => {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
  if (content) rmSync(content, { recursive: true, force: true });
});

describe('astro dev', () => {
  test('the build succeeds', () => {
    expect(built.status, built.output.slice(-3000)).toBe(0);
  });

  test.each(FILES)('serves /%s at the address the pages link to, as the build writes it', async (file) => {
    const response = await fetch(`${origin}/${file}`);
    expect(response.status, log.slice(-3000)).toBe(200);
    expect(await response.text()).toBe(readFileSync(path.join(work, 'dist', file), 'utf8'));
  });

  test('shows an edited article on its next request, without a restart', async () => {
    const articles = path.join(content, 'articles');
    const name = readdirSync(articles).sort()[0]!;
    const file = path.join(articles, name);
    const page = `${origin}/sources/${encodeURIComponent(slugify(name.replace(/\.(md|markdown)$/i, '')))}/`;
    expect((await fetch(page)).status, log.slice(-3000)).toBe(200);
    const added = 'A sentence the editor added while the site was served.';
    expect(await (await fetch(page)).text()).not.toContain(added);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${added}\n`);
    let html = '';
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !html.includes(added); ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      html = await (await fetch(page)).text();
    }
    expect(html, log.slice(-3000)).toContain(added);
    expect(log).toContain(`Reloaded the articles after a change to articles/${name}`);
  }, 120_000);
});
