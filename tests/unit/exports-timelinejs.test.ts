import { describe, expect, test } from 'vitest';
import { COVERAGE_GROUP, OTHER_GROUP, timelineJs, timelineJsDate } from '../../src/lib/exports/timelinejs.ts';
import { exportIncident, exportSite } from '../fixtures/exports/incident.ts';

describe('timelineJsDate', () => {
  test('gives only the components the precision states', () => {
    expect(timelineJsDate({ value: '1998', precision: 'year', approximate: false })).toEqual({ year: 1998, display_date: '1998' });
    expect(timelineJsDate({ value: '2021-02', precision: 'month', approximate: false })).toEqual({ year: 2021, month: 2, display_date: 'February 2021' });
    expect(timelineJsDate({ value: '2021-05-02', precision: 'day', approximate: true })).toEqual({ year: 2021, month: 5, day: 2, display_date: 'about 2 May 2021' });
    expect(timelineJsDate({ value: '2021-05-02T23:40+02:00', precision: 'time', approximate: false })).toEqual({
      year: 2021,
      month: 5,
      day: 2,
      hour: 23,
      minute: 40,
      display_date: '2 May 2021, 23:40 (UTC+02:00)',
    });
  });
});

describe('timelineJs', () => {
  const doc = timelineJs(exportIncident, { site: exportSite });
  const slide = (id: string) => doc.events.find((event) => event.unique_id === id);

  test('has a title slide and a slide per happening, then the dated coverage', () => {
    expect(doc.title.text.headline).toBe('A dam &quot;failure&quot;, in two towns');
    const happenings = doc.events.filter((event) => event.group !== COVERAGE_GROUP);
    expect(happenings.map((event) => event.unique_id)).toEqual(exportIncident.events.map((event) => event.id));
    // The daily's publication and update, the weekly's month; the radio's undated article is left out.
    expect(doc.events.filter((event) => event.group === COVERAGE_GROUP)).toHaveLength(3);
  });

  test('gives every slide a start date, a headline and a text, with unique ids', () => {
    for (const event of doc.events) {
      expect(typeof event.start_date.year).toBe('number');
      expect(event.text.headline.length).toBeGreaterThan(0);
      expect(event.text.text.length).toBeGreaterThan(0);
    }
    expect(new Set(doc.events.map((event) => event.unique_id)).size).toBe(doc.events.length);
  });

  test('honours each happening’s precision', () => {
    expect(slide('built')?.start_date).toEqual({ year: 1998, display_date: '1998' });
    expect(slide('inspection')?.start_date).toEqual({ year: 2021, month: 2, display_date: 'February 2021' });
    expect(slide('failure')?.start_date).toMatchObject({ year: 2021, month: 5, day: 2, display_date: 'about 2 May 2021' });
  });

  test('groups happenings by the question their sentences answer most', () => {
    expect(slide('inspection')?.group).toBe('What caused it?');
    expect(slide('built')?.group).toBe(OTHER_GROUP);
  });

  test('escapes the articles’ words and links each sentence', () => {
    const text = slide('inspection')?.text.text ?? '';
    expect(text).toContain('&quot;cracks, leaks&quot;');
    expect(text).toContain('href="https://parallax.test/sources/weekly/#s-2"');
    expect(text).not.toMatch(/<(?!\/?(p|ul|li|a)\b)/);
  });
});
