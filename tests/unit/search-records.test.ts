import { describe, expect, test } from 'vitest';
import { SEARCH_KINDS, searchRecords } from '../../src/lib/search-records.ts';
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

  test('has a record per claim, landing on its sentence and pointing to its question', () => {
    const claims = records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.claim);
    expect(claims).toHaveLength(exportIncident.claims.length);
    expect(claims[0]).toMatchObject({
      url: '/sources/daily/#s-2',
      content: 'An inspection found "cracks, leaks" in February.',
      meta: {},
      filters: { outlet: ['The Daily'], question: ['What caused it?'], context: ['/compare/#cause'] },
    });
  });

  test('keeps labels and outlet names out of the searchable metadata, so that "claim" does not match every claim', () => {
    for (const record of records) expect(Object.keys(record.meta).filter((key) => key !== 'title')).toEqual([]);
    for (const claim of records.filter((record) => record.filters['kind']?.[0] === SEARCH_KINDS.claim)) expect(claim.meta).toEqual({});
  });
});
