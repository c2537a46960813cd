import ICAL from 'ical.js';
import type { IncidentJson } from '../../pipeline/build-incident.ts';
import { formatPartialDate } from '../../pipeline/partial-date.ts';
import type { Precision, TimelineEvent } from '../../pipeline/types.ts';
import { eventUrl, sentenceUrl, type ExportOptions } from './site-url.ts';

export interface TimelineIcsOptions extends ExportOptions {
  /** The calendar's DTSTAMP: when it was generated. Passed in so that a build is reproducible. */
  generatedAt: Date;
}

/** A calendar date: year, month (1–12), day. */
export type DateArray = [number, number, number];

/** What an event occupies in a calendar: all-day dates (end exclusive), or one instant. */
export type CalendarSpan =
  | { kind: 'days'; start: DateArray; end: DateArray }
  /** `value` is an iCalendar DATE-TIME: UTC (`…Z`) when the zone is known, floating when it is not. */
  | { kind: 'instant'; value: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function nextDay(year: number, month: number, day: number): DateArray {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * The honest calendar span of a date known to a precision: a day is that day, a month the whole
 * month and a year the whole year, all-day; a time is an instant, in UTC when the source states
 * the zone and in floating local time when it does not (no zone is invented).
 */
export function calendarSpan(value: string, precision: Precision): CalendarSpan {
  const [year = 0, month = 1, day = 1] = value.slice(0, 10).split('-').map(Number);
  // A date that is no date would send the calendar library's normalising into an endless loop.
  if (![year, month, day].every(Number.isInteger)) throw new Error(`"${value}" is not a date (${precision}): a calendar entry needs YYYY, YYYY-MM, YYYY-MM-DD or a date with a time`);
  switch (precision) {
    case 'year':
      return { kind: 'days', start: [year, 1, 1], end: [year + 1, 1, 1] };
    case 'month':
      return { kind: 'days', start: [year, month, 1], end: month === 12 ? [year + 1, 1, 1] : [year, month + 1, 1] };
    case 'day':
      return { kind: 'days', start: [year, month, day], end: nextDay(year, month, day) };
    case 'time': {
      const match = /T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
      if (!match) return { kind: 'days', start: [year, month, day], end: nextDay(year, month, day) };
      const [, hour = '00', minute = '00', second = '00', zone] = match;
      if (!zone) return { kind: 'instant', value: `${pad(year, 4)}${pad(month)}${pad(day)}T${hour}${minute}${second}` };
      const utc = new Date(Date.parse(value));
      return {
        kind: 'instant',
        value: `${pad(utc.getUTCFullYear(), 4)}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}T${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}${pad(utc.getUTCSeconds())}Z`,
      };
    }
  }
}

/**
 * How many sentences an event's description quotes. A happening reported by hundreds of articles
 * would otherwise make a description no calendar shows in full; the rest are one link away.
 */
export const QUOTED_MENTIONS = 12;

/** The sentences a description quotes: each outlet's first before any outlet's second, in timeline order. */
function quotedMentions(event: TimelineEvent, outletOf: (id: string) => string): TimelineEvent['mentions'] {
  if (event.mentions.length <= QUOTED_MENTIONS) return event.mentions;
  const seen = new Set<string>();
  const first = event.mentions.filter((mention) => !seen.has(outletOf(mention.source)) && seen.add(outletOf(mention.source)));
  const chosen = new Set([...first, ...event.mentions.filter((mention) => !first.includes(mention))].slice(0, QUOTED_MENTIONS));
  return event.mentions.filter((mention) => chosen.has(mention));
}

function describe(event: TimelineEvent, outletOf: (id: string) => string, options: ExportOptions): string {
  const date = formatPartialDate({ value: event.date, precision: event.precision, approximate: event.approximate });
  const outlets = [...new Set(event.mentions.map((mention) => outletOf(mention.source)))];
  const quoted = quotedMentions(event, outletOf);
  const rest = event.mentions.length - quoted.length;
  const lines = [
    `When: ${date}${event.approximate ? ' (approximate: placed at the report that first mentions it)' : ''}`,
    `Reported by: ${outlets.join(', ')}`,
    ...(event.dateConflict ? [`Outlets disagree on the date: ${event.dateConflict.map((item) => `${item.date} (${item.sources.map(outletOf).join(', ')})`).join('; ')}`] : []),
    '',
    ...quoted.map((mention) => `${outletOf(mention.source)}: “${mention.text}” ${sentenceUrl(options.site, mention.source, mention.anchor)}`),
    ...(rest > 0 ? [`…and ${rest} more ${rest === 1 ? 'sentence' : 'sentences'} on the timeline: ${eventUrl(options, event.id)}`] : []),
  ];
  return lines.join('\n');
}

const dateValue = ([year, month, day]: DateArray) => ICAL.Time.fromData({ year, month, day, isDate: true });

/** An iCalendar DATE-TIME value (`20210502T214000Z` or floating `20210503T080000`) as a time of the library. */
function instantValue(value: string) {
  const [, year, month, day, hour, minute, second, utc] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/u.exec(value) ?? [];
  const data = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), isDate: false };
  return utc ? ICAL.Time.fromData(data, ICAL.Timezone.utcTimezone) : ICAL.Time.fromData(data);
}

/**
 * Every happening of the timeline as an iCalendar file (RFC 5545), written with ical.js, whose line
 * folding takes time linear in a line's length. Each event's span follows the precision of its date
 * (see `calendarSpan`): all-day dates with an exclusive end, or an instant without an end (an event
 * that takes no time). Its description names the outlets and quotes its sentences (up to
 * QUOTED_MENTIONS, then a link to the rest), linking each to its source page.
 */
export function timelineIcs(incident: Pick<IncidentJson, 'events' | 'sources' | 'incident'>, options: TimelineIcsOptions): string {
  const outlets = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  const outletOf = (id: string) => outlets.get(id) ?? id;
  const host = new URL(options.site).hostname;
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('prodid', 'Parallax');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', incident.incident.title);
  const stamp = ICAL.Time.fromJSDate(options.generatedAt, true);
  for (const event of incident.events) {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', `${event.id}@${host}`);
    vevent.addPropertyWithValue('summary', event.approximate ? `${event.summary} (date approximate)` : event.summary);
    vevent.addPropertyWithValue('dtstamp', stamp);
    const span = calendarSpan(event.date, event.precision);
    if (span.kind === 'days') {
      vevent.addPropertyWithValue('dtstart', dateValue(span.start));
      vevent.addPropertyWithValue('dtend', dateValue(span.end));
    } else {
      vevent.addPropertyWithValue('dtstart', instantValue(span.value));
    }
    vevent.addPropertyWithValue('description', describe(event, outletOf, options));
    vevent.addPropertyWithValue('url', eventUrl(options, event.id));
    const categories = new ICAL.Property('categories', vevent);
    categories.setValues([...new Set(event.mentions.map((mention) => outletOf(mention.source)))]);
    vevent.addProperty(categories);
    calendar.addSubcomponent(vevent);
  }
  // ical.js folds after `foldLength` octets and starts the next line with a space: 74 keeps every
  // line, that space included, within the 75 octets RFC 5545 allows.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
