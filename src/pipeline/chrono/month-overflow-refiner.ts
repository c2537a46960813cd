import type { Refiner } from 'chrono-node';

/**
 * chrono counts months on a JavaScript Date, so "last month" from 31 March lands on 31 February,
 * which rolls over to 3 March. The day it rolls to shows the overflow: step the month back to the
 * one that was meant.
 */
export function monthOverflowRefiner(): Refiner {
  return {
    refine(context, results) {
      // Read only for a result that needs it: most have no month counted from the reference, and the
      // reference's day goes through the machine's time zone (a pure, but not a cheap, reading).
      let referenceDay: number | undefined;
      for (const result of results) {
        const start = result.start;
        const month = start.get('month');
        const year = start.get('year');
        const day = start.get('day');
        if (!result.tags().has('result/relativeDate') || !start.isCertain('month') || start.isCertain('day')) continue;
        if (month === null || year === null || day === null) continue;
        referenceDay ??= context.reference.getDateWithAdjustedTimezone().getDate();
        if (day >= referenceDay) continue;
        start.assign('month', month === 1 ? 12 : month - 1);
        if (month === 1) start.assign('year', year - 1);
        start.imply('day', 1);
      }
      return results;
    },
  };
}
