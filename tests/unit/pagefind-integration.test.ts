import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import pagefindIntegration from '../../src/integrations/pagefind.ts';
import { offerSearchPageKeys, offerSearchRecords } from '../../src/lib/search-handoff.ts';
import { searchPartKey, type IndexedIds, type SearchRecord } from '../../src/lib/search-records.ts';

const work = mkdtempSync(path.join(tmpdir(), 'parallax-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outDir = path.join(work, 'dist');
const cacheDir = path.join(work, 'cache');
const sources = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

type Hook = (options: Record<string, unknown>) => unknown;

let writes = 0;
/** Whether page times are whole seconds, as on a file system that keeps seconds. */
let wholeSeconds = false;
const second = (ms: number) => (wholeSeconds ? Math.floor(ms / 1000) * 1000 : ms);

/** A page of a source as the site writes it: only the marked part is indexed. */
function page(source: string, text: string): string {
  return `<!doctype html><html lang="en"><head><title>${source}</title></head><body><main data-pagefind-body><h1>${source}</h1><p><span id="s-1">${text}</span></p></main></body></html>`;
}

function record(source: string): SearchRecord {
  return { url: `/sources/${source}/#s-1`, content: `The ${source} desk reported the closure of the harbour.`, language: 'en', meta: {}, filters: { kind: ['Claim'] } };
}

/**
 * One build as Astro runs the integration's hooks: the records and the pages' keys are offered
 * while the pages "render", then the pages are written and the build ends. Gives the log.
 */
async function build(texts: Record<string, string>, keys: Record<string, string>, ids: IndexedIds = []): Promise<string> {
  const integration = pagefindIntegration({ glob: 'sources/*/index.html', shards: { count: () => 3, key: searchPartKey } });
  const hooks = integration.hooks as unknown as Record<string, Hook>;
  const log: string[] = [];
  const logger = { info: (message: string) => log.push(message), warn: (message: string) => log.push(message) };
  await hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) } });
  await hooks['astro:build:start']!({ logger });
  expect(offerSearchRecords(() => sources.map(record), () => ids)).toBe(true);
  expect(offerSearchPageKeys(() => sources.map((source) => [`/sources/${source}/`, keys[source]!] as const))).toBe(true);
  for (const source of sources) {
    const file = path.join(outDir, 'sources', source, 'index.html');
    // As an incremental build leaves them: a page whose text did not change is not written again.
    if (existsSync(file) && readFileSync(file, 'utf8') === page(source, texts[source]!)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, page(source, texts[source]!));
    // Written a while before the index reads it, as most pages of a real build are.
    const written = new Date(second(Date.now() - 60_000 + ++writes * 1000));
    utimesSync(file, written, written);
  }
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger });
  return log.join('\n');
}

/** The counts the log gives: pages read, parts indexed, unchanged, and started while the pages rendered. */
function counts(log: string): { read: number; indexed: number; unchanged: number; early: number } {
  const match = /\((\d+) read\).*\((\d+) indexed, (\d+) unchanged; (\d+) started as the pages rendered\)/u.exec(log);
  expect(match, log).not.toBeNull();
  return { read: Number(match![1]), indexed: Number(match![2]), unchanged: Number(match![3]), early: Number(match![4]) };
}

