import fc from 'fast-check';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsReferenceParser, parseMarkdown, parseMarkdownReference } from '../../src/pipeline/parse-markdown.ts';
import { readContent } from '../../src/pipeline/read-content.ts';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { commonmarkExamples } from '../trust/corpus.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A tree as plain data: what the pipeline reads of it. */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown;

const body = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('the native Markdown parser', () => {
  it('gives the reference tree, positions included, for every example of the CommonMark specification', () => {
    const examples = commonmarkExamples();
    expect(examples.length).toBeGreaterThan(600);
    for (const example of examples) expect(plain(parseMarkdown(example.markdown)), example.name).toEqual(plain(parseMarkdownReference(example.markdown)));
  });

  it('gives the reference tree for every article of the default content and of generated coverage', () => {
    const articles = [
      ...readContent(path.join(root, 'content')).articles.map((article) => ({ name: article.file, markdown: article.body })),
      ...generateCorpus({ articles: 120, seed: 'parse-markdown' }).articles.map((article) => ({ name: article.fileName, markdown: body(article.markdown) })),
    ];
    expect(articles.length).toBeGreaterThan(120);
    for (const article of articles) expect(plain(parseMarkdown(article.markdown)), article.name).toEqual(plain(parseMarkdownReference(article.markdown)));
  });

  it('gives the reference tree for news prose with the Markdown and HTML it carries', () => {
    const word = fc.constantFrom('The', 'minister', 'said', 'on', 'Monday', 'that', 'Harbor Lines', 'had', 'known', 'since', 'March 3, 2019', 'at 10:30 am', '10:30', '“Not', 'true,”', 'she', 'said', '(Reuters)', '—', '2019', '$4.5m', 'e.g.', 'U.S.', 'don’t', 'café', 'http://example.org/a?b=1', 'user@example.org');
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '?', '!', ':', '."', ''))
      .map(([words, end]) => words.join(' ') + end);
    const inline = fc.oneof(
      { weight: 6, arbitrary: sentence },
      { weight: 1, arbitrary: sentence.map((text) => `*${text}*`) },
      { weight: 1, arbitrary: sentence.map((text) => `**${text}**`) },
      { weight: 1, arbitrary: sentence.map((text) => `[${text}](https://example.org/story "A title")`) },
      { weight: 1, arbitrary: sentence.map((text) => `<b>${text}</b>`) },
      { weight: 1, arbitrary: sentence.map((text) => `\`${text}\``) },
      { weight: 1, arbitrary: fc.constant('<https://example.org/x>') },
      { weight: 1, arbitrary: fc.constant('![A chart](/chart.png)') },
    );
    const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
    const block = fc.oneof(
      { weight: 6, arbitrary: paragraph },
      { weight: 1, arbitrary: paragraph.map((text) => `## ${text}`) },
      { weight: 1, arbitrary: paragraph.map((text) => `> ${text}`) },
      { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')) },
      { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')) },
      { weight: 1, arbitrary: paragraph.map((text) => `<div>${text}</div>`) },
      { weight: 1, arbitrary: fc.constant('---') },
      { weight: 1, arbitrary: paragraph.map((text) => `\`\`\`\n${text}\n\`\`\``) },
    );
    const document = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\n\n\n', '\r\n\r\n')).map(([blocks, gap]) => blocks.join(gap));
    fc.assert(
      fc.property(document, (markdown) => {
        expect(plain(parseMarkdown(markdown))).toEqual(plain(parseMarkdownReference(markdown)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves block directives and NUL characters to the reference parser, which reads their edge cases differently', () => {
    expect(needsReferenceParser(':::update[Update]{at=2019-03-22}\nAdded.\n:::\n')).toBe(true);
    expect(needsReferenceParser('::leaf[x]\n')).toBe(true);
    expect(needsReferenceParser('A\0B')).toBe(true);
    expect(needsReferenceParser('At 10:30 she said: “No.” See https://example.org.')).toBe(false);
    // The native parser makes a block of this line; the reference parser, the text it is.
    const odd = ':::name}x\n';
    expect(plain(parseMarkdown(odd))).toEqual(plain(parseMarkdownReference(odd)));
    expect(plain(parseMarkdown(odd))).toMatchObject({ children: [{ type: 'paragraph', children: [{ type: 'text', value: ':::name}x' }] }] });
  });
});
