import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * A part of a month or a year: "early March", "mid-2018", "the end of 2018", "the second half
 * of 2018", "earlier this year". "the" stays out of the expression, as chrono leaves it out of
 * "end of February".
 */
const LEADING_PART =
  /(?:^|[^\p{L}\p{N}])((?:early|mid|late|earlier|later)(?:\s*-\s*|\s+)|(?:beginning|start|middle|end|(?:first|second|latter)\s+half|(?:first|second|third|fourth|last)\s+quarter)\s+of\s+(?:the\s+)?)$/iu;
const VAGUE_PART = /^(?:earlier|later)\b/i;
const TRAILING_END = /^(?:\s*-\s*|\s+)end\b/i;
const END_OF_PREFIX = /^(?:last\s+day|end)\s+of\s+(?:the\s+)?/i;
const RELATIVE_PERIOD = /^(?:this|last|past|next)\s*(week|month|year)$/i;

function keepOnly(start: ParsingComponents, precision: 'month' | 'year'): void {
  start.delete(['day', 'weekday']);
  start.imply('day', 1);
  if (precision === 'year') {
    start.delete('month');
    start.imply('month', 1);
  }
}

/**
 * chrono's "end of February" is the 28th and "end of last year" is 31 December: a day the text
 * never states. The part of a period is dated by the period itself.
 */
function undoEndOfPeriodDay(result: ParsingResult): void {
  const text = result.text.trim();
  if (/^last\s+day\b/i.test(text)) return;
  const period = RELATIVE_PERIOD.exec(text.replace(END_OF_PREFIX, ''))?.[1]?.toLowerCase();
  if (period === 'week') result.addTag('parallax/approximate');
  else keepOnly(result.start, period === 'year' ? 'year' : 'month');
}

function isPeriod(result: ParsingResult): boolean {
  return !result.start.isCertain('day') || result.tags().has('parallax/week');
}

/**
 * Takes the words that narrow a month, a year or a week into the expression, so the text reads
 * as written ("early March", "March end"). The date keeps the precision of the period; "earlier"
 * and "later" do not say how much earlier, so those are flagged approximate.
 */
export function periodPartRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]) {
      let previousEnd = 0;
      results.forEach((result, i) => {
        if (result.tags().has('refiner/ENEndOfPeriodRefiner')) {
          undoEndOfPeriodDay(result);
        } else if (isPeriod(result)) {
          const part = LEADING_PART.exec(context.text.slice(previousEnd, result.index))?.[1];
          if (part) {
            result.index -= part.length;
            result.text = part + result.text;
            if (VAGUE_PART.test(part)) result.addTag('parallax/approximate');
          }
          const nextStart = results[i + 1]?.index ?? context.text.length;
          const textEnd = result.index + result.text.trimEnd().length;
          const end = result.start.isCertain('month') ? TRAILING_END.exec(context.text.slice(textEnd, nextStart)) : null;
          if (end) result.text = context.text.slice(result.index, textEnd + end[0].length);
        }
        previousEnd = result.index + result.text.length;
      });
      return results;
    },
  };
}
