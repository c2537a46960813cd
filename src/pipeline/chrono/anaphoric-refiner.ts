import type { Refiner } from 'chrono-node';

const COUNTED_FROM_ANOTHER_EVENT = /\b(?:later|earlier|before|after|afterwards?|prior)$/i;

/**
 * Marks durations counted from another event ("two days later", "a week earlier", "the day
 * before"): chrono counts them from the reference date, but the sentence counts them from
 * something it mentioned before, which this sentence alone does not date.
 */
export function anaphoricRefiner(): Refiner {
  return {
    refine(_context, results) {
      for (const result of results) {
        if (result.tags().has('result/relativeDate') && COUNTED_FROM_ANOTHER_EVENT.test(result.text.trim())) {
          result.addTag('parallax/anaphoric');
        }
      }
      return results;
    },
  };
}
