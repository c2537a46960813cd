import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified, type Processor } from 'unified';

/** CommonMark with directives, as remark-parse and remark-directive read it: no GFM, no frontmatter (read-content.ts strips it). */
const NATIVE_OPTIONS = { features: { gfm: false, frontmatter: false, directive: true } } as const;

/** The reference parser: micromark, through remark-parse and remark-directive. */
const reference = unified().use(remarkParse).use(remarkDirective);

/**
 * Where the native parser is not known to give the reference parser's tree, and the pipeline
 * would show it: block directives (`:::update` revisions, `::name` lines), whose edge cases the
 * two read differently (a `:::name}` line is a block to one, text to the other), and NUL
 * characters, which micromark replaces and the native parser does not. Text directives
 * (`:name[label]`) may differ in where they end, but remark-revisions puts every one back as the
 * text it was written as, so the article reads the same.
 */
const NEEDS_REFERENCE = /::|\0/;

/** Whether `markdown` is read by the reference parser rather than the native one. */
export function needsReferenceParser(markdown: string): boolean {
  return NEEDS_REFERENCE.test(markdown);
}

/** The mdast tree of an article's Markdown body, with positions, as remark-parse and remark-directive read it. */
export function parseMarkdown(markdown: string): Root {
  return needsReferenceParser(markdown) ? (reference.parse(markdown) as Root) : (markdownToMdast(markdown, NATIVE_OPTIONS) as Root);
}

/** The same, through the reference parser alone (for tests that compare the two). */
export function parseMarkdownReference(markdown: string): Root {
  return reference.parse(markdown) as Root;
}

/**
 * A unified parser plugin: Markdown to mdast with satteri, the native (Rust) CommonMark parser
 * Astro itself renders Markdown with, about six times as fast as micromark (parsing 1 000
 * generated articles and walking their trees: 0.08 s against 0.5 s of CPU). It gives the
 * reference parser's tree, positions included, on every example of the CommonMark specification,
 * on the default content, on generated coverage and on generated news prose
 * (tests/unit/parse-markdown.test.ts). On contrived input the two can mark text up differently
 * (emphasis beside characters outside the Basic Multilingual Plane, a tab ending a paragraph, a
 * text directive whose name starts with a character that is not a letter, which the native parser
 * reads as text); neither drops the text.
 */
export default function remarkParseMarkdown(this: Processor) {
  // unified calls the parser with the file's text.
  this.parser = (document: string) => parseMarkdown(document);
}
