/**
 * How long lists are split over pages, so that no page of a large incident grows without bound
 * (thousands of articles make tens of megabytes of HTML on one page otherwise) while a reader can
 * still reach every entry: each split list links all of its pages, and every link to an entry
 * goes to the page that holds it. Small incidents keep one page per list, at the usual address.
 */
import type { QuoteGroup, QuoteMember, TimelineEvent } from '../pipeline/types.ts';

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

/**
 * One group's share of a page when groups of items (a quotation and its renderings, a primary
 * source and the articles citing it) are split over pages: a group larger than a page goes on over
 * the next ones, and each page names where the group began or goes on.
 */
export interface GroupSlice<G, I> {
  group: G;
  items: I[];
  /** The group began on an earlier page. */
  continued: boolean;
  /** The group goes on on the next page. */
  continues: boolean;
}

/**
 * Splits groups of items into pages whose weight (each group's heading plus its items) adds up to
 * at most `budget`, splitting a group between items where it must. Every item lands on exactly one
 * page, in order; an empty input still gives one empty page.
 */
export function splitGroups<G, I>(
  groups: readonly G[],
  itemsOf: (group: G) => readonly I[],
  weight: (item: I, index: number, items: readonly I[]) => number,
  budget: number,
  headWeight = 2,
): GroupSlice<G, I>[][] {
  const pages: GroupSlice<G, I>[][] = [];
  let current: GroupSlice<G, I>[] = [];
  let load = 0;
  const flush = () => {
    pages.push(current);
    current = [];
    load = 0;
  };
  for (const group of groups) {
    const items = itemsOf(group);
    const weights = items.map((item, index) => Math.max(1, weight(item, index, items)));
    const whole = headWeight + weights.reduce((sum, w) => sum + w, 0);
    // A group that does not fit starts on a new page rather than as a stub in the last quarter of this one.
    if (current.length > 0 && (load + headWeight + (weights[0] ?? 0) > budget || (load + whole > budget && budget - load < budget / 4))) flush();
    let slice: GroupSlice<G, I> = { group, items: [], continued: false, continues: false };
    current.push(slice);
    load += headWeight;
    items.forEach((item, index) => {
      const w = weights[index] ?? 1;
      if (slice.items.length > 0 && load + w > budget) {
        slice.continues = true;
        flush();
        slice = { group, items: [], continued: true, continues: false };
        current.push(slice);
        load = headWeight;
      }
      slice.items.push(item);
      load += w;
    });
  }
  if (current.length > 0 || pages.length === 0) flush();
  return pages;
}

export interface GroupedPages<G, I> {
  /** From page 1; each page holds slices of groups. */
  pages: GroupSlice<G, I>[][];
  /** The address of page `number` (from 1). */
  path(number: number): string;
  /** The address of the page where a group begins. */
  pathOf(groupId: string): string;
}

function groupedPages<G extends { id: string }, I>(first: string, pages: GroupSlice<G, I>[][]): GroupedPages<G, I> {
  const path = (number: number) => pagePath(first, first, number);
  const starts = new Map<string, string>();
  pages.forEach((page, index) => {
    for (const slice of page) if (!slice.continued) starts.set(slice.group.id, path(index + 1));
  });
  return { pages, path, pathOf: (groupId) => starts.get(groupId) ?? first };
}

/** What one page of `/compare/quotes/` may weigh: a rendering with its own words counts QUOTE_RENDERING_WEIGHT, a further article printing the same words 1 (about 200 KB of HTML). */
export const QUOTE_PAGE_WEIGHT = 2000;
export const QUOTE_RENDERING_WEIGHT = 5;

/**
 * A quotation's renderings in the order they are shown: articles printing exactly the same words
 * one after another (so that they fold into one line), each wording where it first appears.
 */
export function renderingOrder(members: readonly QuoteMember[]): QuoteMember[] {
  const byWords = new Map<string, QuoteMember[]>();
  for (const member of members) {
    const list = byWords.get(member.quote);
    if (list) list.push(member);
    else byWords.set(member.quote, [member]);
  }
  return [...byWords.values()].flat();
}

/** The pages of `/compare/quotes/`: quotation groups in order, a group too large for one page going on over the next. */
export function quoteLayout(groups: readonly QuoteGroup[]): GroupedPages<QuoteGroup, QuoteMember> {
  const ordered = new Map(groups.map((group) => [group.id, renderingOrder(group.members)]));
  const weight = (member: QuoteMember, index: number, items: readonly QuoteMember[]) => (index > 0 && items[index - 1]?.quote === member.quote ? 1 : QUOTE_RENDERING_WEIGHT);
  return groupedPages('/compare/quotes/', splitGroups(groups, (group) => ordered.get(group.id) ?? [], weight, QUOTE_PAGE_WEIGHT));
}

/** What one page of `/compare/primary-sources/` may weigh: one per citing article plus one per citation (about 150 KB of HTML). */
export const PRIMARY_PAGE_WEIGHT = 1000;

/** The pages of `/compare/primary-sources/`, for any group of citing entries with an id (a primary source, or the articles naming none). */
export function primaryLayout<G extends { id: string }, I extends { citations: readonly unknown[] }>(groups: readonly G[], itemsOf: (group: G) => readonly I[]): GroupedPages<G, I> {
  return groupedPages('/compare/primary-sources/', splitGroups(groups, itemsOf, (item) => 1 + item.citations.length, PRIMARY_PAGE_WEIGHT));
}
