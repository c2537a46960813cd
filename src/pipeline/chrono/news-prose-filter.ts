import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;

const FULL_WEEKDAY = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|weekday)\b/i;

/** Words that make a following month name a date ("in May", "since March", "mid-June"). */
const TEMPORAL_LEAD = new Set(
  `in by since until till from to through throughout during of before after early mid late last this next
  end beginning start middle between around about as for past`.split(/\s+/),
);

/** Capitalised at the start of a sentence, not because they are names: "The March update". */
const DETERMINERS = new Set(`the a an this that these those its their our his her my your every each`.split(/\s+/));

/** Words that number a release, not a day: "version 1.21.2019", "build 3.4.19". */
const VERSION_LEAD = /\b(?:version|ver|v|build|firmware|software|patch|release|model|number|no)\.?\s*$/i;

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * A month name alone reads as a name just as well: "Theresa May", "April Smith", "March Madness".
 * Keep it when a temporal word leads it; drop it when it sits next to another capitalised word.
 */
function looksLikeName(context: ParsingContext, result: ParsingResult): boolean {
  const previous = /(\p{L}[\p{L}'’.-]*)[ \t]+$/u.exec(context.text.slice(0, result.index))?.[1];
  if (previous && (TEMPORAL_LEAD.has(previous.toLowerCase()) || DETERMINERS.has(previous.toLowerCase()))) return false;
  if (previous && isCapitalized(previous)) return true;
  const next = /^[ \t]+(\p{L}[\p{L}'’-]*)/u.exec(context.text.slice(result.index + result.text.trimEnd().length))?.[1];
  return next !== undefined && isCapitalized(next);
}

function isUnlikelyInNews(context: ParsingContext, result: ParsingResult): boolean {
  const start = result.start;
  const tags = result.tags();
  // chrono reads "the second" as a duration of one second.
  if (/\bthe\s+second$/i.test(result.text.trim())) return true;
  // "now" dates the writing, not an event.
  if (tags.has('casualReference/now')) return true;
  // "worked there for 19 years", "closed for two weeks": a duration, which chrono counts forward from the reference.
  if (tags.has('result/relativeDate') && /^for\s/i.test(result.text.trim()) && !/^for\s+(?:this|next|last|the\s+(?:next|last|past|coming))\b/i.test(result.text.trim())) return true;
  // "within about 15 m of the dam": a distance. News prose writes units of time out ("15 minutes", "2 hrs").
  if (tags.has('result/relativeDate') && /\d\s*[mhds]\.?$/i.test(result.text.trim().replace(/\s+(?:later|ago|earlier|before|after|from\s+now)$/i, ''))) return true;
  // Without a year, "24/7", "1/2" and "3/4" are idioms and fractions far more often than dates.
  if (tags.has('parser/SlashDateFormatParser') && !start.isCertain('year')) return true;
  if (tags.has('parser/SlashDateFormatParser') && VERSION_LEAD.test(context.text.slice(0, result.index))) return true;
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day') && !start.isCertain('month');
  // "the Sun", "sat down": abbreviated weekdays stand alone only in timetables.
  if (weekdayOnly && !FULL_WEEKDAY.test(result.text)) return true;
  const monthWords = result.text.match(MONTH_WORD);
  if (monthWords) {
    // News prose capitalises month names; "may", "march" and "august" in lower case are other words.
    if (monthWords.every((word) => !isCapitalized(word))) return true;
    const monthOnly = !start.isCertain('day') && !start.isCertain('year');
    if (monthOnly && looksLikeName(context, result)) return true;
  }
  return false;
}

/**
 * Drops what chrono finds in news prose that is not a date: modal "may", person names that are
 * month names, abbreviated weekdays, yearless slash fractions, version numbers, "the second" and
 * "now". It stands in for chrono's English filter, which keeps "May" only after "in" and so loses
 * "since May" and "by May".
 */
export function newsProseFilter(): Refiner {
  return {
    refine: (context, results) => results.filter((result) => !isUnlikelyInNews(context, result)),
  };
}
