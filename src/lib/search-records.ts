import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { formatPartialDate } from '../pipeline/partial-date.ts';
import { indexedIdOf } from './search-sentences.ts';
import { timelineLayout } from './site-pages.ts';

/** A search record that no single page holds: one timeline entry. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What kind of thing a search result is, as the search page labels it. */
export const SEARCH_KINDS = { event: 'Timeline entry', source: 'Source' } as const;

/**
 * The timeline entries as search records: the timeline shows many of them on one page, and a
 * result should land on the entry, not on the top of a long page. Source pages are indexed from
 * their HTML, and the claims with them (see `claimAnchorIds`).
 *
 * What a result is (`kind`) and who reported it (`outlet`) are filters rather than metadata:
 * Pagefind makes metadata searchable, and a search for "timeline" should not match every entry.
 */
export function searchRecords(
  incident: Pick<IncidentJson, 'events' | 'sources'>,
  language = 'en',
  eventHref: (id: string) => string = timelineLayout(incident.events).eventHref,
): SearchRecord[] {
  const outlets = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  const outletOf = (id: string) => outlets.get(id) ?? id;
  return incident.events.map((event): SearchRecord => {
    const date = formatPartialDate({ value: event.date, precision: event.precision, approximate: event.approximate });
    const reported = [...new Set(event.mentions.map((mention) => outletOf(mention.source)))];
    return {
      url: eventHref(event.id),
      // The summary is one of the mentions' sentences (or its start), so it is not indexed twice.
      content: event.mentions.map((mention) => mention.text).join('\n'),
      language,
      meta: { title: `${date}: ${event.summary}` },
      filters: { kind: [SEARCH_KINDS.event], outlet: reported },
    };
  });
}

/** Per page address, the ids of its elements as the search index records them, by their ids on the page. */
export type IndexedIds = Array<readonly [url: string, ids: Array<readonly [id: string, indexed: string]>]>;

/**
 * The claims, as the ids the search index records for their sentences on their source pages: the
 * sentence's id, then each topic it is a claim on (`s-1abc~cause~blame`). A claim's words find its
 * source page, whose result lists the sentences that hold them; the search page names the questions
 * of the sentences that are claims from these ids. The pages keep their own ids: only the index's
 * copy is relabelled. One record per claim would find the same sentences, at many times the cost
 * of indexing (thousands of records for a large incident).
 */
export function claimAnchorIds(incident: Pick<IncidentJson, 'claims'>): IndexedIds {
  const pages = new Map<string, Map<string, string[]>>();
  for (const claim of incident.claims) {
    const url = `/sources/${encodeURIComponent(claim.source)}/`;
    let sentences = pages.get(url);
    if (!sentences) pages.set(url, (sentences = new Map()));
    const topics = sentences.get(claim.anchor) ?? [];
    if (!topics.includes(claim.topic)) topics.push(claim.topic);
    sentences.set(claim.anchor, topics);
  }
  return [...pages].map(([url, sentences]) => [url, [...sentences].map(([id, topics]) => [id, indexedIdOf(id, topics)] as const)] as const);
}

/** The records and the claims' ids of the incident a build wrote to `<outDir>/incident.json`. */
export async function incidentSearchRecords(outDir: URL): Promise<{ records: SearchRecord[]; indexedIds: IndexedIds }> {
  const incident = JSON.parse(await readFile(new URL('incident.json', outDir), 'utf8')) as IncidentJson;
  return { records: searchRecords(incident), indexedIds: claimAnchorIds(incident) };
}

/** Sources per part of the search index (`PARALLAX_SEARCH_SHARD_SIZE` overrides it). */
export const SOURCES_PER_SEARCH_PART = 125;
/** At most this many parts besides the main index: each is one more request per word searched. */
export const MAX_SEARCH_PARTS = 16;

/**
 * Into how many parts the search index of a site with `sources` sources is split. A rebuild
 * indexes again only the parts holding a changed page or record, while a search loads every part:
 * a site of up to `perPart` sources keeps one index.
 */
export function searchPartCount(sources: number, perPart: number = SOURCES_PER_SEARCH_PART): number {
  if (!Number.isInteger(perPart) || perPart < 1) throw new Error(`The number of sources per search part must be a whole number above 0, not ${perPart}`);
  return sources <= perPart ? 1 : Math.min(MAX_SEARCH_PARTS, Math.ceil(sources / perPart));
}

/** A whole number above 0 from the environment variable `name` (its value `raw`), or `fallback` when it is not set. */
function wholeNumberSetting(name: string, raw: string | undefined, what: string, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\s*[1-9]\d*\s*$/u.test(raw)) {
    throw new Error(`${name} is "${raw}": set it to a whole number of ${what} above 0 (default ${fallback}), or unset it`);
  }
  return Number(raw);
}

/** Sources per search part as `PARALLAX_SEARCH_SHARD_SIZE` sets it (`raw`), or the default when it is not set. */
export function searchPartSize(raw: string | undefined): number {
  return wholeNumberSetting('PARALLAX_SEARCH_SHARD_SIZE', raw, 'sources', SOURCES_PER_SEARCH_PART);
}

/**
 * Fragment files per index or part: a fragment is a result's text and metadata, one per page or
 * record, and past this many Pagefind puts several in one file: fewer files to write, and to upload
 * where a host counts them, for a search that loads a little more.
 */
export const MAX_SEARCH_FRAGMENT_FILES = 256;

/** Fragment files per index or part as `PARALLAX_SEARCH_MAX_FRAGMENTS` sets it (`raw`), or the default when it is not set. */
export function searchMaxFragments(raw: string | undefined): number {
  return wholeNumberSetting('PARALLAX_SEARCH_MAX_FRAGMENTS', raw, 'fragment files', MAX_SEARCH_FRAGMENT_FILES);
}

/** The part key of a search record or page: its source, for a source page (and its claims' ids); none for the rest. */
export function searchPartKey(url: string): string | undefined {
  const match = /^\/sources\/([^/?#]+)\//.exec(url);
  return match?.[1];
}

/** How many articles a content folder holds (its `articles/*.md` files), counted without reading them. */
export function countArticleFiles(contentFolder: string): number {
  try {
    return readdirSync(path.join(contentFolder, 'articles')).filter((name) => !name.startsWith('.') && /\.(md|markdown)$/i.test(name)).length;
  } catch {
    // The content's loader reports a missing folder, by name.
    return 0;
  }
}
