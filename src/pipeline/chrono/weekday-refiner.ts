import { getDay } from 'date-fns/getDay';
import { addDays } from 'date-fns/addDays';
import { subDays } from 'date-fns/subDays';
import type { Refiner } from 'chrono-node';

const MODIFIED = /\b(?:this|next|last|past|coming)\b/i;

/**
 * A plan or a schedule ahead of the weekday, in its clause: "is due to answer questions on
 * Tuesday", "will meet on Friday", "is expected to rule on Monday".
 */
const FUTURE = /\b(?:will|shall|won['’]t|(?:is|are|was|were)\s+(?:due|expected|set|scheduled|going|planning|poised)\s+to|plans?\s+to|intends?\s+to)\b|\w['’]ll\b/giu;
/** What ends a clause, or shows that the weekday dates a report of the past ("said on Tuesday"). */
const BREAK = /[,;:.!?—–()]|\b(?:said|says|told|announced|reported|yesterday|ago|earlier|last)\b/iu;

/** Whether the words before `index` in `text`, within its clause, say the weekday is ahead. */
export function aheadInClause(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 160), index);
  let last = -1;
  for (const match of before.matchAll(FUTURE)) last = match.index + match[0].length;
  return last >= 0 && !BREAK.test(before.slice(last));
}

/**
 * Dates a bare weekday ("on Thursday") to the most recent such day on or before the reference:
 * news reports what has happened, where chrono picks the closest one, which may lie ahead. A
 * weekday that a plan in its clause looks ahead to ("is due to answer questions on Tuesday") is
 * the next such day after the reference. Weekdays with "this", "next" or "last" keep chrono's reading.
 */
export function weekdayRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        const start = result.start;
        const weekday = start.get('weekday');
        if (weekday === null || !start.isCertain('weekday') || start.isCertain('day') || MODIFIED.test(result.text)) continue;
        // chrono keeps the reference's wall clock in the local fields of this Date; date-fns works on those fields.
        const reference = context.reference.getDateWithAdjustedTimezone();
        const day = aheadInClause(context.text, result.index)
          ? addDays(reference, (weekday - getDay(reference) + 7) % 7 || 7)
          : subDays(reference, (getDay(reference) - weekday + 7) % 7);
        start.imply('year', day.getFullYear());
        start.imply('month', day.getMonth() + 1);
        start.imply('day', day.getDate());
        if (/\bweekend\b/i.test(result.text)) result.addTag('parallax/approximate');
      }
      return results;
    },
  };
}
