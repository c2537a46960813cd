import { describe, expect, test } from 'vitest';
import { feedDate, feedItems } from '../../src/lib/exports/feed.ts';
import { exportIncident, exportSite } from '../fixtures/exports/incident.ts';

describe('feedDate', () => {
  test('keeps an instant whose zone is stated', () => {
    expect(feedDate('2021-05-03T09:15+02:00')?.toISOString()).toBe('2021-05-03T07:15:00.000Z');
  });

  test('takes a day, or a time without zone, as that day at 00:00 UTC', () => {
    expect(feedDate('2021-05-04')?.toISOString()).toBe('2021-05-04T00:00:00.000Z');
    expect(feedDate('2021-05-03T08:00')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
  });

  test('gives months, years and unknown dates no instant', () => {
    expect(feedDate('2021-05')).toBeUndefined();
    expect(feedDate('2021')).toBeUndefined();
    expect(feedDate(null)).toBeUndefined();
  });
});

describe('feedItems', () => {
  const items = feedItems(exportIncident, { site: exportSite });

  test('has an item per timeline entry and per source, linking to them', () => {
    expect(items).toHaveLength(exportIncident.events.length + exportIncident.sources.length);
    expect(items[0]?.link).toBe('https://parallax.test/#built');
    expect(items.at(-1)?.link).toBe('https://parallax.test/sources/radio/');
  });

  test('dates a timeline entry by the earliest dated article reporting it, and names its own date in the title', () => {
    const inspection = items.find((item) => item.link.endsWith('#inspection'));
    expect(inspection?.title).toBe('February 2021: An inspection found "cracks, leaks" in February.');
    expect(inspection?.pubDate?.toISOString()).toBe('2021-05-03T07:15:00.000Z');
    expect(items.find((item) => item.link.endsWith('#built'))?.pubDate).toBeUndefined();
  });
});
