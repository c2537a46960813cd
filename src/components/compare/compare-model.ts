import type { IncidentJson, IncidentSource } from '../../pipeline/build-incident.ts';
import { quoteDiff, type QuoteDiffPart } from '../../pipeline/group-quotes.ts';
import type { Citation, Claim, QuoteGroup, QuoteMember, Stance, TimelineEvent, Topic } from '../../pipeline/types.ts';
import { formatPartialDate, precisionOf } from '../../pipeline/partial-date.ts';
import { primaryLayout, renderingOrder, topicPagePath, type GroupedPages, type TimelineLayout } from '../../lib/site-pages.ts';

/** The address of one sentence on its source's page. */
export function sentenceHref(source: string, anchor: string): string {
  return `/sources/${source}/#${anchor}`;
}

/** Element ids the comparison page uses for its own sections; a topic id must not take one of them. */
export const SECTION_IDS = { questions: 'questions', quotes: 'quotes', primarySources: 'primary-sources' } as const;

/** Every other id the comparison page sets besides topic ids and `quote-…` ids. */
const OTHER_IDS = ['main', 'matrix-caption', ...Object.values(SECTION_IDS).map((id) => `${id}-heading`)];

export function quoteAnchor(group: QuoteGroup): string {
  return `quote-${group.id}`;
}

/**
 * Beyond this many outlets the matrix cannot keep readable columns within the page width, so it
 * scrolls sideways instead of squeezing them.
 */
export const FITTING_COLUMNS = 5;

export const STANCES: readonly Stance[] = ['asserts', 'denies', 'hedges'];

/** Each stance as text plus a symbol, so that no stance is told apart by colour alone. */
export const STANCE_LABEL: Record<Stance, { text: string; symbol: string }> = {
  asserts: { text: 'asserts', symbol: '✓' },
  denies: { text: 'denies', symbol: '✗' },
  hedges: { text: 'hedges', symbol: '~' },
};

/** One column of the matrix: a source, named by its outlet. */
export interface Column {
  source: IncidentSource;
  /** The outlet, with the article's date added when one outlet has several articles. */
  label: string;
}

/** One sentence of a cell. `speaker` is absent when the outlet speaks for itself. */
export interface CellClaim {
  source: string;
  anchor: string;
  text: string;
  speaker?: string;
  stance?: Stance;
}

export interface Cell {
  column: Column;
  claims: CellClaim[];
}

/** Who holds one position on a contested question, and which outlets report it. */
export interface PositionHolder {
  /** The speaker, or null for outlets stating it in their own voice. */
  speaker: string | null;
  outlets: string[];
}

export interface Position {
  stance: Stance;
  holders: PositionHolder[];
}

export interface TopicRow {
  topic: Topic;
  cells: Cell[];
  /** How many columns report on the topic. */
  reported: number;
  /** The question is yes-or-no and the coverage holds both a yes and a no. */
  contested: boolean;
  /** Set for contested topics only. */
  positions: Position[];
}

export function columnsOf(sources: readonly IncidentSource[]): Column[] {
  const perOutlet = new Map<string, number>();
  const perDay = new Map<string, number>();
  const day = (source: IncidentSource) => (source.published ? formatPartialDate({ value: source.published.slice(0, 10), precision: precisionOf(source.published.slice(0, 10)), approximate: false }) : null);
  for (const source of sources) {
    perOutlet.set(source.outlet, (perOutlet.get(source.outlet) ?? 0) + 1);
    perDay.set(`${source.outlet}\n${day(source)}`, (perDay.get(`${source.outlet}\n${day(source)}`) ?? 0) + 1);
  }
  // One outlet with several articles: each is told apart by its day, by its time when the day is shared, else by its title.
  const when = (source: IncidentSource) => {
    const date = day(source);
    if (!date) return source.title;
    if ((perDay.get(`${source.outlet}\n${date}`) ?? 0) < 2) return date;
    const time = /T(\d{2}:\d{2})/u.exec(source.published ?? '')?.[1];
    return time ? `${date}, ${time}` : `${date}: ${source.title}`;
  };
  return sources.map((source) => ({ source, label: (perOutlet.get(source.outlet) ?? 0) > 1 ? `${source.outlet} (${when(source)})` : source.outlet }));
}

