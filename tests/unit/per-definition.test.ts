import { describe, expect, test } from 'vitest';
import { perDefinition } from '../../src/pipeline/per-definition.ts';
import { extractArticle } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

describe('perDefinition', () => {
  test('makes a value once per object, and apart for another object of the same content', () => {
    const made: string[][] = [];
    const joined = perDefinition((names: string[]) => {
      made.push(names);
      return names.join('|');
    });
    const actors = ['Harbor Lines', 'Port Authority'];
    expect(joined(actors)).toBe('Harbor Lines|Port Authority');
    expect(joined(actors)).toBe('Harbor Lines|Port Authority');
    expect(joined([...actors, 'Coast Guard'])).toBe('Harbor Lines|Port Authority|Coast Guard');
    expect(made).toHaveLength(2);
  });

  test('an article extracts the same contribution whether the definition was seen before or not', () => {
    const { incident, articles } = readContent('content');
    const analyses = articles.map((article) => processArticle(article));
    // Each article against its own copy of the definition (nothing remembered), then all against one.
    const apart = analyses.map((analysis) => extractArticle(structuredClone(incident), analysis));
    const shared = analyses.map((analysis) => extractArticle(incident, analysis));
    expect(shared).toEqual(apart);
    expect(shared.flatMap((extraction) => extraction.claims).length).toBeGreaterThan(10);
  });
});
