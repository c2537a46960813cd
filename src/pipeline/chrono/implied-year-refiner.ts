import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { aheadInClause } from './ahead-in-clause.ts';

const MODIFIER = /(?:^|[^\p{L}\p{N}])((this|last|past|next)\s+)$/iu;

interface Reference {
  year: number;
  month: number;
  date: Date;
}

/**
 * The year of a month without one: "last March" is the one before the reference's month, "next
 * March" the one after, "this March" the reference's year, and a bare "in February" the most
 * recent February not after the reference, since news reports what has happened; but the next
 * February not before it when a plan in its clause looks ahead ("will report in February").
 */
function yearOfMonth(reference: Reference, month: number, modifier: string | undefined): number {
  if (modifier === 'this') return reference.year;
  if (modifier === 'ahead') return month >= reference.month ? reference.year : reference.year + 1;
  if (modifier === 'next') return month > reference.month ? reference.year : reference.year + 1;
  if (modifier === 'last' || modifier === 'past') return month < reference.month ? reference.year : reference.year - 1;
  return month <= reference.month ? reference.year : reference.year - 1;
}

/**
 * The year of a day without one ("March 23") is the one that puts the day closest to the
 * reference, earlier on a tie, so that a date announced for tomorrow stays in this year.
 */
function yearOfDay(reference: Reference, month: number, day: number, modifier: string | undefined): number | null {
  let best: { year: number; distance: number } | null = null;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    // Local fields carry the wall clock, as in chrono's own reference Date.
    const candidate = new Date(year, month - 1, day, 12);
    if (candidate.getMonth() !== month - 1) continue;
    const signed = differenceInCalendarDays(candidate, reference.date);
    if (modifier === 'last' && signed >= 0) continue;
    if (modifier === 'next' && signed <= 0) continue;
    if (modifier === 'this' && year !== reference.year) continue;
    const distance = Math.abs(signed);
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year ?? null;
}

function implyYear(start: ParsingComponents, reference: Reference, modifier: string | undefined): void {
  const month = start.get('month');
  if (month === null) return;
  if (!start.isCertain('day')) {
    start.imply('year', yearOfMonth(reference, month, modifier));
    return;
  }
  const day = start.get('day');
  const year = day === null ? null : yearOfDay(reference, month, day, modifier);
  if (year !== null) start.imply('year', year);
}

function needsYear(start: ParsingComponents | null | undefined): start is ParsingComponents {
  return start != null && start.isCertain('month') && !start.isCertain('year');
}

/**
 * Chooses the year of dates written without one from the reference's calendar, replacing chrono's
 * guess (the closest year, computed on the machine's local clock), and takes a leading "last" /
 * "next" / "this" into the expression.
 */
export function impliedYearRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]) {
      // Most sentences have no date without a year: the reference's calendar is read only for one.
      if (!results.some((result) => needsYear(result.start))) return results;
      const date = context.reference.getDateWithAdjustedTimezone();
      const reference: Reference = { year: date.getFullYear(), month: date.getMonth() + 1, date };
      let previousEnd = 0;
      for (const result of results) {
        if (needsYear(result.start)) {
          const prefix = MODIFIER.exec(context.text.slice(previousEnd, result.index));
          const modifier = prefix?.[2]?.toLowerCase();
          if (prefix?.[1] && !result.start.isCertain('weekday')) {
            result.index -= prefix[1].length;
            result.text = prefix[1] + result.text;
          }
          const ahead = !modifier && !result.start.isCertain('day') && aheadInClause(context.text, result.index) ? 'ahead' : undefined;
          implyYear(result.start, reference, result.start.isCertain('weekday') ? undefined : (modifier ?? ahead));
          const end = result.end;
          if (needsYear(end)) {
            const startYear = result.start.get('year');
            const startKey = (result.start.get('month') ?? 0) * 100 + (result.start.get('day') ?? 0);
            const endKey = (end.get('month') ?? 0) * 100 + (end.get('day') ?? 0);
            if (startYear !== null) end.imply('year', endKey < startKey ? startYear + 1 : startYear);
          }
        }
        previousEnd = result.index + result.text.length;
      }
      return results;
    },
  };
}
