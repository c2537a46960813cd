import { Readability } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { parseHTML } from 'linkedom';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isProse } from './block-signals.ts';
import { buildBody } from './build-body.ts';
import { choosePublished } from './choose-published.ts';
import { abbreviate, cleanBlocks } from './clean-blocks.ts';
import { extractMetadata } from './extract-metadata.ts';
import { ImportError } from './import-error.ts';
import { recognizeMetaLine } from './recognize-meta-line.ts';
import { mergeUpdates } from './merge-updates.ts';
import type { DetectedMetadata, ImportedPage, InputBlock, Removal, StatedDate } from './types.ts';
import { wrapRevisions } from './wrap-revisions.ts';

/**
 * Imports a saved HTML page: Readability finds the article in a linkedom DOM, rehype-parse →
 * rehype-remark turn it into Markdown (links, quotes, lists and headings kept), the page's
 * metadata fills the frontmatter, and the same clutter signals as for text pages clean what
 * Readability kept. Text of the page that is not in the article is reported as removed.
 */

export interface ImportHtmlOptions {
  /** The publication date given by the person importing; dates without a year take it (default none). */
  reference?: string;
}

/** Elements whose text is a block of their own, for listing what the page held besides the article. */
const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th, caption, pre, address, summary';
/** Page regions named by their element, role, class or id, to say why their text is not article text. */
const REGIONS: Array<[selector: string, reason: string]> = [
  ['nav, [role="navigation"], header, [role="banner"]', 'navigation or page header'],
  ['footer, [role="contentinfo"]', 'page footer'],
  ['[class*="comment" i], [id*="comment" i]', 'reader comments'],
  ['[class*="related" i], [id*="related" i], [class*="recommend" i], [class*="popular" i], [class*="trending" i]', 'links to other stories'],
  ['[class*="share" i], [class*="social" i]', 'share buttons'],
  ['[class~="ad" i], [class^="ad-" i], [class*=" ad-" i], [id^="ad-" i], [class*="advert" i], [class*="sponsor" i], [class*="promo" i]', 'advertisement or promotion'],
  ['aside, [role="complementary"]', 'sidebar'],
];
/** Elements that carry no text of the article. */
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas', 'object', 'embed', 'source']);
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'button', 'input', 'select', 'textarea']);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text blocks of the whole page that do not appear in the article, with the region they sat in. */
function outsideArticle(document: Document, articleText: string, title: string | undefined): Removal[] {
  const removals: Removal[] = [];
  const article = collapse(articleText);
  const seen = new Set<string>();
  for (const element of document.querySelectorAll(BLOCK_SELECTOR)) {
    if (element.querySelector(BLOCK_SELECTOR) || element.closest('script, style, noscript, template')) continue;
    const text = collapse(element.textContent ?? '');
    if (!text || article.includes(text) || seen.has(text)) continue;
    seen.add(text);
    if (title && text === collapse(title)) {
      removals.push({ place: 'page', text: abbreviate(text), reason: 'headline (read into the metadata)' });
      continue;
    }
    const region = REGIONS.find(([selector]) => element.closest(selector))?.[1] ?? 'not part of the article Readability found';
    removals.push({ place: 'page', text: abbreviate(text), reason: `outside the article: ${region}` });
  }
  return removals;
}

function containsMedia(node: HastElement): boolean {
  return node.children.some((child) => child.type === 'element' && (MEDIA.has(child.tagName) || containsMedia(child)));
}

/** Images, embeds and tables leave the text: the content format holds text, and no tables. */
function stripNonText(tree: HastRoot, base: string | undefined): Removal[] {
  const removals: Removal[] = [];
  visit(tree, 'element', (node: HastElement, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const tag = node.tagName;
    if (MEDIA.has(tag) || DROPPED.has(tag) || (tag === 'figure' && containsMedia(node)) || tag === 'table') {
      const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
      const text = collapse(hastToString(node)) || alt;
      if (text || tag === 'table' || tag === 'figure') {
        const reason = tag === 'table' ? 'table (the content format has no tables): add it by hand if it matters' : tag === 'figure' ? 'figure with its caption' : `${tag} element`;
        removals.push({ place: 'article', text: abbreviate(text || `<${tag}>`), reason });
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (tag === 'a' && base && typeof node.properties['href'] === 'string') {
      try {
        node.properties['href'] = new URL(node.properties['href'], base).href;
      } catch {
        // An address that does not parse stays as the page wrote it.
      }
    }
    return undefined;
  });
  return removals;
}

/**
 * Readability drops the standfirst when it sits in the article's header. Paragraphs that read as
 * sentences between the headline and the article's first paragraph are put back in front of it.
 */
function standfirst(document: Document, title: string | undefined, firstText: string | undefined): RootContent[] {
  if (!title || !firstText) return [];
  const leaves = [...document.querySelectorAll(BLOCK_SELECTOR)].filter((element) => !element.querySelector(BLOCK_SELECTOR));
  const texts = leaves.map((element) => collapse(element.textContent ?? ''));
  const headline = texts.findIndex((text) => text === collapse(title));
  const first = texts.findIndex((text, index) => index > headline && text === firstText);
  if (headline < 0 || first < 0) return [];
  // A caption or a menu between headline and text can read as a sentence too; it is no standfirst.
  const aside = (element: Element) => element.closest('figure, figcaption, nav, aside, footer, [role="navigation"], [role="complementary"]') !== null;
  return texts
    .slice(headline + 1, first)
    .filter((text, offset) => !aside(leaves[headline + 1 + offset]!) && isProse(text) && !recognizeMetaLine(text))
    .map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] }));
}

