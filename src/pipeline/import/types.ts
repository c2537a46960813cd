import type { RootContent } from 'mdast';
import type { PublishedValue } from '../schema.ts';

/**
 * Shared shapes of the importer: a saved page (HTML or plain text) becomes blocks, the blocks are
 * sorted into article text and clutter, and the article text becomes a content file.
 */

/** One block of the input: a line of a text file, or a top-level block of converted HTML. */
export interface InputBlock {
  /** 1-based line in the input text, or the block's number in the article found in an HTML page. */
  line: number;
  /** Blocks of one group are not separated by a blank line (text); every HTML block is its own group. */
  group: number;
  /** The block's plain text, whitespace collapsed; what every signal is computed on. */
  text: string;
  /** The converted Markdown node (HTML input); text input has none and becomes a paragraph or heading. */
  node?: RootContent;
}

/** A block the importer left out of the article, with the reason, so a person can review it. */
export interface Removal {
  /** Where the block was: "line 14" of a text page; "block 3" or "article" of an HTML page's article, "page" outside it. */
  place: string;
  /** The block's text, abbreviated. */
  text: string;
  reason: string;
}

/** A date the page states, with where it was found. */
export interface StatedDate {
  /** ISO 8601 at the precision stated: 2019, 2019-03, 2019-03-22, 2019-03-22T12:17, 2019-03-22T12:17+05:30. */
  value: string;
  /** Where the date was read, for the report ("line 3", "JSON-LD datePublished"). */
  from: string;
}

/** What the page states about itself; a field is absent when the page does not state it. */
export interface DetectedMetadata {
  title?: string;
  outlet?: string;
  url?: string;
  published?: StatedDate;
  /** Revisions, oldest first; `at` values are unique. */
  updated: StatedDate[];
  author?: string;
  language?: string;
}

/** The result of importing one page, before flags override the metadata. */
export interface ImportedPage {
  metadata: DetectedMetadata;
  /** The article's text as Markdown in the content format (revision blocks included). */
  body: string;
  removals: Removal[];
  /** Things a person should check: conflicting dates, markers that could not be dated, … */
  warnings: string[];
}

/** Metadata given by the person importing, which wins over what the page states. */
export interface ImportOverrides {
  title?: string;
  outlet?: string;
  url?: string;
  published?: PublishedValue;
  author?: string;
}
