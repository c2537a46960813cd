import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remove } from 'unist-util-remove';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadIncident, type LoadedIncident } from '../../src/pipeline/load-incident.ts';

const contentDir = path.resolve('content');
const outDir = mkdtempSync(path.join(tmpdir(), 'parallax-dist-'));
let loaded: LoadedIncident;

const squash = (text: string) => text.replace(/\s+/g, '');

function sentencePieces(tree: Root): Map<string, string> {
  const pieces = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['dataS'];
    if (typeof id !== 'string') return;
    pieces.set(id, (pieces.get(id) ?? '') + toString(node));
  });
  return pieces;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--silent'], {
    env: { ...process.env, PARALLAX_CONTENT: contentDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  loaded = loadIncident(contentDir);
}, 180_000);

describe('the built site', () => {
  test('has a page for every article of the content folder', () => {
    expect(loaded.articles.length).toBeGreaterThan(0);
    for (const article of loaded.articles) {
      expect(() => readFileSync(path.join(outDir, 'sources', article.source, 'index.html'))).not.toThrow();
    }
  });

  test('shows every sentence of every article on its source page, under its anchor', () => {
    for (const article of loaded.articles) {
      const tree = fromHtml(readFileSync(path.join(outDir, 'sources', article.source, 'index.html'), 'utf8'));
      const ids = new Set<string>();
      visit(tree, 'element', (node: Element) => {
        if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
      });
      const pieces = sentencePieces(tree);
      expect(article.sentences.length, article.file).toBeGreaterThan(0);
      for (const sentence of article.sentences) {
        expect(ids.has(sentence.id), `${article.file}: anchor ${sentence.id}`).toBe(true);
        expect(pieces.get(sentence.id)?.replace(/\s+/g, ' ').trim(), `${article.file}: ${sentence.id}`).toBe(sentence.text);
      }
      expect(pieces.size).toBe(article.sentences.length);
    }
  });

  test('loses no text between the Markdown body and the sentences', () => {
    for (const article of loaded.articles) {
      const markdown = readFileSync(article.file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
      const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown);
      // Revision labels are shown as labels, not sentences.
      remove(tree, (node) => (node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true);
      const prose = mdastToString(tree, { includeHtml: false });
      expect(squash(article.sentences.map((s) => s.text).join(' ')), article.file).toBe(squash(prose));
    }
  });

  test('serves the incident JSON of the CLI', () => {
    const served = JSON.parse(readFileSync(path.join(outDir, 'incident.json'), 'utf8'));
    expect(served).toEqual(JSON.parse(JSON.stringify(loaded.incident)));
  });

  test('renders a 404 page', () => {
    expect(readFileSync(path.join(outDir, '404.html'), 'utf8')).toContain('Page not found');
  });

  test('marks content for search only on the pages the search index reads (astro.config.mjs: sources/*/index.html)', () => {
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    const marked = pages.filter((name) => readFileSync(path.join(outDir, name), 'utf8').includes('data-pagefind-body'));
    expect(marked.length).toBe(loaded.articles.length);
    for (const name of marked) expect(name.split(path.sep).join('/')).toMatch(/^sources\/[^/]+\/index\.html$/);
  });
});

