import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';
import { fromStoredArticle, toStoredArticle } from '../../src/pipeline/stored-article.ts';

const articles = readContent(path.resolve('content')).articles.map((article) => {
  const { html: _html, ...rest } = processArticle(article);
  return rest;
});

describe('stored articles', () => {
  test('read back exactly as the pipeline left them, every sentence with its reference date and dates', () => {
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(fromStoredArticle(toStoredArticle(article))).toEqual(article);
  });

  test('keep the reference of a sentence in an update block, which differs from the publication date', () => {
    const updated = articles.flatMap((article) => article.sentences.filter((sentence) => JSON.stringify(sentence.reference) !== JSON.stringify(article.published)).map((sentence) => ({ article, sentence })));
    expect(updated.length).toBeGreaterThan(0);
    for (const { article, sentence } of updated) {
      const stored = toStoredArticle(article).sentences.find((candidate) => candidate.id === sentence.id);
      expect(stored?.reference).toEqual(sentence.reference);
    }
  });

  test('are smaller than the analysis', () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    const before = articles.reduce((n, article) => n + size(article), 0);
    const after = articles.reduce((n, article) => n + size(toStoredArticle(article)), 0);
    expect(after).toBeLessThan(before * 0.9);
  });
});
