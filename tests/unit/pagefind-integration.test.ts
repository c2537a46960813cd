import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import pagefindIntegration from '../../src/integrations/pagefind.ts';
import { offerSearchPageKeys, offerSearchRecords } from '../../src/lib/search-handoff.ts';
import { searchPartKey, type SearchRecord } from '../../src/lib/search-records.ts';

const work = mkdtempSync(path.join(tmpdir(), 'parallax-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outDir = path.join(work, 'dist');
const cacheDir = path.join(work, 'cache');
const sources = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

type Hook = (options: Record<string, unknown>) => unknown;

/** A page of a source as the site writes it: only the marked part is indexed. */
function page(source: string, text: string): string {
  return `<!doctype html><html lang="en"><head><title>${source}</title></head><body><main data-pagefind-body><h1>${source}</h1><p>${text}</p></main></body></html>`;
}

function record(source: string): SearchRecord {
  return { url: `/sources/${source}/#s-1`, content: `The ${source} desk reported the closure of the harbour.`, language: 'en', meta: {}, filters: { kind: ['Claim'] } };
}

/**
 * One build as Astro runs the integration's hooks: the records and the pages' keys are offered
 * while the pages "render", then the pages are written and the build ends. Gives the log.
 */
async function build(texts: Record<string, string>, keys: Record<string, string>): Promise<string> {
  const integration = pagefindIntegration({ glob: 'sources/*/index.html', shards: { count: () => 3, key: searchPartKey } });
  const hooks = integration.hooks as unknown as Record<string, Hook>;
  const log: string[] = [];
  const logger = { info: (message: string) => log.push(message), warn: (message: string) => log.push(message) };
  await hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) } });
  await hooks['astro:build:start']!({ logger });
  expect(offerSearchRecords(() => sources.map(record))).toBe(true);
  expect(offerSearchPageKeys(() => sources.map((source) => [`/sources/${source}/`, keys[source]!] as const))).toBe(true);
  for (const source of sources) {
    mkdirSync(path.join(outDir, 'sources', source), { recursive: true });
    writeFileSync(path.join(outDir, 'sources', source, 'index.html'), page(source, texts[source]!));
  }
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger });
  return log.join('\n');
}

/** The counts the log gives: parts indexed, unchanged, and started while the pages rendered. */
function counts(log: string): { indexed: number; unchanged: number; early: number } {
  const match = /\((\d+) indexed, (\d+) unchanged; (\d+) started as the pages rendered\)/u.exec(log);
  expect(match, log).not.toBeNull();
  return { indexed: Number(match![1]), unchanged: Number(match![2]), early: Number(match![3]) };
}

describe('the search index told which pages change while they render', () => {
  const texts = Object.fromEntries(sources.map((source) => [source, `The ${source} desk filed its first report.`]));
  const keys = Object.fromEntries(sources.map((source) => [source, `key-${source}-1`]));

  test('starts every part during the first build, and none when nothing changed', { timeout: 60_000 }, async () => {
    const first = counts(await build(texts, keys));
    expect(first.unchanged).toBe(0);
    expect(first.early).toBe(first.indexed);
    expect(counts(await build(texts, keys))).toEqual({ indexed: 0, unchanged: first.indexed, early: 0 });
  });

  test('starts the part of a page whose key changed before the page is written, with the same records', { timeout: 60_000 }, async () => {
    const log = await build({ ...texts, bravo: 'The bravo desk corrected its report.' }, { ...keys, bravo: 'key-bravo-2' });
    expect(counts(log)).toMatchObject({ indexed: 1, early: 1 });
  });

  test('still indexes a part whose page changed under an unchanged key: the key is only a hint', { timeout: 60_000 }, async () => {
    const log = await build({ ...texts, bravo: 'The bravo desk corrected its report again.' }, { ...keys, bravo: 'key-bravo-2' });
    expect(counts(log)).toMatchObject({ indexed: 1, early: 0 });
  });
});
