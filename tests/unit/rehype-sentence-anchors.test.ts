import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import rehypeSentenceAnchors from '../../src/pipeline/rehype-sentence-anchors.ts';
import remarkRevisions from '../../src/pipeline/remark-revisions.ts';
import type { Sentence } from '../../src/pipeline/types.ts';

function run(markdown: string, options = {}, updates: string[] = []) {
  const file = new VFile({ value: markdown, path: 'story.md' });
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkRevisions, { updates })
      .use(remarkRehype)
      .use(rehypeSentenceAnchors, options)
      .use(rehypeStringify)
      .processSync(file),
  );
  return { html, sentences: file.data['sentences'] as Sentence[], file };
}

const textOf = (html: string) => html.replace(/<a [^>]*class="s-link"[^>]*>#<\/a>/g, '').replace(/<[^>]+>/g, '');

describe('rehypeSentenceAnchors', () => {
  test('wraps every sentence of a paragraph in an anchored span', () => {
    const { html, sentences } = run('The dam failed on Monday. Residents were evacuated.');
    expect(sentences.map((s) => s.text)).toEqual(['The dam failed on Monday.', 'Residents were evacuated.']);
    for (const sentence of sentences) expect(html).toContain(`id="${sentence.id}"`);
    expect(html).toContain(`<a href="#${sentences[0]?.id}" class="s-link" aria-label="Link to this sentence">#</a>`);
  });

  test('keeps the text of the block unchanged', () => {
    const markdown = 'The *board* said the [report](https://example.com/a) was wrong. It **apologised**, twice. Done.';
    const { html } = run(markdown, { links: false });
    expect(textOf(html)).toBe('<p>The board said the report was wrong. It apologised, twice. Done.</p>'.replace(/<[^>]+>/g, ''));
  });

  test('gives unchanged text the same id when other sentences change', () => {
    const before = run('First sentence here. The stable sentence stays.').sentences;
    const after = run('A rewritten opening line. The stable sentence stays.').sentences;
    expect(after[1]?.id).toBe(before[1]?.id);
    expect(after[0]?.id).not.toBe(before[0]?.id);
  });

  test('makes repeated sentences unique within an article', () => {
    const { sentences, html } = run('Read more.\n\nRead more.');
    expect(sentences[0]?.id).not.toBe(sentences[1]?.id);
    expect(sentences[1]?.id).toBe(`${sentences[0]?.id}-2`);
    expect(html.match(/ id="/g)).toHaveLength(2);
  });

  test('splits a sentence that crosses an inline element into pieces sharing one id', () => {
    const { html, sentences } = run('It began [with a crack. Engineers](https://example.com) saw it.', { links: false });
    expect(sentences.map((s) => s.text)).toEqual(['It began with a crack.', 'Engineers saw it.']);
    const second = sentences[1]?.id ?? '';
    expect(html.match(new RegExp(`data-s="${second}"`, 'g'))).toHaveLength(2);
    expect(html.match(new RegExp(`id="${second}"`, 'g'))).toHaveLength(1);
    expect(textOf(html)).toBe('It began with a crack. Engineers saw it.');
  });

  test('anchors headings, list items and block quotes as their own blocks', () => {
    const { sentences } = run('## What happened\n\n- One item. Two.\n- Three\n\n> A quote here.');
    expect(sentences.map((s) => [s.blockType, s.text])).toEqual([
      ['h2', 'What happened'],
      ['li', 'One item.'],
      ['li', 'Two.'],
      ['li', 'Three'],
      ['p', 'A quote here.'],
    ]);
    expect(new Set(sentences.map((s) => s.block)).size).toBe(4);
  });

  test('marks sentences inside an update block with the revision they belong to', () => {
    const { sentences, html } = run(':::update[Update, May 8:]{at=2024-05-08}\nThe board apologised.\n:::\n\nThe dam failed.', {}, ['2024-05-08']);
    expect(sentences).toMatchObject([{ text: 'The board apologised.', update: '2024-05-08' }, { text: 'The dam failed.' }]);
    expect(sentences[1]).not.toHaveProperty('update');
    expect(html).toContain('<p class="revision-label" data-no-sentences="">Update, May 8:</p>');
  });

  test('does not segment code blocks', () => {
    const { sentences, html } = run('```\nrm -rf /. Then more.\n```\n\nText.');
    expect(sentences.map((s) => s.text)).toEqual(['Text.']);
    expect(html).toContain('rm -rf /. Then more.');
  });
});

describe('remarkRevisions', () => {
  test('puts stray directive syntax back as the text it was written as', () => {
    const { sentences } = run('The ratio was 3:2 and the label read:Caution here.');
    expect(sentences.map((s) => s.text).join(' ')).toBe('The ratio was 3:2 and the label read:Caution here.');
  });

  test('reports an update block whose date is not in the frontmatter, with its line', () => {
    const { file } = run('Intro.\n\n:::update[Update:]{at=2024-05-09}\nText.\n:::', {}, ['2024-05-08']);
    const [message] = file.messages;
    expect(message?.ruleId).toBe('unknown-update');
    expect(message?.fatal).toBe(true);
    expect(message?.line).toBe(3);
    expect(message?.reason).toContain('add `- at: 2024-05-09` there');
  });

  test('reports an unknown block directive', () => {
    const { file } = run(':::aside\nText.\n:::');
    expect(file.messages[0]?.ruleId).toBe('unknown-block');
  });
});
