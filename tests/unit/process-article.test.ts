import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';

function render(body: string) {
  const problems: ContentProblem[] = [];
  const front = ['---', 'title: A story', 'outlet: Example News', 'published: 2020-05-01', '---', ''].join('\n');
  const source = parseArticleFile(front + body, 'articles/story.md', 'story.md', problems);
  expect(problems).toEqual([]);
  return processArticle(source!);
}

describe('raw HTML in an article', () => {
  it('is parsed into elements where the article has some, and sanitized', () => {
    const article = render('The mayor <b>denied</b> it.<script>alert(1)</script>\n\n<div>Loose text in a block.</div>\n');
    expect(article.html).toContain('<b>denied</b>');
    expect(article.html).not.toContain('script');
    expect(article.html).not.toContain('&#x3C;b>');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual(['The mayor denied it.', 'Loose text in a block.']);
  });

  it('leaves a plain Markdown article as Markdown made it: a code block keeps its first blank line, nested list items their lines', () => {
    // Without raw HTML no HTML parser runs; one would drop the newline after `<pre><code>` and the list items' positions.
    const code = render('```\n\n  indented\n```\n');
    expect(code.html).toContain('<pre><code>\n  indented\n</code></pre>');
    const list = render('Intro sentence here.\n\n- First item.\n  - Nested item.\n');
    expect(list.sentences.map((sentence) => [sentence.text, sentence.line])).toEqual([
      ['Intro sentence here.', 1],
      ['First item.', 3],
      ['Nested item.', 4],
    ]);
  });
});

describe('articles the native and the reference Markdown parser read differently (parse-markdown.ts)', () => {
  it('keeps a link written after a colon and a character that is not a letter, where the reference parser would take it for a directive and show its Markdown', () => {
    // Text directives are put back as the text they were written as (remark-revisions.ts): the
    // reference parser read ":᠖[the report](…)" as one and showed the link's Markdown instead of the link.
    const article = render('See :᠖[the report](https://example.org/report) for details.\n');
    expect(article.html).toContain('<a href="https://example.org/report"');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual(['See :᠖the report for details.']);
  });

  it('keeps every word of running text with colons, times and directive-like words', () => {
    const article = render('Update:the minister spoke at 10:30 and again at 14:05:30. Ratio 3:2 held :x for now.\n');
    expect(article.sentences.map((sentence) => sentence.text).join(' ')).toBe('Update:the minister spoke at 10:30 and again at 14:05:30. Ratio 3:2 held :x for now.');
  });
});
