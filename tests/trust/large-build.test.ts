/**
 * A build of a generated incident large enough to split the timeline, an entry's reports and the
 * source list over pages: no page holds everything, and yet every entry, every report and every
 * article stays one link away.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { checkDist } from '../../scripts/check-dist.ts';
import { compareIsSplit, EVENT_PAGE_MENTIONS, INLINE_MENTIONS, SOURCE_LIST_PAGE, timelineLayout, topicPagePath } from '../../src/lib/site-pages.ts';
import type { TimelineEvent } from '../../src/pipeline/types.ts';
import { buildSite, scratchDir, type SiteBuild } from './build-site.ts';

const ARTICLES = SOURCE_LIST_PAGE + 50;

let work: string;
let dist: string;
let build: SiteBuild;
let incident: {
  events: TimelineEvent[];
  sources: Array<{ id: string; outlet: string }>;
  claims: Array<{ source: string; anchor: string; topic: string }>;
  quotes: Array<{ members: Array<{ source: string; anchor: string }> }>;
  citations: Array<{ source: string; anchor: string }>;
};

const page = (address: string) => readFileSync(path.join(dist, address.replace(/#.*$/, ''), 'index.html'), 'utf8');

beforeAll(() => {
  work = scratchDir('large-build');
  writeCorpus(path.join(work, 'content'), generateCorpus({ articles: ARTICLES, seed: 'large-build' }));
  dist = path.join(work, 'dist');
  build = buildSite(path.join(work, 'content'), dist, path.join(work, 'cache'));
  if (build.status === 0) incident = JSON.parse(readFileSync(path.join(dist, 'incident.json'), 'utf8'));
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`a build of ${ARTICLES} generated articles`, () => {
  test('succeeds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  test('splits the timeline over pages, each linking every other, with every entry on the page its links point to', () => {
    const layout = timelineLayout(incident.events);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.flatMap((p) => p.events.map((event) => event.id))).toEqual(incident.events.map((event) => event.id));
    for (const timelinePage of layout.pages) {
      const html = page(timelinePage.path);
      for (const other of layout.pages) expect(html).toContain(`href="${other.path}"`);
      for (const event of timelinePage.events) expect(html).toContain(`id="${event.id}"`);
    }
  });

  test('keeps every report of every entry reachable: on the timeline, or on the entry’s own pages', () => {
    const layout = timelineLayout(incident.events);
    const crowded = incident.events.filter((event) => event.mentions.length > INLINE_MENTIONS);
    expect(crowded.length).toBeGreaterThan(0);
    for (const event of incident.events) {
      const timelineHtml = page(layout.eventHref(event.id));
      const ownPages = layout.hasOwnPage(event) ? Array.from({ length: Math.ceil(event.mentions.length / EVENT_PAGE_MENTIONS) }, (_, i) => page(layout.eventPagePath(event.id, i + 1))) : [];
      if (layout.hasOwnPage(event)) expect(timelineHtml).toContain(`href="${layout.eventPagePath(event.id)}"`);
      for (const mention of event.mentions) {
        const link = `href="/sources/${mention.source}/#${mention.anchor}"`;
        expect([timelineHtml, ...ownPages].some((html) => html.includes(link)), `${event.id}: ${link}`).toBe(true);
      }
    }
  });

  test('counts outlets and articles apart on the comparison, as the timeline does', () => {
    const outlets = new Set(incident.sources.map((source) => source.outlet)).size;
    expect(outlets).toBeLessThan(ARTICLES);
    expect(page('/compare/').replace(/\s+/g, ' ')).toContain(`What ${outlets} outlets reported in ${ARTICLES} articles on `);
  });

  test('lists every article on the pages of the source list', () => {
    const listPages = ['/sources/', ...readdirSync(path.join(dist, 'sources', 'page')).map((n) => `/sources/page/${n}/`)];
    expect(listPages.length).toBe(Math.ceil(ARTICLES / SOURCE_LIST_PAGE));
    const all = listPages.map(page).join('\n');
    for (const source of incident.sources) expect(all).toContain(`href="/sources/${source.id}/"`);
  });

  test('turns the comparison into an overview, with every claim on its question’s pages and every quotation on the quotation pages', () => {
    expect(compareIsSplit(incident.claims.length, incident.sources.length)).toBe(true);
    const overview = page('/compare/');
    expect(overview.length).toBeLessThan(100_000);
    const pagesOf = (first: string) => {
      const dir = path.join(dist, first);
      const more = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${first}${entry.name}/`);
      return [first, ...more].map(page).join('\n');
    };
    const byTopic = new Map<string, string>();
    for (const claim of incident.claims) {
      if (!byTopic.has(claim.topic)) {
        expect(overview).toContain(`href="${topicPagePath(claim.topic)}"`);
        byTopic.set(claim.topic, pagesOf(topicPagePath(claim.topic)));
      }
      expect(byTopic.get(claim.topic), `${claim.topic}: ${claim.source}#${claim.anchor}`).toContain(`href="/sources/${claim.source}/#${claim.anchor}"`);
    }
    expect(overview).toContain('href="/compare/quotes/"');
    const quotes = pagesOf('/compare/quotes/');
    for (const member of incident.quotes.flatMap((group) => group.members)) expect(quotes).toContain(`href="/sources/${member.source}/#${member.anchor}"`);
    expect(overview).toContain('href="/compare/primary-sources/"');
    const primary = pagesOf('/compare/primary-sources/');
    expect(incident.citations.length).toBeGreaterThan(0);
    for (const citation of incident.citations) expect(primary).toContain(`href="/sources/${citation.source}/#${citation.anchor}"`);
    // an article naming no primary source is still named there, by a link to its page
    const citing = new Set(incident.citations.map((citation) => citation.source));
    for (const source of incident.sources.filter((candidate) => !citing.has(candidate.id))) expect(primary).toContain(`href="/sources/${source.id}/"`);
  });

  test('keeps every page under 500 KB of HTML', () => {
    const sizes: Array<[string, number]> = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.html')) sizes.push([path.relative(dist, full), readFileSync(full).length]);
      }
    };
    walk(dist);
    expect(sizes.length).toBeGreaterThan(ARTICLES);
    expect(sizes.filter(([, size]) => size > 500 * 1024)).toEqual([]);
  });

  test('resolves every internal link and anchor, and every page is valid HTML', async () => {
    expect(await checkDist(dist)).toEqual([]);
  }, 600_000);
});
