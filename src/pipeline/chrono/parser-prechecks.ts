import type { Parser } from 'chrono-node';

/**
 * For each of chrono's English parsers named here, a pattern that every match of the parser's own
 * pattern contains, under the same case folding (the parsers' patterns have flag `i` without `u`,
 * and so do these). Each pattern below lists literals one of which every alternative of a group
 * the parser's pattern cannot do without starts with or contains:
 *
 * - a digit: ISO, slash and year-first dates ([0-9]{4}, [0-9]{1,2}), "at 3pm" (\d{1,4}), "2019 March";
 * - a month name: every alternative ("september", "sept.", "may" …) starts with a three-letter prefix;
 * - a weekday: every alternative ("thurs.", "sun" …) starts with one, and "weekend" / "weekday" with "week";
 * - the word the parser cannot do without: "ago" / "before" / "earlier", "later" / "after" / …,
 *   "this" / "last" / "past" / "next", "now" / "today" / …, "morning" / "night" / …, "month".
 *
 * Where the text holds none, the parser's pattern cannot match any part of it, so the parser finds
 * nothing and chrono's result is the same without running it. Most sentences name no date, and
 * scanning for a few words costs a fraction of chrono's patterns. The unit tests pin the parsers'
 * patterns: a chrono update that changes one fails them until its precheck is checked again.
 */
export const PARSER_PRECHECKS: ReadonlyMap<string, RegExp> = new Map([
  ['ENYearMonthDayParser', /[0-9]/],
  ['ISOFormatParser', /[0-9]/],
  ['SlashDateFormatParser', /[0-9]/],
  ['ENSlashMonthFormatParser', /[0-9]/],
  ['ENTimeExpressionParser', /[0-9]/],
  ['ENYearMonthNameParser', /[0-9]/],
  ['ENMonthNameLittleEndianParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENMonthNameMiddleEndianParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENMonthNameParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENWeekdayParser', /sun|mon|tue|wed|thu|fri|sat|week/i],
  ['ENTimeUnitAgoFormatParser', /ago|before|earlier/i],
  ['ENTimeUnitLaterFormatParser', /later|after|from now|henceforth|forward|out/i],
  ['ENRelativeDateFormatParser', /this|last|past|next/i],
  ['ENTimeUnitCasualRelativeFormatParser', /this|last|past|next|after|\+|-/i],
  ['ENCasualDateParser', /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/i],
  ['ENCasualTimeParser', /morning|afternoon|evening|night|midday|noon/i],
  ['ENEndOfCurrentMonthParser', /month/i],
]);

/** Fails at once: what a parser is given to search when its precheck rules out every match. */
const NOTHING = /(?!)/y;

/** The parser, with its pattern searched only in a text that passes `precheck`. */
export function prechecked(parser: Parser, precheck: RegExp): Parser {
  return {
    pattern: (context) => (precheck.test(context.text) ? parser.pattern(context) : NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}
