import { subDays } from 'date-fns/subDays';
import type { Refiner } from 'chrono-node';

const LAST_NIGHT = /^last\s*night$/i;

/**
 * Dates "last night" to the evening of the day before the reference. chrono decides by the hour
 * of the reference as the machine's clock shows it, which makes the day depend on where the
 * build runs, and on a reference known only to the day there is no hour to decide by.
 */
export function lastNightRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        if (!LAST_NIGHT.test(result.text.trim())) continue;
        // chrono keeps the reference's wall clock in the local fields of this Date; date-fns works on those fields.
        const day = subDays(context.reference.getDateWithAdjustedTimezone(), 1);
        result.start.assign('year', day.getFullYear());
        result.start.assign('month', day.getMonth() + 1);
        result.start.assign('day', day.getDate());
      }
      return results;
    },
  };
}
