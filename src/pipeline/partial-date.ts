import type { PartialDate, Precision, ReferenceDate } from './types.ts';
import type { PublishedValue } from './schema.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The precision a validated ISO date string states: 2019 → year, 2019-03 → month, … */
export function precisionOf(value: string): Precision {
  if (value.includes('T')) return 'time';
  if (value.length === 10) return 'day';
  if (value.length === 7) return 'month';
  return 'year';
}

/** A validated ISO date string (schema.ts) as a PartialDate. */
export function toPartialDate(value: string, approximate = false): PartialDate {
  return { value, precision: precisionOf(value), approximate };
}

/** The reference that relative date expressions of an article are resolved against. */
export function referenceFromPublished(published: PublishedValue): ReferenceDate {
  if (published === 'unknown') return { kind: 'unknown' };
  if (typeof published === 'string') return { kind: 'known', date: toPartialDate(published) };
  return { kind: 'bounded', ...(published.after ? { after: published.after } : {}), ...(published.before ? { before: published.before } : {}) };
}

/** The ISO string of a published value, or null when only bounds or nothing are known. */
export function publishedIso(published: PublishedValue): string | null {
  return typeof published === 'string' && published !== 'unknown' ? published : null;
}

/** Calendar day of a date value (YYYY-MM-DD), if the value is that precise. */
export function dayOf(value: string): string | undefined {
  return value.length >= 10 ? value.slice(0, 10) : undefined;
}

function dayMonthYear(value: string): string {
  const [y, m, d] = value.slice(0, 10).split('-');
  const month = MONTHS[Number(m) - 1] ?? '';
  if (d) return `${Number(d)} ${month} ${y}`;
  if (m) return `${month} ${y}`;
  return y ?? value;
}

/**
 * A date as a reader should see it, at the precision it is known and no finer:
 * "2016", "February 2019", "about 21 March 2019", "21 March 2019, 08:35 (time zone not stated)".
 */
export function formatPartialDate(date: PartialDate): string {
  let text = dayMonthYear(date.value);
  if (date.precision === 'time') {
    const time = /T(\d{2}:\d{2})/.exec(date.value)?.[1] ?? '';
    const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(date.value)?.[1];
    const zone = offset ? (offset === 'Z' ? 'UTC' : `UTC${offset}`) : 'time zone not stated';
    text = `${text}, ${time} (${zone})`;
  }
  return date.approximate ? `about ${text}` : text;
}

/** A publication date as a reader should see it, including ranges and the unknown. */
export function formatPublished(published: PublishedValue): string {
  if (published === 'unknown') return 'date not stated';
  if (typeof published === 'string') return formatPartialDate(toPartialDate(published));
  if (published.after && published.before) return `between ${dayMonthYear(published.after)} and ${dayMonthYear(published.before)}`;
  if (published.after) return `after ${dayMonthYear(published.after)}`;
  return `before ${dayMonthYear(published.before ?? '')}`;
}

/** A sort key that places a date value at its start, whatever its precision. */
export function sortKey(value: string): string {
  return value.length >= 10 ? value.slice(0, 16) : value.padEnd(7, '-00').padEnd(10, '-00');
}
