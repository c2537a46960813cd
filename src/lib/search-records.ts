import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { formatPartialDate } from '../pipeline/partial-date.ts';
import { timelineLayout } from './site-pages.ts';

/** A search record that no single page holds: one timeline entry or one claim. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What kind of thing a search result is, as the search page labels it. */
export const SEARCH_KINDS = { event: 'Timeline entry', claim: 'Claim', source: 'Source' } as const;

/**
 * The timeline entries and claims as search records: the timeline and the comparison each show
 * many of them on one page, and a result should land on the entry or on the claim's sentence,
 * not on the top of a long page. A sentence that answers several questions is one record, whose
 * `question` and `context` filters list them in step. Source pages are indexed from their HTML.
 *
 * What a result is (`kind`), who reported it (`outlet`), the question a claim answers and where
 * it is compared (`question`, `context`) are filters rather than metadata: Pagefind makes metadata
 * searchable, and a search for "claim" should not match every claim.
 */
export function searchRecords(
  incident: Pick<IncidentJson, 'events' | 'claims' | 'sources' | 'incident'>,
  language = 'en',
  eventHref: (id: string) => string = timelineLayout(incident.events).eventHref,
): SearchRecord[] {
  const outlets = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  const outletOf = (id: string) => outlets.get(id) ?? id;
  const questions = new Map(incident.incident.topics.map((topic) => [topic.id, topic.question]));
  const events = incident.events.map((event): SearchRecord => {
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
  // A sentence may answer several questions: it is one result, naming each question and where it is compared.
  const claims = new Map<string, SearchRecord>();
  for (const claim of incident.claims) {
    const url = `/sources/${encodeURIComponent(claim.source)}/#${encodeURIComponent(claim.anchor)}`;
    const question = questions.get(claim.topic) ?? claim.topic;
    const context = `/compare/#${encodeURIComponent(claim.topic)}`;
    const record = claims.get(url);
    if (record) {
      const { question: asked = [], context: compared = [] } = record.filters;
      if (!compared.includes(context)) {
        asked.push(question);
        compared.push(context);
      }
      continue;
    }
    claims.set(url, {
      url,
      content: claim.text,
      language,
      // No title: Pagefind would make it searchable, and every claim of an outlet would then
      // match the outlet's name ahead of its source page. The search page titles it from the filters.
      meta: {},
      filters: { kind: [SEARCH_KINDS.claim], outlet: [outletOf(claim.source)], question: [question], context: [context] },
    });
  }
  return [...events, ...claims.values()];
}

/** The records of the incident a build wrote to `<outDir>/incident.json`. */
export async function incidentSearchRecords(outDir: URL): Promise<SearchRecord[]> {
  const incident = JSON.parse(await readFile(new URL('incident.json', outDir), 'utf8')) as IncidentJson;
  return searchRecords(incident);
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
 * record, and past this many Pagefind puts several in one file. A claim's fragment is a few hundred
 * bytes, so a search loads little more, and a site of 1 000 sources is about 2 200 search files
 * rather than 13 500: fewer files to write, and to upload where a host counts them.
 */
export const MAX_SEARCH_FRAGMENT_FILES = 256;

/** Fragment files per index or part as `PARALLAX_SEARCH_MAX_FRAGMENTS` sets it (`raw`), or the default when it is not set. */
export function searchMaxFragments(raw: string | undefined): number {
  return wholeNumberSetting('PARALLAX_SEARCH_MAX_FRAGMENTS', raw, 'fragment files', MAX_SEARCH_FRAGMENT_FILES);
}

/** The part key of a search record or page: its source, for a source page and the claims on it; none for the rest. */
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
