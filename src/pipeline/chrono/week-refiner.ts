import { addWeeks } from 'date-fns/addWeeks';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import type { Refiner } from 'chrono-node';

const WEEK = /^(this|last|next)\s+week$/i;
const OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };

/**
 * Dates "this week", "last week" and "next week" by the Monday that starts the (ISO) week,
 * flagged approximate: the phrase names seven days, and a day is the finest a timeline can place
 * it. chrono instead returns a day exactly seven days away, or nothing certain for "this week".
 */
export function weekRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        const match = WEEK.exec(result.text.trim());
        if (!match || result.tags().has('refiner/ENEndOfPeriodRefiner')) continue;
        // chrono keeps the reference's wall clock in the local fields of this Date; date-fns works on those fields.
        const reference = context.reference.getDateWithAdjustedTimezone();
        const monday = addWeeks(startOfISOWeek(reference), OFFSET[(match[1] ?? '').toLowerCase()] ?? 0);
        result.start.assign('year', monday.getFullYear());
        result.start.assign('month', monday.getMonth() + 1);
        result.start.assign('day', monday.getDate());
        result.start.delete('weekday');
        result.start.imply('weekday', 1);
        result.addTags(['parallax/week', 'parallax/approximate']);
      }
      return results;
    },
  };
}
