// English alone: the package's main entry loads every locale, four times the time to load.
import { casual } from 'chrono-node/en';
import type { Chrono, ParsedComponents, ParsedResult, ParsingReference } from 'chrono-node';
import { anaphoricRefiner } from './chrono/anaphoric-refiner.ts';
import { bareYearRefiner } from './chrono/bare-year-refiner.ts';
import { betweenDaysRefiner } from './chrono/between-days-refiner.ts';
import { hedgeRefiner } from './chrono/hedge-refiner.ts';
import { impliedYearRefiner } from './chrono/implied-year-refiner.ts';
import { lastNightRefiner } from './chrono/last-night-refiner.ts';
import { modelNumberRefiner } from './chrono/model-number-refiner.ts';
import { monthOverflowRefiner } from './chrono/month-overflow-refiner.ts';
import { monthRelativeYearRefiner } from './chrono/month-relative-year-refiner.ts';
import { newsProseFilter } from './chrono/news-prose-filter.ts';
import { parenthesizedTimeRefiner } from './chrono/parenthesized-time-refiner.ts';
import { relativeTimeRefiner } from './chrono/relative-time-refiner.ts';
import { relativeToDateRefiner } from './chrono/relative-to-date-refiner.ts';
import { partOfDayOfDateRefiner } from './chrono/part-of-day-of-date-refiner.ts';
import { periodPartRefiner } from './chrono/period-part-refiner.ts';
import { thisPeriodRefiner } from './chrono/this-period-refiner.ts';
import { weekRefiner } from './chrono/week-refiner.ts';
import { weekdayRefiner } from './chrono/weekday-refiner.ts';
import { followingPeriodParser } from './chrono/following-period-parser.ts';
import { PARSER_PRECHECKS, prechecked } from './chrono/parser-prechecks.ts';
import type { DateExpression, PartialDate, Precision, ReferenceDate } from './types.ts';

export interface ResolveDatesOptions {
  /**
   * Resolve a time of day written without a date ("at 1:50AM", "at noon") on the reference's day.
   * Default `false`: such times are left out, since a sentence rarely says which day they belong to,
   * and a date written next to the time ("March 22, 2019 at 1:50AM") is resolved either way.
   */
  timeOfDay?: boolean;
}

/** A wall-clock instant that chrono resolves relative expressions against. */
interface Anchor {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes east of UTC; null for a floating (local, zone-less) date. */
  offset: number | null;
}

/**
 * The instants a reference may stand for. A reference known to the day, month or year, and an
 * interval, are resolved against both ends: every resolution here moves forward with the
 * reference (a later reference never gives an earlier "yesterday", "on Thursday" or "in
 * February"), so what both ends agree on holds for every instant between them.
 */
interface Frame {
  anchors: Anchor[];
  /** Also resolve against far-apart instants to tell relative expressions from absolute ones. */
  probeRelative: boolean;
  /** Why an expression that depends on the reference cannot be resolved against this one. */
  unresolved: (text: string) => string;
}

type Reading = { date: PartialDate } | { date: null; reason: string } | 'skip';

interface Found {
  index: number;
  text: string;
  readings: Reading[];
}

const PRECISIONS: Precision[] = ['year', 'month', 'day', 'time'];
const VALUE_LENGTH: Record<Precision, number> = { year: 4, month: 7, day: 10, time: Infinity };

/** Far enough apart that an expression resolved alike against both cannot depend on the reference. */
const SENTINEL_PAST: Anchor = { year: 1900, month: 1, day: 1, hour: 0, minute: 0, offset: null };
const SENTINEL_FUTURE: Anchor = { year: 2100, month: 12, day: 31, hour: 23, minute: 59, offset: null };
const SENTINEL_SPAN = 100;

const CASUAL_DAY = /^casualReference\/(?:today|yesterday|tomorrow|tonight)$/;
const CASUAL_TIME_OF_DAY = /^casualReference\/(?:morning|afternoon|evening|night)$/;

const newsChrono = createNewsChrono();

/**
 * chrono's English casual configuration, extended for news prose. Built once and frozen: parsers
 * and refiners keep no state between calls.
 */
