import type { Refiner } from 'chrono-node';

const THIS_PERIOD = /^this\s*(month|year)$/i;

/**
 * Dates "this month" and "this year" from the reference's own calendar. chrono reads them off the
 * reference instant through the machine's time zone, so around a month's turn the month depended
 * on where the build ran.
 */
export function thisPeriodRefiner(): Refiner {
  return {
    refine(context, results) {
      // chrono keeps the reference's wall clock in the local fields of this Date. Read only for a
      // result that needs it: it goes through the machine's time zone, and most sentences have none.
      let reference: Date | undefined;
      for (const result of results) {
        const period = THIS_PERIOD.exec(result.text.trim())?.[1]?.toLowerCase();
        if (!period || result.tags().has('refiner/ENEndOfPeriodRefiner')) continue;
        reference ??= context.reference.getDateWithAdjustedTimezone();
        result.start.assign('year', reference.getFullYear());
        if (period === 'month') result.start.assign('month', reference.getMonth() + 1);
        else result.start.imply('month', 1);
        result.start.imply('day', 1);
      }
      return results;
    },
  };
}
