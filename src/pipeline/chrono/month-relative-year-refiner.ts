import type { ParsingResult, Refiner } from 'chrono-node';

const RELATIVE_YEAR = /^(?:this|last|past|next)\s+year$/i;
const JOINER = /^\s*(?:,|of)?\s*$/i;

/**
 * Reads "in March last year" and "March 5 of last year" as one date. chrono returns the month
 * (with the reference's year) and "last year" separately; the year belongs to the month.
 */
export function monthRelativeYearRefiner(): Refiner {
  return {
    refine(context, results) {
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const month = results[i];
        const year = results[i + 1];
        if (!month) continue;
        const yearValue = year?.start.get('year');
        if (
          year &&
          yearValue !== null &&
          yearValue !== undefined &&
          month.start.isCertain('month') &&
          !month.start.isCertain('year') &&
          !month.end &&
          RELATIVE_YEAR.test(year.text.trim()) &&
          JOINER.test(context.text.slice(month.index + month.text.length, year.index))
        ) {
          const merged = month.clone();
          merged.start.assign('year', yearValue);
          merged.addTags(year.tags());
          merged.text = context.text.slice(month.index, year.index + year.text.length);
          out.push(merged);
          i++;
          continue;
        }
        out.push(month);
      }
      return out;
    },
  };
}
