import { describe, expect, test } from 'vitest';
import { listenForSearchRecords, offerSearchPageKeys, offerSearchRecords, type SearchOffer } from '../../src/lib/search-handoff.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';

const record: SearchRecord = { url: '/sources/a/#s-1', content: 'A sentence.', language: 'en', meta: {}, filters: {} };

describe('search records handed to the index', () => {
  test('are not even computed when no index listens', () => {
    let computed = false;
    expect(
      offerSearchRecords(() => {
        computed = true;
        return [record];
      }),
    ).toBe(false);
    expect(computed).toBe(false);
  });

  test('reach the listening index, until it stops listening', () => {
    const received: SearchOffer[] = [];
    const stop = listenForSearchRecords((offer) => received.push(offer));
    expect(offerSearchRecords(() => [record], () => [['/sources/a/', [['s-1', 's-1~cause']]]])).toBe(true);
    expect(offerSearchPageKeys(() => [['/sources/a/', 'key-1']])).toBe(true);
    expect(offerSearchRecords(() => [record])).toBe(true);
    expect(received).toEqual([
      { records: [record], indexedIds: [['/sources/a/', [['s-1', 's-1~cause']]]] },
      { pageKeys: [['/sources/a/', 'key-1']] },
      { records: [record], indexedIds: [] },
    ]);
    stop();
    expect(offerSearchRecords(() => [record])).toBe(false);
    expect(offerSearchPageKeys(() => [['/sources/a/', 'key-1']])).toBe(false);
    expect(received).toHaveLength(3);
  });

  test('page keys are not even computed when no index listens', () => {
    let computed = false;
    expect(
      offerSearchPageKeys(() => {
        computed = true;
        return [];
      }),
    ).toBe(false);
    expect(computed).toBe(false);
  });
});
