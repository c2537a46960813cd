import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const LEADING_DAY = /^(\d{1,2})(?:st|nd|rd|th)?\s+/i;
const NAME_BEFORE = /(?:^|\s)(\S+)\s+(\p{Lu}[\p{L}\p{N}-]*)\s+$/u;

/** Capitalised words that introduce a date rather than name a product. */
const DATE_LEAD = new Set(`on in since by until from till through before after of updated published posted dated`.split(/\s+/));

function namesAModel(context: ParsingContext, result: ParsingResult): boolean {
  if (!LEADING_DAY.test(result.text) || !result.start.isCertain('day') || result.start.isCertain('weekday')) return false;
  const name = NAME_BEFORE.exec(context.text.slice(0, result.index))?.[2];
  return name !== undefined && !DATE_LEAD.has(name.toLowerCase());
}

/**
 * A number right after a capitalised word, inside a sentence, is part of a name, not a day:
 * "the Vireo 10 May 2019 update" is the May 2019 update of the Vireo 10. The day is dropped and
 * the rest of the date kept.
 */
export function modelNumberRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        if (!namesAModel(context, result)) continue;
        const day = LEADING_DAY.exec(result.text)?.[0] ?? '';
        result.index += day.length;
        result.text = result.text.slice(day.length);
        result.start.delete('day');
        result.start.imply('day', 1);
      }
      return results;
    },
  };
}
