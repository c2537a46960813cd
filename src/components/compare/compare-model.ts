import type { IncidentJson, IncidentSource } from '../../pipeline/build-incident.ts';
import { quoteDiff, type QuoteDiffPart } from '../../pipeline/group-quotes.ts';
import type { Citation, Claim, QuoteGroup, QuoteMember, Stance, TimelineEvent, Topic } from '../../pipeline/types.ts';

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
  for (const source of sources) perOutlet.set(source.outlet, (perOutlet.get(source.outlet) ?? 0) + 1);
  return sources.map((source) => {
    const shared = (perOutlet.get(source.outlet) ?? 0) > 1;
    return { source, label: shared ? `${source.outlet} (${source.published ?? source.title})` : source.outlet };
  });
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

export interface QuoteRendering {
  member: QuoteMember;
  outlet: string;
  /** Word-level differences from the group's text; absent when the words are the same. */
  diff?: QuoteDiffPart[];
}

export interface QuoteView {
  group: QuoteGroup;
  anchor: string;
  outlets: string[];
  renderings: QuoteRendering[];
}

/** Compared case- and space-insensitively with end punctuation ignored: those are typesetting, not wording. */
function sameWords(a: string, b: string): boolean {
  const norm = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').replace(/[\s.,;:!?…"“”'‘’]+$/u, '').trim();
  return norm(a) === norm(b);
}

export function quoteViews(site: IncidentJson): QuoteView[] {
  const outletOf = new Map(columnsOf(site.sources).map((column) => [column.source.id, column.label]));
  const order = new Map(site.sources.map((source, index) => [source.id, index]));
  return site.quotes.map((group) => {
    const sources = [...new Set(group.members.map((member) => member.source))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return {
      group,
      anchor: quoteAnchor(group),
      outlets: sources.map((source) => outletOf.get(source) ?? source),
      renderings: group.members.map((member) => ({
        member,
        outlet: outletOf.get(member.source) ?? member.source,
        ...(sameWords(member.quote, group.text) ? {} : { diff: quoteDiff(group.text, member.quote) }),
      })),
    };
  });
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
    outlets: columns
      .map((column) => ({ column, citations: citations.filter((citation) => citation.source === column.source.id) }))
      .filter((entry) => entry.citations.length > 0),
  }));
  return list.sort((a, b) => b.outlets.length - a.outlets.length || a.label.localeCompare(b.label));
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
