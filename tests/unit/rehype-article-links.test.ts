import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';

function render(body: string, url?: string) {
  const problems: ContentProblem[] = [];
  const front = ['---', 'title: A story', 'outlet: Example News', 'published: 2020-05-01', ...(url ? [`url: ${url}`] : []), '---', ''].join('\n');
  const source = parseArticleFile(front + body, 'articles/story.md', 'story.md', problems);
  expect(problems).toEqual([]);
  return processArticle(source!);
}

describe('links and images of an article', () => {
  it('resolves relative links against the article url and marks them external', () => {
    const article = render('See [the earlier story](/news/earlier) and [this](../other?x=1).', 'https://news.example/2020/05/story');
    expect(article.html).toContain('href="https://news.example/news/earlier"');
    expect(article.html).toContain('href="https://news.example/2020/other?x=1"');
    expect(article.html).toMatch(/href="https:\/\/news\.example\/news\/earlier" rel="noopener noreferrer"/);
    expect(article.messages.filter((m) => m.ruleId === 'article-link')).toEqual([]);
  });

  it('marks every link to the web as external, and no other link', () => {
    const article = render(
      '<h2 id="top">Top</h2>\n\nRead [the report](https://agency.example/report), [the archive](//archive.example/a), [write to us](mailto:desk@news.example) or go [up](#top).',
      'https://news.example/story',
    );
    expect(article.html).toContain('<a href="https://agency.example/report" rel="noopener noreferrer">');
    expect(article.html).toContain('<a href="https://archive.example/a" rel="noopener noreferrer">');
    expect(article.html).toContain('<a href="mailto:desk@news.example">');
    expect(article.html).toContain('<a href="#user-content-top">');
  });

  it('removes a relative link when there is no url, keeps its text, and says so with the line', () => {
    const article = render('First line.\n\nSee [the earlier story](/news/earlier) here.');
    expect(article.html).not.toContain('/news/earlier');
    expect(article.html).toContain('the earlier story');
    expect(article.sentences.map((s) => s.text)).toContain('See the earlier story here.');
    const message = article.messages.find((m) => m.ruleId === 'article-link');
    expect(message).toMatchObject({ file: 'articles/story.md', line: 8 });
    expect(message?.reason).toContain('/news/earlier');
  });

  it('points fragment links at the prefixed id, and drops those without a target', () => {
    const article = render('<h2 id="background">Background</h2>\n\nJump to [background](#background) or [nowhere](#missing).');
    expect(article.html).toContain('id="user-content-background"');
    expect(article.html).toContain('href="#user-content-background"');
    expect(article.html).not.toContain('#missing');
    expect(article.html).toContain('nowhere');
  });

  it('turns images into labelled links that the page can show, outside every sentence', () => {
    const article = render('The phone ![a phone on a desk](/img/phone.jpg) was tested.', 'https://news.example/story');
    expect(article.html).not.toContain('<img');
    expect(article.html).toContain('<a href="https://news.example/img/phone.jpg" class="article-image" rel="noopener noreferrer">[Image: a phone on a desk]</a>');
    expect(article.sentences.map((s) => s.text)).toEqual(['The phone was tested.']);
  });

  it('keeps a fragment link to an image, or to an element further on, and the image keeps its id', () => {
    const article = render('See [the map](#map) and [the notes](#notes).\n\n<img id="map" src="https://maps.example/m.png" alt="Map">\n\n<p id="notes">Notes follow.</p>');
    expect(article.html).toContain('href="#user-content-map"');
    expect(article.html).toContain('href="#user-content-notes"');
    expect(article.html).toContain('<a id="user-content-map" href="https://maps.example/m.png" class="article-image"');
    expect(article.messages.filter((m) => m.ruleId === 'article-link')).toEqual([]);
  });

  it('drops a fragment link that is not valid percent-encoding, with a message, and keeps its text', () => {
    const article = render('Go [there](#%E0) now.');
    expect(article.html).not.toContain('%E0');
    expect(article.sentences.map((s) => s.text)).toEqual(['Go there now.']);
    expect(article.messages.some((m) => m.ruleId === 'article-link' && m.reason.includes('#%E0'))).toBe(true);
  });

  it('replaces each of several images in a row, one removed among them', () => {
    const article = render('Before ![](javascript:alert(1))![](https://x.example/a.png)![second](https://x.example/b.png) after.', 'https://news.example/story');
    expect(article.html).not.toContain('<img');
    expect(article.html).not.toContain('javascript');
    expect(article.html).toContain('<a href="https://x.example/a.png" class="article-image" rel="noopener noreferrer">[Image]</a><a href="https://x.example/b.png" class="article-image" rel="noopener noreferrer">[Image: second]</a>');
    expect(article.sentences.map((s) => s.text)).toEqual(['Before after.']);
  });

  it('labels an image inside a link without a link of its own: a link may not hold another', () => {
    const article = render('Visit [![logo](https://x.example/c.png) the home page](https://x.example/home) today.', 'https://news.example/story');
    expect(article.html).toContain('<a href="https://x.example/home" rel="noopener noreferrer"><span class="article-image">[Image: logo]</span> the home page</a>');
    expect(article.html).not.toContain('c.png');
    expect(article.messages.filter((m) => m.ruleId === 'article-link')).toEqual([]);
  });

  it('labels an image without alt text or address as an image', () => {
    const article = render('![](relative.png) Text after.');
    expect(article.html).toContain('<span class="article-image">[Image]</span>');
    expect(article.messages.some((m) => m.ruleId === 'article-link' && m.reason.includes('relative.png'))).toBe(true);
  });
});
