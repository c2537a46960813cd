import { attributeSentences } from './attribute-speaker.ts';
import { extractCitations } from './extract-citations.ts';
import { extractClaims } from './extract-claims.ts';
import { extractEventMentions } from './extract-event-mentions.ts';
import { extractQuotes, type ExtractedQuote } from './extract-quotes.ts';
import { groupQuotes } from './group-quotes.ts';
import { mentionTokens, mergeEvents } from './merge-events.ts';
import { publishedIso } from './partial-date.ts';
import type { ArticleFrontmatter, IncidentFile } from './schema.ts';
import type { Actor, ArticleAnalysis, Citation, Claim, EventMention, QuoteGroup, TimelineEvent } from './types.ts';

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

/** What the merge needs of an article besides its extraction: who published it, when, and how long it is. */
export interface ArticleSummary {
  source: string;
  frontmatter: ArticleFrontmatter;
  /** How many sentences it has. */
  sentences: number;
}

/**
 * What one article contributes to the incident, found in that article alone (and the incident
 * definition): its reports of happenings, claims, quotations and citations. A pure function of
 * the two, so a build can keep it for an unchanged article and merge only.
 */
export interface ArticleExtraction {
  mentions: EventMention[];
  claims: Claim[];
  quotes: ExtractedQuote[];
  citations: Citation[];
  /** The sentences that may reprint another outlet's quotation without quotation marks (not headings), with their place in the article. */
  reprints: Array<{ id: string; text: string; position: number }>;
  /** The tokens each of `mentions` is compared by in the merge (`mentionTokens`), in the same order. */
  mentionTokens: string[][];
}

function toSource(article: ArticleSummary): IncidentSource {
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
    sentences: article.sentences,
  };
}

/** The contribution of one article (see `ArticleExtraction`). */
export function extractArticle(definition: IncidentFile, article: ArticleAnalysis, stems: Map<string, readonly string[]> = new Map()): ArticleExtraction {
  const { actors } = definition;
  // Claims, quotes and citations all need who says what; reading it once per article saves two thirds of that work.
  const speakers = attributeSentences(article, actors);
  const position = new Map(article.sentences.map((sentence, index) => [sentence.id, index]));
  const mentions = extractEventMentions(article, { actors });
  return {
    mentions,
    claims: extractClaims(article, definition, { speakers, stems }),
    quotes: extractQuotes(article, { actors }, { speakers }).map((quote) => ({ ...quote, position: position.get(quote.anchor) ?? Number.MAX_SAFE_INTEGER })),
    citations: extractCitations(article, { actors, speakers }),
    reprints: article.sentences.flatMap((sentence, position) => (/^h[1-6]$/u.test(sentence.blockType) ? [] : [{ id: sentence.id, text: sentence.text, position }])),
    // Made here, once per article, so that a rebuild tokenizes only the changed articles' reports.
    mentionTokens: mentions.map((mention) => mentionTokens(mention, actors)),
  };
}

/** Everything the timeline is merged from: the actors, and every report with its tokens, in merge order. */
export interface TimelineInput {
  actors: readonly Actor[];
  reports: ReadonlyArray<readonly [EventMention, readonly string[] | null]>;
}

/** Gives the timeline merged from `input` by `merge`, or the one an earlier merge of the very same input gave. */
export type TimelineMemo = (input: TimelineInput, merge: () => TimelineEvent[]) => TimelineEvent[];

export interface MergeIncidentOptions {
  /** Remembers the deduplicated timeline, the costliest part of the merge (default: merged every time). */
  timeline?: TimelineMemo;
}

/**
 * Merges the contributions of all articles into the incident: sources, the deduplicated
 * timeline, claims per topic, quote groups and cited primary sources. Pure: the same articles in
 * any order give the same document.
 */
export function mergeIncident(
  definition: IncidentFile,
  articles: ReadonlyArray<{ article: ArticleSummary; extraction: ArticleExtraction }>,
  options: MergeIncidentOptions = {},
): IncidentJson {
  const ordered = [...articles].sort((a, b) => (a.article.source < b.article.source ? -1 : a.article.source > b.article.source ? 1 : 0));
  const { actors } = definition;
  const mentions = ordered.flatMap(({ extraction }) => extraction.mentions);
  const tokens = tokensByMention(ordered.map(({ extraction }) => extraction));
  const merge = () => mergeEvents(mentions, { actors, tokens });
  return {
    incident: { title: definition.title, summary: definition.summary, topics: definition.topics, actors },
    sources: ordered.map(({ article }) => toSource(article)),
    events: options.timeline ? options.timeline({ actors, reports: mentions.map((mention) => [mention, tokens.get(mention) ?? null] as const) }, merge) : merge(),
    claims: ordered.flatMap(({ extraction }) => extraction.claims),
    quotes: groupQuotes(
      ordered.flatMap(({ extraction }) => extraction.quotes),
      ordered.map(({ article, extraction }) => ({ source: article.source, sentences: extraction.reprints })),
    ),
    citations: ordered.flatMap(({ extraction }) => extraction.citations),
  };
}

/** Each report's tokens as its article's contribution keeps them. */
function tokensByMention(extractions: readonly ArticleExtraction[]): Map<EventMention, readonly string[]> {
  const tokens = new Map<EventMention, readonly string[]>();
  for (const extraction of extractions) {
    extraction.mentions.forEach((mention, i) => {
      const kept = extraction.mentionTokens[i];
      if (kept) tokens.set(mention, kept);
    });
  }
  return tokens;
}

/** Extracts and merges in one go: what the CLI and the tests do with articles analysed in memory. */
export function buildIncident(definition: IncidentFile, articles: readonly IncidentArticle[]): IncidentJson {
  const stems = new Map<string, readonly string[]>();
  return mergeIncident(
    definition,
    articles.map((article) => ({ article: { source: article.source, frontmatter: article.frontmatter, sentences: article.sentences.length }, extraction: extractArticle(definition, article, stems) })),
  );
}

/** The incident JSON as the CLI prints it and the site serves it. */
export function toIncidentJson(incident: IncidentJson): string {
  return `${JSON.stringify(incident, null, 2)}\n`;
}
