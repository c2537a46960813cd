import type { Refiner } from 'chrono-node';

const COUNTED_FROM_ANOTHER_EVENT = /\b(?:later|earlier|before|after|afterwards?|prior)$/i;
/** "the next day", "the following morning": the day after what the text told before, not after the reference. */
const NEXT_PERIOD = /^(?:next|following)\s+(?:day|morning|afternoon|evening|night)$/i;
const THE_BEFORE = /\bthe\s+$/i;

/**
 * Marks durations counted from another event ("two days later", "a week earlier", "the day
 * before", "the next day"): chrono counts them from the reference date, but the sentence counts
 * them from something it mentioned before, which this sentence alone does not date (see
 * chain-relative-dates.ts for those counted from the date told just before).
 */
export function anaphoricRefiner(): Refiner {
  return {
    refine(context, results) {
      for (const result of results) {
        const text = result.text.trim();
        const nextPeriod = NEXT_PERIOD.test(text) && THE_BEFORE.test(context.text.slice(0, result.index));
        if ((result.tags().has('result/relativeDate') && COUNTED_FROM_ANOTHER_EVENT.test(text)) || nextPeriod) {
          result.addTag('parallax/anaphoric');
        }
      }
      return results;
    },
  };
}