function createNewsChrono(): Chrono {
  const chrono = casual.clone();
  // Endpoints of a span ("from 2016 to 2018", "from February to March") stay separate expressions,
  // each its own date, instead of one result whose end has no place in a DateExpression.
  // chrono's English filter keeps "May" only after "in"; newsProseFilter takes its place. Its
  // refiners that count a duration from a date ("the day before yesterday") go through the
  // machine's time zone; relativeToDateRefiner takes their place.
  const replaced = new Set([
    'ENMergeDateRangeRefiner',
    'ENUnlikelyFormatFilter',
    'ENMergeRelativeAfterDateRefiner',
    'ENMergeRelativeFollowByDateRefiner',
  ]);
  chrono.refiners = chrono.refiners.filter((refiner) => !replaced.has(refiner.constructor.name));
  chrono.parsers = chrono.parsers.map((parser) => {
    const precheck = PARSER_PRECHECKS.get(parser.constructor.name);
    return precheck ? prechecked(parser, precheck) : parser;
  });
  chrono.parsers.push(followingPeriodParser());
  chrono.refiners.unshift(newsProseFilter());
  chrono.refiners.push(
    modelNumberRefiner(),
    monthOverflowRefiner(),
    relativeTimeRefiner(),
    bareYearRefiner(),
    parenthesizedTimeRefiner(),
    partOfDayOfDateRefiner(),
    monthRelativeYearRefiner(),
    thisPeriodRefiner(),
    weekRefiner(),
    periodPartRefiner(),
    impliedYearRefiner(),
    betweenDaysRefiner(),
    weekdayRefiner(),
    lastNightRefiner(),
    relativeToDateRefiner(),
    hedgeRefiner(),
    anaphoricRefiner(),
  );
  Object.freeze(chrono.parsers);
  Object.freeze(chrono.refiners);
  return Object.freeze(chrono);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isFiniteInteger(value: number | null): value is number {
  return value !== null && Number.isInteger(value);
}

function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) <= PRECISIONS.indexOf(b) ? a : b;
}

function cut(value: string, precision: Precision): string {
  return value.slice(0, VALUE_LENGTH[precision]);
}

/**
 * The finest date two resolutions agree on. Agreement below the expression's own precision is
 * flagged approximate; no agreement even on the year gives null.
 */
function agree(a: PartialDate, b: PartialDate): PartialDate | null {
  const finest = coarser(a.precision, b.precision);
  for (let level = PRECISIONS.indexOf(finest); level >= 0; level--) {
    const precision = PRECISIONS[level] ?? 'year';
    const value = cut(a.value, precision);
    if (value === cut(b.value, precision)) {
      const approximate = a.approximate || b.approximate || precision !== a.precision || precision !== b.precision;
      return { value, precision, approximate };
    }
  }
  return null;
}

interface ParsedValue {
  anchor: Anchor;
  precision: Precision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

function parseOffset(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/** An ISO 8601 value cut to any precision, as the reference dates of the pipeline are written. */
function parseValue(value: unknown): ParsedValue | null {
  if (typeof value !== 'string') return null;
  const match = ISO.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, zone] = match;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const offset = parseOffset(zone);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || offset === undefined) return null;
  const precision: Precision = h !== undefined ? 'time' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  return { anchor: { year, month, day, hour, minute, offset }, precision };
}

function startOf(anchor: Anchor, precision: Precision): Anchor {
  if (precision === 'time') return anchor;
  return {
    year: anchor.year,
    month: precision === 'year' ? 1 : anchor.month,
    day: precision === 'day' ? anchor.day : 1,
    hour: 0,
    minute: 0,
    offset: null,
  };
}

function endOf(anchor: Anchor, precision: Precision): Anchor {
  if (precision === 'time') return anchor;
  const month = precision === 'year' ? 12 : anchor.month;
  return {
    year: anchor.year,
    month,
    day: precision === 'day' ? anchor.day : daysInMonth(anchor.year, month),
    hour: 23,
    minute: 59,
    offset: null,
  };
}

function shiftYears(anchor: Anchor, years: number): Anchor {
  return { ...anchor, year: anchor.year + years, day: Math.min(anchor.day, daysInMonth(anchor.year + years, anchor.month)) };
}

function unknownFrame(unresolved: (text: string) => string): Frame {
  return { anchors: [SENTINEL_PAST, SENTINEL_FUTURE], probeRelative: false, unresolved };
}

