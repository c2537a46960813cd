import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildIncident } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

const content = readContent('content');
const articles = content.articles.map(processArticle);
const reference = buildIncident(content.incident, articles);

describe('buildIncident', () => {
  test('gives the same incident whatever the order of the articles', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length }), (shuffled) => {
        expect(buildIncident(content.incident, shuffled)).toEqual(reference);
      }),
      { numRuns: 20 },
    );
  });

  test('keeps every source, each with its sentence count', () => {
    expect(reference.sources.map((source) => source.id).sort()).toEqual(articles.map((article) => article.source).sort());
    for (const source of reference.sources) expect(source.sentences).toBeGreaterThan(0);
  });

  test('points every mention, claim and quote at a real sentence of its source', () => {
    const anchors = new Map(articles.map((article) => [article.source, new Map(article.sentences.map((s) => [s.id, s.text]))]));
    const check = (item: { source: string; anchor: string; text: string }) => expect(anchors.get(item.source)?.get(item.anchor)).toBe(item.text);
    reference.events.flatMap((event) => event.mentions).forEach(check);
    reference.claims.forEach(check);
    reference.quotes.flatMap((group) => group.members).forEach(check);
    reference.citations.forEach(check);
  });

  test('places every mention in exactly one timeline entry', () => {
    const keys = reference.events.flatMap((event) => event.mentions.map((m) => `${m.source}#${m.anchor}#${m.expression ?? ''}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('keeps only claims on topics of incident.yaml', () => {
    const topics = new Set(content.incident.topics.map((topic) => topic.id));
    for (const claim of reference.claims) expect(topics.has(claim.topic)).toBe(true);
  });
});
