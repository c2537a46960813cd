import { addDays } from 'date-fns/addDays';
import { addMinutes } from 'date-fns/addMinutes';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { differenceInMinutes } from 'date-fns/differenceInMinutes';
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const BEFORE_OR_AFTER = /\s+(?:before|from|after|since)$/i;

/** The components' wall clock, in the local fields of a Date as chrono's own reference keeps it. */
function wallClock(components: ParsingComponents): Date | null {
  const [year, month, day, hour, minute] = (['year', 'month', 'day', 'hour', 'minute'] as const).map((c) => components.get(c));
  if (year == null || month == null || day == null) return null;
  return new Date(year, month - 1, day, hour ?? 12, minute ?? 0);
}

function assignDay(components: ParsingComponents, date: Date): void {
  components.assign('year', date.getFullYear());
  components.assign('month', date.getMonth() + 1);
  components.assign('day', date.getDate());
}

/**
 * The date a duration counts to from another date: the offset chrono applied to the reference
 * ("the day before" is the reference minus a day), applied instead to the date that follows.
 */
function shifted(context: ParsingContext, duration: ParsingResult, anchor: ParsingResult): ParsingResult | null {
  const reference = context.reference.getDateWithAdjustedTimezone();
  const counted = wallClock(duration.start);
  const from = wallClock(anchor.start);
  if (!counted || !from) return null;
  const result = anchor.clone();
  const start = result.start;
  if (duration.start.isCertain('hour')) {
    const moved = addMinutes(from, differenceInMinutes(counted, reference));
    assignDay(start, moved);
    start.assign('hour', moved.getHours());
    start.assign('minute', moved.getMinutes());
  } else if (duration.start.isCertain('day')) {
    assignDay(start, addDays(from, differenceInCalendarDays(counted, reference)));
  } else if (duration.start.isCertain('month')) {
    const moved = addMonths(from, differenceInCalendarMonths(counted, reference));
    start.delete('day');
    start.imply('day', moved.getDate());
    start.assign('month', moved.getMonth() + 1);
    start.assign('year', moved.getFullYear());
  } else {
    const moved = addYears(from, (duration.start.get('year') ?? reference.getFullYear()) - reference.getFullYear());
    start.delete(['day', 'month']);
    start.imply('day', moved.getDate());
    start.imply('month', moved.getMonth() + 1);
    start.assign('year', moved.getFullYear());
  }
  start.delete('weekday');
  result.index = duration.index;
  result.text = context.text.slice(duration.index, anchor.index + anchor.text.length);
  return result.addTag('result/relativeDate');
}

/**
 * Counts "the day before yesterday" and "two days after March 5" from the date that follows.
 * It stands in for chrono's own refiner, which converts that date through the machine's time
 * zone and so lands on a different day depending on where the build runs.
 */
export function relativeToDateRefiner(): Refiner {
  return {
    refine(context, results) {
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const duration = results[i];
        const anchor = results[i + 1];
        if (!duration) continue;
        const mergeable =
          anchor &&
          duration.tags().has('result/relativeDate') &&
          BEFORE_OR_AFTER.test(duration.text.trimEnd()) &&
          /^\s*$/.test(context.text.slice(duration.index + duration.text.length, anchor.index)) &&
          (anchor.start.isCertain('day') || anchor.start.isCertain('weekday'));
        const merged = mergeable ? shifted(context, duration, anchor) : null;
        if (merged) {
          out.push(merged);
          i++;
        } else {
          out.push(duration);
        }
      }
      return out;
    },
  };
}