describe('the search index told which pages change while they render', () => {
  const texts = Object.fromEntries(sources.map((source) => [source, `The ${source} desk filed its first report.`]));
  const keys = Object.fromEntries(sources.map((source) => [source, `key-${source}-1`]));

  test('starts every part during the first build, and none when nothing changed, reading no page', { timeout: 60_000 }, async () => {
    const first = counts(await build(texts, keys));
    expect(first).toMatchObject({ read: sources.length, unchanged: 0 });
    expect(first.early).toBe(first.indexed);
    expect(counts(await build(texts, keys))).toEqual({ read: 0, indexed: 0, unchanged: first.indexed, early: 0 });
  });

  test('starts the part of a page whose key changed before the page is written, with the same records', { timeout: 60_000 }, async () => {
    const log = await build({ ...texts, bravo: 'The bravo desk corrected its report.' }, { ...keys, bravo: 'key-bravo-2' });
    const { read, ...parts } = counts(log);
    expect(parts).toMatchObject({ indexed: 1, early: 1 });
    // The part's pages, and no other.
    expect(read).toBeGreaterThanOrEqual(1);
    expect(read).toBeLessThan(sources.length);
  });

  test('still indexes a part whose page changed under an unchanged key: the key is only a hint', { timeout: 60_000 }, async () => {
    const log = await build({ ...texts, bravo: 'The bravo desk corrected its report again.' }, { ...keys, bravo: 'key-bravo-2' });
    expect(counts(log)).toMatchObject({ indexed: 1, early: 0 });
  });

  test('reads a page written again, and keeps its part when its text is the same', { timeout: 60_000 }, async () => {
    const file = path.join(outDir, 'sources', 'delta', 'index.html');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text);
    const later = new Date(Date.now() - 30_000);
    utimesSync(file, later, later);
    const again = counts(await build({ ...texts, bravo: 'The bravo desk corrected its report again.' }, { ...keys, bravo: 'key-bravo-2' }));
    expect(again.read).toBeGreaterThanOrEqual(1);
    expect(again).toMatchObject({ indexed: 0, early: 0 });
  });

  test('where times are kept to the second, reads a page written in the last second or two, which could change again unseen', { timeout: 60_000 }, async () => {
    wholeSeconds = true;
    const all = path.join(outDir, 'sources');
    for (const source of sources) {
      const time = new Date(second(Date.now() - 120_000));
      utimesSync(path.join(all, source, 'index.html'), time, time);
    }
    const file = path.join(all, 'echo', 'index.html');
    const now = { ...texts, bravo: 'The bravo desk corrected its report again.', echo: 'The echo desk filed a longer report today.' };
    const written = new Date(second(Date.now()));
    writeFileSync(file, page('echo', now.echo));
    utimesSync(file, written, written);
    expect(counts(await build(now, { ...keys, bravo: 'key-bravo-2' }))).toMatchObject({ indexed: 1 });
    // Changed again within the same second, to text of the same size: its time is the same. The
    // last build could not tell it apart by its time, so it left it to be read.
    const later = { ...now, echo: 'The echo desk filed a longer report twice.' };
    expect(page('echo', later.echo)).toHaveLength(page('echo', now.echo).length);
    writeFileSync(file, page('echo', later.echo));
    utimesSync(file, written, written);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, written.getTime() + 2_100 - Date.now())));
    expect(counts(await build(later, { ...keys, bravo: 'key-bravo-2' }))).toMatchObject({ indexed: 1 });
  });

  test('records the ids it is given for elements of a page, in place of theirs, and indexes a part again when they change', { timeout: 60_000 }, async () => {
    const now = { ...texts, bravo: 'The bravo desk corrected its report again.', echo: 'The echo desk filed a longer report twice.' };
    const changed = { ...keys, bravo: 'key-bravo-2' };
    const before = anchorsIn(outDir).get('/sources/charlie/');
    expect(before).toEqual([expect.objectContaining({ id: 's-1' })]);
    // Only the ids change: the pages and their keys are as the last build left them.
    const log = await build(now, changed, [['/sources/charlie/', [['s-1', 's-1~closure']]]]);
    expect(counts(log)).toMatchObject({ indexed: 1, early: 1 });
    const after = anchorsIn(outDir);
    expect(after.get('/sources/charlie/')).toEqual([expect.objectContaining({ id: 's-1~closure', text: 'The charlie desk filed its first report.' })]);
    expect(after.get('/sources/alpha/')).toEqual([expect.objectContaining({ id: 's-1' })]);
    // The page itself keeps its own id.
    expect(readFileSync(path.join(outDir, 'sources', 'charlie', 'index.html'), 'utf8')).toContain('<span id="s-1">');
  });
});

/** The anchors (elements with an id) of every page and record in the bundle at `outDir`, by address. */
function anchorsIn(dir: string): Map<string, Array<{ id: string; text: string }>> {
  const found = new Map<string, Array<{ id: string; text: string }>>();
  const walk = (folder: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.pf_fragment')) {
        // A fragment is gzipped JSON behind a signature of its own.
        const text = gunzipSync(readFileSync(full)).toString('utf8');
        const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; anchors: Array<{ id: string; text: string }> };
        found.set(fragment.url, fragment.anchors);
      }
    }
  };
  walk(path.join(dir, 'pagefind'));
  return found;
}

describe('the search index built from many records', () => {
  /** Every file of a built bundle, by path, as text (gzip bytes as latin1). */
  function bundleFiles(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (folder: string) => {
      for (const item of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, item.name);
        if (item.isDirectory()) walk(full);
        else files.set(path.relative(dir, full), readFileSync(full, 'latin1'));
      }
    };
    walk(dir);
    return files;
  }

  /** A build from nothing of one index: the pages are written, and the build ends `after` ms after the records are offered. */
  async function buildOnce(name: string, records: SearchRecord[], after: number): Promise<Map<string, string>> {
    const root = path.join(work, name);
    const out = path.join(root, 'dist');
    const integration = pagefindIntegration({ glob: 'sources/*/index.html' });
    const hooks = integration.hooks as unknown as Record<string, Hook>;
    const logger = { info: () => {}, warn: () => {} };
    await hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${root}/cache/`), outDir: pathToFileURL(`${out}/`) } });
    await hooks['astro:build:start']!({ logger });
    expect(offerSearchRecords(() => records)).toBe(true);
    for (const source of sources) {
      const file = path.join(out, 'sources', source, 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, page(source, `The ${source} desk filed its first report.`));
    }
    await new Promise((resolve) => setTimeout(resolve, after));
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger });
    return bundleFiles(path.join(out, 'pagefind'));
  }

  test('is the same whether the pages end before or after the records are indexed', { timeout: 60_000 }, async () => {
    // More records than are sent at once: the last are still being indexed when the pages end at once.
    const records = Array.from({ length: 900 }, (_, i): SearchRecord => ({
      url: `/sources/${sources[i % sources.length]}/#s-${i}`,
      content: `Sentence ${i} of the coverage reports the harbour closure, the evacuation and the inquiry.`,
      language: 'en',
      meta: {},
      filters: { kind: ['Claim'] },
    }));
    const soon = await buildOnce('soon', records, 0);
    const late = await buildOnce('late', records, 3_000);
    expect(soon.size).toBeGreaterThan(0);
    expect([...soon.keys()].sort()).toEqual([...late.keys()].sort());
    for (const [file, content] of soon) expect(content === late.get(file), file).toBe(true);
  });
});
