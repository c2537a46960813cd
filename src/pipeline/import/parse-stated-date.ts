// English alone, as in resolve-dates.ts.
import { strict } from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';

/**
 * Reads a date the way a page states it ("22 March 2019", "March 22, 2019 (1:50AM)",
 * "March 22, 2019 12:17 PM IST") into the content format's ISO form, at the precision the text
 * states and no finer: a time only when a time is printed, an offset only when a zone is printed.
 */

export interface ParseStatedDateOptions {
  /**
   * A date the text may leave its year to ("Update March 23:" in an article published on
   * 2019-03-22). Without it, a date without a year is not read (default none).
   */
  reference?: string;
  /**
   * Require the date to be all the text holds, apart from punctuation and the words "at" and "on"
   * (default `false`: the first date anywhere in the text is read).
   */
  whole?: boolean;
}

export interface ParsedStatedDate {
  value: string;
  /** Offset and length of the date in the text. */
  index: number;
  length: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_YEAR = new RegExp(`\\b(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?,?\\s+(\\d{4})\\b`, 'i');
/** "10/05/2024": day-first or month-first cannot be told apart, so the text states no date. */
const AMBIGUOUS_NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b/;
/** What may surround a date on a line that holds nothing else. */
const FILLER = /^[\s,.;:|()[\]•·–—-]*(?:(?:at|on)\b[\s,.;:|()[\]•·–—-]*)*$/i;
/** Far-apart references: a reading that depends on them is relative ("2 hours ago"), not stated. */
const FAR_PAST = new Date(Date.UTC(1901, 0, 1));
const FAR_FUTURE = new Date(Date.UTC(2099, 11, 31));

const pad = (value: number) => String(value).padStart(2, '0');

function offsetOf(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function known(components: ParsedComponents, unit: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'timezoneOffset'): number | null {
  return components.isCertain(unit) ? components.get(unit) : null;
}

/** Whether a component reads the same against any reference, i.e. the text states it. */
function stable(text: string, index: number, unit: 'month' | 'day' | 'hour' | 'minute'): boolean {
  const readings = [FAR_PAST, FAR_FUTURE].map((instant) => strict.parse(text, { instant }).find((result) => result.index === index));
  const [a, b] = readings;
  return a !== undefined && b !== undefined && a.start.get(unit) === b.start.get(unit);
}

function referenceYear(reference: string | undefined): number | null {
  const year = reference ? Number(reference.slice(0, 4)) : NaN;
  return Number.isInteger(year) ? year : null;
}

/** chrono gives the time of "March 22, 2019 (1:50AM)" as a second result: join it to the date. */
function joinTime(text: string, results: ParsedResult[]): { date: ParsedResult; time?: ParsedResult } | undefined {
  const [date, next] = results;
  if (!date) return undefined;
  const hasTime = date.start.isCertain('hour');
  if (!hasTime && next && next.start.isCertain('hour') && !next.start.isCertain('day')) {
    const gap = text.slice(date.index + date.text.length, next.index);
    if (/^[\s,(]*(?:at\s+)?$/i.test(gap)) return { date, time: next };
  }
  return { date };
}

/** The first date the text states, or undefined when it states none (or only a relative one). */
export function parseStatedDate(text: string, options: ParseStatedDateOptions = {}): ParsedStatedDate | undefined {
  const ambiguous = AMBIGUOUS_NUMERIC.exec(text);
  if (ambiguous && Number(ambiguous[1]) <= 12 && Number(ambiguous[2]) <= 12 && ambiguous[1] !== ambiguous[2]) return undefined;
  const instant = options.reference ? new Date(`${options.reference.slice(0, 10)}T12:00:00Z`) : FAR_PAST;
  const results = strict.parse(text, { instant: Number.isNaN(instant.getTime()) ? FAR_PAST : instant });
  const joined = joinTime(text, results);
  if (!joined) return monthYear(text, options);
  const { date, time } = joined;
  const month = known(date.start, 'month');
  const day = known(date.start, 'day');
  if (month === null || day === null || !stable(text, date.index, 'month') || !stable(text, date.index, 'day')) return undefined;
  const year = known(date.start, 'year') ?? referenceYear(options.reference);
  if (year === null) return undefined;
  let value = `${year}-${pad(month)}-${pad(day)}`;
  const clock = time?.start ?? date.start;
  const hour = known(clock, 'hour');
  if (hour !== null) {
    value += `T${pad(hour)}:${pad(known(clock, 'minute') ?? 0)}`;
    const offset = known(clock, 'timezoneOffset');
    if (offset !== null) value += offsetOf(offset);
  }
  const end = (time ?? date).index + (time ?? date).text.length;
  if (options.whole && !(FILLER.test(text.slice(0, date.index)) && FILLER.test(text.slice(end)))) return undefined;
  return { value, index: date.index, length: end - date.index };
}

/** A date printed in numbers alone, day and month both 12 or less and different ("06/03/2025"): its two readings. */
export interface InterchangeableDate {
  dayFirst: string;
  monthFirst: string;
}

const NUMERIC_DATE_LINE = /^[\s,.;:|()[\]•·–—-]*(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[\s,]+(?:at\s+)?(\d{1,2})[:.](\d{2}))?[\s,.;:|()[\]•·–—-]*$/i;

/**
 * The two readings of a text that is only a numeric date whose day and month can be swapped
 * ("06/03/2025", "06.03.2025 14:05"), or undefined when the text is anything else or when the order
 * does not matter ("16/03/2025", "03/03/2025").
 */
export function interchangeableDate(text: string): InterchangeableDate | undefined {
  const match = NUMERIC_DATE_LINE.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first < 1 || second < 1 || first > 12 || second > 12 || first === second) return undefined;
  const hour = match[5] === undefined ? undefined : Number(match[5]);
  if (hour !== undefined && (hour > 23 || Number(match[6]) > 59)) return undefined;
  const time = hour === undefined ? '' : `T${pad(hour)}:${match[6]}`;
  return { dayFirst: `${match[4]}-${pad(second)}-${pad(first)}${time}`, monthFirst: `${match[4]}-${pad(first)}-${pad(second)}${time}` };
}

const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_FIRST = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+\\d{4}\\b`, 'gi');
const MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi');
const NUMERIC_DATE = /\b(\d{1,2})([/.])(\d{1,2})\2\d{4}\b/g;

/** How a page orders day and month, as its unambiguous dates show; undefined when they show neither or both. */
export interface DayOrder {
  order: 'day-first' | 'month-first';
  /** A date of the page that shows it. */
  example: string;
}

/**
 * The order of day and month in the dates a page prints: dates with the month's name ("7 March
 * 2025", "March 7, 2025") and numeric dates with a day past 12 ("14/03/2025") are its evidence.
 * Evidence both ways, or none, gives undefined.
 */
export function dayOrderOf(text: string): DayOrder | undefined {
  const found: DayOrder[] = [];
  for (const match of text.matchAll(DAY_FIRST)) found.push({ order: 'day-first', example: match[0] });
  for (const match of text.matchAll(MONTH_FIRST)) found.push({ order: 'month-first', example: match[0] });
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    if (first > 12 && second <= 12) found.push({ order: 'day-first', example: match[0] });
    else if (second > 12 && first <= 12) found.push({ order: 'month-first', example: match[0] });
  }
  const [one] = found;
  return one && found.every((other) => other.order === one.order) ? one : undefined;
}

/** "May 2024": a month, which chrono's strict parser leaves out. */
function monthYear(text: string, options: ParseStatedDateOptions): ParsedStatedDate | undefined {
  const match = MONTH_YEAR.exec(text);
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  const month = MONTHS.findIndex((m) => m === name || m.slice(0, 3) === name) + 1;
  if (options.whole && !(FILLER.test(text.slice(0, match.index)) && FILLER.test(text.slice(match.index + match[0].length)))) return undefined;
  return { value: `${match[2]}-${pad(month)}`, index: match.index, length: match[0].length };
}

/**
 * An ISO 8601 date or date-time from page metadata (JSON-LD, `<meta>`, `<time datetime>`) in the
 * content format: minutes kept, seconds and fractions dropped, `+0530` written `+05:30`.
 */
export function normalizeIsoDate(raw: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i.exec(raw.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, zone] = match;
  let value = year ?? '';
  if (month) value += `-${month}`;
  if (day) value += `-${day}`;
  if (hour && minute) {
    value += `T${hour}:${minute}`;
    if (zone) {
      if (/^z$/i.test(zone)) value += '+00:00';
      else value += `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
    }
  }
  return value;
}
