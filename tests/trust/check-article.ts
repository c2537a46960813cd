/**
 * The promises every article must keep, whatever its content: it either renders to inert HTML that
 * keeps all of its prose under sentence anchors, or it fails with a ContentError that names the
 * file (and the field, where there is one) without a stack trace.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remove } from 'unist-util-remove';
import { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../../src/pipeline/content-error.ts';
import { processArticle, type ProcessedArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile, type ArticleSource } from '../../src/pipeline/read-content.ts';
import remarkRevisions from '../../src/pipeline/remark-revisions.ts';
import { dangersIn, foreignIds, normalizeSpace, sentenceCoverage, squash } from './inspect-html.ts';

export type Outcome =
  | { kind: 'rendered'; article: ProcessedArticle; source: ArticleSource }
  | { kind: 'rejected'; problems: ContentProblem[]; message: string };

/** Reads and renders one article file's text as the build does; any error other than a ContentError escapes. */
export function runArticle(text: string, name: string): Outcome {
  const file = `articles/${name}.md`;
  const problems: ContentProblem[] = [];
  const source = parseArticleFile(text, file, `${name}.md`, problems);
  if (!source) return { kind: 'rejected', problems, message: new ContentError(problems).message };
  try {
    return { kind: 'rendered', article: processArticle(source), source };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { kind: 'rejected', problems: error.problems, message: error.message };
  }
}

/**
 * The article's text as the browser would see it before sanitizing, less what sanitizing is meant to
 * remove (the content of script and style elements, which no browser shows): it must drop no other text.
 */
export function unsanitizedText(source: ArticleSource): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkRevisions, { updates: source.frontmatter.updated.map((update) => update.at) })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  const file = new VFile({ path: source.file, value: source.body });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  remove(tree, (node) => node.type === 'element' && ['script', 'style'].includes((node as Element).tagName));
  return toString(tree);
}

/** Text of the rendered article without the "#" sentence links the pipeline adds. */
export function renderedText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  remove(tree, (node) => {
    if (node.type !== 'element') return false;
    const classes = ([] as unknown[]).concat((node as Element).properties['className'] ?? []);
    return classes.includes('s-link') || classes.includes('article-image');
  });
  return toString(tree);
}

/** Every broken promise of a rendered article, as readable lines (empty when it keeps them all). */
export function brokenPromises(outcome: Extract<Outcome, { kind: 'rendered' }>): string[] {
  const { article, source } = outcome;
  const broken: string[] = [];
  for (const danger of dangersIn(article.html)) broken.push(`${danger.what}: ${danger.where}`);
  for (const id of foreignIds(article.html)) broken.push(`an id or name the pipeline did not place: ${id}`);

  const coverage = sentenceCoverage(article.html);
  for (const text of coverage.outside) broken.push(`text outside every sentence: ${JSON.stringify(text.slice(0, 80))}`);
  const ids = new Set<string>();
  for (const sentence of article.sentences) {
    if (ids.has(sentence.id)) broken.push(`a repeated sentence id: ${sentence.id}`);
    ids.add(sentence.id);
    if (!coverage.ids.has(sentence.id)) broken.push(`a sentence without its anchor: ${sentence.id}`);
    const shown = normalizeSpace(coverage.pieces.get(sentence.id) ?? '');
    if (shown !== sentence.text) broken.push(`sentence ${sentence.id} shows ${JSON.stringify(shown.slice(0, 80))}, not ${JSON.stringify(sentence.text.slice(0, 80))}`);
  }
  for (const id of coverage.pieces.keys()) if (!ids.has(id)) broken.push(`an anchored span that is no sentence: ${id}`);

  const before = squash(unsanitizedText(source));
  const after = squash(renderedText(article.html));
  if (before !== after) {
    let at = 0;
    while (at < before.length && before[at] === after[at]) at++;
    broken.push(`text changed at ${at}: before ${JSON.stringify(before.slice(at, at + 60))}, after ${JSON.stringify(after.slice(at, at + 60))}`);
  }
  return broken;
}

/** Every way a rejection falls short of a clear content error: no file, no message, a stack trace. */
export function unclearRejection(outcome: Extract<Outcome, { kind: 'rejected' }>, file: string): string[] {
  const unclear: string[] = [];
  if (!outcome.problems.length) unclear.push('rejected without naming a problem');
  for (const problem of outcome.problems) {
    if (problem.file !== file) unclear.push(`names ${problem.file}, not ${file}`);
    if (problem.message.trim().length < 10) unclear.push(`says too little: ${JSON.stringify(problem.message)}`);
  }
  if (/^\s+at .+:\d+:\d+\)?$/m.test(outcome.message)) unclear.push('prints a stack trace');
  return unclear;
}
