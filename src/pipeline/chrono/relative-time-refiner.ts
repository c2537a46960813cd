// English alone, as in resolve-dates.ts.
import { casual } from 'chrono-node/en';
import type { ParsingComponents, Refiner } from 'chrono-node';

const MINUTE = 60_000;

/** Noon in mid-January 2000: no time zone skips or repeats an hour anywhere near it. */
const STEADY_CLOCK = Date.UTC(2000, 0, 15, 12);

function wallClock(components: { get: ParsingComponents['get'] }): number | null {
  const [year, month, day, hour, minute] = (['year', 'month', 'day', 'hour', 'minute'] as const).map((c) => components.get(c));
  if (year == null || month == null || day == null || hour == null) return null;
  return Date.UTC(year, month - 1, day, hour, minute ?? 0);
}

/**
 * Recounts "three hours ago" and "within 24 hours" from the reference's true wall clock. chrono
 * counts hours on a Date in the machine's time zone, which cannot show a reference that falls in
 * that zone's daylight-saving gap (02:30 on the night clocks spring forward) nor land in one. The
 * duration is read again by chrono against a steady instant and applied in UTC, which skips no hour.
 */
export function relativeTimeRefiner(): Refiner {
  return {
    refine(context, results) {
      const offset = context.reference.timezoneOffset;
      if (offset == null) return results;
      const trueClock = Math.floor(context.reference.instant.getTime() / MINUTE) * MINUTE + offset * MINUTE;
      for (const result of results) {
        if (!result.tags().has('result/relativeDateAndTime')) continue;
        const [steady] = casual.parse(result.text, { instant: new Date(STEADY_CLOCK), timezone: 0 });
        const counted = steady && steady.text === result.text ? wallClock(steady.start) : null;
        if (counted === null) continue;
        const target = new Date(trueClock + (counted - STEADY_CLOCK));
        result.start.assign('year', target.getUTCFullYear());
        result.start.assign('month', target.getUTCMonth() + 1);
        result.start.assign('day', target.getUTCDate());
        result.start.assign('hour', target.getUTCHours());
        result.start.assign('minute', target.getUTCMinutes());
      }
      return results;
    },
  };
}