function knownFrame(date: PartialDate): Frame {
  const parsed = parseValue(date.value);
  if (!parsed || !PRECISIONS.includes(date.precision)) {
    return unknownFrame((text) => `the reference date ${JSON.stringify(date.value)} is not a valid date to resolve "${text}" against`);
  }
  const precision = coarser(parsed.precision, date.precision);
  const start = startOf(parsed.anchor, precision);
  const end = endOf(parsed.anchor, precision);
  const value = cut(date.value.trim(), precision);
  return {
    anchors: precision === 'time' ? [start] : [start, end],
    probeRelative: date.approximate === true,
    unresolved: (text) => `the reference date is known only to the ${precision} (${value}), too coarse to resolve "${text}"`,
  };
}

function boundedFrame(after: unknown, before: unknown): Frame {
  const from = after === undefined ? undefined : parseValue(after);
  const to = before === undefined ? undefined : parseValue(before);
  if (from === null || to === null) {
    return unknownFrame((text) => `the reference interval is not valid to resolve "${text}" against`);
  }
  if (!from && !to) return unknownFrame((text) => `the article has no publication date to resolve "${text}" against`);
  const first = from ? startOf(from.anchor, from.precision === 'time' ? 'day' : from.precision) : undefined;
  const last = to ? endOf(to.anchor, to.precision === 'time' ? 'day' : to.precision) : undefined;
  if (first && last && first.year * 10_000 + first.month * 100 + first.day > last.year * 10_000 + last.month * 100 + last.day) {
    return unknownFrame((text) => `the reference interval ends before it starts, so "${text}" cannot be resolved`);
  }
  const describe = first && last ? `between ${after} and ${before}` : first ? `on or after ${after}` : `on or before ${before}`;
  return {
    anchors: [first ?? shiftYears(last as Anchor, -SENTINEL_SPAN), last ?? shiftYears(first as Anchor, SENTINEL_SPAN)],
    probeRelative: false,
    unresolved: (text) => `"${text}" depends on the reference date, known only to lie ${describe}`,
  };
}

function frameOf(reference: ReferenceDate): Frame {
  const fallback = unknownFrame((text) => `the article has no publication date to resolve "${text}" against`);
  if (typeof reference !== 'object' || reference === null) return fallback;
  if (reference.kind === 'known' && typeof reference.date === 'object' && reference.date !== null) {
    return knownFrame(reference.date);
  }
  if (reference.kind === 'bounded') return boundedFrame(reference.after, reference.before);
  return fallback;
}

function toChronoReference(anchor: Anchor): ParsingReference {
  const offset = anchor.offset ?? 0;
  const wallClock = Date.UTC(anchor.year, anchor.month - 1, anchor.day, anchor.hour, anchor.minute);
  // A floating date is read as UTC: chrono then shows its wall clock unchanged, whatever the machine's zone.
  return { instant: new Date(wallClock - offset * 60_000), timezone: offset };
}

function precisionOf(components: ParsedComponents, tags: Set<string>, text: string): Precision | null {
  if (components.isCertain('hour')) return 'time';
  if (components.isCertain('day') || components.isCertain('weekday')) return 'day';
  if (components.isCertain('month')) return 'month';
  if (components.isCertain('year')) return 'year';
  const tagList = [...tags];
  if (tagList.some((tag) => CASUAL_DAY.test(tag))) return 'day';
  // "this morning" names a day; "in the morning" alone does not.
  if (/^this\b/i.test(text) && tagList.some((tag) => CASUAL_TIME_OF_DAY.test(tag))) return 'day';
  return null;
}

function hasDatePart(components: ParsedComponents, tags: Set<string>): boolean {
  return (
    components.isCertain('day') ||
    components.isCertain('weekday') ||
    components.isCertain('month') ||
    components.isCertain('year') ||
    [...tags].some((tag) => CASUAL_DAY.test(tag))
  );
}

