import { getCollection, getEntry } from 'astro:content';
import type { IncidentJson } from '../pipeline/build-incident.ts';
import { mergeSignature, takeMergeAhead, type MergeInput } from './merge-ahead.ts';
import { mergeFromCache } from './merge-input.ts';
import { offerIncident } from './incident-handoff.ts';
import { offerSearchRecords } from './search-handoff.ts';
import { claimAnchorIds, searchRecords } from './search-records.ts';
import { formatBuildTime } from './format-build-time.ts';
import type { QuoteGroup, QuoteMember } from '../pipeline/types.ts';
import { compareIsSplit, quoteLayout, timelineLayout, type GroupedPages, type TimelineLayout } from './site-pages.ts';

export interface IncidentSite extends IncidentJson {
  builtAt: { iso: string; text: string };
  /** How the timeline is split over pages, and where each entry is. */
  timeline: TimelineLayout;
  /** The comparison is an overview, with pages per question, quotations and primary sources (see `compareIsSplit`). */
  compareSplit: boolean;
  /** How `/compare/quotes/` is split over pages when the comparison is (see `compareSplit`). */
  quotePages: GroupedPages<QuoteGroup, QuoteMember>;
}

/** What the frame around every page (its head, header and footer) shows of the incident, besides the build time. */
export interface PageFrame {
  title: string;
  summary: string;
  sources: number;
}

/**
 * The incident as every page's frame shows it. A page that reuses its output from the last build
 * (see `pageKey`) is keyed on this: a change here makes every page render again. The build time is
 * left out on purpose: a reused page keeps the time it was built, which is when its text was made.
 */
export function pageFrame(site: IncidentJson): PageFrame {
  return { title: site.incident.title, summary: site.incident.summary, sources: site.sources.length };
}

let cached: Promise<IncidentSite> | undefined;

async function load(): Promise<IncidentSite> {
  const [articles, incident] = await Promise.all([getCollection('articles'), getEntry('incident', 'incident')]);
  if (!incident) throw new Error('incident.yaml was not loaded');
  const built = process.env['SOURCE_DATE_EPOCH'] ? new Date(Number(process.env['SOURCE_DATE_EPOCH']) * 1000) : new Date();
  // Each article's contribution was extracted when it was loaded; only the merge, which needs them all, is left.
  // The articles loader started it on another thread, from the same articles if they are what this build reads.
  const input: MergeInput = { definition: incident.data, articles: articles.map(({ data }) => data), pipeline: articles[0]?.data.pipeline ?? '' };
  // A failure there is a fault of Parallax's, not of the content: said, then the merge is made here.
  const ahead = await takeMergeAhead(mergeSignature(input), (reason) => console.warn(`[parallax] The merge started ahead failed, so the pages merge the incident themselves: ${reason}`));
  const merged = ahead ?? mergeFromCache(input);
  const timeline = timelineLayout(merged.events);
  // The search index can take its records now, while the pages render, rather than after them.
  offerSearchRecords(
    () => searchRecords(merged, 'en', timeline.eventHref),
    () => claimAnchorIds(merged),
  );
  // incident.json is written from it once the pages are (src/integrations/incident-file.ts).
  offerIncident(merged);
  return {
    ...merged,
    builtAt: formatBuildTime(built),
    timeline,
    compareSplit: compareIsSplit(merged.claims.length, merged.sources.length),
    quotePages: quoteLayout(merged.quotes),
  };
}

/**
 * The merged incident, computed once per build and shared by every page: merging walks every
 * article, so doing it per page would make the build quadratic.
 */
export function getIncidentSite(): Promise<IncidentSite> {
  cached ??= load();
  return cached;
}
