import { describe, expect, test } from 'vitest';
import { listenForSearchRecords, offerSearchRecords } from '../../src/lib/search-handoff.ts';
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
    const received: SearchRecord[][] = [];
    const stop = listenForSearchRecords((records) => received.push(records));
    expect(offerSearchRecords(() => [record])).toBe(true);
    expect(received).toEqual([[record]]);
    stop();
    expect(offerSearchRecords(() => [record])).toBe(false);
    expect(received).toHaveLength(1);
  });
});