/** The plain text of a block; the items of a list or the paragraphs of a quote are kept apart by a space. */
function blockText(node: RootContent): string {
  if ('children' in node && node.children.some((child) => child.type === 'listItem' || child.type === 'paragraph' || child.type === 'list')) {
    return collapse((node.children as RootContent[]).map(blockText).join(' '));
  }
  return collapse(mdastToString(node));
}

function toBlocks(tree: MdastRoot): InputBlock[] {
  return tree.children
    .filter((node) => node.type !== 'thematicBreak' && node.type !== 'html' && blockText(node) !== '')
    .map((node, index) => ({ line: index + 1, group: index, text: blockText(node), node }));
}

function fromMeta(findings: ReturnType<typeof cleanBlocks>['meta'], kind: string): StatedDate | undefined {
  const finding = findings.find((item) => item.meta.kind === kind && 'date' in item.meta && item.meta.date);
  return finding && 'date' in finding.meta && finding.meta.date ? { value: finding.meta.date, from: `article block ${finding.line}: “${finding.text}”` } : undefined;
}

export function importHtml(html: string, options: ImportHtmlOptions = {}): ImportedPage {
  const page = parseHTML(html).document as unknown as Document;
  const { metadata: stated, warnings } = extractMetadata(page);
  const readerDocument = parseHTML(html).document as unknown as Document;
  const article = new Readability(readerDocument, { keepClasses: false }).parse();
  if (!article?.content) throw new ImportError('holds no article: Readability found no block of text in the page');

  const hast = unified().use(rehypeParse, { fragment: true }).parse(article.content);
  const stripped = stripNonText(hast, stated.url);
  const mdast = unified().use(rehypeRemark).runSync(hast) as MdastRoot;
  const firstText = mdast.children.map((node) => collapse(mdastToString(node))).find((text) => isProse(text));
  const rescued = standfirst(page, stated.title, firstText);
  mdast.children.unshift(...rescued);
  const blocks = toBlocks(mdast);
  const published = stated.published?.value;
  const reference = options.reference ?? published;
  const cleaned = cleanBlocks(blocks, {
    layout: 'structured',
    unit: 'block',
    ...(stated.title ? { title: stated.title } : {}),
    ...(reference ? { reference } : {}),
  });
  if (!cleaned.kept.length) throw new ImportError('holds no article text: the article Readability found is empty once clutter is removed');
  const wrapped = wrapRevisions(cleaned.kept, { unit: 'block', ...(reference ? { reference } : {}) });

  const chosen = choosePublished([wrapped.original, stated.published, fromMeta(cleaned.meta, 'published'), fromMeta(cleaned.meta, 'byline')]);
  const updateLine = fromMeta(cleaned.meta, 'updated');
  const updated = mergeUpdates(wrapped.updates, [...stated.updated, ...(updateLine ? [updateLine] : [])]);
  const byline = cleaned.meta.find((finding) => finding.meta.kind === 'byline');
  const metadata: DetectedMetadata = {
    ...stated,
    ...(chosen.published ? { published: chosen.published } : {}),
    updated,
    ...(!stated.author && byline?.meta.kind === 'byline' ? { author: byline.meta.author } : {}),
  };
  return {
    metadata,
    body: buildBody(wrapped.sections),
    removals: [...outsideArticle(page, [article.textContent ?? '', ...rescued.map((node) => mdastToString(node))].join(' '), stated.title), ...stripped, ...cleaned.removals],
    warnings: [...warnings, ...chosen.warnings, ...wrapped.warnings],
  };
}
