import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { chooseId } from '../../src/pipeline/import/choose-id.ts';
import { dayOrderOf, interchangeableDate, normalizeIsoDate, parseStatedDate } from '../../src/pipeline/import/parse-stated-date.ts';
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

describe('interchangeableDate and dayOrderOf', () => {
  test('gives both readings of a numeric date only when day and month can be swapped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('/', '.'), (a, b, year, sep) => {
        const text = `${String(a).padStart(2, '0')}${sep}${String(b).padStart(2, '0')}${sep}${year}`;
        const readings = interchangeableDate(text);
        if (a > 12 || b > 12 || a === b) {
          expect(readings).toBeUndefined();
        } else {
          const [day, month] = [String(a).padStart(2, '0'), String(b).padStart(2, '0')];
          expect(readings).toEqual({ dayFirst: `${year}-${month}-${day}`, monthFirst: `${year}-${day}-${month}` });
        }
      }),
    );
    expect(interchangeableDate('06.03.2025 14:05')).toEqual({ dayFirst: '2025-03-06T14:05', monthFirst: '2025-06-03T14:05' });
    expect(interchangeableDate('06/03/2025 and more')).toBeUndefined();
    expect(interchangeableDate('06/03.2025')).toBeUndefined();
  });

  test('reads the order of day and month from the dates a page prints, when they agree', () => {
    expect(dayOrderOf('Correction, 7 March 2025: … 6 March 2025, 15:12')).toEqual({ order: 'day-first', example: '7 March 2025' });
    expect(dayOrderOf('Updated Sept. 4, 2024')).toEqual({ order: 'month-first', example: 'Sept. 4, 2024' });
    expect(dayOrderOf('lifted on 14/03/2025')).toEqual({ order: 'day-first', example: '14/03/2025' });
    expect(dayOrderOf('on 03/14/2025')).toEqual({ order: 'month-first', example: '03/14/2025' });
    expect(dayOrderOf('March 7, 2025 and 7 March 2025')).toBeUndefined();
    expect(dayOrderOf('06/03/2025, in May 2025')).toBeUndefined();
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
    ['06/03/2025', { kind: 'interchangeable', dayFirst: '2025-03-06', monthFirst: '2025-06-03' }],
    // A blog's byline: the name, and a date relative to the day the page was saved, which is not used.
    ['Posted by Mike Tarrant · 2 days ago · 9 comments', { kind: 'byline', author: 'Mike Tarrant' }],
    ['Written by Sam Lee', { kind: 'byline', author: 'Sam Lee' }],
    // A blog's publication line, under the post, naming its category or author after the date.
    ['Originally posted 12 March 2025 in Local issues', { kind: 'published', date: '2025-03-12' }],
    // …and the writer after the date is the byline's.
    ['Posted on March 12, 2025 by Jane Roe', { kind: 'byline', author: 'Jane Roe', date: '2025-03-12' }],
    ['Posted on October 12, 2025 by Sam Lee · 6 min read', { kind: 'byline', author: 'Sam Lee', date: '2025-10-12' }],
    ['Posted 12 March 2025 by the newsdesk', { kind: 'published', date: '2025-03-12' }],
    // A publication line that goes on to the revision: the first date is the publication's.
    // …and its revision, when later.
    ['Posted Wed 8 Oct 2025 at 1:15pm, updated Wed 8 Oct 2025 at 5:40pm', { kind: 'published', date: '2025-10-08T13:15', updated: '2025-10-08T17:40' }],
    ['Published 3 May 2021 | Updated 4 May 2021', { kind: 'published', date: '2021-05-03', updated: '2021-05-04' }],
    ['Published 3 May 2021 | Updated 3 May 2021', { kind: 'published', date: '2021-05-03' }],
    // Writers named after a label, and names printed in capitals.
    ['Words: Jane Roe and Sam Lee', { kind: 'byline', author: 'Jane Roe and Sam Lee' }],
    ['Author: Jane Roe', { kind: 'byline', author: 'Jane Roe' }],
    ['By JANE ROWE', { kind: 'byline', author: 'Jane Rowe' }],
    // A short word in capitals may be an acronym: kept as printed.
    ['By JANE ROE', { kind: 'byline', author: 'JANE ROE' }],
    ['By MARÍA DE LA CRUZ', { kind: 'byline', author: 'María de la Cruz' }],
    ['By AP STAFF', { kind: 'byline', author: 'AP STAFF' }],
    ['11/09/2025 | 06:00', { kind: 'interchangeable', dayFirst: '2025-09-11T06:00', monthFirst: '2025-11-09T06:00' }],
    // A date and its time set apart by a separator.
    ['14 October 2025 | 11:20 AM AEDT', { kind: 'date', date: '2025-10-14T11:20+11:00' }],
  ])('recognizes "%s"', (line, meta) => {
    expect(recognizeMetaLine(line)).toEqual(meta);
  });

  test.each([
    'The Lumen 7 Plus.',
    'Lumen 9 Zephyr',
    'Was this purely an accident?',
    'Jane Roe, Reuters',
    'Posted 12 March 2025 in the council chamber after a long debate.',
    '16/03/2025 was the day the order was lifted',
  ])('leaves "%s" alone', (line) => {
    expect(recognizeMetaLine(line)).toBeUndefined();
  });
});

describe('recognizeRevisionMarker', () => {
  test('keeps the label verbatim, the colon of a time inside it', () => {
    expect(recognizeRevisionMarker('Update, March 22, 2019 (1:50AM): Harbor Lines has issued a statement.')).toEqual({
      kind: 'update',
      label: 'Update, March 22, 2019 (1:50AM):',
      rest: 'Harbor Lines has issued a statement.',
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
    expect(announcesOriginal('The original article was published by DR on Thursday and shared widely.')).toBe(false);
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
