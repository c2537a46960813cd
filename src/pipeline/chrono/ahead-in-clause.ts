/**
 * Dates that a plan looks ahead to. News reports what has happened, so a bare weekday or month is
 * read as the last one; a plan in the clause before it turns it forward.
 */

import { matchesOf } from '../matches-of.ts';

/**
 * A plan or a schedule ahead of a date in its clause: "is due to answer questions on Tuesday",
 * "will meet on Friday", "said it would publish its findings in November".
 */
const FUTURE = /\b(?:will|shall|won['’]t|would|(?:is|are|was|were)\s+(?:due|expected|set|scheduled|going|planning|poised)\s+to|plans?\s+to|intends?\s+to)\b|\w['’]ll\b/giu;
/** What ends a clause, or shows that the date belongs to a report of the past ("said on Tuesday"). */
const BREAK = /[,;:.!?—–()]|\b(?:said|says|told|announced|reported|yesterday|ago|earlier|last)\b/iu;

/** Whether the words before `index` in `text`, within its clause, say the date there lies ahead. */
export function aheadInClause(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 160), index);
  let last = -1;
  for (const match of matchesOf(before, FUTURE)) last = match.index + match[0].length;
  return last >= 0 && !BREAK.test(before.slice(last));
}
