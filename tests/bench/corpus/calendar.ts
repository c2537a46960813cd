/** Day arithmetic on calendar days, free of the machine's time zone. */

const DAY_MS = 86_400_000;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Days since 1970-01-01 of an ISO day (YYYY-MM-DD). */
export function dayNumber(iso: string): number {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export interface CalendarDay {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  iso: string;
}

export function calendarDay(day: number): CalendarDay {
  const date = new Date(day * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    iso: date.toISOString().slice(0, 10),
  };
}

/** "two", "eleven"; digits from 13 on, as news style has it. */
export function numberWord(n: number): string {
  return NUMBERS[n] ?? String(n);
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** Monday-based day of the week (Monday 0 … Sunday 6), for "earlier this week". */
export function isoWeekday(day: number): number {
  return (calendarDay(day).weekday + 6) % 7;
}
