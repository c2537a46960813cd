import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const HEDGE =
  /(?:^|[^\p{L}\p{N}])((?:about|around|roughly|approximately|nearly|almost|some|over|more\s+than|less\s+than|at\s+least|circa)\s+)$/iu;

/** Counts that name no number ("a few days ago", "several weeks ago", "the past few days"). */
const VAGUE_COUNT = /\b(?:few|several|couple)\b|\bpast\s+(?:day|week|month|year)s?\b/i;

/**
 * Flags expressions approximate when they hedge ("about two weeks ago", "nearly a year ago") or
 * count vaguely ("a few days ago"), and takes a leading hedge into the expression. chrono turns
 * "a few" into exactly three and "several" into seven; the day it returns is a guess.
 */
export function hedgeRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]) {
      let previousEnd = 0;
      for (const result of results) {
        const hedge = HEDGE.exec(context.text.slice(previousEnd, result.index))?.[1];
        if (hedge) {
          result.index -= hedge.length;
          result.text = hedge + result.text;
        }
        if (hedge || /^(?:about|around)\b/i.test(result.text) || VAGUE_COUNT.test(result.text)) {
          result.addTag('parallax/approximate');
        }
        previousEnd = result.index + result.text.length;
      }
      return results;
    },
  };
}
