import { attributeSentences } from './attribute-speaker.ts';
import { extractCitations } from './extract-citations.ts';
import { extractClaims } from './extract-claims.ts';
import { extractEventMentions } from './extract-event-mentions.ts';
import { extractQuotes, type ExtractedQuote } from './extract-quotes.ts';
import { groupQuotes } from './group-quotes.ts';
import { mergeEvents } from './merge-events.ts';
import { publishedIso } from './partial-date.ts';
import type { ArticleFrontmatter, IncidentFile } from './schema.ts';
import type { ArticleAnalysis, Citation, Claim, EventMention, QuoteGroup, TimelineEvent } from './types.ts';

/** What the merge needs of an article: its analysis and its frontmatter. */
export interface IncidentArticle extends ArticleAnalysis {
  frontmatter: ArticleFrontmatter;
}

export interface IncidentSource {
  id: string;
  outlet: string;
  title: string;
  url: string | null;
  /** ISO 8601 at the precision the page states, or null when unknown or only bounded. */
  published: string | null;
  /** Present when only bounds of the publication date are known. */
  publishedRange?: { after?: string; before?: string };
  updated: string[];
  author?: string;
  language: string;
  sentences: number;
}

/** The incident JSON: the contract between the pipeline, the pages, the CLI and evaluations. */
export interface IncidentJson {
  incident: { title: string; summary: string; topics: IncidentFile['topics']; actors: IncidentFile['actors'] };
  sources: IncidentSource[];
  events: TimelineEvent[];
  claims: Claim[];
  quotes: QuoteGroup[];
  citations: Citation[];
}

function toSource(article: IncidentArticle): IncidentSource {
  const { frontmatter } = article;
  const published = frontmatter.published;
  return {
    id: article.source,
    outlet: frontmatter.outlet,
    title: frontmatter.title,
    url: frontmatter.url ?? null,
    published: publishedIso(published),
    ...(typeof published === 'object' ? { publishedRange: { ...published } } : {}),
    updated: frontmatter.updated.map((update) => update.at),
    ...(frontmatter.author ? { author: frontmatter.author } : {}),
    language: frontmatter.language,
    sentences: article.sentences.length,
  };
}

/**
 * Merges the analyses of all articles into the incident: sources, the deduplicated timeline,
 * claims per topic, quote groups and cited primary sources. Pure: the same articles in any
 * order give the same document.
 */
export function buildIncident(definition: IncidentFile, articles: readonly IncidentArticle[]): IncidentJson {
  const ordered = [...articles].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const { actors } = definition;
  const mentions: EventMention[] = [];
  const claims: Claim[] = [];
  const quotes: ExtractedQuote[] = [];
  const citations: Citation[] = [];
  const stems = new Map<string, readonly string[]>();
  for (const article of ordered) {
    mentions.push(...extractEventMentions(article, { actors }));
    // Claims, quotes and citations all need who says what; reading it once per article saves two thirds of that work.
    const speakers = attributeSentences(article, actors);
    claims.push(...extractClaims(article, definition, { speakers, stems }));
    quotes.push(...extractQuotes(article, { actors }, { speakers }));
    citations.push(...extractCitations(article, { actors, speakers }));
  }
  return {
    incident: { title: definition.title, summary: definition.summary, topics: definition.topics, actors },
    sources: ordered.map(toSource),
    events: mergeEvents(mentions, { actors }),
    claims,
    quotes: groupQuotes(quotes, ordered),
    citations,
  };
}

/** The incident JSON as the CLI prints it and the site serves it. */
export function toIncidentJson(incident: IncidentJson): string {
  return `${JSON.stringify(incident, null, 2)}\n`;
}
