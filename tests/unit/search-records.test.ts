import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  claimAnchorIds,
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
import { indexedIdOf, readIndexedId } from '../../src/lib/search-sentences.ts';
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

  test('has no record for a claim: a claim is found with its source page', () => {
    expect(records.map((record) => record.filters['kind'])).toEqual(exportIncident.events.map(() => [SEARCH_KINDS.event]));
  });

  test('keeps labels and outlet names out of the searchable metadata, so that "timeline" does not match every entry', () => {
    for (const record of records) expect(Object.keys(record.meta)).toEqual(['title']);
  });
});

describe('claimAnchorIds', () => {
  const pages = claimAnchorIds(exportIncident);
  const ids = new Map(pages.map(([url, entries]) => [url, new Map(entries)]));

  test('names each claimed sentence, on its source page, by its id and every topic it is a claim on', () => {
    expect(ids.get('/sources/daily/')?.get('s-2')).toBe('s-2~cause');
    // The same sentence, claimed under two topics: one id, naming both, in the order the claims come.
    expect(ids.get('/sources/weekly/')?.get('s-2')).toBe('s-2~warning~cause');
  });

  test('loses no claim: every claim is read back from its sentence\'s id, and no sentence is named twice', () => {
    for (const claim of exportIncident.claims) {
      const indexed = ids.get(`/sources/${claim.source}/`)?.get(claim.anchor);
      expect(indexed, `${claim.source} ${claim.anchor}`).toBeDefined();
      expect(readIndexedId(indexed!)).toMatchObject({ id: claim.anchor });
      expect(readIndexedId(indexed!).topics).toContain(claim.topic);
    }
    const named = pages.flatMap(([url, entries]) => entries.map(([id]) => `${url}#${id}`));
    expect(new Set(named).size).toBe(named.length);
    expect(new Set(named)).toEqual(new Set(exportIncident.claims.map((claim) => `/sources/${claim.source}/#${claim.anchor}`)));
  });

  test('gives a sentence that is no claim no topics', () => {
    expect(readIndexedId('s-9')).toEqual({ id: 's-9', topics: [] });
    expect(readIndexedId(indexedIdOf('s-9', ['a-b', 'c']))).toEqual({ id: 's-9', topics: ['a-b', 'c'] });
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

  test('a source page and its claims\' ids share a key; the timeline and the rest have none', () => {
    for (const [url] of claimAnchorIds(exportIncident)) expect(searchPartKey(url)).toBe(/^\/sources\/([^/]+)\/$/u.exec(url)?.[1]);
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
