/**
 * A rebuild reuses what did not change: the pages whose data and code are as in the last build are
 * kept from it, and so are the parts of the search index whose pages and records did not change. A reused page that should have
 * changed would be a stale page nobody notices, so the rebuild's output is compared, file by file,
 * with a build of the same content from nothing: after a change, a withdrawal, a build that did not
 * finish, and a build into another output folder that shares the cache folder.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { UNFINISHED_MARK } from '../../src/integrations/reuse-pages.ts';
import { TIMELINE_FILES } from '../../src/lib/exports/timeline-files.ts';
import { buildSite, scratchDir, type SiteBuild } from './build-site.ts';

/**
 * Every build here prints the same build time, so that pages built at different moments can be
 * compared byte for byte, and splits its search index into parts of four sources, as a large site
 * does, so that the parts a rebuild keeps are compared too.
 */
const SAME_TIME = { SOURCE_DATE_EPOCH: '1767225600', PARALLAX_SEARCH_SHARD_SIZE: '4' };

interface Incident {
  events: Array<{ id: string; mentions: Array<{ source: string; text: string }> }>;
  sources: Array<{ id: string; outlet: string }>;
  claims: Array<{ topic: string; source: string; text: string }>;
}

let work: string;
let first: SiteBuild;
let rebuild: SiteBuild;
let fresh: SiteBuild;
let before: Map<string, Buffer>;
let changedSource = '';
let changedFile = '';
/** The question the change adds a sentence to. */
let changedTopic = '';
let removedSource = '';
let afterRemoval: SiteBuild;
let afterCrash: SiteBuild;
let afterCrashFiles: Map<string, Buffer>;
let fewerParts: SiteBuild;
let freshFewerParts: SiteBuild;
let afterRemovalFiles: Map<string, Buffer>;
let freshAfterRemoval: SiteBuild;
/** The rebuild's output right after the change, before the withdrawal. */
let rebuilt: Map<string, Buffer>;
let expected: Map<string, Buffer>;

/** Every file of a built site, by its path inside the output folder. */
function files(dir: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    all.set(path.relative(dir, full), readFileSync(full));
  }
  return all;
}

beforeAll(() => {
  work = scratchDir('incremental');
  const content = path.join(work, 'content');
  // More than 24 articles: the comparison is split into pages per question (compareIsSplit), which are built incrementally too.
  writeCorpus(content, generateCorpus({ articles: 30, seed: 'incremental-build' }));
  const dist = path.join(work, 'dist');
  first = buildSite(content, dist, path.join(work, 'cache'), SAME_TIME);
  if (first.status !== 0) return;
  before = files(dist);
  // The change: one article also reports a happening that other outlets reported and its own
  // outlet did not. The other reports' pages then say that one more outlet reported it. It also
  // says something, as another outlet did, on a question its article said nothing on.
  const incident = JSON.parse(readFileSync(path.join(dist, 'incident.json'), 'utf8')) as Incident;
  const outletOf = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  for (const event of incident.events) {
    const outlets = new Set(event.mentions.map((mention) => outletOf.get(mention.source)));
    const other = incident.sources.find((source) => !outlets.has(source.outlet));
    const claim = incident.claims.find((candidate) => !incident.claims.some((known) => known.source === other?.id && known.topic === candidate.topic));
    if (event.mentions.length > 1 && other && claim) {
      changedSource = other.id;
      changedTopic = claim.topic;
      // A source's id is its file's name (generated names need no slug).
      changedFile = path.join(content, 'articles', `${other.id}.md`);
      appendFileSync(changedFile, `\n${event.mentions[0]!.text}\n\n${claim.text}\n`);
      break;
    }
  }
  rebuild = buildSite(content, dist, path.join(work, 'cache'), SAME_TIME);
  fresh = buildSite(content, path.join(work, 'fresh'), path.join(work, 'fresh-cache'), SAME_TIME);
  if (rebuild.status !== 0 || fresh.status !== 0) return;
  rebuilt = files(dist);
  expected = files(path.join(work, 'fresh'));
  // Then another article is withdrawn: its page must go.
  removedSource = incident.sources.find((source) => source.id !== changedSource)!.id;
  rmSync(path.join(content, 'articles', `${removedSource}.md`));
  afterRemoval = buildSite(content, dist, path.join(work, 'cache'), SAME_TIME);
  freshAfterRemoval = buildSite(content, path.join(work, 'fresh-2'), path.join(work, 'fresh-2-cache'), SAME_TIME);
  afterRemovalFiles = files(dist);
  // A build that stopped half-way leaves its mark: the next one must trust none of the pages.
  writeFileSync(path.join(work, 'cache', UNFINISHED_MARK), '1\n');
  afterCrash = buildSite(content, dist, path.join(work, 'cache'), SAME_TIME);
  afterCrashFiles = files(dist);
  // The search index is then split into fewer parts (as when coverage shrinks past a threshold):
  // the parts no longer made must go.
  const fewer = { ...SAME_TIME, PARALLAX_SEARCH_SHARD_SIZE: '8' };
  fewerParts = buildSite(content, dist, path.join(work, 'cache'), fewer);
  freshFewerParts = buildSite(content, path.join(work, 'fresh-3'), path.join(work, 'fresh-3-cache'), fewer);
}, 600_000);