function partialDate(
  components: ParsedComponents,
  precision: Precision,
  approximate: boolean,
  offsetKnown: boolean,
): PartialDate | null {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  const hour = components.get('hour');
  const minute = components.get('minute');
  const offset = components.get('timezoneOffset');
  if (!isFiniteInteger(year) || year < 1 || year > 9999) return null;
  let value = pad(year, 4);
  if (precision !== 'year') {
    if (!isFiniteInteger(month) || month < 1 || month > 12) return null;
    value += `-${pad(month)}`;
  }
  if (precision === 'day' || precision === 'time') {
    if (!isFiniteInteger(day) || day < 1 || day > daysInMonth(year, month ?? 1)) return null;
    value += `-${pad(day)}`;
  }
  if (precision === 'time') {
    if (!isFiniteInteger(hour) || hour < 0 || hour > 23) return null;
    const minutes = isFiniteInteger(minute) && minute >= 0 && minute <= 59 ? minute : 0;
    value += `T${pad(hour)}:${pad(minutes)}`;
    if (offsetKnown && isFiniteInteger(offset) && Math.abs(offset) <= 14 * 60) value += formatOffset(offset);
  }
  return { value, precision, approximate };
}

function readComponents(
  components: ParsedComponents,
  tags: Set<string>,
  text: string,
  anchor: Anchor,
  options: ResolveDatesOptions,
): PartialDate | 'skip' | null {
  const precision = precisionOf(components, tags, text);
  if (precision === null) return 'skip';
  if (precision === 'time' && !hasDatePart(components, tags) && !options.timeOfDay) return 'skip';
  // A relative time ("three hours ago") takes chrono's offset from the reference; a floating reference has none.
  const offsetKnown =
    components.isCertain('timezoneOffset') && !(tags.has('result/relativeDateAndTime') && anchor.offset === null);
  return partialDate(components, precision, tags.has('parallax/approximate'), offsetKnown);
}

function read(result: ParsedResult, text: string, anchor: Anchor, options: ResolveDatesOptions): Reading {
  const tags = result.tags();
  if (tags.has('parallax/anaphoric')) {
    return { date: null, reason: `"${text}" counts from another event, not from the reference date` };
  }
  const start = readComponents(result.start, tags, text, anchor, options);
  if (start === 'skip') return 'skip';
  if (start === null) return { date: null, reason: `"${text}" does not form a valid date` };
  if (!result.end) return { date: start };
  const end = readComponents(result.end, tags, text, anchor, options);
  if (end === 'skip' || end === null) return { date: start };
  const span = agree(start, end);
  return span ? { date: span } : { date: null, reason: `"${text}" spans more than a year` };
}

const LEADING_NOISE = /^(?:\s+|,|(?:on|at)\s+(?!least\b))/i;
const TRAILING_NOISE = /(?:\s+|,|-|\s+of)$/i;

/**
 * The expression as written. chrono keeps surrounding spaces and commas, a leading "on" or "at",
 * a trailing "of", and brackets around a weekday; a bracket stays only with its partner, as in
 * "March 22, 2019 (1:50AM)".
 */
function trimmed(sentence: string, result: ParsedResult): { index: number; text: string } | null {
  const text = result.text;
  if (sentence.slice(result.index, result.index + text.length) !== text) return null;
  let start = 0;
  let end = text.length;
  for (let changed = true; changed && start < end; ) {
    const head = text.slice(start, end);
    const lead = LEADING_NOISE.exec(head)?.[0].length ?? (/^[(（]/.test(head) && !/[)）]/.test(head) ? 1 : 0);
    start += lead;
    const tail = text.slice(start, end);
    const trail = TRAILING_NOISE.exec(tail)?.[0].length ?? (/[)）]$/.test(tail) && !/[(（]/.test(tail) ? 1 : 0);
    end -= trail;
    changed = lead > 0 || trail > 0;
  }
  return start < end ? { index: result.index + start, text: text.slice(start, end) } : null;
}

function parse(sentence: string, anchor: Anchor): ParsedResult[] {
  return newsChrono.parse(sentence, toChronoReference(anchor));
}

function collect(sentence: string, anchors: Anchor[], options: ResolveDatesOptions): Found[] {
  const found = new Map<string, Found>();
  for (const [position, anchor] of anchors.entries()) {
    // Only what the first anchor finds is read against the others: most sentences hold no date, and parsing costs.
    if (position > 0 && found.size === 0) break;
    for (const result of parse(sentence, anchor)) {
      const expression = trimmed(sentence, result);
      if (!expression) continue;
      const key = `${expression.index}:${expression.text}`;
      const entry = found.get(key) ?? (position === 0 ? { ...expression, readings: [] } : undefined);
      if (!entry) continue;
      entry.readings[position] = read(result, expression.text, anchor, options);
      found.set(key, entry);
    }
  }
  return [...found.values()];
}

