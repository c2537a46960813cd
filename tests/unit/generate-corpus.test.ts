import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { buildIncident } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function written(articles: number, seed: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-corpus-'));
  dirs.push(dir);
  writeCorpus(dir, generateCorpus({ articles, seed }));
  return dir;
}

describe('generateCorpus', () => {
  test('gives the same files for the same seed', () => {
    expect(generateCorpus({ articles: 25, seed: 7 })).toEqual(generateCorpus({ articles: 25, seed: 7 }));
  });

  test('gives other articles for another seed', () => {
    const a = generateCorpus({ articles: 25, seed: 7 }).articles.map((article) => article.markdown);
    const b = generateCorpus({ articles: 25, seed: 8 }).articles.map((article) => article.markdown);
    expect(a).not.toEqual(b);
  });

  test('writes N articles by the requested number of outlets', () => {
    const corpus = generateCorpus({ articles: 40, outlets: 6, seed: 3 });
    expect(corpus.articles).toHaveLength(40);
    expect(new Set(corpus.articles.map((article) => article.fileName)).size).toBe(40);
    expect(new Set(corpus.articles.map((article) => /^outlet: (.*)$/m.exec(article.markdown)?.[1])).size).toBeLessThanOrEqual(6);
  });

  test('writes a content folder that validates and goes through the pipeline and the merge', () => {
    const content = readContent(written(40, 11));
    expect(content.articles).toHaveLength(40);
    const processed = content.articles.map(processArticle);
    const incident = buildIncident(content.incident, processed);
    expect(incident.sources).toHaveLength(40);
    // Shared happenings, reprinted quotations and topic cues are what the benchmark has to exercise.
    expect(incident.events.some((event) => new Set(event.mentions.map((mention) => mention.source)).size >= 3)).toBe(true);
    expect(incident.quotes.some((group) => new Set(group.members.map((member) => member.source)).size >= 3)).toBe(true);
    expect(new Set(incident.claims.map((claim) => claim.topic)).size).toBeGreaterThanOrEqual(5);
  });
});