/** The speaker worth naming: none when the sentence is the outlet's own voice. */
function shownSpeaker(claim: Claim, outlet: string): string | undefined {
  const speaker = claim.speaker?.trim();
  if (!speaker || speaker.toLowerCase() === outlet.toLowerCase()) return undefined;
  return speaker;
}

function positionsOf(cells: readonly Cell[]): Position[] {
  const positions: Position[] = [];
  for (const stance of STANCES) {
    const holders = new Map<string, PositionHolder>();
    for (const cell of cells) {
      for (const claim of cell.claims) {
        if (claim.stance !== stance) continue;
        const key = claim.speaker ?? '';
        let holder = holders.get(key);
        if (!holder) holders.set(key, (holder = { speaker: claim.speaker ?? null, outlets: [] }));
        if (!holder.outlets.includes(cell.column.label)) holder.outlets.push(cell.column.label);
      }
    }
    if (holders.size === 0) continue;
    // Named speakers first, most widely reported first: the own-voice group closes the list.
    const list = [...holders.values()].sort((a, b) => Number(a.speaker === null) - Number(b.speaker === null) || b.outlets.length - a.outlets.length);
    positions.push({ stance, holders: list });
  }
  return positions;
}

/** The topics × outlets matrix, topics in incident.yaml order and outlets in source order. */
export function compareTopics(site: IncidentJson): { columns: Column[]; rows: TopicRow[] } {
  const columns = columnsOf(site.sources);
  const byTopic = new Map<string, Map<string, Claim[]>>();
  for (const claim of site.claims) {
    let bySource = byTopic.get(claim.topic);
    if (!bySource) byTopic.set(claim.topic, (bySource = new Map()));
    const list = bySource.get(claim.source);
    if (!list) bySource.set(claim.source, [claim]);
    else if (!list.some((known) => known.anchor === claim.anchor)) list.push(claim);
  }
  const rows = site.incident.topics.map((topic): TopicRow => {
    const bySource = byTopic.get(topic.id);
    const cells = columns.map((column): Cell => ({
      column,
      claims: (bySource?.get(column.source.id) ?? []).map((claim) => {
        const speaker = shownSpeaker(claim, column.source.outlet);
        return {
          source: claim.source,
          anchor: claim.anchor,
          text: claim.text,
          ...(speaker ? { speaker } : {}),
          ...(claim.stance ? { stance: claim.stance } : {}),
        };
      }),
    }));
    const stances = new Set(cells.flatMap((cell) => cell.claims.map((claim) => claim.stance)));
    const contested = stances.has('asserts') && stances.has('denies');
    return {
      topic,
      cells,
      reported: cells.filter((cell) => cell.claims.length > 0).length,
      contested,
      positions: contested ? positionsOf(cells) : [],
    };
  });
  return { columns, rows };
}

/** A topic id that would land on a section of the comparison page instead of its row. */
export function clashingTopicIds(topics: readonly Topic[]): string[] {
  const reserved = new Set<string>([...Object.values(SECTION_IDS), ...OTHER_IDS]);
  return topics.map((topic) => topic.id).filter((id) => reserved.has(id) || id.startsWith('quote-'));
}

/** One wording of a quotation, with every article that prints exactly those words. */
export interface QuoteRendering {
  /** The words as printed. */
  quote: string;
  /** Word-level differences from the group's text; absent when the words are the same. */
  diff?: QuoteDiffPart[];
  printedBy: Array<{ member: QuoteMember; outlet: string }>;
}

export interface QuoteView {
  group: QuoteGroup;
  anchor: string;
  outlets: string[];
  renderings: QuoteRendering[];
  /** Set when the view is one page's share of a quotation split over pages: where it began, where it goes on. */
  continuedFrom?: string;
  continuesOn?: string;
}