/** One expression resolved against every anchor of the frame, reduced to what they agree on. */
function combine(found: Found, frame: Frame): DateExpression | null {
  const { text, index, readings } = found;
  if (readings.includes('skip')) return null;
  let date: PartialDate | null = null;
  for (let position = 0; position < frame.anchors.length; position++) {
    const reading = readings[position];
    if (reading === undefined || reading === 'skip') return { text, index, date: null, reason: frame.unresolved(text) };
    if (reading.date === null) return { text, index, date: null, reason: reading.reason };
    date = position === 0 ? reading.date : date && agree(date, reading.date);
  }
  return date ? { text, index, date } : { text, index, date: null, reason: frame.unresolved(text) };
}

/**
 * Finds the temporal expressions of one sentence and resolves each against a reference date —
 * the article's publication, or the revision that introduced the sentence.
 *
 * - Precision comes from what the sentence states ("February 2019" is a month, "last year" a year),
 *   never finer than the reference allows: a relative expression is resolved against every instant
 *   the reference may stand for, and keeps only what they agree on (flagged approximate), or null.
 * - Absolute expressions ("22 March 2019", "in 2016") need no reference; relative ones against an
 *   unknown reference give `date: null` and a `reason`.
 * - A reference with an offset resolves in that offset's calendar; one without is a floating local
 *   date. The machine's time zone and clock play no part.
 *
 * Returns expressions ordered by `index`, each `text` exactly as it stands in the sentence.
 * Never throws: input it cannot read yields `[]`.
 */
export function resolveDates(
  sentence: string,
  reference: ReferenceDate,
  options: ResolveDatesOptions = {},
): DateExpression[] {
  if (typeof sentence !== 'string' || sentence.trim() === '') return [];
  return datesResolver(reference, options)(sentence);
}

/**
 * `resolveDates` for many sentences against one reference: `datesResolver(reference, options)(sentence)`
 * gives what `resolveDates(sentence, reference, options)` does. The reference is read once, not once
 * per sentence; it must not change while the resolver is in use.
 */
export function datesResolver(reference: ReferenceDate, options: ResolveDatesOptions = {}): (sentence: string) => DateExpression[] {
  let settings: ResolveDatesOptions;
  let frame: Frame;
  try {
    settings = typeof options === 'object' && options !== null ? options : {};
    frame = frameOf(reference);
  } catch {
    // As for a sentence that trips the parser: no dates rather than a stopped build.
    return () => [];
  }
  return (sentence) => (typeof sentence !== 'string' || sentence.trim() === '' ? [] : resolveInFrame(sentence, frame, settings));
}

function resolveInFrame(sentence: string, frame: Frame, settings: ResolveDatesOptions): DateExpression[] {
  try {
    const found = collect(sentence, frame.anchors, settings);
    // No expression, nothing to probe: the probe below only qualifies what was found.
    if (found.length === 0) return [];
    // Against an approximate reference, whatever depends on the reference is approximate too.
    const absolute = new Set<string>();
    if (frame.probeRelative) {
      const sentinels = unknownFrame(() => '');
      for (const found of collect(sentence, sentinels.anchors, settings)) {
        if (combine(found, sentinels)?.date) absolute.add(`${found.index}:${found.text}`);
      }
    }
    const expressions: DateExpression[] = [];
    for (const each of found) {
      const expression = combine(each, frame);
      if (!expression) continue;
      if (frame.probeRelative && expression.date && !absolute.has(`${each.index}:${each.text}`)) {
        expression.date = { ...expression.date, approximate: true };
      }
      expressions.push(expression);
    }
    expressions.sort((a, b) => a.index - b.index);
    let end = 0;
    return expressions.filter((expression) => {
      if (expression.index < end) return false;
      end = expression.index + expression.text.length;
      return true;
    });
  } catch {
    // A sentence that trips the parser must not stop the build; its dates are simply not found.
    return [];
  }
}
