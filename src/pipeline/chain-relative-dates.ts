import type { DateExpression, PartialDate, Precision } from './types.ts';

/** What a sentence needs to be chained: its block, its revision, and the dates found in it. */
export interface ChainableSentence {
  id: string;
  block: number;
  update?: string;
  dates: DateExpression[];
}

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * A duration counted from what the text told just before: "a week later", "two days earlier",
 * "a few months later", "the next day". The count is optional ("days later"); a hedge ("about")
 * or a vague count makes the date approximate.
 */
const COUNTED = /^(?:(about|around|roughly|some|nearly|almost)\s+)?(?:(a\s+few|a\s+couple\s+of|several|\d{1,3}|[a-z]+)\s+)?(days?|weeks?|fortnights?|months?|years?)\s+(later|earlier)$/i;
/** "the next day", "the following morning": what the anaphoric refiner marks as counted from the date before. */
const NEXT = /^(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)$/i;

/** How far back, in blocks, the date a duration counts from may stand. */
const BLOCKS_BACK = 3;

interface Count {
  amount: number;
  unit: 'day' | 'month' | 'year';
  vague: boolean;
}

function countOf(text: string): Count | null {
  const counted = COUNTED.exec(text.trim());
  if (counted) {
    const [, hedge, word, unitWord = '', direction = ''] = counted;
    const vague = /few|couple|several/i.test(word ?? '');
    let amount = 1;
    if (word && !vague) {
      const value = /^\d+$/.test(word) ? Number(word) : NUMBERS[word.toLowerCase()];
      if (value === undefined) return null;
      amount = value;
    } else if (vague) {
      amount = /couple/i.test(word ?? '') ? 2 : 3;
    }
    const sign = /earlier/i.test(direction) ? -1 : 1;
    const unit = unitWord.toLowerCase().replace(/s$/, '');
    if (unit === 'week') return { amount: sign * amount * 7, unit: 'day', vague: vague || Boolean(hedge) };
    if (unit === 'fortnight') return { amount: sign * amount * 14, unit: 'day', vague: vague || Boolean(hedge) };
    return { amount: sign * amount, unit: unit as Count['unit'], vague: vague || Boolean(hedge) };
  }
  return NEXT.test(text.trim()) ? { amount: 1, unit: 'day', vague: false } : null;
}

const FINEST: Record<Count['unit'], Precision[]> = {
  day: ['day', 'time'],
  month: ['month', 'day', 'time'],
  year: ['year', 'month', 'day', 'time'],
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `from` moved by the count, at the count's precision; the calendar is the one `from` is written in. */
function counted(from: PartialDate, count: Count): PartialDate | null {
  if (!FINEST[count.unit].includes(from.precision)) return null;
  const [year = NaN, month = 1, day = 1] = from.value.slice(0, 10).split('-').map(Number);
  if (!Number.isInteger(year)) return null;
  if (count.unit === 'day') {
    const moved = new Date(Date.UTC(year, month - 1, day + count.amount));
    return { value: `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`, precision: 'day', approximate: count.vague };
  }
  if (count.unit === 'month') {
    const index = year * 12 + (month - 1) + count.amount;
    return { value: `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`, precision: 'month', approximate: count.vague };
  }
  return { value: pad(year + count.amount, 4), precision: 'year', approximate: count.vague };
}

/**
 * Dates durations that count from the date the text gave just before ("The first fire broke out on
 * 3 June. A week later, a second pack caught fire"): each is counted from the last date resolved
 * before it in the article, in its own sentence or an earlier one at most three blocks back and
 * in the same revision. A date that is approximate, or coarser than the duration's unit, dates
 * nothing; the expression then stays unresolved with its reason. A date found this way can date
 * the next duration in turn. Sentences are taken in document order; their expressions are
 * replaced, never reordered.
 */
export function chainRelativeDates<T extends ChainableSentence>(sentences: readonly T[]): T[] {
  let last: { date: PartialDate; block: number; update: string | undefined } | null = null;
  return sentences.map((sentence) => {
    let changed = false;
    const dates = sentence.dates.map((expression) => {
      let result = expression;
      if (expression.date === null) {
        const count = countOf(expression.text);
        const near = last && last.update === sentence.update && sentence.block - last.block <= BLOCKS_BACK && !last.date.approximate;
        const date = count && near && last ? counted(last.date, count) : null;
        if (date) {
          result = { text: expression.text, index: expression.index, date };
          changed = true;
        }
      }
      if (result.date) last = { date: result.date, block: sentence.block, update: sentence.update };
      return result;
    });
    return changed ? { ...sentence, dates } : sentence;
  });
}