/** Compared case- and space-insensitively with end punctuation ignored: those are typesetting, not wording. */
function sameWords(a: string, b: string): boolean {
  const norm = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').replace(/[\s.,;:!?…"“”'‘’]+$/u, '').trim();
  return norm(a) === norm(b);
}

/** The renderings of `members` (all of the group's, or one page's share), articles printing the same words folded into one. */
function renderingsOf(group: QuoteGroup, members: readonly QuoteMember[], outletOf: ReadonlyMap<string, string>): QuoteRendering[] {
  const byWords = new Map<string, QuoteRendering>();
  for (const member of renderingOrder(members)) {
    let rendering = byWords.get(member.quote);
    if (!rendering) {
      rendering = { quote: member.quote, printedBy: [], ...(sameWords(member.quote, group.text) ? {} : { diff: quoteDiff(group.text, member.quote) }) };
      byWords.set(member.quote, rendering);
    }
    rendering.printedBy.push({ member, outlet: outletOf.get(member.source) ?? member.source });
  }
  return [...byWords.values()];
}

function quoteContext(site: IncidentJson) {
  const outletOf = new Map(columnsOf(site.sources).map((column) => [column.source.id, column.label]));
  const order = new Map(site.sources.map((source, index) => [source.id, index]));
  const outletsOf = (group: QuoteGroup) =>
    [...new Set(group.members.map((member) => member.source))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map((source) => outletOf.get(source) ?? source);
  return { outletOf, outletsOf };
}

export function quoteViews(site: IncidentJson): QuoteView[] {
  const { outletOf, outletsOf } = quoteContext(site);
  return site.quotes.map((group) => ({ group, anchor: quoteAnchor(group), outlets: outletsOf(group), renderings: renderingsOf(group, group.members, outletOf) }));
}

/** The views of one page of a quotation list split over pages (`quoteLayout`). */
export function quotePageViews(site: IncidentJson, layout: GroupedPages<QuoteGroup, QuoteMember>, number: number): QuoteView[] {
  const { outletOf, outletsOf } = quoteContext(site);
  const page = layout.pages[number - 1] ?? [];
  return page.map((slice) => ({
    group: slice.group,
    anchor: quoteAnchor(slice.group),
    outlets: outletsOf(slice.group),
    renderings: renderingsOf(slice.group, slice.items, outletOf),
    ...(slice.continued ? { continuedFrom: layout.pathOf(slice.group.id) } : {}),
    ...(slice.continues ? { continuesOn: layout.path(number + 1) } : {}),
  }));
}

/** Link text for one citation: how the outlet cited the primary source, as it wrote it. */
export function citationPhrase(citation: Citation): string {
  switch (citation.kind) {
    case 'via':
      return `via ${citation.cites}`;
    case 'according-to':
      return `according to ${citation.cites}`;
    case 'told':
      return `told ${citation.cites}`;
    case 'email':
      return `email to ${citation.cites}`;
    case 'report':
      return `${citation.cites} report`;
    case 'statement':
      return /statement/iu.test(citation.cites) ? citation.cites : `statement: ${citation.cites}`;
    default:
      return `${citation.kind.replace(/-/gu, ' ')}: ${citation.cites}`;
  }
}

export interface CitingOutlet {
  column: Column;
  citations: Citation[];
}

export interface PrimarySource {
  key: string;
  label: string;
  outlets: CitingOutlet[];
}

/** A readable name for a citation key: the actor or source it stands for, else its most frequent spelling. */
function labelOf(key: string, citations: readonly Citation[], site: IncidentJson): string {
  const actor = site.incident.actors.find((candidate) => candidate.id === key);
  if (actor) return actor.name;
  const source = site.sources.find((candidate) => candidate.id === key);
  if (source) return source.outlet;
  const counts = new Map<string, number>();
  for (const citation of citations) counts.set(citation.cites, (counts.get(citation.cites) ?? 0) + 1);
  const named = (text: string) => Number(/^\p{Lu}/u.test(text));
  return [...counts].sort((a, b) => named(b[0]) - named(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
}

/** The columns citing, in column order, each with its citations. */
function citingOutlets(columns: readonly Column[], citations: readonly Citation[]): CitingOutlet[] {
  const bySource = new Map<string, Citation[]>();
  for (const citation of citations) {
    const list = bySource.get(citation.source);
    if (list) list.push(citation);
    else bySource.set(citation.source, [citation]);
  }
  return columns.flatMap((column) => {
    const list = bySource.get(column.source.id);
    return list ? [{ column, citations: list }] : [];
  });
}

/** Distinct primary sources (by citation key), most widely relied on first, each with the outlets citing it. */
export function primarySources(site: IncidentJson): PrimarySource[] {
  const columns = columnsOf(site.sources);
  const byKey = new Map<string, Citation[]>();
  for (const citation of site.citations) {
    const list = byKey.get(citation.key);
    if (list) list.push(citation);
    else byKey.set(citation.key, [citation]);
  }
  const list = [...byKey].map(([key, citations]): PrimarySource => ({
    key,
    label: labelOf(key, citations, site),
    outlets: citingOutlets(columns, citations),
  }));
  return list.sort((a, b) => b.outlets.length - a.outlets.length || a.label.localeCompare(b.label));
}

/** One group of `/compare/primary-sources/` when it is split over pages: a primary source, or (`primary` null) the articles naming none. */
export interface PrimaryGroup {
  id: string;
  primary: PrimarySource | null;
  entries: CitingOutlet[];
}

const primaryPagesCache = new WeakMap<IncidentJson, GroupedPages<PrimaryGroup, CitingOutlet>>();

/** `/compare/primary-sources/` over pages: each primary source with the articles citing it, then the articles naming none. */
export function primaryPages(site: IncidentJson): GroupedPages<PrimaryGroup, CitingOutlet> {
  let layout = primaryPagesCache.get(site);
  if (!layout) {
    const list = primarySources(site);
    const citing = new Set(list.flatMap((primary) => primary.outlets.map((outlet) => outlet.column.source.id)));
    const silent = columnsOf(site.sources).filter((column) => !citing.has(column.source.id));
    const groups: PrimaryGroup[] = list.map((primary) => ({ id: primary.key, primary, entries: primary.outlets }));
    if (silent.length > 0) groups.push({ id: '', primary: null, entries: silent.map((column) => ({ column, citations: [] })) });
    layout = primaryLayout(groups, (group) => group.entries);
    primaryPagesCache.set(site, layout);
  }
  return layout;
}

const outletIndex = new WeakMap<IncidentJson, Map<string, string>>();
const outletSets = new WeakMap<readonly { source: string }[], Set<string>>();

/**
 * How many outlets besides `outlet` report one of `reports` (a timeline entry's mentions, a
 * quotation's members): each outlet once, however many of its articles report it. Kept per list,
 * since every source page asks about the entries it shares with the others.
 */
export function outletsBesides(site: IncidentJson, reports: readonly { source: string }[], outlet: string): number {
  let outlets = outletSets.get(reports);
  if (!outlets) {
    let bySource = outletIndex.get(site);
    if (!bySource) outletIndex.set(site, (bySource = new Map(site.sources.map((source) => [source.id, source.outlet]))));
    const index = bySource;
    outlets = new Set(reports.map((report) => index.get(report.source) ?? report.source));
    outletSets.set(reports, outlets);
  }
  return outlets.size - (outlets.has(outlet) ? 1 : 0);
}

export interface SourceContributions {
  events: Array<{ event: TimelineEvent; mentions: TimelineEvent['mentions'] }>;
  topics: Array<{ topic: Topic; claims: CellClaim[] }>;
  quotes: Array<{ view: QuoteView; members: QuoteMember[] }>;
  citations: PrimarySource[];
}

const contributionsCache = new WeakMap<IncidentJson, Map<string, SourceContributions>>();

function emptyContributions(): SourceContributions {
  return { events: [], topics: [], quotes: [], citations: [] };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function indexContributions(site: IncidentJson): Map<string, SourceContributions> {
  const index = new Map<string, SourceContributions>();
  const at = (source: string): SourceContributions => {
    let entry = index.get(source);
    if (!entry) index.set(source, (entry = emptyContributions()));
    return entry;
  };
  for (const event of site.events) {
    for (const [source, mentions] of groupBy(event.mentions, (mention) => mention.source)) at(source).events.push({ event, mentions });
  }
  for (const row of compareTopics(site).rows) {
    for (const cell of row.cells) if (cell.claims.length) at(cell.column.source.id).topics.push({ topic: row.topic, claims: cell.claims });
  }
  for (const view of quoteViews(site)) {
    for (const [source, members] of groupBy(view.group.members, (member) => member.source)) at(source).quotes.push({ view, members });
  }
  for (const primary of primarySources(site)) {
    for (const outlet of primary.outlets) at(outlet.column.source.id).citations.push({ ...primary, outlets: [outlet] });
  }
  return index;
}

/**
 * What one source contributed to the incident. Every source page asks, so all sources are indexed
 * in one pass over the incident and kept for the build: filtering the whole incident per page
 * would make the build quadratic in the number of articles.
 */
export function contributionsOf(site: IncidentJson, sourceId: string): SourceContributions {
  let index = contributionsCache.get(site);
  if (!index) contributionsCache.set(site, (index = indexContributions(site)));
  return index.get(sourceId) ?? emptyContributions();
}

/** A link as a page prints it. */
export interface TextLink {
  href: string;
  text: string;
}

/**
 * What a source page shows of its article's contribution, with every address, count and label
 * already worked out: the page prints this and reads nothing else of the merged incident, so that
 * this value (with the article's own data and the page frame) says everything the page depends on.
 */
export interface SourcePageView {
  /** How many questions the comparison asks. */
  questions: number;
  events: Array<{ date: string; dateText: string; mentions: TextLink[]; href: string; others: number }>;
  topics: Array<{ id: string; question: string; href: string; claims: CellClaim[] }>;
  quotes: Array<{ speaker: string | null; members: TextLink[]; href: string; others: number }>;
  citations: Array<{ label: string; citations: Citation[] }>;
}

/** The parts of the built site that say where things are, besides the merged incident. */
export interface SiteAddresses {
  timeline: Pick<TimelineLayout, 'eventHref'>;
  compareSplit: boolean;
  quotePages: Pick<GroupedPages<QuoteGroup, QuoteMember>, 'pathOf'>;
}

/** The source page's view of what `sourceId` (of `outlet`) contributed; see `SourcePageView`. */
export function sourcePageView(site: IncidentJson & SiteAddresses, sourceId: string, outlet: string): SourcePageView {
  const { events, topics, quotes, citations } = contributionsOf(site, sourceId);
  return {
    questions: site.incident.topics.length,
    events: events.map(({ event, mentions }) => ({
      date: event.date,
      dateText: formatPartialDate({ value: event.date, precision: event.precision, approximate: event.approximate }),
      mentions: mentions.map((mention) => ({ href: sentenceHref(mention.source, mention.anchor), text: mention.text })),
      href: site.timeline.eventHref(event.id),
      others: outletsBesides(site, event.mentions, outlet),
    })),
    topics: topics.map(({ topic, claims }) => ({
      id: topic.id,
      question: topic.question,
      href: site.compareSplit ? topicPagePath(topic.id) : `/compare/#${topic.id}`,
      claims,
    })),
    quotes: quotes.map(({ view, members }) => ({
      speaker: view.group.speaker ?? null,
      members: members.map((member) => ({ href: sentenceHref(member.source, member.anchor), text: `“${member.quote}”` })),
      href: `${site.compareSplit ? site.quotePages.pathOf(view.group.id) : '/compare/'}#${view.anchor}`,
      others: outletsBesides(site, view.group.members, outlet),
    })),
    citations: citations.map((primary) => ({ label: primary.label, citations: primary.outlets.flatMap((entry) => entry.citations) })),
  };
}