/** Builds into two output folders that share one cache folder, the content changing in between. */
let sharedCache: { first: SiteBuild; other: SiteBuild; again: SiteBuild; fresh: SiteBuild; againFiles: Map<string, Buffer>; freshFiles: Map<string, Buffer> } | undefined;
beforeAll(() => {
  const root = scratchDir('shared-cache');
  const content = path.join(root, 'content');
  const corpus = generateCorpus({ articles: 24, seed: 'shared-cache' });
  writeCorpus(content, corpus);
  const cache = path.join(root, 'cache');
  const first = buildSite(content, path.join(root, 'a'), cache, SAME_TIME);
  // Every article's page, and so every part of the search index, changes.
  for (const article of corpus.articles) appendFileSync(path.join(content, 'articles', article.fileName), '\nThe town council will meet again next month.\n');
  const other = buildSite(content, path.join(root, 'b'), cache, SAME_TIME);
  const again = buildSite(content, path.join(root, 'a'), cache, SAME_TIME);
  const fresh = buildSite(content, path.join(root, 'fresh'), path.join(root, 'fresh-cache'), SAME_TIME);
  sharedCache = { first, other, again, fresh, againFiles: files(path.join(root, 'a')), freshFiles: files(path.join(root, 'fresh')) };
  rmSync(root, { recursive: true, force: true });
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * What a build's log says of each page it wrote: its address, and whether it was reused. Pages
 * rendered at once share a line, each after its own "├─ ".
 */
function pageReports(output: string): Array<{ page: string; reused: boolean }> {
  return output
    .split(/[├└]─ /u)
    .slice(1)
    .map((segment) => ({ page: /^\S+?\.(?:html|xml|json|txt|csv|ics)/u.exec(segment)?.[0] ?? '', reused: /^\S+?\.html\s+\((?:cached|restored)\)/u.test(segment) }));
}

/** The files that differ between two builds, or are in one only. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => !a.get(file)?.equals(b.get(file) ?? Buffer.alloc(0)) || !b.has(file)).sort();
}

describe('a rebuild after one article changed, then after another was withdrawn', () => {
  test('every build succeeds, and the change touched an article', () => {
    expect(first.status, first.output.slice(-3000)).toBe(0);
    expect(changedFile, 'no happening with a page of its own left an outlet out; the corpus cannot show a change reaching other pages').not.toBe('');
    expect(rebuild.status, rebuild.output.slice(-3000)).toBe(0);
    expect(fresh.status, fresh.output.slice(-3000)).toBe(0);
    expect(afterRemoval.status, afterRemoval.output.slice(-3000)).toBe(0);
    expect(freshAfterRemoval.status, freshAfterRemoval.output.slice(-3000)).toBe(0);
  });

  test('reuses the pages of the articles whose contribution did not change', () => {
    const reused = rebuild.output.match(/^.*\/sources\/[^/]+\/index\.html.*\((?:cached|restored)\)\s*$/gmu) ?? [];
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.some((line) => line.includes(`/sources/${changedSource}/`))).toBe(false);
    // Kept where it was ("cached"), not copied back from the cache ("restored").
    expect(reused.filter((line) => line.includes('(restored)'))).toEqual([]);
  });

  test('reuses the pages of questions and timeline entries that the change did not reach, and renders the others', () => {
    const keyed = (line: string) => /\/(?:compare\/topics|events)\/.*index\.html/u.test(line);
    const lines = rebuild.output.split('\n').filter(keyed);
    const reused = lines.filter((line) => /\((?:cached|restored)\)\s*$/u.test(line));
    expect(lines.filter((line) => line.includes('/compare/topics/')).length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes('/events/')).length).toBeGreaterThan(0);
    expect(reused.length).toBeGreaterThan(0);
    // The question the article now says something on: the page that shows its sentence is rendered again.
    const reports = pageReports(rebuild.output);
    const topicPages = [...rebuilt].filter(([file]) => file.startsWith(path.join('compare', 'topics') + path.sep));
    const shows = (bytes: Buffer) => bytes.toString('utf8').includes(`href="/sources/${changedSource}/"`);
    const address = (file: string) => `/${file.split(path.sep).join('/')}`;
    const showing = topicPages.filter(([file, bytes]) => file.startsWith(path.join('compare', 'topics', changedTopic) + path.sep) && shows(bytes)).map(([file]) => address(file));
    expect(showing).toHaveLength(1);
    expect(reports.filter((report) => report.page === showing[0])).toEqual([{ page: showing[0], reused: false }]);
    // A question's page prints each column's outlet and its sentences on the question, not every
    // detail of its article: a page the change leaves as it was is kept, not rendered again.
    // So is an entry's page: it names a report's outlet, not every detail of its article.
    const keyedPages = [...rebuilt].filter(([file]) => file.startsWith(path.join('compare', 'topics') + path.sep) || file.startsWith(`events${path.sep}`));
    const unchanged = new Set(keyedPages.filter(([file, bytes]) => before.get(file)?.equals(bytes)).map(([file]) => address(file)));
    const kept = reports.filter((report) => unchanged.has(report.page));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((report) => !report.reused)).toEqual([]);
  });

  test('indexes again only the parts of the search index that the change reached', () => {
    const parts = JSON.parse(rebuilt.get(path.join('pagefind', 'shards.json'))!.toString('utf8')) as { shards: string[] };
    expect(parts.shards).toHaveLength(8);
    const line = /into pagefind\/ in (\d+) parts \((\d+) indexed, (\d+) unchanged; (\d+) started as the pages rendered\)/u.exec(rebuild.output);
    expect(line, rebuild.output.slice(-3000)).not.toBeNull();
    const [, all, indexed, unchanged, early] = line!.map(Number);
    expect(all).toBe(9);
    // The changed source's part at least; the main index holds the timeline, which changed too.
    expect(indexed).toBeGreaterThanOrEqual(1);
    expect(unchanged).toBeGreaterThan(0);
    expect(indexed! + unchanged!).toBe(9);
    // Known to change while the pages rendered (its claims' ids and its page's key did), not only once they were written.
    expect(early).toBeGreaterThanOrEqual(1);
    expect(early).toBeLessThanOrEqual(indexed!);
  });

  test('writes exactly the files a build from nothing writes, byte for byte', () => {
    expect(differences(rebuilt, expected)).toEqual([]);
  });

  test('after the withdrawal, no longer has the withdrawn article’s page, and again equals a build from nothing', () => {
    const now = afterRemovalFiles;
    expect(before.has(`sources/${removedSource}/index.html`)).toBe(true);
    expect(now.has(`sources/${removedSource}/index.html`)).toBe(false);
    expect(differences(now, files(path.join(work, 'fresh-2')))).toEqual([]);
  });

  test('after a build that did not finish, renders every page again and writes the same site', () => {
    expect(afterCrash.status, afterCrash.output.slice(-3000)).toBe(0);
    expect(afterCrash.output).toContain('the last build did not finish');
    expect(afterCrash.output).not.toMatch(/\((?:cached|restored)\)/u);
    expect(differences(afterCrashFiles, files(path.join(work, 'fresh-2')))).toEqual([]);
  });

  test('when the search index is split into fewer parts, the parts no longer made are gone, and the site equals a build from nothing', () => {
    expect(fewerParts.status, fewerParts.output.slice(-3000)).toBe(0);
    expect(freshFewerParts.status, freshFewerParts.output.slice(-3000)).toBe(0);
    const now = files(path.join(work, 'dist'));
    expect(JSON.parse(now.get(path.join('pagefind', 'shards.json'))!.toString('utf8'))).toEqual({ shards: ['shards/1/', 'shards/2/', 'shards/3/', 'shards/4/'] });
    expect([...afterCrashFiles.keys()].some((file) => file.startsWith(path.join('pagefind', 'shards', '6')))).toBe(true);
    expect(differences(now, files(path.join(work, 'fresh-3')))).toEqual([]);
  });

  test('renders the timeline’s files again when the timeline changed, and reuses them when nothing they print did', () => {
    const report = (output: string, file: string) => new RegExp(`[├└]─ /${file.replaceAll('.', '\\.')}/?(?= )([^├└\n]*)`, 'mu').exec(output)?.[1] ?? 'not written';
    for (const file of Object.keys(TIMELINE_FILES)) {
      // The change made one more outlet report a happening.
      expect(before.get(file)?.equals(rebuilt.get(file)!)).toBe(false);
      expect(report(rebuild.output, file)).not.toMatch(/cached|restored|not written/u);
      // Splitting the search index differently changes nothing they print; the site then equals a build from nothing (below).
      expect(report(fewerParts.output, file)).toMatch(/\((?:cached|restored)\)/u);
    }
  });

  test('changed the pages of other articles too, so the comparison above covers pages the change reached', () => {
    const otherSourcePages = [...rebuilt]
      .filter(([file]) => /^sources\/[^/]+\/index\.html$/u.test(file) && file !== `sources/${changedSource}/index.html`)
      .filter(([file, bytes]) => !before.get(file)?.equals(bytes));
    expect(otherSourcePages.length).toBeGreaterThan(0);
  });
});

describe('builds into two output folders that share one cache folder', () => {
  test('the folder built again after the other one equals a build from nothing', () => {
    const run = sharedCache!;
    for (const build of [run.first, run.other, run.again, run.fresh]) expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(differences(run.againFiles, run.freshFiles)).toEqual([]);
  });
});
