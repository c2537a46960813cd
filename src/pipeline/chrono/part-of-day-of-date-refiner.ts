import { casual } from 'chrono-node/en';
import type { Refiner } from 'chrono-node';

/** "morning of 3 March", "the evening of March 2, 2025": a part of the day of a date. */
const PART_OF_DAY_OF = /^(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;

/**
 * Dates "on the evening of 2 March" by the date it names. chrono reads the part of the day and
 * takes "of 2 March" into the expression, but keeps the reference's day: the date was lost.
 * The part of the day says no hour, so the expression is dated to the day.
 */
export function partOfDayOfDateRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        const lead = PART_OF_DAY_OF.exec(result.text);
        if (!lead) continue;
        const { instant, timezoneOffset } = context.reference;
        const reference = timezoneOffset === null || timezoneOffset === undefined ? { instant } : { instant, timezone: timezoneOffset };
        const [date] = casual.parse(result.text.slice(lead[0].length), reference);
        if (!date || date.index !== 0 || !date.start.isCertain('day') || !date.start.isCertain('month')) continue;
        result.start.assign('day', date.start.get('day')!);
        result.start.assign('month', date.start.get('month')!);
        if (date.start.isCertain('year')) result.start.assign('year', date.start.get('year')!);
        else result.start.imply('year', date.start.get('year')!);
      }
      return results;
    },
  };
}
