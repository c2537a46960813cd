/**
 * Shared data shapes of the article pipeline and the merge.
 * Every stage is a pure function over these; none of them knows about Astro.
 */

/** How much of a date is known. */
export type Precision = 'year' | 'month' | 'day' | 'time';

/**
 * A point in time known to a given precision.
 * `value` is ISO 8601 cut to the precision: `2019`, `2019-02`, `2019-02-28`,
 * or `2019-03-21T08:35` / `2019-03-21T08:35+05:30` for `time` (the offset is absent
 * when the source does not state a time zone).
 */
export interface PartialDate {
  value: string;
  precision: Precision;
  /** True when the date comes from a vague phrase ("a few days ago", "earlier this year") or is an anchor, not a statement. */
  approximate: boolean;
}

/**
 * The date a sentence's relative expressions are resolved against: the article's publication,
 * or the revision that introduced the sentence. Either one known date or an interval.
 */
export type ReferenceDate =
  | { kind: 'known'; date: PartialDate }
  /** The date is only known to lie between two days (inclusive, YYYY-MM-DD); either end may be open. */
  | { kind: 'bounded'; after?: string; before?: string }
  | { kind: 'unknown' };

/** One temporal expression found in a sentence. */
export interface DateExpression {
  /** The expression as written. */
  text: string;
  /** Offset of `text` in the sentence (UTF-16 code units). */
  index: number;
  /** The resolved date, or null when it cannot be resolved honestly (see `reason`). */
  date: PartialDate | null;
  /** Why `date` is null. */
  reason?: string;
}

/** One sentence of an article, as segmented from the text of a block. */
export interface Sentence {
  /** Stable id: the same text in the same article keeps the same id across builds. */
  id: string;
  /** The verbatim sentence text (whitespace of the source collapsed to single spaces). */
  text: string;
  /** Index of the block (paragraph, heading, list item, …) the sentence sits in, in document order. */
  block: number;
  /** The kind of block: 'p', 'h2', 'li', 'blockquote', … */
  blockType: string;
  /** Id of the update block (`:::update`) the sentence sits in, if any. */
  update?: string;
  /** 1-based line of the block in the article body, when known (for messages). */
  line?: number;
}

/** A comparison topic of incident.yaml: one row of the comparison view. */
export interface Topic {
  id: string;
  question: string;
  /** Words and phrases that signal the topic; matched on stems. */
  cues: string[];
}

/** Names that refer to one speaker or party. */
export interface Actor {
  id: string;
  name: string;
  aliases: string[];
}

/** content/incident.yaml, validated. */
export interface IncidentDefinition {
  title: string;
  summary: string;
  topics: Topic[];
  actors: Actor[];
}

/** A sentence after date resolution: what the stages after segmentation work on. */
export interface DatedSentence extends Sentence {
  /** The date this sentence's relative expressions were resolved against. */
  reference: ReferenceDate;
  /** Temporal expressions found in the sentence, resolved or not. */
  dates: DateExpression[];
}

/** One article after the per-article pipeline: the input of every merge. */
export interface ArticleAnalysis {
  /** The source id (used in URLs: /sources/<id>/). */
  source: string;
  outlet: string;
  /** When the article was first published. */
  published: ReferenceDate;
  sentences: DatedSentence[];
}

/** One report of a happening, by one source, in one sentence. */
export interface EventMention {
  source: string;
  /** Id of the sentence on the source's page. */
  anchor: string;
  /** The verbatim sentence. */
  text: string;
  /** The temporal expression that dates the happening; absent for mentions anchored by the report date. */
  expression?: string;
  date: PartialDate;
}

/** One entry of the deduplicated timeline. */
export interface TimelineEvent {
  id: string;
  /** ISO 8601 cut to `precision`. */
  date: string;
  precision: Precision;
  approximate: boolean;
  /** A short label chosen from the mentions, never invented text. */
  summary: string;
  mentions: EventMention[];
  /** Present when sources give incompatible dates for this happening: each distinct date with the sources that give it. */
  dateConflict?: Array<{ date: string; precision: Precision; sources: string[] }>;
}

export type Stance = 'asserts' | 'denies' | 'hedges';

/** What one source said on one topic, in one sentence. */
export interface Claim {
  topic: string;
  source: string;
  text: string;
  anchor: string;
  /** Who the sentence attributes the statement to (an actor's name, a person, or the outlet itself when unattributed). */
  speaker?: string;
  /** The speaker's actor id when the speaker resolves to an actor of incident.yaml. */
  actor?: string;
  /** Position on the topic's question, for yes-or-no questions. */
  stance?: Stance;
}

/** One rendering of a quotation in one source. */
export interface QuoteMember {
  source: string;
  /** The sentence holding the quotation. */
  text: string;
  anchor: string;
  /** The quoted words as this source prints them. */
  quote: string;
}

/** The same quotation printed by one or more sources. */
export interface QuoteGroup {
  id: string;
  speaker?: string;
  /** The longest rendering. */
  text: string;
  members: QuoteMember[];
}

/** A primary source an article relies on ("via Reuters", "told the news agency ANP", "in a statement"). */
export interface Citation {
  source: string;
  /** The cited party as written ("Reuters", "DR", "a statement"). */
  cites: string;
  /** Normalised key for counting distinct primary sources. */
  key: string;
  /** How it was cited: 'via', 'according-to', 'told', 'statement', 'email', 'report'. */
  kind: string;
  anchor: string;
  text: string;
}
