import type { Parser } from 'chrono-node';

/**
 * "the following day", "the following morning": chrono reads "the next day" but not these. The
 * day after the reference stands in for the date until the anaphoric refiner marks the expression
 * as counted from the date told before (chain-relative-dates.ts dates it from there).
 */
export function followingPeriodParser(): Parser {
  return {
    pattern: () => /(?<=\bthe\s+)following\s+(?:day|morning|afternoon|evening|night)(?![\p{L}\p{N}-])/iu,
    extract(context) {
      const next = context.reference.getDateWithAdjustedTimezone();
      next.setDate(next.getDate() + 1);
      return { year: next.getFullYear(), month: next.getMonth() + 1, day: next.getDate() };
    },
  };
}
