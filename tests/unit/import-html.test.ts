import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { importArticle } from '../../src/pipeline/import/import-article.ts';
import { ImportError } from '../../src/pipeline/import/import-error.ts';
import { importHtml } from '../../src/pipeline/import/import-html.ts';
import { toContentFile } from '../../src/pipeline/import/to-content-file.ts';
import type { ImportOverrides } from '../../src/pipeline/import/types.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';

/**
 * Fixture folders hold an invented news page (`input.html`), optionally the options a person would
 * give (`overrides.json`), and the content file it must import to (`expected.md`). Run with
 * UPDATE=1 to write `expected.md` from the current output.
 */

const FIXTURES = path.resolve('tests', 'fixtures', 'import');
const fixtures = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'input.html')));

function importFixture(name: string) {
  const dir = path.join(FIXTURES, name);
  const overridesFile = path.join(dir, 'overrides.json');
  const overrides = existsSync(overridesFile) ? (JSON.parse(readFileSync(overridesFile, 'utf8')) as ImportOverrides) : {};
  const article = importArticle({ name: 'input.html', content: readFileSync(path.join(dir, 'input.html'), 'utf8'), overrides });
  return { article, file: toContentFile(article.frontmatter, article.body, article.notes) };
}

describe('importHtml fixtures', () => {
  test.each(fixtures)('%s imports to expected.md', (name) => {
    const { file } = importFixture(name);
    const expected = path.join(FIXTURES, name, 'expected.md');
    if (process.env['UPDATE']) writeFileSync(expected, file);
    expect(file).toBe(readFileSync(expected, 'utf8'));
  });

  test.each(fixtures)('%s gives a content file that validates and renders', (name) => {
    const { file } = importFixture(name);
    const problems: ContentProblem[] = [];
    const source = parseArticleFile(file, `${name}.md`, `${name}.md`, problems);
    expect(problems).toEqual([]);
    const processed = processArticle(source!);
    expect(processed.sentences.length).toBeGreaterThan(3);
    expect(processed.html).not.toContain('<img');
  });
});

describe('importHtml', () => {
  test('fills the frontmatter from JSON-LD, Open Graph and the canonical link', () => {
    const { article } = importFixture('full-news-page');
    expect(article.frontmatter).toEqual({
      title: 'Millbrook spillway cracks force evacuation of 1,200 homes',
      outlet: 'The Tarn Valley Courier',
      url: 'https://www.tarnvalleycourier.example/news/2024/05/10/millbrook-spillway-cracks-evacuation',
      published: '2024-05-10T07:45+02:00',
      updated: [{ at: '2024-05-10T16:20' }],
      author: 'Ellen Marsh, Tomas Reyes',
      language: 'en-GB',
    });
  });

  test('keeps links, quotes, lists and headings as Markdown', () => {
    const { article } = importFixture('full-news-page');
    expect(article.body).toContain('[Tarn Valley Water Board](https://www.tarnvalley-water.example/notices/millbrook)');
    expect(article.body).toContain('> “There is no immediate danger of the dam failing');
    expect(article.body).toContain('- Fenwick Leisure Centre, Mill Road\n- St Anne\'s Church Hall, Lower Millbrook');
    expect(article.body).toContain('## What residents need to know');
  });

  test('puts back the standfirst that Readability leaves out with the article header', () => {
    const { article } = importFixture('full-news-page');
    expect(article.body.startsWith('Engineers found two cracks in the concrete spillway')).toBe(true);
  });

  test('reports navigation, comments, related links and ads with the reason', () => {
    const { article } = importFixture('full-news-page');
    const reasonOf = (text: string) => article.removals.find((removal) => removal.text.startsWith(text))?.reason;
    expect(reasonOf('Sport')).toBe('outside the article: navigation or page header');
    expect(reasonOf('My parents live in Fenwick')).toBe('outside the article: reader comments');
    expect(reasonOf('Millbrook dam upgrade finished')).toBe('outside the article: links to other stories');
    expect(reasonOf('Advertisement')).toBe('advertisement');
    expect(reasonOf('Also read: Reservoir levels')).toBe('promotion of another story');
    expect(reasonOf('© 2024 The Tarn Valley Courier')).toBe('outside the article: page footer');
  });

  test('wraps an update the article prints in an update block dated by its marker', () => {
    const { article } = importFixture('full-news-page');
    expect(article.body).toContain(':::update[Update, May 10, 2024 (4:20PM):]{at=2024-05-10T16:20}\nThe water board said on Friday afternoon');
  });

  test('cleans clutter that Readability keeps inside the article container', () => {
    const { article } = importFixture('clutter-inside-article');
    const reasons = Object.fromEntries(article.removals.map((removal) => [removal.text.slice(0, 24), removal.reason]));
    expect(reasons['Affiliate links on Fenla']).toBe('affiliate disclosure');
    expect(reasons['Related']).toBe('heading of a box of other stories');
    expect(reasons['Водный совет заявил, что']).toBe('written in Cyrillic script, the article in Latin');
    expect(reasons['Good to hear it was not ']).toMatch(/^reader comments/);
    expect(article.body).toContain('Repairs to the spillway will take about six weeks');
    expect(article.frontmatter).toMatchObject({ outlet: 'Fenland Gazette', author: 'Sam Okafor', published: '2024-05-11' });
  });

  test('leaves what the page does not state unknown, with warnings', () => {
    const { article } = importFixture('undated-blog-post');
    expect(article.frontmatter.published).toBe('unknown');
    expect(article.frontmatter).not.toHaveProperty('url');
    expect(article.warnings).toContain('published: the page states no date; written as `published: unknown` (set --published)');
    expect(article.warnings.some((warning) => warning.includes('“Update:” states no date'))).toBe(true);
    expect(article.body).toContain('Update: The council has since told residents');
  });

  test('fails with an import error on a page without article text', () => {
    expect(() => importHtml('<html><head><title>Empty</title></head><body><nav><a href="/">Home</a></nav></body></html>')).toThrow(ImportError);
  });
});
