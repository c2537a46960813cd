import { calendarDay, isoWeekday, monthName, numberWord, WEEKDAYS } from './calendar.ts';
import type { Random } from './random.ts';

/** When something happened, as the corpus knows it. */
export interface HappeningDate {
  /** Days since 1970-01-01; for a month-precision happening, a representative day of it. */
  day: number;
  /** 'month' for a happening only ever reported by its month ("at the end of June", "in March 2022"). */
  precision: 'day' | 'month';
}

export interface DateStyle {
  /** "6 May" instead of "May 6". */
  dayFirst: boolean;
}

function dayMonth(day: number, style: DateStyle, withYear: boolean): string {
  const c = calendarDay(day);
  const text = style.dayFirst ? `${c.day} ${monthName(c.month)}` : `${monthName(c.month)} ${c.day}`;
  if (!withYear) return text;
  return style.dayFirst ? `${text} ${c.year}` : `${text}, ${c.year}`;
}

function monthPhrases(day: number, reference: number): string[] {
  const c = calendarDay(day);
  const r = calendarDay(reference);
  const month = monthName(c.month);
  const monthsBack = (r.year - c.year) * 12 + (r.month - c.month);
  const out: string[] = [];
  if (c.year === r.year) out.push(`in ${month}`);
  out.push(`in ${month} ${c.year}`);
  if (c.day >= 21) out.push(`at the end of ${month}`, `in late ${month}`);
  if (c.day <= 10) out.push(`in early ${month}`, `at the start of ${month}`);
  if (monthsBack === 0) out.push('earlier this month');
  if (monthsBack === 1) out.push('last month');
  if (r.year - c.year >= 1) {
    out.push(`in ${c.year}`);
    if (r.year - c.year >= 2) out.push(`${numberWord(r.year - c.year)} years ago`);
    else out.push('last year');
  } else if (monthsBack >= 3) out.push('earlier this year');
  return out;
}

/**
 * An expression of `when` as a reporter writing on `reference` (a day number) would put it:
 * absolute ("on May 6"), relative ("yesterday", "three days ago", "last week"), by weekday
 * ("on Monday") or by month ("in May", "last month", "at the end of June"). Lower case; the
 * caller capitalises it at the start of a sentence.
 */
export function datePhrase(when: HappeningDate, reference: number, style: DateStyle, random: Random): string {
  if (when.precision === 'month') return random.pick(monthPhrases(when.day, reference));
  const delta = reference - when.day;
  const weekday = WEEKDAYS[calendarDay(when.day).weekday] ?? '';
  const sameYear = calendarDay(when.day).year === calendarDay(reference).year;
  const absolute = [`on ${dayMonth(when.day, style, !sameYear)}`, `on ${weekday}, ${dayMonth(when.day, style, false)}`];
  if (random.chance(0.08)) absolute.push(`on ${dayMonth(when.day, style, true)}`);
  const relative: string[] = [];
  if (delta === 0) relative.push('today', 'earlier today', 'this morning');
  if (delta === 1) relative.push('yesterday', 'late yesterday', `on ${weekday}`, `${weekday} night`);
  if (delta >= 2 && delta <= 6) {
    relative.push(`on ${weekday}`, `on ${weekday}`, `${numberWord(delta)} days ago`);
    if (delta <= 4) relative.push('a few days ago');
    if (isoWeekday(when.day) < isoWeekday(reference)) relative.push('earlier this week');
  }
  if (delta >= 7 && delta <= 13) relative.push('last week');
  if (delta >= 14 && delta <= 49) relative.push(`${numberWord(Math.round(delta / 7))} weeks ago`);
  // Reporters fall back on the month for what happened a while ago.
  const vague = delta >= 10 ? monthPhrases(when.day, reference) : [];
  const pool = random.chance(0.45) ? absolute : relative.length && random.chance(0.75) ? relative : vague.length ? vague : absolute;
  return random.pick(pool.length ? pool : absolute);
}
