import { format } from 'date-fns/format';

/** The build time in UTC, unambiguous without JavaScript: "23 November 2026, 11:42 UTC". */
export function formatBuildTime(date: Date): { iso: string; text: string } {
  const utc = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  return { iso: date.toISOString(), text: `${format(utc, 'd MMMM yyyy, HH:mm')} UTC` };
}
