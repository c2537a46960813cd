import { describe, expect, test } from 'vitest';
import { chooseId } from '../../src/pipeline/import/choose-id.ts';
import { normalizeIsoDate, parseStatedDate } from '../../src/pipeline/import/parse-stated-date.ts';
import { parsePublishedOption } from '../../src/pipeline/import/parse-published-option.ts';
import { recognizeMetaLine } from '../../src/pipeline/import/recognize-meta-line.ts';
import { announcesOriginal, recognizeRevisionMarker } from '../../src/pipeline/import/recognize-revision-marker.ts';

describe('parseStatedDate', () => {
  test.each([
    ['22 March 2019', '2019-03-22'],
    ['March 22, 2019 (1:50AM)', '2019-03-22T01:50'],
    ['March 22, 2019 12:17 PM IST', '2019-03-22T12:17+05:30'],
    ['Friday, 10 May 2024, 09:00 CEST', '2024-05-10T09:00+02:00'],
    ['May 2024', '2024-05'],
  ])('reads "%s" as %s, no more precise than printed', (text, value) => {
    expect(parseStatedDate(text, { whole: true })?.value).toBe(value);
  });

  test('takes a missing year from the reference, and reads nothing without one', () => {
    expect(parseStatedDate('Update March 23:', { reference: '2019-03-22' })?.value).toBe('2019-03-23');
    expect(parseStatedDate('Update March 23:')).toBeUndefined();
  });

  test('reads no date from relative or ambiguous text', () => {
    expect(parseStatedDate('2 hours ago', { reference: '2019-03-22' })).toBeUndefined();
    expect(parseStatedDate('10/05/2024')).toBeUndefined();
    expect(parseStatedDate('22/05/2024')?.value).toBe('2024-05-22');
  });

  test('with `whole`, refuses a date that shares its line with other words', () => {
    expect(parseStatedDate('date 2019-03-22 comscore', { whole: true })).toBeUndefined();
  });
});

describe('normalizeIsoDate', () => {
  test('keeps the stated precision and writes the offset with a colon', () => {
    expect(normalizeIsoDate('2024-05-10T07:45:00+02:00')).toBe('2024-05-10T07:45+02:00');
    expect(normalizeIsoDate('2024-05-10T07:45:12.000Z')).toBe('2024-05-10T07:45+00:00');
    expect(normalizeIsoDate('2024-05-10T07:45+0530')).toBe('2024-05-10T07:45+05:30');
    expect(normalizeIsoDate('2024-05-10')).toBe('2024-05-10');
    expect(normalizeIsoDate('May 10')).toBeUndefined();
  });
});

describe('recognizeMetaLine', () => {
  test.each([
    ['Ro, 22 March 2019', { kind: 'byline', author: 'Ro', date: '2019-03-22' }],
    ['By Jane Roe | May 10, 2024', { kind: 'byline', author: 'Jane Roe', date: '2024-05-10' }],
    ['By Jane Roe', { kind: 'byline', author: 'Jane Roe' }],
    ['  • Published: March 22, 2019 12:17 PM IST', { kind: 'published', date: '2019-03-22T12:17+05:30' }],
    ['Published onMarch 22, 2019', { kind: 'published', date: '2019-03-22' }],
    ['Updated: May 11, 2024 at 10:15 a.m.', { kind: 'updated', date: '2024-05-11T10:15' }],
    ['08 Sep 2023', { kind: 'date', date: '2023-09-08' }],
    ['Posted: 10/05/2024', { kind: 'unreadable', of: 'published' }],
  ])('recognizes "%s"', (line, meta) => {
    expect(recognizeMetaLine(line)).toEqual(meta);
  });

  test.each(['The Nokia 7 Plus.', 'Nokia 9 PureView', 'Was this purely an accident?', 'Jane Roe, Reuters'])('leaves "%s" alone', (line) => {
    expect(recognizeMetaLine(line)).toBeUndefined();
  });
});

describe('recognizeRevisionMarker', () => {
  test('keeps the label verbatim, the colon of a time inside it', () => {
    expect(recognizeRevisionMarker('Update, March 22, 2019 (1:50AM): HMD Global has issued a statement.')).toEqual({
      kind: 'update',
      label: 'Update, March 22, 2019 (1:50AM):',
      rest: 'HMD Global has issued a statement.',
      at: '2019-03-22T01:50',
    });
    expect(recognizeRevisionMarker('Original article, March 21, 2019 (8:35AM): It’s not unheard of.')).toMatchObject({ kind: 'original', at: '2019-03-21T08:35' });
  });

  test('reads a bare "Update:" as an undated marker, and "Updated figures: …" as prose', () => {
    expect(recognizeRevisionMarker('Update: The strike is off.')).toEqual({ kind: 'update', label: 'Update:', rest: 'The strike is off.' });
    expect(recognizeRevisionMarker('Updated figures: the council spent £3m.')).toBeUndefined();
  });

  test('recognizes a line announcing the original text', () => {
    expect(announcesOriginal('The original article follows:')).toBe(true);
    expect(announcesOriginal('The original article was published by NRK on Thursday and shared widely.')).toBe(false);
  });
});

describe('parsePublishedOption', () => {
  test('accepts every form of `published`, and a range written with two dots', () => {
    expect(parsePublishedOption('2019-03-22T12:17+05:30')).toEqual({ value: '2019-03-22T12:17+05:30' });
    expect(parsePublishedOption('unknown')).toEqual({ value: 'unknown' });
    expect(parsePublishedOption('2019-03-21..2019-12-31')).toEqual({ value: { after: '2019-03-21', before: '2019-12-31' } });
    expect(parsePublishedOption('..2019-12-31')).toEqual({ value: { before: '2019-12-31' } });
    expect(parsePublishedOption('22/03/2019')).toHaveProperty('error');
  });
});

describe('chooseId', () => {
  const existing = [{ id: 'valley-herald', file: 'valley-herald.md', url: 'https://herald.example/a', title: 'Bridge closed' }];

  test('is a slug of the outlet', () => {
    expect(chooseId('The Valley Herald', { title: 'T' }, [])).toEqual({ id: 'the-valley-herald' });
  });

  test('gives a re-imported article its id back, and another article of the outlet a new one', () => {
    expect(chooseId('Valley Herald', { url: 'https://herald.example/a', title: 'Bridge closed' }, existing)).toEqual({ id: 'valley-herald', replaces: existing[0] });
    expect(chooseId('Valley Herald', { url: 'https://herald.example/b', title: 'Bridge reopens' }, existing)).toEqual({ id: 'valley-herald-2' });
    expect(chooseId('Valley Herald', { title: 'Bridge reopens' }, [], new Set(['valley-herald']))).toEqual({ id: 'valley-herald-2' });
  });
});
