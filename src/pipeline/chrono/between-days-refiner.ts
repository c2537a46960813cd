import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/** "between 1 and …" right before a day of a month: the first day of the span. */
const BETWEEN_DAY = /\bbetween\s+((\d{1,2})(?:st|nd|rd|th)?\s+and\s+)$/i;

/**
 * Reads "between 1 and 14 June 2024" as the span it names, as chrono already reads "1 to 14 June
 * 2024": chrono alone finds only "14 June 2024", and the span's first day is lost.
 */
export function betweenDaysRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]) {
      let previousEnd = 0;
      for (const result of results) {
        const before = BETWEEN_DAY.exec(context.text.slice(previousEnd, result.index));
        const last = result.start.get('day');
        const first = Number(before?.[2]);
        if (before?.[1] && !result.end && result.start.isCertain('day') && result.start.isCertain('month') && last !== null && first >= 1 && first < last) {
          result.end = result.start.clone();
          result.start.assign('day', first);
          result.start.delete('weekday');
          result.index -= before[1].length;
          result.text = before[1] + result.text;
        }
        previousEnd = result.index + result.text.length;
      }
      return results;
    },
  };
}
