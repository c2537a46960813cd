/**
 * A large site's search index comes in parts (src/integrations/search-shards.ts) that the search
 * page merges, and a large index or part puts several fragments (a result's text) in one file. The
 * same generated coverage is built twice, once split into parts of four sources with a file per
 * fragment and once as one index with its fragments grouped into at most 8 files, and every search
 * must find the same results in both.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.ts';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { buildSite, scratchDir } from '../trust/build-site.ts';

test.describe.configure({ mode: 'serial' });

interface Incident {
  sources: unknown[];
  events: unknown[];
  claims: Array<{ source: string; anchor: string; text: string }>;
}

let work: string;
let split: StaticServer;
let whole: StaticServer;
let parts: string[];
let claims: Incident['claims'];
/** Pages and records the index holds: a source page each, a timeline entry each. */
let indexed: number;

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  work = scratchDir('search-parts');
  const content = path.join(work, 'content');
  writeCorpus(content, generateCorpus({ articles: 24, seed: 'search-parts' }));
  const settings = {
    split: { PARALLAX_SEARCH_SHARD_SIZE: '4', PARALLAX_SEARCH_MAX_FRAGMENTS: '100000' },
    whole: { PARALLAX_SEARCH_SHARD_SIZE: '1000', PARALLAX_SEARCH_MAX_FRAGMENTS: '8' },
  };
  for (const [name, env] of Object.entries(settings)) {
    const build = buildSite(content, path.join(work, name), path.join(work, `${name}-cache`), env);
    expect(build.status, build.output.slice(-3000)).toBe(0);
  }
  parts = (JSON.parse(readFileSync(path.join(work, 'split', 'pagefind', 'shards.json'), 'utf8')) as { shards: string[] }).shards;
  const incident = JSON.parse(readFileSync(path.join(work, 'whole', 'incident.json'), 'utf8')) as Incident;
  claims = incident.claims;
  indexed = incident.sources.length + incident.events.length;
  split = await serveStatic({ root: path.join(work, 'split') });
  whole = await serveStatic({ root: path.join(work, 'whole') });
});

test.afterAll(async () => {
  await split?.close();
  await whole?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function longestWord(text: string): string {
  return text.split(/[^\p{L}]+/u).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** Every result of a search, following "Show more" to the end, as the addresses the results and the sentences under them link to. */
async function allResults(page: Page, base: string, term: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${base}/search/?q=${encodeURIComponent(term)}`);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/results? for|Nothing found/u);
  const total = Number(/^(\d+)/u.exec((await status.textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('.search-result h3 a');
  const more = page.locator('.search-more');
  // Results come in pages of 20, each after its fragments load.
  for (let shown = Math.min(total, 20); ; shown = Math.min(total, shown + 20)) {
    await expect(links).toHaveCount(shown);
    if (shown === total) break;
    await more.click();
  }
  expect(problems).toEqual([]);
  return (await page.locator('.search-result a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))).sort();
}

test('the split site lists its parts, and the whole one none; the whole one groups its fragments', () => {
  expect(parts.length).toBeGreaterThan(1);
  expect((JSON.parse(readFileSync(path.join(work, 'whole', 'pagefind', 'shards.json'), 'utf8')) as { shards: string[] }).shards).toEqual([]);
  expect(readdirSync(path.join(work, 'whole', 'pagefind', 'fragment')).length).toBeLessThanOrEqual(8);
  // One file per fragment in the split site: one per source page and per timeline entry, none per claim.
  const splitFragments = ['', ...parts].reduce((sum, part) => sum + readdirSync(path.join(work, 'split', 'pagefind', part, 'fragment')).length, 0);
  expect(splitFragments).toBe(indexed);
});

test('a search over the parts finds exactly what one index finds', async ({ page }) => {
  // The longest word of claims from several sources (each source's page and claims sit in one part).
  const sources = [...new Set(claims.map((claim) => claim.source))].slice(0, 4);
  const terms = sources.map((source) => longestWord(claims.find((claim) => claim.source === source)!.text));
  for (const term of terms) {
    const found = await allResults(page, split.url, term);
    expect(found.length, term).toBeGreaterThan(0);
    expect(found, term).toEqual(await allResults(page, whole.url, term));
  }
});

test('a claim found in a merged part links to its sentence on its source page', async ({ page }) => {
  const claim = claims[claims.length - 1]!;
  // Its longest words: the sentence holding them all comes first under its source.
  const term = [...new Set(claim.text.split(/[^\p{L}]+/u))].sort((a, b) => b.length - a.length).slice(0, 3).join(' ');
  const found = await allResults(page, split.url, term);
  expect(found).toContain(`/sources/${claim.source}/#${claim.anchor}`);
});
