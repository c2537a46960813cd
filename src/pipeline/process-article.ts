import type { ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { ContentError, type ContentProblem } from './content-error.ts';
import { publishedIso, referenceFromPublished, toPartialDate } from './partial-date.ts';
import { withoutStack, type ArticleSource } from './read-content.ts';
import remarkParseMarkdown from './parse-markdown.ts';
import rehypeArticleLinks from './rehype-article-links.ts';
import rehypeSentenceAnchors from './rehype-sentence-anchors.ts';
import remarkRevisions from './remark-revisions.ts';
import { chainRelativeDates } from './chain-relative-dates.ts';
import { datesResolver } from './resolve-dates.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import type { ArticleAnalysis, DateExpression, DatedSentence, ReferenceDate, Sentence } from './types.ts';
import type { ArticleFrontmatter } from './schema.ts';

/** A message about the content that a person should review; the build goes on. */
export interface ContentMessage {
  file: string;
  line?: number;
  column?: number;
  ruleId: string;
  reason: string;
}

/** One article after the per-article pipeline. */
export interface ProcessedArticle extends ArticleAnalysis {
  file: string;
  frontmatter: ArticleFrontmatter;
  /** Sanitized article HTML with an anchor on every sentence. */
  html: string;
  messages: ContentMessage[];
}

/** Phrasing elements, and only when all they hold is phrasing too, may be wrapped in a paragraph. */
const PHRASING = new Set('a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr'.split(' '));

const isPhrasing = (node: RootContent): boolean =>
  node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName) && node.children.every(isPhrasing));

/**
 * Raw HTML blocks and the elements the sanitizer unwraps (`<div>a</div> b`, `<Warning>`) can leave
 * text loose at the root, where sentence anchors never look; a paragraph of its own gives it anchors.
 */
function rehypeWrapLooseText() {
  return function transform(tree: Root) {
    const children: RootContent[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.some((node) => node.type !== 'text' || node.value.trim())) children.push({ type: 'element', tagName: 'p', properties: {}, children: run });
      else children.push(...run);
      run = [];
    };
    for (const child of tree.children) {
      if (isPhrasing(child)) run.push(child as ElementContent);
      else {
        flush();
        children.push(child);
      }
    }
    flush();
    tree.children = children;
  };
}

/**
 * rehype-raw, where the tree holds raw HTML. Most articles hold none: for them an HTML parser
 * would only cost time (7 % of this pipeline over the bench corpus), drop the first newline of a
 * code block and lose the lines of nested list items.
 */
function rehypeRawWhereNeeded(this: Processor) {
  const parseRaw = rehypeRaw.call(this);
  return (tree: Root, file: VFile) => (hasRaw(tree) ? parseRaw(tree, file) : undefined);
}

function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}

function processor(article: ArticleSource) {
  return unified()
    .use(remarkParseMarkdown)
    .use(remarkRevisions, { updates: article.frontmatter.updated.map((update) => update.at) })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhereNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeWrapLooseText)
    .use(rehypeSentenceAnchors, { locale: article.frontmatter.language })
    .use(rehypeArticleLinks, { base: article.frontmatter.url })
    .use(rehypeStringify);
}

/**
 * Runs the per-article pipeline: Markdown → sanitized HTML with sentence anchors → sentences
 * with their dates resolved against the publication or the revision that introduced them.
 * Throws a ContentError when the article cannot be rendered faithfully.
 */
export function processArticle(article: ArticleSource): ProcessedArticle {
  const file = new VFile({ path: article.file, value: article.body });
  const tree = processor(article);
  let html: string;
  try {
    html = String(tree.processSync(file));
  } catch (error) {
    throw withoutStack(new ContentError([{ file: article.file, message: `could not be rendered: ${error instanceof Error ? error.message : String(error)}` }]));
  }
  const lineShift = article.bodyLine - 1;
  const fatal: ContentProblem[] = file.messages
    .filter((message) => message.fatal)
    .map((message) => ({ file: article.file, ...(message.line ? { line: message.line + lineShift } : {}), message: message.reason }));
  if (fatal.length) throw withoutStack(new ContentError(fatal));

  const published = referenceFromPublished(article.frontmatter.published);
  const revisions = new Map<string, ReferenceDate>(
    article.frontmatter.updated.map((update) => [update.at, { kind: 'known', date: toPartialDate(update.at) }]),
  );
  const messages: ContentMessage[] = file.messages
    .filter((message) => !message.fatal && message.ruleId)
    .map((message) => ({
      file: article.file,
      ...(message.line ? { line: message.line + lineShift } : {}),
      ...(message.column ? { column: message.column } : {}),
      ruleId: message.ruleId ?? 'article',
      reason: message.reason,
    }));
  // Every sentence is dated against one of a few references; each is read once, not once per sentence.
  const resolvers = new Map<ReferenceDate, (text: string) => DateExpression[]>();
  const resolverFor = (reference: ReferenceDate) => {
    let resolve = resolvers.get(reference);
    if (!resolve) {
      resolve = datesResolver(reference);
      resolvers.set(reference, resolve);
    }
    return resolve;
  };
  // A duration counted from an earlier sentence's date ("A week later") is dated once every sentence has its own dates.
  const sentences: DatedSentence[] = chainRelativeDates(
    ((file.data['sentences'] as Sentence[] | undefined) ?? []).map((sentence) => {
      const reference = (sentence.update && revisions.get(sentence.update)) || published;
      return { ...sentence, reference, dates: resolverFor(reference)(sentence.text) };
    }),
  );
  for (const sentence of sentences) {
    for (const expression of sentence.dates) {
      if (expression.date) continue;
      messages.push({
        file: article.file,
        ...(sentence.line ? { line: sentence.line + lineShift } : {}),
        ruleId: 'unresolved-date',
        reason: `“${expression.text}” cannot be dated: ${expression.reason ?? 'no reference date'} (sentence ${sentence.id})`,
      });
    }
  }
  if (!sentences.length) {
    messages.push({ file: article.file, ruleId: 'empty-article', reason: 'has no text: the source page shows only its metadata' });
  }
  return {
    source: article.id,
    outlet: article.frontmatter.outlet,
    published,
    sentences,
    file: article.file,
    frontmatter: article.frontmatter,
    html,
    messages,
  };
}

export { publishedIso };
