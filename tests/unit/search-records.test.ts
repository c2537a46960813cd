import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  countArticleFiles,
  MAX_SEARCH_FRAGMENT_FILES,
  MAX_SEARCH_PARTS,
  SEARCH_KINDS,
  SOURCES_PER_SEARCH_PART,
  searchMaxFragments,
  searchPartCount,
  searchPartKey,
  searchPartSize,
  searchRecords,
} from '../../src/lib/search-records.ts';
import { exportIncident } from '../fixtures/exports/incident.ts';

describe('searchRecords', () => {
  const records = searchRecords(exportIncident);

  test('has a record per timeline entry, landing on the entry', () => {
    const events = records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.event);
    expect(events.map((record) => record.url)).toEqual(exportIncident.events.map((event) => `/#${event.id}`));
    expect(events.find((record) => record.url === '/#inspection')).toMatchObject({
      meta: { title: 'February 2021: An inspection found "cracks, leaks" in February.' },
      filters: { outlet: ['The Daily', 'Weekly, Inc.'] },
    });
  });

  test('has a record per claimed sentence, landing on it and pointing to every question it answers', () => {
    const claims = records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.claim);
    const sentences = new Set(exportIncident.claims.map((claim) => `/sources/${claim.source}/#${claim.anchor}`));
    expect(claims.map((record) => record.url)).toEqual([...sentences]);
    expect(claims[0]).toMatchObject({
      url: '/sources/daily/#s-2',
      content: 'An inspection found "cracks, leaks" in February.',
      meta: {},
      filters: { outlet: ['The Daily'], question: ['What caused it?'], context: ['/compare/#cause'] },
    });
    // The same sentence, claimed under two topics: one result, its questions and comparisons in step.
    const both = claims.find((record) => record.url === '/sources/weekly/#s-2');
    expect(both?.content).toBe('Inspectors wrote:\n"cracks"; nobody acted.');
    expect(both?.filters).toMatchObject({ outlet: ['Weekly, Inc.'], question: ['Were residents warned?', 'What caused it?'], context: ['/compare/#warning', '/compare/#cause'] });
    // No claim is lost: every topic a claim was made under is named by its sentence's record.
    for (const claim of exportIncident.claims) {
      const record = claims.find((each) => each.url === `/sources/${claim.source}/#${claim.anchor}`);
      expect(record?.filters['context']).toContain(`/compare/#${claim.topic}`);
    }
  });

  test('keeps labels and outlet names out of the searchable metadata, so that "claim" does not match every claim', () => {
    for (const record of records) expect(Object.keys(record.meta).filter((key) => key !== 'title')).toEqual([]);
    for (const claim of records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.claim)) expect(claim.meta).toEqual({});
  });
});

describe('how the search index is split', () => {
  test('a site of up to the given number of sources keeps one index; larger ones get a part per that many, up to the limit', () => {
    expect(searchPartCount(5)).toBe(1);
    expect(searchPartCount(125)).toBe(1);
    expect(searchPartCount(126)).toBe(2);
    expect(searchPartCount(1000)).toBe(8);
    expect(searchPartCount(100_000)).toBe(MAX_SEARCH_PARTS);
    expect(searchPartCount(24, 4)).toBe(6);
    expect(() => searchPartCount(24, 0)).toThrow(/whole number above 0/u);
  });

  test('reads the number of sources per part from PARALLAX_SEARCH_SHARD_SIZE, and names a bad value', () => {
    expect(searchPartSize(undefined)).toBe(SOURCES_PER_SEARCH_PART);
    expect(searchPartSize('')).toBe(SOURCES_PER_SEARCH_PART);
    expect(searchPartSize('4')).toBe(4);
    for (const bad of ['0', 'abc', '2.5', '-3', '1e3']) expect(() => searchPartSize(bad)).toThrow(new RegExp(`PARALLAX_SEARCH_SHARD_SIZE is "${bad.replace('.', '\\.')}"`, 'u'));
  });

  test('reads the number of fragment files per part from PARALLAX_SEARCH_MAX_FRAGMENTS, and names a bad value', () => {
    expect(searchMaxFragments(undefined)).toBe(MAX_SEARCH_FRAGMENT_FILES);
    expect(searchMaxFragments(' ')).toBe(MAX_SEARCH_FRAGMENT_FILES);
    expect(searchMaxFragments('16')).toBe(16);
    for (const bad of ['0', 'none', '1.5', '-1']) {
      expect(() => searchMaxFragments(bad)).toThrow(new RegExp(`PARALLAX_SEARCH_MAX_FRAGMENTS is "${bad.replace('.', '\\.')}": set it to a whole number of fragment files above 0 \\(default ${MAX_SEARCH_FRAGMENT_FILES}\\)`, 'u'));
    }
  });

  test('a source page and its claims share a key; the timeline and the rest have none', () => {
    const records = searchRecords(exportIncident);
    for (const claim of records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.claim)) {
      expect(searchPartKey(claim.url)).toBe(exportIncident.claims.find((c) => claim.url.startsWith(`/sources/${c.source}/`))?.source);
    }
    expect(searchPartKey('/sources/daily/')).toBe('daily');
    expect(searchPartKey('/sources/')).toBeUndefined();
    expect(searchPartKey('/#inspection')).toBeUndefined();
    expect(searchPartKey('/timeline/2/#inspection')).toBeUndefined();
  });

  test('counts the Markdown articles of a content folder as the loader finds them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'count-articles-'));
    try {
      expect(countArticleFiles(dir)).toBe(0);
      mkdirSync(path.join(dir, 'articles'));
      for (const name of ['a.md', 'b.markdown', 'C.MD', '.hidden.md', 'notes.txt']) writeFileSync(path.join(dir, 'articles', name), '');
      expect(countArticleFiles(dir)).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
