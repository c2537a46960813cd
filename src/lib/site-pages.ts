/**
 * How long lists are split over pages, so that no page of a large incident grows without bound
 * (thousands of articles make tens of megabytes of HTML on one page otherwise) while a reader can
 * still reach every entry: each split list links all of its pages, and every link to an entry
 * goes to the page that holds it. Small incidents keep one page per list, at the usual address.
 */
import type { TimelineEvent } from '../pipeline/types.ts';

/** Reports quoted in a timeline entry's own list; more live on the entry's page. */
export const INLINE_MENTIONS = 10;
/** What one timeline page may hold, counted as one per entry plus one per quoted report (about 250 KB of HTML). */
export const TIMELINE_PAGE_WEIGHT = 500;
/** Reports on one page of an entry's own pages. */
export const EVENT_PAGE_MENTIONS = 500;
/** Articles on one page of the source list. */
export const SOURCE_LIST_PAGE = 400;
/** Reports shown in the timeline's coverage lane before it points to the source list. */
export const COVERAGE_LANE_LIMIT = 60;

/** Splits items into consecutive pages whose weights add up to at most `budget` (an item heavier than that gets a page alone). */
export function splitByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = Math.max(1, weight(item));
    if (current.length > 0 && load + w > budget) {
      pages.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** Splits items into pages of `size` (at least one page, even when empty). */
export function splitBySize<T>(items: readonly T[], size: number): T[][] {
  return splitByWeight(items, () => 1, size);
}

/** The address of page `number` (from 1) of a list whose first page is `first` and whose others are `${rest}${number}/`. */
export function pagePath(first: string, rest: string, number: number): string {
  return number <= 1 ? first : `${rest}${number}/`;
}

export interface TimelinePage {
  /** From 1. */
  number: number;
  path: string;
  events: TimelineEvent[];
}

export interface TimelineLayout {
  pages: TimelinePage[];
  /** The address of an entry: its page and its anchor (`/timeline/3/#e-…`). */
  eventHref(id: string): string;
  /** Whether an entry quotes only some of its reports and has pages of its own for all of them. */
  hasOwnPage(event: TimelineEvent): boolean;
  /** The address of page `number` of an entry's own pages. */
  eventPagePath(id: string, number?: number): string;
}

/** An entry's share of a page: itself, the reports it quotes, and its outlet badges (about a third of a report each). */
const entryWeight = (event: TimelineEvent) => 1 + Math.min(event.mentions.length, INLINE_MENTIONS) + Math.ceil(new Set(event.mentions.map((mention) => mention.source)).size / 3);

/** The timeline's pages: `/`, then `/timeline/2/`, `/timeline/3/`… in time order. */
export function timelineLayout(events: readonly TimelineEvent[]): TimelineLayout {
  const pages = splitByWeight(events, entryWeight, TIMELINE_PAGE_WEIGHT).map((list, index) => ({
    number: index + 1,
    path: pagePath('/', '/timeline/', index + 1),
    events: list,
  }));
  const pageOf = new Map<string, string>();
  for (const page of pages) for (const event of page.events) pageOf.set(event.id, page.path);
  const eventPagePath = (id: string, number = 1) => pagePath(`/events/${encodeURIComponent(id)}/`, `/events/${encodeURIComponent(id)}/`, number);
  return {
    pages,
    eventHref: (id) => `${pageOf.get(id) ?? '/'}#${encodeURIComponent(id)}`,
    hasOwnPage: (event) => event.mentions.length > INLINE_MENTIONS,
    eventPagePath,
  };
}

/** Beyond this many claims or sources, the comparison shows an overview and gives each question pages of its own. */
export const COMPARE_INLINE_CLAIMS = 600;
export const COMPARE_INLINE_COLUMNS = 24;
/** Claims on one page of a question's own pages (about 200 KB of HTML). */
export const TOPIC_PAGE_CLAIMS = 400;

/** Whether the comparison is too large for one table on one page. */
export function compareIsSplit(claims: number, columns: number): boolean {
  return claims > COMPARE_INLINE_CLAIMS || columns > COMPARE_INLINE_COLUMNS;
}

/** The address of page `number` of a question's own pages. */
export function topicPagePath(topicId: string, number = 1): string {
  const first = `/compare/topics/${encodeURIComponent(topicId)}/`;
  return pagePath(first, first, number);
}

/** Renderings of quotations on one page of `/compare/quotes/` (about 200 KB of HTML). */
export const QUOTE_PAGE_RENDERINGS = 600;

/** The pages of `/compare/quotes/`: quotation groups in order, each page up to QUOTE_PAGE_RENDERINGS renderings. */
export function quotePages<T extends { id: string; members: readonly unknown[] }>(groups: readonly T[]): { pages: T[][]; pathOf(groupId: string): string } {
  const pages = splitByWeight(groups, (group) => group.members.length, QUOTE_PAGE_RENDERINGS);
  const paths = new Map<string, string>();
  pages.forEach((page, index) => {
    for (const group of page) paths.set(group.id, pagePath('/compare/quotes/', '/compare/quotes/', index + 1));
  });
  return { pages, pathOf: (groupId) => paths.get(groupId) ?? '/compare/quotes/' };
}
