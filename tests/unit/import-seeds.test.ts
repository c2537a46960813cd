import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { importArticle } from '../../src/pipeline/import/import-article.ts';
import { toContentFile } from '../../src/pipeline/import/to-content-file.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';
import { segmentSentences } from '../../src/pipeline/segment-sentences.ts';

/**
 * The five saved pages the default content was cleaned from by hand: importing them must give back
 * the committed article bodies, measured sentence by sentence.
 */

const SEEDS = path.resolve('..', 'shared', 'seeds');
const ARTICLES = path.resolve('content', 'articles');
const MINIMUM = 0.98;

interface Seed {
  file: string;
  outlet: string;
  url?: string;
}

/** The table of SOURCES.md: | file | outlet | original URL | published |. */
function seeds(): Seed[] {
  const table = readFileSync(path.join(SEEDS, 'SOURCES.md'), 'utf8');
  return [...table.matchAll(/^\|\s*(\S+\.txt)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/gm)].map(([, file = '', outlet = '', url = '']) => ({
    file,
    outlet,
    ...(/^https?:\/\//.test(url) ? { url } : {}),
  }));
}

/** The plain text of every text block of a body (paragraphs, headings, list items), directive labels left out. */
function blockTexts(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
  const texts: string[] = [];
  const walk = (node: RootContent | Root) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (!(node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) texts.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as RootContent);
  };
  walk(tree);
  return texts;
}

function sentences(markdown: string): string[] {
  return blockTexts(markdown).flatMap((text) => segmentSentences(text).map((span) => span.text.replace(/\s+/g, ' ')));
}

/** Sentences found in both, counting each repeat once per side. */
function matched(imported: string[], committed: string[]): number {
  const pool = new Map<string, number>();
  for (const sentence of committed) pool.set(sentence, (pool.get(sentence) ?? 0) + 1);
  let count = 0;
  for (const sentence of imported) {
    const left = pool.get(sentence) ?? 0;
    if (left > 0) {
      count++;
      pool.set(sentence, left - 1);
    }
  }
  return count;
}

function committedBodies(): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const name of readdirSync(ARTICLES).filter((file) => file.endsWith('.md'))) {
    const problems: ContentProblem[] = [];
    const article = parseArticleFile(readFileSync(path.join(ARTICLES, name), 'utf8'), name, name, problems);
    if (article) bodies.set(article.frontmatter.outlet, article.body);
  }
  return bodies;
}

describe('importing the saved seed pages', () => {
  test('the seeds are where CI keeps them', () => {
    expect(existsSync(path.join(SEEDS, 'SOURCES.md')), `expected the seed pages in ${SEEDS}`).toBe(true);
    expect(seeds()).toHaveLength(5);
  });

  test(`reproduces the committed article bodies with sentence precision and recall of at least ${MINIMUM}`, () => {
    const bodies = committedBodies();
    let found = 0;
    let expected = 0;
    let correct = 0;
    const lines: string[] = [];
    for (const seed of seeds()) {
      const committed = bodies.get(seed.outlet);
      expect(committed, `a committed article of ${seed.outlet}`).toBeDefined();
      const article = importArticle({
        name: seed.file,
        content: readFileSync(path.join(SEEDS, seed.file), 'utf8'),
        overrides: { outlet: seed.outlet, ...(seed.url ? { url: seed.url } : {}) },
      });
      const mine = sentences(article.body);
      const theirs = sentences(committed ?? '');
      const both = matched(mine, theirs);
      found += mine.length;
      expected += theirs.length;
      correct += both;
      lines.push(
        `${seed.outlet.padEnd(18)} precision ${(both / mine.length).toFixed(3)} (${both}/${mine.length})  recall ${(both / theirs.length).toFixed(3)} (${both}/${theirs.length})`,
      );
    }
    const precision = correct / found;
    const recall = correct / expected;
    lines.push(`${'all seeds'.padEnd(18)} precision ${precision.toFixed(3)} (${correct}/${found})  recall ${recall.toFixed(3)} (${correct}/${expected})`);
    console.log(`Sentence-level agreement of imported and committed bodies:\n${lines.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(MINIMUM);
    expect(recall).toBeGreaterThanOrEqual(MINIMUM);
  });

  test('every imported seed is a valid content file that renders', () => {
    for (const seed of seeds()) {
      const article = importArticle({ name: seed.file, content: readFileSync(path.join(SEEDS, seed.file), 'utf8'), overrides: { outlet: seed.outlet } });
      const problems: ContentProblem[] = [];
      const source = parseArticleFile(toContentFile(article.frontmatter, article.body, article.notes), `${seed.file}.md`, 'seed.md', problems);
      expect(problems).toEqual([]);
      expect(source).toBeDefined();
      const processed = processArticle(source!);
      expect(processed.sentences.length).toBeGreaterThan(0);
      expect(processed.messages.filter((message) => message.ruleId === 'empty-article')).toEqual([]);
    }
  });

  test('reads the bylines, publication lines and update markers of the seeds into the metadata', () => {
    const byOutlet = new Map(seeds().map((seed) => [seed.outlet, importArticle({ name: seed.file, content: readFileSync(path.join(SEEDS, seed.file), 'utf8') })]));
    expect(byOutlet.get('GSMArena')?.frontmatter).toMatchObject({ author: 'Ro', published: '2019-03-22', updated: [{ at: '2019-03-23' }] });
    expect(byOutlet.get('Android Authority')?.frontmatter).toMatchObject({ published: '2019-03-21T08:35', updated: [{ at: '2019-03-22T01:50' }] });
    expect(byOutlet.get('BGR India')?.frontmatter.published).toBe('2019-03-22T12:17+05:30');
    expect(byOutlet.get('NewsBytes')?.frontmatter.published).toBe('unknown');
    expect(byOutlet.get('Gizmochina')?.frontmatter.published).toBe('unknown');
    expect(byOutlet.get('GSMArena')?.body).toContain(':::update[Update March 23:]{at=2019-03-23}\n');
    expect(byOutlet.get('Android Authority')?.body).toContain(':::original[Original article, March 21, 2019 (8:35AM):]\n');
  });
});
