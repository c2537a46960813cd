import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { calendarSpan, QUOTED_MENTIONS, timelineIcs } from '../../src/lib/exports/ics.ts';
import { exportIncident, exportSite } from '../fixtures/exports/incident.ts';

const generatedAt = new Date('2026-01-02T03:04:05Z');

function parsedEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('calendarSpan', () => {
  test('spans a day as that one day, all-day', () => {
    expect(calendarSpan('2021-02-28', 'day')).toEqual({ kind: 'days', start: [2021, 2, 28], end: [2021, 3, 1] });
    expect(calendarSpan('2020-12-31', 'day')).toEqual({ kind: 'days', start: [2020, 12, 31], end: [2021, 1, 1] });
  });

  test('spans a month as the whole month, December into January', () => {
    expect(calendarSpan('2021-02', 'month')).toEqual({ kind: 'days', start: [2021, 2, 1], end: [2021, 3, 1] });
    expect(calendarSpan('2020-12', 'month')).toEqual({ kind: 'days', start: [2020, 12, 1], end: [2021, 1, 1] });
  });

  test('spans a year as the whole year', () => {
    expect(calendarSpan('1998', 'year')).toEqual({ kind: 'days', start: [1998, 1, 1], end: [1999, 1, 1] });
  });

  test('keeps a time with a zone as a UTC instant and one without as floating time', () => {
    expect(calendarSpan('2021-05-02T23:40+02:00', 'time')).toEqual({ kind: 'instant', value: '20210502T214000Z' });
    expect(calendarSpan('2021-05-03T08:00', 'time')).toEqual({ kind: 'instant', value: '20210503T080000' });
  });

  test('refuses a date that is no date, naming it, rather than hand the calendar library a month it loops on', () => {
    expect(() => calendarSpan('2021-02x', 'month')).toThrow(/"2021-02x" is not a date/);
    expect(() => calendarSpan('soon', 'day')).toThrow(/"soon" is not a date/);
    expect(() => timelineIcs({ ...exportIncident, events: [{ ...exportIncident.events[0]!, date: 'x1998' }] }, { site: exportSite, generatedAt })).toThrow(/"x1998" is not a date/);
  });
});

describe('timelineIcs', () => {
  const ics = timelineIcs(exportIncident, { site: exportSite, generatedAt });
  const events = parsedEvents(ics);
  const byUid = new Map(events.map((event) => [event.uid, event]));
  const at = (id: string) => {
    const event = byUid.get(`${id}@parallax.test`);
    if (!event) throw new Error(`no event ${id}`);
    return event;
  };

  test('parses back with one event per happening, each with its link', () => {
    expect(events).toHaveLength(exportIncident.events.length);
    expect(at('built').component.getFirstPropertyValue('url')).toBe('https://parallax.test/#built');
  });

  test('makes a year an all-day span over the whole year', () => {
    const event = at('built');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('1998-01-01');
    expect(event.endDate.toString()).toBe('1999-01-01');
  });

  test('makes a month an all-day span over the whole month', () => {
    expect([at('inspection').startDate.toString(), at('inspection').endDate.toString()]).toEqual(['2021-02-01', '2021-03-01']);
    expect([at('december').startDate.toString(), at('december').endDate.toString()]).toEqual(['2020-12-01', '2021-01-01']);
    expect(at('inspection').startDate.isDate).toBe(true);
  });

  test('makes a day one all-day date', () => {
    const event = at('month-end');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2021-02-28');
    expect(event.endDate.toString()).toBe('2021-03-01');
    expect(ics).toContain('DTSTART;VALUE=DATE:20210228');
  });

  test('keeps a stated time, in UTC when the zone is known and floating when it is not', () => {
    expect(at('siren').startDate.isDate).toBe(false);
    expect(at('siren').startDate.toString()).toBe('2021-05-02T21:40:00Z');
    expect(at('call').startDate.toString()).toBe('2021-05-03T08:00:00');
    expect(at('call').startDate.zone?.tzid).toBe('floating');
  });

  test('says when a date is approximate or disputed, and quotes the sentences', () => {
    expect(at('failure').summary).toBe('The dam failed. (date approximate)');
    expect(at('failure').description).toContain('Outlets disagree on the date');
    expect(at('inspection').description).toContain('Weekly, Inc.: “Inspectors wrote:\n"cracks"; nobody acted.” https://parallax.test/sources/weekly/#s-2');
  });

  test('is reproducible: the stamp is the time passed in', () => {
    expect(at('built').component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-02T03:04:05Z');
    expect(timelineIcs(exportIncident, { site: exportSite, generatedAt })).toBe(ics);
  });

  test('quotes every outlet of a widely reported happening, then links to the rest instead of dropping them', () => {
    const [first] = exportIncident.events;
    const sources = ['weekly', 'daily', 'radio'];
    const mentions = Array.from({ length: 200 }, (_, index) => ({ ...first!.mentions[0]!, source: sources[index % 3]!, anchor: `s-${index}`, text: `Sentence ${index}.` }));
    // The radio's only sentences come late: it must still be quoted.
    for (const mention of mentions) if (mention.source === 'radio' && mention.anchor !== 's-197') mention.source = 'daily';
    const big = { ...exportIncident, events: [{ ...first!, id: 'big', mentions }] };
    const [event] = parsedEvents(timelineIcs(big, { site: exportSite, generatedAt }));
    const quoted = event!.description.split('\n').filter((line) => line.includes('“Sentence'));
    expect(quoted).toHaveLength(QUOTED_MENTIONS);
    expect(quoted.some((line) => line.startsWith('Radio') && line.includes('#s-197'))).toBe(true);
    expect(event!.description).toContain(`…and ${200 - QUOTED_MENTIONS} more sentences on the timeline: https://parallax.test/#big`);
  });

  test('writes CRLF lines of at most 75 octets, folded between characters, that unfold to the text', () => {
    const [first] = exportIncident.events;
    const text = `Ünïcödé ${'日本語の文と emoji 🧪🧪 '.repeat(40)}end.`;
    const long = { ...exportIncident, events: [{ ...first!, id: 'long', summary: text, mentions: [{ ...first!.mentions[0]!, text }] }] };
    const out = timelineIcs(long, { site: exportSite, generatedAt });
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = out.split('\r\n');
    for (const line of lines) {
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    const [event] = parsedEvents(out);
    expect(event!.summary).toBe(text);
    expect(event!.description).toContain(`“${text}”`);
  });
});

