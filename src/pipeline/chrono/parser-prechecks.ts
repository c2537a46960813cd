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
/** Prechecks several parsers share, one object each, so that a text is searched once for all of them (see `prechecked`). */
const DIGIT = /[0-9]/;
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

export const PARSER_PRECHECKS: ReadonlyMap<string, RegExp> = new Map([
  ['ENYearMonthDayParser', DIGIT],
  ['ISOFormatParser', DIGIT],
  ['SlashDateFormatParser', DIGIT],
  ['ENSlashMonthFormatParser', DIGIT],
  ['ENTimeExpressionParser', DIGIT],
  ['ENYearMonthNameParser', DIGIT],
  ['ENMonthNameLittleEndianParser', MONTH],
  ['ENMonthNameMiddleEndianParser', MONTH],
  ['ENMonthNameParser', MONTH],
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

/** Each precheck as a function of the text, one per precheck object (see `answerOf`). */
const answers = new WeakMap<RegExp, (text: string) => boolean>();

/**
 * The precheck's answer for a text, remembering the last text it was asked about. chrono hands every
 * parser the same text in turn, so the parsers that share a precheck ask it about one text one after
 * another. A precheck has neither flag `g` nor `y`: its answer depends on the text alone.
 */
function answerOf(precheck: RegExp): (text: string) => boolean {
  let answer = answers.get(precheck);
  if (!answer) {
    let lastText: string | undefined;
    let lastPasses = false;
    answer = (text) => {
      if (text !== lastText) {
        lastPasses = precheck.test(text);
        lastText = text;
      }
      return lastPasses;
    };
    answers.set(precheck, answer);
  }
  return answer;
}

/** The parser, with its pattern searched only in a text that passes `precheck` (a pattern without flag `g` or `y`). */
export function prechecked(parser: Parser, precheck: RegExp): Parser {
  if (precheck.global || precheck.sticky) throw new TypeError('a precheck must not keep a position between searches');
  const passes = answerOf(precheck);
  return {
    pattern: (context) => (passes(context.text) ? parser.pattern(context) : NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}
