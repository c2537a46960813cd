import { getDay } from 'date-fns/getDay';
import { addDays } from 'date-fns/addDays';
import { subDays } from 'date-fns/subDays';
import type { Refiner } from 'chrono-node';
import { aheadInClause } from './ahead-in-clause.ts';

const MODIFIED = /\b(?:this|next|last|past|coming)\b/i;

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
